"""A live server in a thread and a Chromium page driven by Playwright."""

from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server

from sandbox import create_app
from sandbox.config import TestConfig
from sandbox.extensions import db

from ..services import require_chromium
from .harness import watched_page

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
    """A watched page that accepts no dialog."""
    with watched_page(browser) as page:
        yield page
