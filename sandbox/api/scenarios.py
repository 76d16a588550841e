"""Scenarios and runs as JSON: the library, starting a run, its state, finishing it, its scorecard."""

from __future__ import annotations

from flask import abort, jsonify
from flask_login import current_user

from ..errors import InvalidInput
from ..extensions import db
from ..scenarios.presenters import run_json, scenario_summary, scorecard_json
from ..scenarios.runs import advance, finish_run, library_for, own_run, scenario_for, scenario_of, start_run
from ..security import POSTING_ROLES
from . import bp
from .body import json_body, text
from .openapi import document, path_id, responses

SCENARIO = {
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "platform": {"type": "string"},
        "audience_level": {"type": "string"},
        "objectives": {"type": "array", "items": {"type": "string"}},
        "minutes": {"type": "integer"},
        "summary": {"type": "string"},
    },
}
RUN = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "scenario_id": {"type": "string"},
        "status": {"type": "string"},
        "attempt": {"type": "integer"},
        "score": {"type": "integer", "nullable": True},
        "injects": {"type": "array", "items": {"type": "object"}},
        "posts": {"type": "array", "items": {"type": "object"}},
    },
}
SCORECARD = {
    "type": "object",
    "properties": {
        "score": {"type": "integer"},
        "items": {"type": "array", "items": {"type": "object"}},
        "model_answer": {"type": "string"},
        "reflection_question": {"type": "string"},
    },
}
RUN_ID = [path_id("run_id")]


document(
    "/scenarios",
    "get",
    "The scenario library",
    {"type": "object", "properties": {"items": {"type": "array", "items": SCENARIO}}},
)


@bp.get("/scenarios")
def scenarios():
    """Every scenario: id, title, platform, objectives, minutes."""
    items = sorted(library_for(current_user.organisation_id).values(), key=lambda s: (s.platform, s.title))
    return jsonify(items=[scenario_summary(s) for s in items], next_cursor=None)


document(
    "/scenarios/{scenario_id}",
    "get",
    "One scenario (without its model answers)",
    SCENARIO,
    parameters=[{"name": "scenario_id", "in": "path", "required": True, "schema": {"type": "string"}}],
)


@bp.get("/scenarios/<scenario_id>")
def scenario(scenario_id: str):
    """A scenario with its cast; model answers and rubric checks stay hidden until the debrief."""
    found = scenario_for(scenario_id, current_user.organisation_id)
    body = scenario_summary(found)
    body["personas"] = [{"name": p.name, "handle": p.handle, "kind": p.kind} for p in found.personas]
    return jsonify(body)


document(
    "/runs",
    "post",
    "Start a self-paced run of a scenario",
    RUN,
    responses=responses(RUN, 201, "Started"),
    requestBody={
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["scenario_id"],
                    "properties": {"scenario_id": {"type": "string"}},
                }
            }
        },
    },
)


@bp.post("/runs")
def create_run():
    """Start a run in a world of the caller's own."""
    if current_user.role not in POSTING_ROLES:
        abort(403, description="Your role cannot play scenarios.")
    chosen = scenario_for(text(json_body(), "scenario_id", required=True), current_user.organisation_id)
    run = start_run(current_user, chosen)
    db.session.commit()
    return jsonify(run_json(run, chosen)), 201


document(
    "/runs/{run_id}",
    "get",
    "A run: status, clock, injects delivered so far, your posts with findings",
    RUN,
    parameters=RUN_ID,
)


@bp.get("/runs/<int:run_id>")
def run_detail(run_id: int):
    """The run's state after letting its clock catch up."""
    run = own_run(current_user, run_id)
    advance(run)
    db.session.commit()
    return jsonify(run_json(run, scenario_of(run)))


document(
    "/runs/{run_id}/finish", "post", "End the run", RUN, parameters=RUN_ID, e409="The run has already ended"
)


@bp.post("/runs/<int:run_id>/finish")
def finish(run_id: int):
    """End the run now; the scorecard becomes available."""
    run = own_run(current_user, run_id)
    finish_run(run)
    db.session.commit()
    return jsonify(run_json(run, scenario_of(run)))


document(
    "/runs/{run_id}/scorecard",
    "get",
    "Rubric met or missed, findings, model answer, reflection",
    SCORECARD,
    parameters=RUN_ID,
    e409="The run is still going: finish it first",
)


@bp.get("/runs/<int:run_id>/scorecard")
def scorecard(run_id: int):
    """The scorecard of a finished run (409 while it runs, so the model answer is not a spoiler)."""
    run = own_run(current_user, run_id)
    advance(run)
    db.session.commit()
    if run.status != "finished":
        raise InvalidInput("The run is still going: finish it to see the scorecard.", "run", status=409)
    return jsonify(scorecard_json(run, scenario_of(run)))
