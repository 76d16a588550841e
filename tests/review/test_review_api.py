"""The review API: the queue with filters and a cursor, a run's detail and audit log, notes, statuses."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.models import AuditEvent, Role, utcnow
from sandbox.models.review import ReviewNote

from ..factories import make_cohort, make_review_post, make_review_run, make_user
from .playthrough import SAFER_EDIT, UNSAFE, play_dental


@pytest.fixture
def reviewer_headers(org, api_token):
    reviewer = make_user(org, Role.REVIEWER)
    return {"Authorization": f"Bearer {api_token(reviewer)}"}


def test_queue_with_filters_counts_and_cursor(client, org, reviewer_headers):
    trainee = make_user(org)
    now = utcnow()
    runs = [make_review_run(org, trainee, finished_at=now - timedelta(minutes=n)) for n in range(5)]
    make_review_post(runs[3], "x", [("privacy", "NAME", "block")], overridden=True)
    body = client.get("/api/v1/review/runs?limit=2", headers=reviewer_headers).json
    assert [item["id"] for item in body["items"]] == [runs[0].id, runs[1].id]
    assert body["total"] == 5 and body["counts"]["new"] == 5 and body["next_cursor"]
    seen = [item["id"] for item in body["items"]]
    while body["next_cursor"]:
        body = client.get(
            f"/api/v1/review/runs?limit=2&cursor={body['next_cursor']}", headers=reviewer_headers
        ).json
        seen += [item["id"] for item in body["items"]]
    assert seen == [run.id for run in runs]
    only = client.get("/api/v1/review/runs?overridden=true&label=NAME", headers=reviewer_headers).json
    assert [item["id"] for item in only["items"]] == [runs[3].id] and only["total"] == 1
    assert only["items"][0]["overridden"] == 1 and only["items"][0]["labels"] == ["NAME"]
    bad = client.get("/api/v1/review/runs?cursor=!!nope", headers=reviewer_headers)
    assert bad.status_code == 400 and bad.json["error"]["field"] == "cursor"


def test_run_detail_has_transcript_rubric_notes_and_status(client, org, reviewer_headers):
    run, post = play_dental(make_user(org), UNSAFE, pause_first=True, edit_to=SAFER_EDIT)
    body = client.get(f"/api/v1/review/runs/{run.id}", headers=reviewer_headers).json
    assert body["run"]["id"] == run.id and body["run"]["seconds_taken"] >= 0
    assert body["review"]["status"] == "new" and body["notes"] == []
    kinds = [entry["kind"] for entry in body["transcript"]]
    assert kinds.index("paused") < kinds.index("post") < kinds.index("edit")
    posted = next(entry for entry in body["transcript"] if entry["kind"] == "post")
    assert posted["post_id"] == post.id and posted["overridden"] and posted["superseded_at"]
    assert "NAME" in {f["label"] for f in posted["findings"]}
    assert body["rubric"]["score"] == run.score


def test_notes_versions_and_status_through_the_api(client, org, reviewer_headers):
    run = make_review_run(org, make_user(org))
    post = make_review_post(run)
    url = f"/api/v1/review/runs/{run.id}"
    created = client.post(
        f"{url}/notes", json={"note": "First", "post_id": post.id}, headers=reviewer_headers
    )
    assert created.status_code == 201 and created.json["note"]["version"] == 1
    note_id = created.json["note"]["id"]
    edited = client.post(
        f"{url}/annotations",
        json={"note": "Second", "supersedes_id": note_id, "status": "discussed"},
        headers=reviewer_headers,
    )
    assert edited.status_code == 201
    assert edited.json["note"]["version"] == 2 and edited.json["note"]["history"][0]["body"] == "First"
    assert edited.json["review"]["status"] == "discussed"
    again = client.post(
        f"{url}/notes", json={"note": "Third", "supersedes_id": note_id}, headers=reviewer_headers
    )
    assert again.status_code == 409
    assert (
        client.post(f"{url}/notes", json={"note": ""}, headers=reviewer_headers).json["error"]["field"]
        == "note"
    )
    assert client.post(f"{url}/notes", data="nope", headers=reviewer_headers).status_code == 400
    wrong_type = client.post(f"{url}/notes", json={"note": "x", "post_id": "5"}, headers=reviewer_headers)
    assert wrong_type.status_code == 400 and wrong_type.json["error"]["field"] == "post_id"
    status = client.post(f"{url}/status", json={"status": "closed"}, headers=reviewer_headers)
    assert status.json["status"] == "closed" and status.json["changed"] is True
    bad = client.post(f"{url}/status", json={"status": "new"}, headers=reviewer_headers)
    assert bad.status_code == 400 and bad.json["error"]["field"] == "status"
    detail = client.get(url, headers=reviewer_headers).json
    assert [(n["body"], n["post_id"]) for n in detail["notes"]] == [("Second", post.id)]
    assert db.session.scalar(sa.select(sa.func.count(ReviewNote.id))) == 2


def test_audit_log_through_the_api_is_paginated(client, org, reviewer_headers):
    run = make_review_run(org, make_user(org))
    for status in ("needs_follow_up", "discussed", "closed"):
        client.post(f"/api/v1/review/runs/{run.id}/status", json={"status": status}, headers=reviewer_headers)
    first = client.get(f"/api/v1/review/runs/{run.id}/audit?limit=2", headers=reviewer_headers).json
    assert first["total"] == 3 and len(first["items"]) == 2 and first["next_cursor"]
    rest = client.get(
        f"/api/v1/review/runs/{run.id}/audit?limit=2&cursor={first['next_cursor']}", headers=reviewer_headers
    ).json
    news = [item["details"]["new"] for item in first["items"] + rest["items"]]
    assert news == ["needs_follow_up", "discussed", "closed"] and rest["next_cursor"] is None
    assert first["items"][0]["actor"]["name"].startswith("Reviewer")


def test_cohort_sign_off_through_the_api(client, org, reviewer_headers):
    cohort = make_cohort(org)
    response = client.post(
        f"/api/v1/review/cohorts/{cohort.id}/signoff", json={"note": "Done"}, headers=reviewer_headers
    )
    assert response.status_code == 201 and response.json["note"] == "Done"
    assert db.session.scalar(sa.select(AuditEvent.action).where(AuditEvent.target_type == "cohort")) == (
        "review.cohort_signed_off"
    )
