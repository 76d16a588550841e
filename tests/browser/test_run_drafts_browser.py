"""A trainee halfway through a reply in a solo run loses nothing when new posts arrive, or on a reload."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from sandbox.extensions import db
from sandbox.models import Run

from .test_scenarios_browser import LIBRARY, inject_body, log_in, log_in_trainee, snippet

pytestmark = pytest.mark.browser
SCENARIO = LIBRARY["microblog-public-symptom-question"]  # "peer-advice" arrives a minute after the start
DRAFT = next(i.model_answer for i in SCENARIO.injects if i.key == "question").strip()
SHOW = "New posts arrived — show them"


def start_run(page: Page, base: str) -> int:
    """Start the scenario from its card in the library; returns the run's id."""
    card = page.locator("li.card").filter(has=page.get_by_role("heading", name=SCENARIO.title, exact=True))
    card.get_by_role("button", name="Start").click()
    page.wait_for_url(re.compile(rf"{base}/practice/runs/\d+$"))
    return int(page.url.rsplit("/", 1)[1])


def let_minutes_pass(live_app, run_id: int, minutes: int) -> None:
    """Move the run's start back, as if the trainee had been on the page that long."""
    with live_app.app_context():
        run = db.session.get(Run, run_id)
        run.started_at -= timedelta(minutes=minutes)
        db.session.commit()


def question_composer(page: Page):
    card = page.locator("section.feed > article.post", has_text=snippet(inject_body(SCENARIO, "question")))
    post_id = card.get_attribute("id").removeprefix("post-")
    return page.locator(f'form.composer:has(input[name="parent_id"][value="{post_id}"])').locator("textarea")


def test_new_posts_wait_behind_a_button_while_a_reply_is_being_written(live_app, live_server, page):
    live_app.config["RUN_POLL_SECONDS"] = 0.3
    log_in_trainee(live_app, page, live_server)
    run_id = start_run(page, live_server)
    peer_advice = snippet(inject_body(SCENARIO, "peer-advice"))
    question_composer(page).press_sequentially(DRAFT[:30])

    let_minutes_pass(live_app, run_id, 2)
    expect(page.get_by_role("button", name=SHOW)).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Your draft stays")).to_be_visible()
    # No reload happened: the half-typed reply is still in its box, the cursor where it was.
    expect(question_composer(page)).to_have_value(DRAFT[:30])
    expect(page.get_by_text(peer_advice)).to_have_count(0)
    question_composer(page).press_sequentially(DRAFT[30:])

    page.get_by_role("button", name=SHOW).click()
    expect(page.get_by_text(peer_advice)).to_be_visible()
    expect(question_composer(page)).to_have_value(DRAFT)
    expect(page.get_by_text("Your unsent draft is back where you left it.")).to_be_visible()

    # Sent: the draft is forgotten, so the page shows empty composers afterwards.
    question_composer(page).locator("xpath=ancestor::form").locator('button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/practice/runs/\d+#post-\d+$"))
    expect(page.get_by_text(DRAFT, exact=True)).to_be_visible()
    page.reload()
    expect(question_composer(page)).to_have_value("")
    expect(page.get_by_text("Your unsent draft is back")).to_have_count(0)


def test_with_nothing_being_written_new_posts_simply_appear(live_app, live_server, page):
    live_app.config["RUN_POLL_SECONDS"] = 0.3
    log_in_trainee(live_app, page, live_server)
    run_id = start_run(page, live_server)
    let_minutes_pass(live_app, run_id, 2)
    expect(page.get_by_text(snippet(inject_body(SCENARIO, "peer-advice")))).to_be_visible()
    expect(page.get_by_role("button", name=SHOW)).to_have_count(0)


def test_a_draft_survives_a_reload_but_not_logging_out(live_app, live_server, page):
    email = log_in_trainee(live_app, page, live_server)
    run_id = start_run(page, live_server)
    question_composer(page).fill(DRAFT)
    page.reload()
    expect(question_composer(page)).to_have_value(DRAFT)

    # The next person at this computer, in this same tab, must not find it.
    page.locator("form.logout button").click()
    page.wait_for_load_state()
    log_in(page, live_server, email)
    page.goto(f"{live_server}/practice/runs/{run_id}")
    expect(question_composer(page)).to_have_value("")
