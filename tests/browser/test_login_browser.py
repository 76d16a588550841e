"""Logging in through the real page in Chromium."""

from __future__ import annotations

import os

import pytest

from sandbox.extensions import db
from sandbox.models import Role

from ..factories import PASSWORD, make_org, make_user

pytestmark = pytest.mark.browser
ARTIFACTS = os.environ.get("SANDBOX_TEST_ARTIFACTS", "test-artifacts")


def test_trainee_logs_in_through_the_login_page_and_sees_their_home(live_app, live_server, page):
    with live_app.app_context():
        user = make_user(make_org("Browser Test Clinic"), Role.TRAINEE)
        email, name = user.email, user.display_name
        db.session.remove()
    page.goto(f"{live_server}/account")
    assert "/login" in page.url
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("wrong-password-1")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_text("do not match an active account").is_visible()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server}/account")
    assert page.get_by_role("heading", name="Your account").is_visible()
    assert page.get_by_text("Simulation.").is_visible()
    assert name in page.locator("header").inner_text()
    os.makedirs(ARTIFACTS, exist_ok=True)
    page.screenshot(path=os.path.join(ARTIFACTS, "login-account.png"), full_page=True)
    page.get_by_role("button", name="Log out").click()
    assert page.get_by_text("You are logged out.").is_visible()
