"""Logging in and out, joining with a code, invitations, passwords, roles and deactivation."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.models import AuditEvent, CohortMembership, Role, User

from .factories import PASSWORD, count, make_cohort, make_org, make_user


def _actions() -> list[str]:
    return list(db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)))


def test_login_with_right_password_logs_in_and_audits(client, org):
    user = make_user(org, Role.TRAINEE)
    response = client.post("/login", data={"email": user.email.upper(), "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert client.get("/api/v1/me").json["email"] == user.email
    assert "login.succeeded" in _actions()


def test_wrong_password_is_refused_with_a_clear_message_and_audited(client, org):
    user = make_user(org)
    response = client.post("/login", data={"email": user.email, "password": "wrong-password!"})
    assert response.status_code == 400
    assert "do not match an active account" in response.text
    assert client.get("/api/v1/me").status_code == 401
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "login.failed"))
    assert event.details["reason"] == "bad_credentials" and event.target_id == user.id


def test_unknown_email_fails_the_same_way(client, org):
    response = client.post("/login", data={"email": "nobody@test.example", "password": "whatever-123"})
    assert response.status_code == 400 and "do not match an active account" in response.text
    assert _actions() == ["login.failed"]


def test_deactivated_account_cannot_log_in(client, org):
    user = make_user(org, active=False)
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert db.session.scalar(sa.select(AuditEvent.details).where(AuditEvent.action == "login.failed")) == {
        "email": user.email,
        "reason": "inactive",
    }


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/account", "/account"),
        ("https://evil.example/phish", "/"),
        ("//evil.example", "/"),
        ("/\\evil.example", "/"),
    ],
)
def test_login_follows_only_safe_next(client, org, target, expected):
    user = make_user(org)
    response = client.post("/login", data={"email": user.email, "password": PASSWORD, "next": target})
    assert response.headers["Location"] == expected


def test_logout_needs_post_and_ends_the_session(client, login_as):
    login_as(Role.TRAINEE)
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 302
    assert client.get("/api/v1/me").status_code == 401
    assert "logout" in _actions()


def test_login_is_rate_limited(config, tmp_path):
    from sandbox import create_app

    config.LOGIN_RATE_LIMIT = "3 per minute"
    app = create_app(config)
    client = app.test_client()
    statuses = [
        client.post("/login", data={"email": "x@test.example", "password": "nope-nope-1"}).status_code
        for _ in range(5)
    ]
    assert statuses == [400, 400, 400, 429, 429]
    with app.app_context():
        db.engine.dispose()


def _join(client, **overrides):
    data = {
        "join_code": "",
        "display_name": "Sam Trainee",
        "email": "sam@test.example",
        "password": "a-long-password",
        "confirm": "a-long-password",
    }
    data.update(overrides)
    return client.post("/join", data=data)


def test_join_with_code_creates_a_trainee_in_the_cohort(client, org):
    cohort = make_cohort(org)
    response = _join(client, join_code=cohort.join_code.lower()[:4] + "-" + cohort.join_code[4:])
    assert response.status_code == 302
    user = db.session.scalar(sa.select(User).where(User.email == "sam@test.example"))
    assert user.role == Role.TRAINEE and user.organisation_id == org.id
    assert (
        db.session.scalar(sa.select(CohortMembership.cohort_id).where(CohortMembership.user_id == user.id))
        == cohort.id
    )
    assert "account.joined" in _actions()


def test_unknown_join_code_is_refused_and_nothing_is_saved(client, org):
    response = _join(client, join_code="NOPE1234")
    assert response.status_code == 400 and "No cohort has that join code" in response.text
    assert count(User) == 0


def test_duplicate_email_is_refused_and_nothing_is_saved(client, org):
    cohort = make_cohort(org)
    make_user(org, email="sam@test.example")
    response = _join(client, join_code=cohort.join_code, email="SAM@test.example")
    assert response.status_code == 400 and "already exists" in response.text
    assert count(User) == 1 and count(CohortMembership) == 0


def test_over_long_name_is_refused_with_the_limit_named(client, org):
    cohort = make_cohort(org)
    response = _join(client, join_code=cohort.join_code, display_name="x" * 81)
    assert response.status_code == 400 and "at most 80 characters" in response.text
    assert count(User) == 0


def test_short_password_and_mismatch_are_explained(client, org):
    cohort = make_cohort(org)
    response = _join(client, join_code=cohort.join_code, password="short", confirm="other")
    assert "Use 10 to 200 characters." in response.text and "The passwords differ." in response.text
    assert count(User) == 0


def test_instructor_invites_a_trainee_who_sets_a_password(client, login_as, org):
    instructor = login_as(Role.INSTRUCTOR)
    cohort = make_cohort(org, instructor=instructor)
    response = client.post(
        "/people/invite",
        data={
            "display_name": "New Nurse",
            "email": "nurse@test.example",
            "role": "trainee",
            "cohort_id": cohort.id,
        },
    )
    assert response.status_code == 201
    link = re.search(r'id="invite-link">([^<]+)<', response.text).group(1)
    token_path = link.split("localhost", 1)[1]
    client.post("/logout")
    invited = db.session.scalar(sa.select(User).where(User.email == "nurse@test.example"))
    assert invited.password_hash is None and not invited.is_active
    response = client.post(token_path, data={"password": "a-new-password", "confirm": "a-new-password"})
    assert response.status_code == 302
    assert client.get("/api/v1/me").json["email"] == "nurse@test.example"
    assert client.get(token_path).status_code == 404  # used once
    assert {"account.invited", "account.invitation_accepted"} <= set(_actions())


def test_instructor_cannot_invite_an_admin(client, login_as):
    login_as(Role.INSTRUCTOR)
    response = client.post(
        "/people/invite",
        data={"display_name": "X", "email": "x@test.example", "role": "admin", "cohort_id": 0},
    )
    assert response.status_code == 400 and "Not a valid choice" in response.text
    assert db.session.scalar(sa.select(User).where(User.email == "x@test.example")) is None


def test_password_change_checks_the_current_password(client, login_as):
    user = login_as(Role.TRAINEE)
    bad = client.post(
        "/account/password",
        data={"current_password": "wrong-one-123", "password": "brand-new-pass", "confirm": "brand-new-pass"},
    )
    assert bad.status_code == 400 and "current password is not right" in bad.text
    good = client.post(
        "/account/password",
        data={"current_password": PASSWORD, "password": "brand-new-pass", "confirm": "brand-new-pass"},
    )
    assert good.status_code == 302
    client.post("/logout")
    assert client.post("/login", data={"email": user.email, "password": "brand-new-pass"}).status_code == 302


def test_admin_deactivates_an_account_which_is_logged_out_and_audited(app, client, login_as, org):
    login_as(Role.ADMIN)
    trainee = make_user(org)
    trainee_client = app.test_client()
    trainee_client.post("/login", data={"email": trainee.email, "password": PASSWORD})
    assert client.post(f"/people/{trainee.id}/active", data={"active": "0"}).status_code == 302
    assert trainee_client.get("/api/v1/me").status_code == 401
    assert "account.deactivated" in _actions()


def test_admin_cannot_deactivate_themselves(client, login_as):
    admin = login_as(Role.ADMIN)
    client.post(f"/people/{admin.id}/active", data={"active": "0"})
    db.session.refresh(admin)
    assert admin.is_active_account


def test_role_change_is_audited_with_old_and_new(client, login_as, org):
    login_as(Role.ADMIN)
    user = make_user(org, Role.TRAINEE)
    assert client.post(f"/people/{user.id}/role", data={"role": "reviewer"}).status_code == 302
    db.session.refresh(user)
    assert user.role == Role.REVIEWER
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "account.role_changed"))
    assert event.details == {"old": "trainee", "new": "reviewer"}


def test_another_organisations_data_is_not_found(client, login_as):
    login_as(Role.ADMIN)
    other_org = make_org("Elsewhere Hospital (test)")
    stranger = make_user(other_org)
    foreign_cohort = make_cohort(other_org)
    assert client.get(f"/cohorts/{foreign_cohort.id}").status_code == 404
    assert client.post(f"/people/{stranger.id}/role", data={"role": "admin"}).status_code == 404
    assert client.post(f"/people/{stranger.id}/active", data={"active": "0"}).status_code == 404
    people = client.get("/people").text
    assert stranger.email not in people
    db.session.refresh(stranger)
    assert stranger.role == Role.TRAINEE and stranger.is_active_account


def test_instructor_cannot_open_another_instructors_cohort(client, login_as, org):
    login_as(Role.INSTRUCTOR)
    colleague = make_user(org, Role.INSTRUCTOR)
    cohort = make_cohort(org, instructor=colleague)
    assert client.get(f"/cohorts/{cohort.id}").status_code == 403


def test_trainee_joins_a_second_cohort_but_not_another_organisations(client, login_as, org):
    login_as(Role.TRAINEE)
    second = make_cohort(org)
    foreign = make_cohort(make_org())
    assert client.post("/account/cohorts", data={"join_code": second.join_code}).status_code == 302
    response = client.post("/account/cohorts", data={"join_code": foreign.join_code})
    assert response.status_code == 400 and "No cohort has that join code" in response.text
    again = client.post("/account/cohorts", data={"join_code": second.join_code})
    assert "already in" in again.text
