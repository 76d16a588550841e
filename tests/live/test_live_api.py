"""Live sessions through /api/v1: create, control, release, join, events with `after`, and refusals."""

from __future__ import annotations

import pytest

from sandbox.models import Role

from ..factories import make_cohort, make_user


@pytest.fixture
def people(org, api_token):
    instructor = make_user(org, Role.INSTRUCTOR)
    trainee, stranger = make_user(org, Role.TRAINEE), make_user(org, Role.TRAINEE)
    cohort = make_cohort(org, instructor, members=(trainee,))
    return {
        "cohort": cohort,
        "lead": {"Authorization": f"Bearer {api_token(instructor)}"},
        "trainee": {"Authorization": f"Bearer {api_token(trainee)}"},
        "stranger": {"Authorization": f"Bearer {api_token(stranger)}"},
    }


def _create(client, people, **extra):
    body = {
        "scenario_id": "microblog-celebrity-admission-rumour",
        "cohort_id": people["cohort"].id,
        "mode": "shared",
    }
    return client.post("/api/v1/live/sessions", json={**body, **extra}, headers=people["lead"])


def test_a_whole_session_through_the_api(client, people):
    created = _create(client, people)
    assert created.status_code == 201 and created.json["status"] == "lobby"
    sid = created.json["id"]
    joined = client.post(f"/api/v1/live/sessions/{sid}/join", json={}, headers=people["trainee"])
    assert joined.status_code == 200 and joined.json["run_id"]
    assert (
        client.post(f"/api/v1/live/sessions/{sid}/start", headers=people["lead"]).json["status"] == "running"
    )
    release = client.post(
        f"/api/v1/live/sessions/{sid}/injects/off-the-record/release", json={}, headers=people["lead"]
    )
    assert release.status_code == 200 and "off-the-record" in release.json["released"]
    again = client.post(f"/api/v1/live/sessions/{sid}/injects/off-the-record/release", headers=people["lead"])
    assert again.status_code == 409 and "already been released" in again.json["error"]["message"]
    assert (
        client.post(f"/api/v1/live/sessions/{sid}/injects/nope/release", headers=people["lead"]).status_code
        == 404
    )
    assert (
        client.post(f"/api/v1/live/sessions/{sid}/speed", json={"speed": 4}, headers=people["lead"]).json[
            "speed"
        ]
        == 4
    )
    assert (
        client.post(
            f"/api/v1/live/sessions/{sid}/speed", json={"speed": "fast"}, headers=people["lead"]
        ).status_code
        == 400
    )
    assert (
        client.post(f"/api/v1/live/sessions/{sid}/pause", headers=people["lead"]).json["status"] == "paused"
    )
    assert client.post(f"/api/v1/live/sessions/{sid}/pause", headers=people["lead"]).status_code == 409
    assert (
        client.post(f"/api/v1/live/sessions/{sid}/resume", headers=people["lead"]).json["status"] == "running"
    )
    everything = client.get(f"/api/v1/live/sessions/{sid}/events", headers=people["lead"]).json
    mine = client.get(f"/api/v1/live/sessions/{sid}/events", headers=people["trainee"]).json
    assert {e["audience"] for e in mine["events"]} <= {"all"} and len(mine["events"]) < len(
        everything["events"]
    )
    later = client.get(f"/api/v1/live/sessions/{sid}/events?after=3", headers=people["lead"]).json
    assert [e["seq"] for e in later["events"]] == [e["seq"] for e in everything["events"] if e["seq"] > 3]
    assert later["last"] == everything["last"]
    assert client.post(f"/api/v1/live/sessions/{sid}/end", headers=people["lead"]).json["status"] == "ended"
    late = client.post(f"/api/v1/live/sessions/{sid}/join", json={}, headers=people["trainee"])
    assert late.status_code == 409 and "ended" in late.json["error"]["message"]


def test_refusals(client, people):
    sid = _create(client, people).json["id"]
    assert client.post(f"/api/v1/live/sessions/{sid}/start", headers=people["trainee"]).status_code == 403
    assert client.get(f"/api/v1/live/sessions/{sid}/events", headers=people["stranger"]).status_code == 403
    assert client.get(f"/api/v1/live/sessions/{sid}", headers=people["stranger"]).status_code == 403
    bad_after = client.get(f"/api/v1/live/sessions/{sid}/events?after=x", headers=people["lead"])
    assert bad_after.status_code == 400 and bad_after.json["error"]["field"] == "after"
    release = client.post(f"/api/v1/live/sessions/{sid}/injects/ask/release", headers=people["lead"])
    assert release.status_code == 409 and "Start the session" in release.json["error"]["message"]
    assert _create(client, people, mode="theatre").status_code == 400
    assert _create(client, people, cohort_id=999999).status_code == 404
    assert (
        client.post("/api/v1/live/sessions", json={"scenario_id": "x"}, headers=people["trainee"]).status_code
        == 403
    )
    assert client.get("/api/v1/live/sessions/999999", headers=people["lead"]).status_code == 404


def test_join_with_the_cohort_code(client, people):
    created = _create(client, people).json
    assert (
        created["code"] == people["cohort"].join_code and [i["key"] for i in created["injects"]][0] == "ask"
    )
    wrong = client.post("/api/v1/live/join", json={"code": "NOPE123"}, headers=people["trainee"])
    assert wrong.status_code == 404 and wrong.json["error"]["field"] == "code"
    assert client.post("/api/v1/live/join", json={}, headers=people["trainee"]).status_code == 400
    joined = client.post(
        "/api/v1/live/join", json={"code": created["code"].lower()}, headers=people["trainee"]
    )
    assert joined.status_code == 200 and joined.json["session_id"] == created["id"] and joined.json["run_id"]
    seen_by_trainee = client.get(f"/api/v1/live/sessions/{created['id']}", headers=people["trainee"]).json
    assert "code" not in seen_by_trainee and "injects" not in seen_by_trainee
    client.post(f"/api/v1/live/sessions/{created['id']}/end", headers=people["lead"])
    ended = client.post("/api/v1/live/join", json={"code": created["code"]}, headers=people["stranger"])
    assert ended.status_code == 409 and "ended" in ended.json["error"]["message"]
