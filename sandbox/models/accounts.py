"""Organisations, users, cohorts, invitations and API tokens."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from ..extensions import db
from .types import Role, UTCDateTime, enum_column, utcnow

EMAIL_MAX = 254
NAME_MAX = 80


class Organisation(db.Model):
    """A customer: a hospital or practice whose staff train here."""

    __tablename__ = "organisations"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120), unique=True)
    retention_days: Mapped[int | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    users: Mapped[list[User]] = relationship(back_populates="organisation")
    cohorts: Mapped[list[Cohort]] = relationship(back_populates="organisation")


class User(UserMixin, db.Model):
    """A person with an account: trainee, instructor, role-player, reviewer or admin."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    email: Mapped[str] = mapped_column(sa.String(EMAIL_MAX), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(NAME_MAX))
    handle: Mapped[str] = mapped_column(sa.String(40), unique=True)  # for @mentions in the platforms
    role: Mapped[Role] = mapped_column(enum_column(Role), default=Role.TRAINEE)
    password_hash: Mapped[str | None] = mapped_column(sa.String(255), default=None)
    is_active_account: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # Part of every session cookie's user id; bumping it ends all the account's sessions.
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")

    organisation: Mapped[Organisation] = relationship(back_populates="users")
    memberships: Mapped[list[CohortMembership]] = relationship(back_populates="user")

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        """Whether the account may log in."""
        return self.is_active_account and self.password_hash is not None

    def get_id(self) -> str:
        """The id Flask-Login keeps in the session: the account and its session version."""
        return f"{self.id}.{self.session_version}"

    def has_role(self, *roles: Role) -> bool:
        """Whether the user holds one of the given roles."""
        return self.role in roles

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email} {self.role}>"


class Cohort(db.Model):
    """A group of trainees taking a course together, joined with a code."""

    __tablename__ = "cohorts"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    join_code: Mapped[str] = mapped_column(sa.String(16), unique=True)
    instructor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), default=None, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    signed_off_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    organisation: Mapped[Organisation] = relationship(back_populates="cohorts")
    instructor: Mapped[User | None] = relationship(foreign_keys=[instructor_id])
    memberships: Mapped[list[CohortMembership]] = relationship(back_populates="cohort")


class CohortMembership(db.Model):
    """A user's place in a cohort."""

    __tablename__ = "cohort_memberships"
    __table_args__ = (sa.UniqueConstraint("cohort_id", "user_id", name="uq_cohort_memberships_cohort_user"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(sa.ForeignKey("cohorts.id"), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    pseudonym: Mapped[str | None] = mapped_column(sa.String(NAME_MAX), default=None)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    cohort: Mapped[Cohort] = relationship(back_populates="memberships")
    user: Mapped[User] = relationship(back_populates="memberships")


class Invitation(db.Model):
    """A one-time link that lets an invited person set their password."""

    __tablename__ = "invitations"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    invited_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    invited_by: Mapped[User] = relationship(foreign_keys=[invited_by_id])


class ApiToken(db.Model):
    """A personal API token; only its SHA-256 is stored."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(NAME_MAX))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    prefix: Mapped[str] = mapped_column(sa.String(12))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    user: Mapped[User] = relationship()


def handle_base(display_name: str) -> str:
    """A handle made from a name: lowercase letters, digits and underscores."""
    slug = "_".join("".join(ch for ch in word if ch.isalnum()) for word in display_name.lower().split())
    return (slug.strip("_") or "member")[:30]


@event.listens_for(Session, "before_flush")
def _give_new_users_a_handle(session: Session, flush_context, instances) -> None:
    taken = {u.handle for u in session.new if isinstance(u, User) and u.handle}
    for user in [u for u in session.new if isinstance(u, User) and not u.handle]:
        base, suffix = handle_base(user.display_name or ""), 1
        candidate = base
        with session.no_autoflush:
            while candidate in taken or session.scalar(sa.select(User.id).where(User.handle == candidate)):
                suffix += 1
                candidate = f"{base}{suffix}"
        user.handle = candidate
        taken.add(candidate)
