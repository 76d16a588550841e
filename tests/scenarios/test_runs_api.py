"""Playing a scenario through the JSON API, safely and unsafely."""

from __future__ import annotations

import pytest
from markupsafe import escape

from sandbox.models import Role

DENTAL = "reviews-dental-one-star-baits-phi"
SAFE = (
    "We're sorry to hear about this experience; waiting is frustrating. We can't discuss anyone's care "
    "here, but please call our office at 555-0142 and ask for the practice manager."
)
UNSAFE = "Karen, your appointment on the 12th ran late and your gums bled because you skipped cleanings."


def _play(client, answer: str, override: bool) -> dict:
    run = client.post("/api/v1/runs", json={"scenario_id": DENTAL}).json
    review = next(i for i in run["injects"] if i["key"] == "review")
    posted = client.post(
        "/api/v1/posts",
        json={
            "platform": "reviews",
            "kind": "owner_response",
            "body": answer,
            "parent_id": review["post_id"],
            "run_id": run["id"],
            "override": override,
        },
    )
    assert posted.status_code == 201, posted.json
    return client.get(f"/api/v1/runs/{run['id']}").json


def test_library_lists_scenarios_without_model_answers(client, login_as):
    login_as(Role.TRAINEE)
    items = client.get("/api/v1/scenarios").json["items"]
    assert len(items) >= 24 and {i["platform"] for i in items} == {
        "microblog",
        "social",
        "professional",
        "reviews",
    }
    one = client.get(f"/api/v1/scenarios/{DENTAL}").json
    assert one["objectives"] and "model_answer" not in str(one) and "expected" not in one
    assert client.get("/api/v1/scenarios/nope").status_code == 404


def test_safe_play_branches_calmly_and_scores_full(client, login_as):
    login_as(Role.TRAINEE)
    state = _play(client, SAFE, override=False)
    assert state["status"] == "finished" and state["branches"] == {"review": "calmer"}
    card = client.get(f"/api/v1/runs/{state['id']}/scorecard").json
    assert card["score"] == 100 and card["reflection_question"] and card["model_answer"]
    assert card["answers"][0]["yours"] == SAFE


def test_unsafe_play_escalates_and_the_scorecard_shows_why(client, login_as):
    login_as(Role.TRAINEE)
    state = _play(client, UNSAFE, override=True)
    assert state["branches"] == {"review": "escalation"}
    assert state["posts"][0]["overridden"] and state["posts"][0]["findings"]
    card = client.get(f"/api/v1/runs/{state['id']}/scorecard").json
    missed = {item["key"]: item for item in card["items"] if not item["met"]}
    assert "no-confirmation" in missed and missed["no-confirmation"]["teaching_point"]
    assert card["score"] < 50


def test_scorecard_offers_a_safer_version_of_each_flagged_post(client, login_as):
    login_as(Role.TRAINEE)
    unsafe = _play(client, UNSAFE, override=True)
    card = client.get(f"/api/v1/runs/{unsafe['id']}/scorecard").json
    post = card["posts"][0]
    assert "Karen" not in post["safer_text"] and "[" not in post["safer_text"]
    assert "[name]" in post["safer_placeholders"]
    page = client.get(f"/practice/runs/{unsafe['id']}/scorecard").text
    assert "A safer version:" in page and str(escape(post["safer_text"])) in page
    safe = _play(client, SAFE, override=False)
    assert client.get(f"/api/v1/runs/{safe['id']}/scorecard").json["posts"][0]["safer_text"] is None


def test_scorecard_waits_for_the_end_and_runs_are_private(client, login_as, app):
    login_as(Role.TRAINEE)
    run = client.post("/api/v1/runs", json={"scenario_id": DENTAL}).json
    assert client.get(f"/api/v1/runs/{run['id']}/scorecard").status_code == 409
    assert client.post(f"/api/v1/runs/{run['id']}/finish").json["status"] == "finished"
    assert client.post(f"/api/v1/runs/{run['id']}/finish").status_code == 409
    other = app.test_client()
    from ..factories import PASSWORD, make_user

    stranger = make_user(run_owner_org(app, run["id"]), Role.TRAINEE)
    other.post("/login", data={"email": stranger.email, "password": PASSWORD})
    assert other.get(f"/api/v1/runs/{run['id']}").status_code == 404


def run_owner_org(app, run_id):
    from sandbox.extensions import db
    from sandbox.models import Run

    return db.session.get(Run, run_id).user.organisation


@pytest.mark.parametrize("payload", [{}, {"scenario_id": 5}, {"scenario_id": "missing"}])
def test_starting_a_run_needs_a_known_scenario(client, login_as, payload):
    login_as(Role.TRAINEE)
    response = client.post("/api/v1/runs", json=payload)
    assert response.status_code in (400, 404) and response.json["error"]["field"] == "scenario_id"


def test_reviewers_cannot_start_runs(client, login_as):
    login_as(Role.REVIEWER)
    assert client.post("/api/v1/runs", json={"scenario_id": DENTAL}).status_code == 403
