"""Sessions end for real: a copied cookie stops working after logout or a password change."""

from __future__ import annotations

from sandbox.extensions import db
from sandbox.models import Role, User

from .factories import PASSWORD, make_user

NEW_PASSWORD = "brand-new-pass"


def _log_in(app, user: User):
    client = app.test_client()
    assert client.post("/login", data={"email": user.email, "password": PASSWORD}).status_code == 302
    return client


def _copy_of(app, client):
    """A second browser holding the same session cookie (as a stolen or kept cookie would)."""
    other = app.test_client()
    other.set_cookie("session", client.get_cookie("session").value)
    return other


def test_a_kept_cookie_stops_working_after_logout(app, org):
    user = make_user(org, Role.TRAINEE)
    client = _log_in(app, user)
    kept = _copy_of(app, client)
    assert kept.get("/api/v1/me").status_code == 200
    assert client.post("/logout").status_code == 302
    assert kept.get("/api/v1/me").status_code == 401
    assert kept.get("/account").status_code == 302  # to the login page


def test_logout_ends_the_accounts_other_sessions_too(app, org):
    user = make_user(org, Role.TRAINEE)
    laptop, phone = _log_in(app, user), _log_in(app, user)
    laptop.post("/logout")
    assert phone.get("/api/v1/me").status_code == 401


def test_password_change_ends_other_sessions_and_keeps_this_one(app, org):
    user = make_user(org, Role.TRAINEE)
    here, elsewhere = _log_in(app, user), _log_in(app, user)
    response = here.post(
        "/account/password",
        data={"current_password": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert here.get("/api/v1/me").status_code == 200
    assert elsewhere.get("/api/v1/me").status_code == 401


def test_a_session_cookie_without_a_version_is_not_accepted(app, org):
    user = make_user(org, Role.TRAINEE)
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)  # the format before session versions
        session["_fresh"] = True
    assert client.get("/api/v1/me").status_code == 401


def test_api_tokens_keep_working_after_logout(app, org, api_token):
    user = make_user(org, Role.TRAINEE)
    token = api_token(user)
    client = _log_in(app, user)
    client.post("/logout")
    db.session.expire_all()
    response = app.test_client().get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
