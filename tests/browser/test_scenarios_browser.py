"""A trainee plays one scenario per platform in Chromium, safely then unsafely, and compares scorecards."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from sandbox.models import Role
from sandbox.scenarios.loader import load_library

from ..factories import PASSWORD, make_org, make_user
from .harness import watched_page as open_watched_page

pytestmark = pytest.mark.browser
ARTIFACTS = os.environ.get("SANDBOX_TEST_ARTIFACTS", "test-artifacts")
FINISH_CONFIRM = "Finish the scenario now?"
LIBRARY = load_library()


@dataclass(frozen=True)
class Case:
    """A scenario, the inject answered, a safe and an unsafe answer, the branch each takes, a rubric item."""

    scenario_id: str
    answered: str  # the key of the first inject, answered in its thread or in the DMs
    safe: str
    unsafe: str
    safe_branch: str
    unsafe_branch: str
    privacy_item: str  # Met after the safe answer, Missed after the unsafe one


CASES = [
    Case(
        "reviews-dental-one-star-baits-phi",
        "review",
        "I'm so sorry you went through this, and I understand how frustrating a long wait is. "
        "Please call our office at 555-0142 so our practice manager can help.",
        "Karen Mitchell, your appointment on March 12 ran late because of your gum disease; "
        "it had been four years since your last cleaning.",
        "calmer",
        "escalation",
        "no-confirmation",
    ),
    Case(
        "microblog-journalist-after-incident",
        "dm",
        "Thanks for getting in touch, I understand you have a job to do. I can't comment on anyone's health. "
        "Please call our communications office at 555-0177; they handle all media enquiries.",
        "Yes, Dara Kowalczyk has burns to her hands and Owen Beattie has smoke inhalation, "
        "it happened on level 2 at shift change.",
        "understood",
        "got-it",
        "nothing-on-background",
    ),
    Case(
        "social-patient-tags-clinician",
        "tag-post",
        "What a lovely thing to read, thank you! I can't give individual advice on social media, "
        "so please call the clinic at 555-0131 and the team will be glad to help.",
        "Marjorie Feld, your knee replacement is healing so well and I'll see you at your appointment "
        "on the 12th on Pelham Road!",
        "will-ring",
        "daughter-worried",
        "no-confirmation",
    ),
    Case(
        "professional-outbreak-update-colleagues",
        "manager-post",
        "Update for colleagues: we have a norovirus outbreak. Please wash hands with soap and water, use "
        "gowns and gloves, and pause transfers. Questions? Please call our infection prevention team at "
        "555-0162.",
        "It all started with Arthur Bellamy, 88, in bay 4, the retired fire chief who came in from "
        "Linden Court. Wash hands with soap.",
        "ipc-thanks",
        "relative-worried",
        "no-identifiers",
    ),
]


@pytest.fixture
def player_page(browser):
    """A watched page (see conftest) on which the Finish confirmation is accepted."""
    with open_watched_page(browser, accept_confirms=(FINISH_CONFIRM,)) as page:
        yield page


def snippet(text: str, words: int = 8) -> str:
    """The first words of a scenario text, whitespace normalised as the page shows it."""
    return " ".join(text.split()[:words])


def inject_body(scenario, key: str) -> str:
    return next(i.body for i in scenario.injects if i.key == key)


def rubric_description(scenario, inject_key: str, item_key: str) -> str:
    inject = next(i for i in scenario.injects if i.key == inject_key)
    return next(e.description for e in inject.expected if e.key == item_key)


def log_in_trainee(live_app, page: Page, base: str) -> str:
    """A trainee of a new organisation, logged in through the login page, on the library; their email."""
    with live_app.app_context():
        email = make_user(make_org("Scenario Test Clinic"), Role.TRAINEE).email
    log_in(page, base, email)
    return email


def log_in(page: Page, base: str, email: str) -> None:
    """Log in through the real login page, landing on the scenario library."""
    page.goto(f"{base}/login?next=/practice/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/practice/")


def answer(page: Page, scenario, case: Case, text: str) -> None:
    """Write the answer in the composer of the first inject's thread (or in the DMs) and submit it."""
    first = inject_body(scenario, case.answered)
    if next(i.kind for i in scenario.injects if i.key == case.answered) == "dm":
        dms = page.locator("section[aria-labelledby=dm-title]")
        expect(dms.locator("li.theirs")).to_contain_text(snippet(first))
        form = dms.locator("form.composer")
    else:
        card = page.locator("section.feed > article.post", has_text=snippet(first))
        expect(card).to_be_visible()
        post_id = card.get_attribute("id").removeprefix("post-")
        form = page.locator(f'form.composer:has(input[name="parent_id"][value="{post_id}"])')
    form.locator("textarea").fill(text)
    form.locator('button[type="submit"]').click()


def play(page: Page, scenario, case: Case, safe: bool) -> int:
    """Answer the first inject, see the branch's persona post, open the scorecard; returns the score."""
    expect(page.get_by_role("heading", name=scenario.title, exact=True)).to_be_visible()
    answer(page, scenario, case, case.safe if safe else case.unsafe)
    if safe:  # straight back to the run, at the new post (a pause would be /p/<platform>/compose)
        page.wait_for_url(re.compile(r"/practice/runs/\d+#post-\d+$"))
        expect(page.get_by_role("heading", name="Stop and think before you post")).to_have_count(0)
    else:
        expect(page.get_by_role("heading", name="Stop and think before you post")).to_be_visible()
        page.get_by_role("button", name="Post anyway (this is recorded)").click()
        page.wait_for_url(re.compile(r"/practice/runs/\d+#post-\d+$"))
    mine = case.safe if safe else case.unsafe
    expect(page.get_by_text(mine, exact=True)).to_be_visible()
    branch, not_branch = (case.safe_branch, case.unsafe_branch)[:: 1 if safe else -1]
    expect(page.get_by_text(snippet(inject_body(scenario, branch)))).to_be_visible()
    expect(page.get_by_text(snippet(inject_body(scenario, not_branch)))).to_have_count(0)

    finish = page.get_by_role("button", name="Finish and see my scorecard")
    if finish.count():
        finish.click()  # asks to confirm; the fixture accepts
    else:
        page.get_by_role("link", name="See your scorecard and debrief").click()
    page.wait_for_url(re.compile(r"/practice/runs/\d+/scorecard$"))
    expect(page.get_by_role("heading", name=f"Scorecard: {scenario.title}")).to_be_visible()
    expect(page.locator(".compare blockquote").first).to_have_text(mine)

    os.makedirs(ARTIFACTS, exist_ok=True)
    shot = f"scenario-{scenario.platform}-{'safe' if safe else 'unsafe'}.png"
    page.screenshot(path=os.path.join(ARTIFACTS, shot), full_page=True)
    return int(page.locator("p.score strong").inner_text())


def rubric_item(page: Page, description: str):
    return page.locator("ul.rubric li", has_text=description)


@pytest.mark.parametrize("case", CASES, ids=[c.scenario_id.split("-")[0] for c in CASES])
def test_trainee_plays_a_scenario_safely_then_unsafely(live_app, live_server, player_page, case):
    page, scenario = player_page, LIBRARY[case.scenario_id]
    privacy = rubric_description(scenario, case.answered, case.privacy_item)
    log_in_trainee(live_app, page, live_server)

    # Start from the scenario's card in the library.
    card = page.locator("li.card").filter(has=page.get_by_role("heading", name=scenario.title, exact=True))
    card.get_by_role("button", name="Start").click()
    page.wait_for_url(re.compile(rf"{live_server}/practice/runs/\d+$"))
    expect(page.get_by_text("Attempt 1 · started")).to_be_visible()

    # Safely: no pause, the calm branch follows, every item of the first inject is met.
    safe_score = play(page, scenario, case, safe=True)
    assert safe_score == 100
    expect(page.locator("ul.rubric li", has_text="Missed:")).to_have_count(0)
    expect(rubric_item(page, privacy)).to_contain_text("Met:")
    safe_follow_up = snippet(inject_body(scenario, case.safe_branch))

    # Try again, unsafely: the pause, the override, the other branch, the privacy item missed.
    page.get_by_role("button", name="Try again").click()
    page.wait_for_url(re.compile(rf"{live_server}/practice/runs/\d+$"))
    expect(page.get_by_text("Attempt 2 · started")).to_be_visible()
    unsafe_score = play(page, scenario, case, safe=False)
    expect(rubric_item(page, privacy)).to_contain_text("Missed:")
    expect(page.get_by_text("Posted despite a warning that asked you to stop.")).to_be_visible()
    assert snippet(inject_body(scenario, case.unsafe_branch)) != safe_follow_up
    assert safe_score > unsafe_score

    # The attempts table lists both attempts with their scores, the current one marked.
    rows = page.locator("section[aria-labelledby=attempts-title] tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0).locator("td")).to_have_text(["1", re.compile(r".+"), str(safe_score)])
    expect(rows.nth(1).locator("td")).to_have_text(["2", re.compile(r".+"), str(unsafe_score)])
    expect(rows.nth(1)).to_have_attribute("aria-current", "true")
