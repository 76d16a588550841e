"""Account operations: each validates, writes, records the audit event and flushes."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

from .. import audit
from ..errors import InvalidInput
from ..extensions import db
from ..models import ApiToken, Cohort, CohortMembership, Invitation, Organisation, Role, User, utcnow
from .handles import EMAIL_TAKEN, retrying_handle_clash

JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8
MIN_PASSWORD = 10
INVITATION_DAYS = 14
INVITABLE_BY = {
    Role.ADMIN: set(Role),
    Role.INSTRUCTOR: {Role.TRAINEE, Role.ROLE_PLAYER},
}
# Checked when the email is unknown, so a failed login takes as long as a wrong password: one per
# hash method, made with the method real passwords use.
_DUMMY_HASHES: dict[str, str] = {}


def hash_secret(raw: str) -> str:
    """SHA-256 of a random token (tokens are long and random, so a fast hash is right here)."""
    return hashlib.sha256(raw.encode()).hexdigest()


def set_password(user: User, password: str) -> None:
    """Check the password's length and store its slow hash."""
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"Use at least {MIN_PASSWORD} characters.", "password")
    if len(password) > 200:
        raise InvalidInput("Use at most 200 characters.", "password")
    user.password_hash = generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def _dummy_hash() -> str:
    method = current_app.config["PASSWORD_HASH_METHOD"]
    if method not in _DUMMY_HASHES:
        _DUMMY_HASHES[method] = generate_password_hash(secrets.token_urlsafe(16), method=method)
    return _DUMMY_HASHES[method]


def normalize_email(email: str) -> str:
    """Emails compare case-insensitively and without surrounding spaces."""
    return (email or "").strip().lower()


def authenticate(email: str, password: str) -> User | None:
    """Return the user when the password is right and the account active; audit either way."""
    email = normalize_email(email)
    user = db.session.scalar(sa.select(User).where(User.email == email))
    valid = user is not None and user.password_hash is not None
    ok = check_password_hash(user.password_hash if valid else _dummy_hash(), password or "")
    if not (valid and ok and user.is_active):
        reason = "inactive" if valid and ok else "bad_credentials"
        audit.record(
            "login.failed",
            user,
            organisation_id=user.organisation_id if user else None,
            email=email[:254],
            reason=reason,
        )
        db.session.commit()
        return None
    user.last_login_at = utcnow()
    audit.record("login.succeeded", user, actor=user)
    db.session.commit()
    return user


def new_join_code() -> str:
    """A fresh, unused, unambiguous join code."""
    while True:
        code = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        if db.session.scalar(sa.select(Cohort.id).where(Cohort.join_code == code)) is None:
            return code


def clean_join_code(code: str) -> str:
    """Accept codes typed in any case, with spaces or dashes."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def cohort_for_code(code: str) -> Cohort:
    """Return the cohort with this join code, or raise a clear error."""
    cohort = db.session.scalar(sa.select(Cohort).where(Cohort.join_code == clean_join_code(code)))
    if cohort is None:
        raise InvalidInput("No cohort has that join code. Check it with your instructor.", "join_code")
    return cohort


def _require_new_email(email: str) -> str:
    email = normalize_email(email)
    if db.session.scalar(sa.select(User.id).where(User.email == email)) is not None:
        raise InvalidInput(EMAIL_TAKEN, "email")
    return email


def join_with_code(code: str, email: str, display_name: str, password: str) -> User:
    """Create a trainee account in the cohort that owns the join code (a handle clash is retried)."""
    return retrying_handle_clash(lambda: _join_with_code(code, email, display_name, password))


def _join_with_code(code: str, email: str, display_name: str, password: str) -> User:
    cohort = cohort_for_code(code)
    user = User(
        email=_require_new_email(email),
        display_name=display_name.strip(),
        role=Role.TRAINEE,
        organisation_id=cohort.organisation_id,
    )
    set_password(user, password)
    db.session.add(user)
    db.session.flush()
    db.session.add(CohortMembership(cohort=cohort, user=user))
    audit.record("account.joined", user, actor=user, cohort_id=cohort.id)
    db.session.flush()
    return user


def join_cohort(user: User, code: str) -> Cohort:
    """Add an existing user to the cohort with this code (same organisation only)."""
    cohort = cohort_for_code(code)
    if cohort.organisation_id != user.organisation_id:
        raise InvalidInput("No cohort has that join code. Check it with your instructor.", "join_code")
    exists = db.session.scalar(
        sa.select(CohortMembership.id).where(
            CohortMembership.cohort_id == cohort.id, CohortMembership.user_id == user.id
        )
    )
    if exists is not None:
        raise InvalidInput(f"You are already in {cohort.name}.", "join_code")
    db.session.add(CohortMembership(cohort=cohort, user=user))
    audit.record("cohort.joined", cohort, actor=user)
    db.session.flush()
    return cohort


def create_cohort(actor: User, name: str) -> Cohort:
    """Create a cohort taught by the actor, with a new join code."""
    cohort = Cohort(
        name=name.strip(),
        organisation_id=actor.organisation_id,
        join_code=new_join_code(),
        instructor_id=actor.id if actor.role == Role.INSTRUCTOR else None,
    )
    db.session.add(cohort)
    db.session.flush()
    audit.record("cohort.created", cohort, name=cohort.name)
    return cohort


def regenerate_join_code(cohort: Cohort) -> str:
    """Replace a cohort's join code (the old one stops working)."""
    cohort.join_code = new_join_code()
    audit.record("cohort.code_changed", cohort)
    db.session.flush()
    return cohort.join_code


def invite_user(
    inviter: User, email: str, display_name: str, role: Role, cohort: Cohort | None = None
) -> tuple[User, str]:
    """Create an account without a password and a one-time link to set it; returns (user, token)."""
    return retrying_handle_clash(lambda: _invite_user(inviter, email, display_name, role, cohort))


def _invite_user(
    inviter: User, email: str, display_name: str, role: Role, cohort: Cohort | None
) -> tuple[User, str]:
    if role not in INVITABLE_BY.get(inviter.role, set()):
        raise InvalidInput(f"You cannot invite someone as {role.value}.", "role", status=403)
    user = User(
        email=_require_new_email(email),
        display_name=display_name.strip(),
        role=role,
        organisation_id=inviter.organisation_id,
    )
    db.session.add(user)
    db.session.flush()
    if cohort is not None:
        db.session.add(CohortMembership(cohort=cohort, user=user))
    token = secrets.token_urlsafe(32)
    db.session.add(
        Invitation(
            user=user,
            invited_by=inviter,
            token_hash=hash_secret(token),
            expires_at=utcnow() + timedelta(days=INVITATION_DAYS),
        )
    )
    audit.record("account.invited", user, role=role.value, cohort_id=cohort.id if cohort else None)
    db.session.flush()
    return user, token


def invitation_for_token(token: str) -> Invitation:
    """Return the open invitation for this token, or raise a clear error."""
    invitation = db.session.scalar(sa.select(Invitation).where(Invitation.token_hash == hash_secret(token)))
    if invitation is None or invitation.accepted_at is not None:
        raise InvalidInput("This invitation link is not valid or was already used.", "token", status=404)
    if invitation.expires_at < utcnow():
        raise InvalidInput("This invitation has expired. Ask for a new one.", "token", status=410)
    return invitation


def accept_invitation(token: str, password: str) -> User:
    """Set the invited account's password and close the invitation."""
    invitation = invitation_for_token(token)
    set_password(invitation.user, password)
    end_sessions(invitation.user)
    invitation.accepted_at = utcnow()
    audit.record("account.invitation_accepted", invitation.user, actor=invitation.user)
    db.session.flush()
    return invitation.user


def end_sessions(user: User) -> None:
    """End every session the account has open (their cookies stop working on the next request)."""
    user.session_version = (user.session_version or 0) + 1


def log_out(user: User) -> None:
    """Record the logout and end the account's sessions."""
    end_sessions(user)
    audit.record("logout", user, actor=user)
    db.session.flush()


def change_password(user: User, current: str, new: str) -> None:
    """Change a password after checking the current one; every other session of the account ends."""
    if not user.password_hash or not check_password_hash(user.password_hash, current or ""):
        raise InvalidInput("Your current password is not right.", "current_password")
    set_password(user, new)
    end_sessions(user)
    audit.record("account.password_changed", user, actor=user)
    db.session.flush()


def set_account_active(actor: User, user: User, active: bool) -> None:
    """Deactivate or reactivate an account (never one's own)."""
    if user.id == actor.id:
        raise InvalidInput("You cannot deactivate your own account.", "user", status=409)
    user.is_active_account = active
    audit.record("account.reactivated" if active else "account.deactivated", user)
    db.session.flush()


def change_role(actor: User, user: User, role: Role) -> None:
    """Give a user another role (admins only; never one's own)."""
    if user.id == actor.id:
        raise InvalidInput("You cannot change your own role.", "role", status=409)
    old = user.role
    user.role = role
    audit.record("account.role_changed", user, old=old.value, new=role.value)
    db.session.flush()


def create_api_token(user: User, name: str) -> tuple[ApiToken, str]:
    """Create a personal API token; the raw token is returned once and never stored."""
    raw = "sbx_" + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user, name=name.strip() or "API token", token_hash=hash_secret(raw), prefix=raw[:10]
    )
    db.session.add(token)
    db.session.flush()
    audit.record(
        "api_token.created", token, actor=user, organisation_id=user.organisation_id, name=token.name
    )
    return token, raw


def revoke_api_token(user: User, token_id: int) -> None:
    """Revoke one of the user's own tokens."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise InvalidInput("No such token.", "token", status=404)
    token.revoked_at = token.revoked_at or utcnow()
    audit.record("api_token.revoked", token, actor=user, organisation_id=user.organisation_id)
    db.session.flush()


def user_for_token(raw: str) -> User | None:
    """Return the active user owning this unrevoked API token."""
    if not raw.startswith("sbx_"):
        return None
    token = db.session.scalar(sa.select(ApiToken).where(ApiToken.token_hash == hash_secret(raw)))
    if token is None or token.revoked_at is not None or not token.user.is_active:
        return None
    token.last_used_at = utcnow()
    db.session.commit()
    return token.user


def create_organisation(name: str) -> Organisation:
    """Create an organisation."""
    organisation = Organisation(name=name.strip())
    db.session.add(organisation)
    db.session.flush()
    audit.record("organisation.created", organisation, organisation_id=organisation.id)
    return organisation
