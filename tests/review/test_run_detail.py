"""A run's review page: the transcript in order, findings as they were when posted, rubric, time taken."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from sandbox.extensions import db
from sandbox.models import Role
from sandbox.review.detail import run_audit, run_detail

from ..factories import make_user
from .playthrough import SAFE, SAFER_EDIT, UNSAFE, play_dental


@pytest.fixture
def trainee(org):
    return make_user(org)


@pytest.fixture
def messy_run(trainee):
    """Stopped by the pause, posted anyway, then edited to something safer, then deleted."""
    return play_dental(trainee, UNSAFE, pause_first=True, edit_to=SAFER_EDIT, delete=True)


def test_transcript_is_in_time_order_with_every_kind_of_moment(messy_run):
    run, post = messy_run
    entries = run_detail(run).entries
    kinds = [e.kind for e in entries]
    assert kinds == ["setting", "inject", "paused", "post", "inject", "edit", "deleted"]
    assert [e.at for e in entries] == sorted(e.at for e in entries)
    paused, posted, edited, deleted = (entries[i] for i in (2, 3, 5, 6))
    assert paused.body == posted.body == UNSAFE and edited.body == SAFER_EDIT
    assert posted.post.id == edited.post.id == deleted.post.id == post.id
    assert entries[4].post.scenario_key == "escalation"  # the persona's reaction to the unsafe answer


def test_findings_are_shown_as_they_were_when_posted_and_edits_are_marked(messy_run):
    run, _post = messy_run
    entries = {e.kind: e for e in run_detail(run).entries}
    posted, edited = entries["post"], entries["edit"]
    assert posted.overridden and posted.version == 1 and posted.superseded_at is not None
    assert {"NAME", "CLINICAL"} <= {f["label"] for f in posted.findings}
    assert all(f["superseded_at"] for f in posted.findings)
    assert edited.version == 2 and edited.superseded_at is None
    assert not {"NAME", "CLINICAL"} & {f["label"] for f in edited.findings}
    assert entries["paused"].findings and {f["severity"] for f in entries["paused"].findings} >= {"block"}


def test_deletion_shows_the_traces_that_remain(messy_run):
    run, _post = messy_run
    deleted = next(e for e in run_detail(run).entries if e.kind == "deleted")
    assert deleted.captures and deleted.captures[0].snapshot == UNSAFE


def test_rubric_and_time_taken(trainee):
    run, _post = play_dental(trainee, SAFE)
    run.finished_at = run.started_at + timedelta(minutes=3, seconds=5)
    db.session.commit()
    detail = run_detail(run)
    assert detail.seconds == 185
    assert detail.rubric["score"] == run.score and detail.rubric["items"]
    assert "posts" not in detail.rubric  # the transcript shows them


def test_a_clean_run_has_no_pause_edit_or_deletion(trainee):
    run, _post = play_dental(trainee, SAFE)
    kinds = [e.kind for e in run_detail(run).entries]
    assert "paused" not in kinds and "edit" not in kinds and "deleted" not in kinds and "post" in kinds


def test_a_pause_in_another_run_is_not_in_this_transcript(trainee):
    first, _ = play_dental(trainee, UNSAFE, pause_first=True)
    second, _ = play_dental(trainee, SAFE)
    assert [e.kind for e in run_detail(first).entries].count("paused") == 1
    assert "paused" not in [e.kind for e in run_detail(second).entries]


def test_run_audit_log_covers_the_run_its_posts_and_the_paused_draft(messy_run):
    run, _post = messy_run
    events, total = run_audit(run)
    actions = [event.action for event, _actor in events]
    assert total == len(events)
    assert {
        "run.started",
        "post.paused",
        "post.created",
        "post.override",
        "post.edited",
        "post.deleted",
    } <= set(actions)


def test_the_run_page_renders_everything(client, login_as, org, messy_run):
    run, post = messy_run
    login_as(Role.REVIEWER)
    page = client.get(f"/review/runs/{run.id}")
    assert page.status_code == 200
    text = page.text
    for heading in ("Transcript", "Rubric", "Notes on the run", "Audit log", "Review status"):
        assert f">{heading}</h2>" in text
    order = [
        text.index(marker) for marker in ("Setting post", "Draft stopped by a warning", "Posted", "Edited")
    ]
    assert order == sorted(order)
    assert "Warning overridden" in text and "Later edited" in text and "These copies remain" in text
    assert re.search(r"Time taken</dt><dd[^>]*>\d+ min \d+ s", text)
    assert f'id="post-{post.id}"' in text and "post.paused" in text
    assert "Karen, your appointment" in text  # escaped, as typed
