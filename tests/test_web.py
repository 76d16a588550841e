"""Pages, error pages, security headers, cookies, the health check."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from sandbox.models import Role


def test_error_pages_are_html_for_people_and_json_for_the_api(client, login_as):
    assert "Page not found" in client.get("/nowhere").text
    login_as(Role.TRAINEE)
    forbidden = client.get("/people")
    assert forbidden.status_code == 403 and "have access" in forbidden.text


def test_security_headers_are_on_every_response(client):
    for path in ("/login", "/nowhere", "/api/v1/openapi.json", "/static/css/app.css"):
        response = client.get(path)
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        response.close()


def test_pages_have_no_inline_script(client, login_as):
    login_as(Role.ADMIN)
    for path in ("/", "/account", "/people", "/cohorts", "/help"):
        page = client.get(path).text
        assert "<script>" not in page and " on" + "click=" not in page, path
        assert "synthetic" in page.lower(), path  # the simulation marker is always visible


def test_session_cookie_is_httponly_lax_and_secure_over_https(client, org):
    from .factories import PASSWORD, make_user

    user = make_user(org)
    plain = client.post("/login", data={"email": user.email, "password": PASSWORD})
    cookie = plain.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    client.post("/logout")
    secure = client.post(
        "/login", data={"email": user.email, "password": PASSWORD}, base_url="https://localhost"
    )
    assert "Secure" in secure.headers["Set-Cookie"]


def test_navigation_depends_on_role(client, login_as):
    login_as(Role.TRAINEE)
    page = client.get("/").text
    assert "/people" not in page and "/account" in page


def test_healthz_checks_the_database(app, client):
    body = client.get("/healthz").json
    assert body["status"] == "ok" and body["checks"] == {"database": "ok", "event_bus": "ok"}


def test_healthz_reports_503_when_the_database_is_gone(tmp_path):
    from sandbox import create_app
    from sandbox.config import TestConfig

    missing = tmp_path / "no-such-dir" / "db.sqlite3"
    app = create_app(TestConfig(str(tmp_path), f"sqlite:///{missing}"))
    response = app.test_client().get("/healthz")
    assert response.status_code == 503 and response.json["checks"]["database"] == "unavailable"
    with app.app_context():
        from sandbox.extensions import db

        db.engine.dispose()
    assert sa  # sqlalchemy imported for the error type the view catches


@pytest.mark.parametrize("path", ["/login", "/join", "/help"])
def test_head_answers_like_get(client, path):
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.data == b"" and head.headers["Content-Type"] == get.headers["Content-Type"]
