"""A reviewer in Chromium filters the queue to overridden warnings and downloads the CSV; its rows are
the matching runs in the database."""

from __future__ import annotations

import csv
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


@pytest.fixture
def organisation_with_runs(live_app):
    """Two trainees who overrode a warning, one who answered safely, and a reviewer."""
    with live_app.app_context():
        org = make_org("Export Test Clinic")
        first, second, careful = make_user(org), make_user(org), make_user(org)
        make_cohort(org, members=(first, second, careful))
        play_dental(first, UNSAFE, pause_first=True)
        play_dental(second, UNSAFE)
        play_dental(careful, SAFE)
        reviewer = make_user(org, Role.REVIEWER)
        db.session.commit()
        return {"email": reviewer.email, "organisation_id": org.id}


def _overridden_runs_in_database(live_app, organisation_id: int) -> list[tuple[int, int, str]]:
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


def test_reviewer_downloads_the_filtered_queue_as_csv_matching_the_database(
    live_server, live_app, browser, organisation_with_runs, tmp_path
):
    data = organisation_with_runs
    with watched_page(browser) as page:
        page.goto(f"{live_server}/login?next=/review/")
        page.get_by_label("Email").fill(data["email"])
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(f"{live_server}/review/")
        expect(page.get_by_text("3 runs match")).to_be_visible()

        page.get_by_label("overridden warnings").check()
        page.get_by_role("button", name="Apply filters").click()
        page.wait_for_url(re.compile(r"/review/\?.*overridden=true"))
        expect(page.get_by_text("2 runs match")).to_be_visible()

        with page.expect_download() as download_info:
            page.get_by_role("link", name="Download runs as CSV").click()
        download = download_info.value
        assert re.fullmatch(r"sandbox-runs-\d{8}-\d{6}\.csv", download.suggested_filename)
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)

    with open(saved, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    expected = _overridden_runs_in_database(live_app, data["organisation_id"])
    assert len(expected) == 2
    assert [(int(r["run_id"]), int(r["trainee_id"]), r["scenario_id"]) for r in rows] == expected
    assert all(int(r["overridden_posts"]) >= 1 for r in rows)
