"""Headers every answer carries: Allow on each 405 (pages and JSON), a Server name without versions."""

from __future__ import annotations

import re

import pytest

from sandbox.models import Role

UNUSED_METHOD = "PUT"  # no route accepts PUT, so every URL answers it with 405


def test_no_route_accepts_the_method_the_405_test_sends(app):
    assert all(UNUSED_METHOD not in rule.methods for rule in app.url_map.iter_rules())


@pytest.mark.parametrize("who", [None, Role.ADMIN])
def test_every_405_carries_allow_naming_the_methods_the_url_accepts(app, client, login_as, who):
    if who:
        login_as(who)
    adapter = app.url_map.bind("localhost")
    failures = []
    for rule in app.url_map.iter_rules():
        url = re.sub(r"<[^>]+>", "1", rule.rule)  # "1" fits ids and names alike
        response = client.open(url, method=UNUSED_METHOD)
        allowed = set(adapter.allowed_methods(url))
        sent = {m.strip() for m in response.headers.get("Allow", "").split(",") if m.strip()}
        if response.status_code != 405 or sent != allowed:
            failures.append(f"{url}: {response.status_code} Allow={sent or None} expected {sorted(allowed)}")
    assert not failures, "\n".join(failures)


def test_405_answers_keep_their_json_or_page_body(client):
    api = client.delete("/api/v1/openapi.json")
    assert api.json["error"]["code"] == "method_not_allowed" and api.headers["Allow"]
    page = client.post("/healthz")
    assert page.status_code == 405 and page.mimetype == "text/html" and "GET" in page.headers["Allow"]


@pytest.mark.parametrize("url", ["/healthz", "/api/v1/openapi.json", "/no-such-page", "/api/v1/me"])
def test_server_header_is_the_apps_name_without_versions(client, url):
    assert client.get(url).headers.get_all("Server") == ["sandbox"]
