"""A live server in a thread and a Chromium page driven by Playwright."""

from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server

from sandbox import create_app
from sandbox.config import TestConfig
from sandbox.extensions import db

from ..services import require_chromium

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def live_app(tmp_path):
    """The app on its own SQLite file, with CSRF on as in production."""
    config = TestConfig(str(tmp_path / "instance"), f"sqlite:///{tmp_path}/browser.sqlite3")
    config.WTF_CSRF_ENABLED = True
    app = create_app(config)
    with app.app_context():
        db.create_all()
    return app


@pytest.fixture
def live_server(live_app):
    """Serve the app on a free localhost port for the length of a test; yields its base URL."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()


@pytest.fixture
def browser():
    """Debian's Chromium under Playwright (Playwright's own browser download does not work here)."""
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page; fails the test on a script error, a dialog or a missing resource.

    A page answered with 4xx on purpose (a form shown again with its errors) is not a problem; a missing
    stylesheet, script or icon is.
    """
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []

    def on_console(msg):
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            problems.append(msg.text)

    def on_response(response):
        if response.status >= 400 and response.request.resource_type != "document":
            problems.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield page
    context.close()
    assert not problems, problems
