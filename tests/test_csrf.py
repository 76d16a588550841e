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


UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def test_every_state_changing_route_refuses_a_signed_in_request_without_the_token(app, client, org):
    """The whole URL map, as an admin holding a session cookie: every write without a token is refused."""
    admin = make_user(org, Role.ADMIN)
    token = csrf_token_from(client.get("/login").text)
    client.post("/login", data={"email": admin.email, "password": PASSWORD, "csrf_token": token})
    routes = [
        (rule, method)
        for rule in app.url_map.iter_rules()
        for method in sorted(rule.methods & UNSAFE)
        if rule.endpoint != "auth.logout"  # refusing it is tested above; passing it would end the session
    ]
    let_through = []
    for rule, method in routes:
        values = {
            arg: ("social" if "platform" in arg else "x" if arg in ("handle", "token", "key") else 1)
            for arg in rule.arguments
        }
        response = client.open(rule.build(values, append_unknown=False)[1], method=method, data={})
        if response.status_code != 400 or "CSRF" not in response.get_data(as_text=True):
            let_through.append(f"{method} {rule.rule}: {response.status_code}")
        response.close()
    assert len(routes) >= 60
    assert not let_through, "\n".join(let_through)
