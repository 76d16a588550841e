"""Feed pages served at once by a threaded server: each organisation's trainee sees only their own posts.

Issue #11: one bleach Linker shared by the server's threads put one request's post text into another
request's page, across organisations, and sometimes failed the request with a 500.
"""

from __future__ import annotations

import http.client
import re
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest
from werkzeug.serving import make_server

from ..factories import PASSWORD, make_org, make_persona, make_post, make_user

ORGS = ("harbour", "upland")
POSTS_PER_ORG = 30
REQUESTS = 320
CLIENT_THREADS = 16
FEED = f"/p/microblog/?limit={POSTS_PER_ORG}"
POST_BODY = re.compile(r'<div class="post-body">(.*?)</div>', re.S)


def marker(org: str) -> str:
    """Text that appears only in that organisation's posts."""
    return f"{org.upper()}-ONLY"


def seed(org_name: str) -> str:
    """An organisation with a trainee and a persona's posts that say whose they are; the trainee's email."""
    org = make_org(f"{org_name.title()} Clinic")
    trainee = make_user(org)
    persona = make_persona(org, handle=f"{org_name}_desk")
    for i in range(POSTS_PER_ORG):
        body = (
            f"{marker(org_name)} post {i}: ward round notes at https://{org_name}.example/notes/{i} "
            f"thanks @{org_name}_nurse_{i} #{org_name}{i} <b>{org_name} & co</b>"
        )
        make_post(org, persona, "microblog", body)
    return trainee.email


@pytest.fixture
def threaded_server(app):
    """The app behind werkzeug's threaded server (a thread per request), on a free port; yields the port."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()


def request(port: int, method: str, path: str, headers: dict[str, str], body: str | None = None):
    """One HTTP request on its own connection; (status, headers, text)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


def log_in(port: int, email: str) -> dict[str, str]:
    """Log in through POST /login; the headers that carry the session."""
    form = urllib.parse.urlencode({"email": email, "password": PASSWORD})
    status, headers, _ = request(
        port, "POST", "/login", {"Content-Type": "application/x-www-form-urlencoded"}, form
    )
    assert status == 302
    return {"Cookie": headers["Set-Cookie"].split(";", 1)[0]}


def test_feed_pages_served_concurrently_show_each_organisation_only_its_own_posts(app, threaded_server):
    port = threaded_server
    sessions = {org: log_in(port, seed(org)) for org in ORGS}
    expected = {}
    for org, headers in sessions.items():  # one at a time first: what each page must show
        status, _, html = request(port, "GET", FEED, headers)
        expected[org] = POST_BODY.findall(html)
        assert status == 200 and len(expected[org]) == POSTS_PER_ORG
        assert all(marker(org) in body for body in expected[org])
    start = threading.Barrier(CLIENT_THREADS)

    def load(n: int) -> tuple[str, int, list[str], str]:
        if n < CLIENT_THREADS:
            start.wait()
        org = ORGS[n % 2]
        status, _, html = request(port, "GET", FEED, sessions[org])
        return org, status, POST_BODY.findall(html), html

    with ThreadPoolExecutor(CLIENT_THREADS) as pool:
        results = list(pool.map(load, range(REQUESTS)))
    errors = [status for _, status, _, _ in results if status >= 500]
    leaked = [org for org, _, _, html in results if marker(ORGS[ORGS.index(org) - 1]) in html]
    wrong = [org for org, status, bodies, _ in results if status < 500 and bodies != expected[org]]
    assert (len(errors), len(leaked), len(wrong)) == (0, 0, 0), (
        f"of {REQUESTS} pages: {len(errors)} answered 5xx, {len(leaked)} showed the other organisation's "
        f"posts, {len(wrong)} showed posts other than their own as rendered alone"
    )
