"""A live session in Chromium: an instructor and three trainees, every update arriving without a reload."""

from __future__ import annotations

import os
import re
from contextlib import ExitStack

import pytest
from playwright.sync_api import Page, expect

from sandbox.extensions import db
from sandbox.models import Cohort, Role

from ..factories import PASSWORD, make_cohort, make_org, make_user
from .harness import watched_page

pytestmark = pytest.mark.browser
ARTIFACTS = os.environ.get("SANDBOX_TEST_ARTIFACTS", "test-artifacts")
SCENARIO = "microblog-celebrity-admission-rumour"
END_CONFIRM = "End the session for everyone?"
ASK = "can you confirm??"  # the inject released at the start
DM = "ok off the record"  # the inject the instructor releases from the console
SAFE = [
    "Not even off the record, sorry! Whether someone is a patient is private, and DMs get screenshotted.",
    "Sorry, I never comment on whether anyone is a patient, and I won't look at records out of curiosity.",
]
UNSAFE = "ok yes it's her, Luma Vey is on Ward 7 with dehydration, don't tell anyone"
MARK = "window.__stayedOnPage"


def log_in(page: Page, base: str, email: str, then: str) -> None:
    """Log in through the real login page and land on `then`."""
    page.goto(f"{base}/login?next={then}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}{then}")


def mark(page: Page) -> None:
    """Leave a marker in the page's window: it survives only if the page is not reloaded."""
    page.evaluate(f"{MARK} = true")


def still_marked(page: Page) -> bool:
    return page.evaluate(f"{MARK} === true")


def counted_findings(page: Page) -> int:
    return sum(int(n) for n in page.locator("[data-counts] .count-n").all_inner_texts())


def reply_in_dms(page: Page, text: str) -> None:
    """Answer the direct message on the run page (through the strategic pause if one stops the post)."""
    form = page.locator("section[aria-labelledby=dm-title] form.composer")
    form.locator("textarea").fill(text)
    expect(form.locator(".count")).to_have_text(str(len(text)))  # composer.js wired the swapped-in form
    form.get_by_role("button", name="Send").click()
    page.wait_for_url(re.compile(r"/practice/runs/\d+#post-\d+$|/p/\w+/compose"))
    if "/compose" in page.url:  # the strategic pause: this trainee posts anyway, and it is recorded
        page.get_by_role("button", name="Post anyway (this is recorded)").click()
    page.wait_for_url(re.compile(r"/practice/runs/\d+#post-\d+$"))
    expect(page.get_by_text(text, exact=True)).to_be_visible()


@pytest.fixture
def people(live_app):
    """An instructor, their cohort's code, and three trainees of the same organisation (emails)."""
    with live_app.app_context():
        org = make_org("Live Browser Clinic")
        instructor = make_user(org, Role.INSTRUCTOR)
        trainees = [make_user(org, Role.TRAINEE) for _ in range(3)]
        cohort = make_cohort(org, instructor)
        people = (instructor.email, cohort.join_code, [t.email for t in trainees])
        db.session.remove()
    return people


def test_instructor_and_three_trainees_share_a_live_session(live_app, live_server, browser, people):
    base = live_server
    instructor_email, code, trainee_emails = people
    with ExitStack() as stack:
        console = stack.enter_context(watched_page(browser, accept_confirms=(END_CONFIRM,)))
        trainees = [stack.enter_context(watched_page(browser)) for _ in trainee_emails]

        # The instructor creates the session through the form and lands on its console.
        log_in(console, base, instructor_email, "/live/")
        console.get_by_label("Scenario").select_option(SCENARIO)
        console.get_by_label("Parallel worlds").check()
        console.get_by_role("button", name="Create the session").click()
        console.wait_for_url(re.compile(rf"{base}/live/\d+$"))
        expect(console.get_by_text("Session created.")).to_be_visible()
        expect(console.locator("[data-live-connection]")).to_have_text("Live")
        mark(console)

        # Three trainees join with the cohort code; the console lists them as they arrive.
        for page, email in zip(trainees, trainee_emails, strict=True):
            log_in(page, base, email, "/live/join")
            page.get_by_label("Cohort code").fill(code)
            page.get_by_role("button", name="Join").click()
            page.wait_for_url(re.compile(rf"{base}/practice/runs/\d+$"))
            expect(page.get_by_text("Live session:")).to_be_visible()
            expect(page.locator("[data-live-connection]")).to_have_text("Live")
            mark(page)
        expect(console.locator("#participants tbody tr")).to_have_count(3)
        assert still_marked(console)

        # Start: the inject due at the start reaches every trainee without a reload.
        console.get_by_role("button", name="Start the session").click()
        expect(console.locator("#inject-ask .inject-state")).to_have_text(re.compile("released at 0:0"))
        for page in trainees:
            expect(page.get_by_text(ASK)).to_be_visible()
            assert still_marked(page)

        # Release the off-the-record DM from the console: it appears in every trainee's messages; a trainee
        # halfway through a draft is offered the new posts instead of losing the draft.
        draft = trainees[0].locator("section.feed form.composer textarea").first
        draft.fill("I was going to say")
        console.get_by_role("button", name="Release off-the-record now").click()
        expect(console.get_by_text("Released off-the-record.")).to_be_visible()
        for page in trainees[1:]:
            expect(page.locator("section[aria-labelledby=dm-title]")).to_contain_text(DM)
            assert still_marked(page)
        show = trainees[0].get_by_role("button", name="New posts arrived — show them")
        expect(show).to_be_visible()
        expect(draft).to_have_value("I was going to say")
        show.click()
        expect(trainees[0].locator("section[aria-labelledby=dm-title]")).to_contain_text(DM)
        assert still_marked(trainees[0])

        # Each trainee answers through the composer; the console's wall and counts follow live.
        mark(console)
        before = counted_findings(console)
        for page, text in zip(trainees, [*SAFE, UNSAFE], strict=True):
            reply_in_dms(page, text)
            mark(page)
        wall = console.locator("#wall .wall-item")
        expect(wall).to_have_count(3)
        for text in [*SAFE, UNSAFE]:
            expect(console.locator("#wall .wall-body", has_text=text)).to_be_visible()
        expect(wall.first).to_contain_text("Warning overridden")
        expect(wall.first.locator(".badge.sev-block").first).to_be_visible()
        assert counted_findings(console) > before
        assert still_marked(console)

        # The client-side filter narrows the wall to one trainee.
        console.get_by_label("Trainee", exact=True).select_option(index=1)
        expect(console.locator("#wall .wall-item:visible")).to_have_count(1)
        console.get_by_label("Trainee", exact=True).select_option("")
        expect(console.locator("#wall .wall-item:visible")).to_have_count(3)

        # The projector opens in a new tab; a spotlighted answer appears on it without a reload.
        with console.expect_popup() as popup:
            console.get_by_role("link", name="Open the projector view (new tab)").click()
        projector = popup.value
        projector.wait_for_load_state()
        expect(projector.get_by_text(DM)).to_be_visible()
        expect(projector.locator(".projector-join")).to_contain_text(code)
        mark(projector)
        console.locator("#wall .wall-item", has_text=SAFE[0]).get_by_role("button", name="Spotlight").click()
        expect(projector.locator(".projector-spotlight")).to_contain_text(SAFE[0])
        expect(projector.locator(".projector-spotlight")).to_contain_text("A trainee")
        assert still_marked(projector)

        os.makedirs(ARTIFACTS, exist_ok=True)
        trainees[2].screenshot(path=os.path.join(ARTIFACTS, "live-trainee.png"), full_page=True)
        console.screenshot(path=os.path.join(ARTIFACTS, "live-console.png"), full_page=True)
        projector.screenshot(path=os.path.join(ARTIFACTS, "live-projector.png"), full_page=True)

        # The debrief replaces the inject on the projector: the model answer and the most common findings.
        console.get_by_role("button", name="Projector: show the debrief").click()
        expect(projector.get_by_role("heading", name="Debrief")).to_be_visible()
        expect(projector.get_by_role("heading", name="The model answer")).to_be_visible()
        expect(projector.get_by_role("heading", name="Most common findings")).to_be_visible()
        assert still_marked(projector)
        projector.screenshot(path=os.path.join(ARTIFACTS, "live-projector-debrief.png"), full_page=True)

        # Ending the session (after a confirmation) sends every trainee to their scorecard link.
        console.get_by_role("button", name="End the session").click()
        expect(console.get_by_text("the report is ready")).to_be_visible()
        for page in trainees:
            expect(page.get_by_role("link", name="See your scorecard and debrief")).to_be_visible()
            assert still_marked(page)
        trainees[0].screenshot(path=os.path.join(ARTIFACTS, "live-trainee-ended.png"), full_page=True)
        console.get_by_role("link", name="Session report").click()
        expect(console.get_by_role("heading", name="Summary")).to_be_visible()
        console.screenshot(path=os.path.join(ARTIFACTS, "live-report.png"), full_page=True)


def block_event_source(page: Page) -> None:
    """A browser without EventSource at all."""
    page.add_init_script("delete window.EventSource")


def block_stream(page: Page) -> None:
    """A network that drops every event-stream connection (a proxy that buffers, a firewall)."""
    page.route(re.compile(r"/live/\d+/events"), lambda route: route.abort())


@pytest.mark.parametrize(
    "breakage", [block_event_source, block_stream], ids=["no-eventsource", "stream-dropped"]
)
def test_without_the_stream_a_trainee_page_polls_and_still_updates(
    live_app, live_server, browser, people, breakage
):
    from sandbox.live import sessions
    from sandbox.models import LiveSession, User
    from sandbox.scenarios.runs import scenario_for

    instructor_email, _code, trainee_emails = people
    with live_app.app_context():
        instructor = db.session.scalar(db.select(User).filter_by(email=instructor_email))
        trainee = db.session.scalar(db.select(User).filter_by(email=trainee_emails[0]))
        cohort = db.session.scalar(db.select(Cohort).filter_by(instructor_id=instructor.id))
        live = sessions.create_session(instructor, cohort, scenario_for(SCENARIO), "parallel")
        sessions.join(live, trainee)
        sessions.start(live, instructor)
        db.session.commit()
        session_id = live.id
        db.session.remove()
    with watched_page(browser) as page:
        breakage(page)
        log_in(page, live_server, trainee_emails[0], "/live/")
        page.goto(f"{live_server}/live/{session_id}/play")
        page.wait_for_url(re.compile(r"/practice/runs/\d+$"))
        expect(page.locator("[data-live-connection]")).to_have_text("Live updates by polling", timeout=20_000)
        expect(page.get_by_text(ASK)).to_be_visible()
        mark(page)
        with live_app.app_context():
            live = db.session.get(LiveSession, session_id)
            sessions.release(live, "off-the-record", db.session.get(User, live.created_by_id))
            db.session.commit()
            db.session.remove()
        expect(page.locator("section[aria-labelledby=dm-title]")).to_contain_text(DM, timeout=10_000)
        assert still_marked(page)
