"""A reviewer in Chromium: filters the queue to overridden warnings, opens the run, annotates it, sets
its status, signs off the cohort and downloads the filtered queue as CSV, which matches the database."""

from __future__ import annotations

import csv
import os
import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from sandbox.extensions import db
from sandbox.models import Post, Role, Run

from ..factories import PASSWORD, make_cohort, make_org, make_user
from ..review.playthrough import SAFE, UNSAFE, play_dental
from .harness import watched_page

pytestmark = pytest.mark.browser
ARTIFACTS = os.environ.get("SANDBOX_TEST_ARTIFACTS", "test-artifacts")
SIGN_OFF_CONFIRM = "Sign off the review of"


@pytest.fixture
def reviewer_page(browser):
    """A watched page on which the sign-off confirmation is accepted."""
    with watched_page(browser, accept_confirms=(SIGN_OFF_CONFIRM,)) as page:
        yield page


@pytest.fixture
def cohort_with_runs(live_app):
    """A cohort whose first trainee overrode a warning and whose second answered safely; a reviewer."""
    with live_app.app_context():
        org = make_org("Review Test Clinic")
        careless, careful = make_user(org), make_user(org)
        cohort = make_cohort(org, members=(careless, careful))
        overridden, _post = play_dental(careless, UNSAFE, pause_first=True)
        play_dental(careful, SAFE)
        reviewer = make_user(org, Role.REVIEWER)
        db.session.commit()
        return {
            "organisation_id": org.id,
            "cohort": cohort.name,
            "run_id": overridden.id,
            "trainee": careless.display_name,
            "email": reviewer.email,
        }


def _overridden_runs(live_app, organisation_id: int) -> list[tuple[int, int, str]]:
    """Finished runs of the organisation in which the trainee posted despite a warning."""
    with live_app.app_context():
        overridden = sa.select(Post.run_id).where(
            Post.overridden.is_(True), Post.author_user_id == Run.user_id
        )
        rows = db.session.execute(
            sa.select(Run.id, Run.user_id, Run.scenario_id)
            .where(Run.organisation_id == organisation_id, Run.status == "finished", Run.id.in_(overridden))
            .order_by(Run.id)
        ).all()
        return [tuple(row) for row in rows]


def test_reviewer_filters_opens_annotates_sets_status_and_signs_off(
    live_server, live_app, reviewer_page, cohort_with_runs, tmp_path
):
    page, data = reviewer_page, cohort_with_runs
    page.goto(f"{live_server}/login?next=/review/")
    page.get_by_label("Email").fill(data["email"])
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server}/review/")
    expect(page.get_by_text("2 runs match")).to_be_visible()

    # Filter to the cohort's runs with overridden warnings, from the keyboard.
    page.get_by_label("Cohort").select_option(label=data["cohort"])
    overridden = page.get_by_label("overridden warnings")
    overridden.focus()
    page.keyboard.press("Space")
    expect(overridden).to_be_checked()
    page.get_by_role("button", name="Apply filters").press("Enter")
    page.wait_for_url(re.compile(r"/review/\?.*overridden=true"))
    expect(page.get_by_text("1 run matches")).to_be_visible()
    rows = page.locator("table.queue tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(data["trainee"])

    # Open it: the transcript shows the stopped draft and the override.
    rows.first.get_by_role("link").click()
    page.wait_for_url(f"{live_server}/review/runs/{data['run_id']}")
    expect(page.get_by_text("Draft stopped by a warning (not posted)")).to_be_visible()
    expect(page.get_by_text("Warning overridden").first).to_be_visible()

    # Annotate the run.
    page.get_by_label("Add a note about the whole run").fill("Named the patient; discuss at the debrief.")
    page.locator("section[aria-labelledby=notes-title]").get_by_role("button", name="Add note").click()
    expect(page.get_by_text("Note added.")).to_be_visible()
    expect(page.locator(".note-body", has_text="Named the patient; discuss at the debrief.")).to_be_visible()

    # Set its status.
    page.get_by_label("Set the status").select_option(label="Needs follow-up")
    page.get_by_role("button", name="Set status").click()
    expect(page.get_by_text("Status set to “Needs follow-up”.")).to_be_visible()
    expect(page.locator("table.audit")).to_contain_text("review.status_changed")
    expect(page.locator("table.audit")).to_contain_text("review.note_added")

    os.makedirs(ARTIFACTS, exist_ok=True)
    page.screenshot(path=os.path.join(ARTIFACTS, "review-run.png"), full_page=True)

    # Sign off the cohort (a confirmation is asked and accepted).
    page.get_by_role("link", name=data["cohort"]).click()
    page.get_by_label("Sign-off note (optional)").fill("Reviewed; one run needs follow-up.")
    page.get_by_role("button", name="Sign off this cohort").click()
    expect(page.get_by_text(f"You signed off the review of {data['cohort']}.")).to_be_visible()
    expect(page.locator("ul.signoffs")).to_contain_text("Reviewed; one run needs follow-up.")
    expect(page.get_by_role("button", name="Sign off again")).to_be_visible()

    page.screenshot(path=os.path.join(ARTIFACTS, "review-queue-signed-off.png"), full_page=True)

    # Back to the queue with the same filter, and download it: the CSV's rows are the database's runs.
    page.goto(f"{live_server}/review/?overridden=true")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download runs as CSV").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    with open(saved, newline="", encoding="utf-8") as handle:
        rows = [(int(r["run_id"]), int(r["trainee_id"]), r["scenario_id"]) for r in csv.DictReader(handle)]
    expected = _overridden_runs(live_app, data["organisation_id"])
    assert rows == expected and [run_id for run_id, _, _ in rows] == [data["run_id"]]
