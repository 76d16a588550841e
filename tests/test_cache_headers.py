"""What may be cached: nothing that can carry someone's data; static files may."""

from __future__ import annotations

import re

import pytest

from sandbox.models import Role


@pytest.mark.parametrize("path", ["/", "/account", "/api/v1/me", "/p/microblog/", "/practice/"])
def test_signed_in_pages_and_api_answers_are_never_stored(client, login_as, path):
    login_as(Role.TRAINEE)
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


def test_the_page_showing_a_new_api_token_is_never_stored(client, login_as):
    login_as(Role.REVIEWER)
    response = client.post("/account/tokens", data={"name": "exports"})
    assert "sbx_" in response.text
    assert response.headers["Cache-Control"] == "no-store"


def test_the_login_page_is_not_stored_either(client):
    assert client.get("/login").headers["Cache-Control"] == "no-store"


def test_static_files_stay_cacheable(client):
    page = client.get("/login").text
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', page)[1]
    response = client.get(stylesheet)
    assert response.status_code == 200 and "no-store" not in response.headers.get("Cache-Control", "")
    response.close()
