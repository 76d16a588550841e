"""CSRF: every form and every cookie-authenticated API write needs the token."""

from __future__ import annotations

import pytest

from sandbox.models import Role, User

from .factories import PASSWORD, count, csrf_token_from, make_cohort, make_user


@pytest.fixture
def config(config):
    config.WTF_CSRF_ENABLED = True
    return config


def test_login_without_csrf_token_is_refused_with_a_clear_message(client, org):
    user = make_user(org)
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "CSRF token" in response.text
    assert client.get("/api/v1/me").status_code == 401


def test_login_with_the_pages_csrf_token_works(client, org):
    user = make_user(org)
    token = csrf_token_from(client.get("/login").text)
    response = client.post("/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302


def test_join_without_csrf_token_saves_nothing(client, org):
    cohort = make_cohort(org)
    response = client.post(
        "/join",
        data={
            "join_code": cohort.join_code,
            "display_name": "A",
            "email": "a@test.example",
            "password": "a-long-password",
            "confirm": "a-long-password",
        },
    )
    assert response.status_code == 400
    assert count(User) == 0


def test_every_form_page_embeds_a_csrf_token(client, org):
    admin = make_user(org, Role.ADMIN)
    token = csrf_token_from(client.get("/login").text)
    client.post("/login", data={"email": admin.email, "password": PASSWORD, "csrf_token": token})
    for path in ("/account", "/people", "/cohorts"):
        page = client.get(path).text
        assert page.count("<form") == page.count('name="csrf_token"') + page.count('role="search"'), path


def test_api_write_with_session_cookie_needs_csrf_header_but_bearer_token_does_not(app, org, api_token):
    user = make_user(org)
    browser = app.test_client()
    token = csrf_token_from(browser.get("/login").text)
    browser.post("/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token})
    draft = {"text": "Happy Monday, everyone!"}
    refused = browser.post("/api/v1/feedback", json=draft)
    assert refused.status_code == 400 and refused.json["error"]["field"] == "csrf_token"
    assert browser.post("/api/v1/feedback", json=draft, headers={"X-CSRFToken": token}).status_code == 200
    script = app.test_client()
    bearer = {"Authorization": f"Bearer {api_token(user)}"}
    assert script.post("/api/v1/feedback", json=draft, headers=bearer).status_code == 200
