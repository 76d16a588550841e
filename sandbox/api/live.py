"""Live sessions as JSON: create, start, pause, resume, end, release an inject, join, and read events."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from flask import abort, jsonify
from flask_login import current_user

from ..errors import InvalidInput
from ..extensions import db
from ..live import sessions
from ..live.events import audiences_for, events_after, visible
from ..live.presenters import master_events
from ..live.presenters import session_json as _public_json
from ..live.stream import stream_response
from ..models import Cohort, LiveSession, Role
from ..scenarios.runs import scenario_for
from ..security import STAFF_ROLES
from . import bp
from .body import flag, ident, json_body, number, text
from .openapi import ID, document, path_id, responses
from .params import query_int

SESSION = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "scenario_id": {"type": "string"},
        "title": {"type": "string"},
        "platform": {"type": "string"},
        "mode": {"type": "string", "enum": ["shared", "parallel"]},
        "cohort_id": {"type": "integer"},
        "status": {"type": "string", "enum": ["lobby", "running", "paused", "ended"]},
        "allow_pseudonyms": {"type": "boolean"},
        "clock": {"type": "number", "description": "session seconds elapsed"},
        "speed": {"type": "number"},
        "schedule": {"type": "object", "additionalProperties": {"type": "number"}},
        "released": {"type": "object"},
        "last_event": {"type": "integer"},
        "participants": {"type": "integer"},
        "code": {"type": "string", "description": "the cohort's join code (the session's staff only)"},
        "injects": {
            "type": "array",
            "items": {"type": "object"},
            "description": "the master events list (staff)",
        },
    },
}
EVENT = {
    "type": "object",
    "properties": {
        "session_id": {"type": "integer"},
        "seq": {"type": "integer"},
        "kind": {"type": "string"},
        "audience": {"type": "string"},
        "payload": {"type": "object"},
    },
}
JOINED = {
    "type": "object",
    "properties": {
        "session_id": {"type": "integer"},
        "run_id": {"type": "integer"},
        "participant_id": {"type": "integer"},
        "name": {"type": "string"},
    },
}
SESSION_ID = [path_id("session_id")]
INJECT_KEY = [*SESSION_ID, {"name": "key", "in": "path", "required": True, "schema": {"type": "string"}}]


def session_json(live: LiveSession) -> dict:
    """A session as the API shows it; its staff also get the join code and the master events list."""
    body = _public_json(live)
    if sessions.may_run(current_user, live):
        body["code"] = live.cohort.join_code
        body["injects"] = master_events(live, sessions.scenario_of_session(live))
    return body


def _session(session_id: int) -> LiveSession:
    live = db.session.get(LiveSession, session_id)
    if live is None or live.organisation_id != current_user.organisation_id:
        raise InvalidInput("There is no such session.", "session_id", status=404)
    return live


def _controlled(session_id: int) -> LiveSession:
    live = _session(session_id)
    if not sessions.may_control(current_user, live):
        abort(403, description="Only the session's instructors and admins control it.")
    return live


document(
    "/live/sessions",
    "get",
    "Live sessions you run (staff) or joined (trainees), newest first",
    {"type": "object", "properties": {"items": {"type": "array", "items": SESSION}}},
)


@bp.get("/live/sessions")
def live_sessions():
    """The caller's sessions."""
    stmt = sa.select(LiveSession).where(LiveSession.organisation_id == current_user.organisation_id)
    rows = db.session.scalars(stmt.order_by(LiveSession.created_at.desc()).limit(100))
    mine = [s for s in rows if sessions.may_run(current_user, s) or sessions.participant_for(s, current_user)]
    return jsonify({"items": [session_json(s) for s in mine]})


document(
    "/live/sessions",
    "post",
    "Create a session from a scenario for a cohort (staff)",
    SESSION,
    requestBody={
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["scenario_id", "cohort_id", "mode"],
                    "properties": {
                        "scenario_id": {"type": "string"},
                        "cohort_id": ID,
                        "mode": {"type": "string", "enum": ["shared", "parallel"]},
                        "allow_pseudonyms": {"type": "boolean"},
                    },
                }
            }
        },
    },
    responses=responses(SESSION, 201, "Created", e400="", e403=""),
)


@bp.post("/live/sessions")
def create_live_session():
    """Create a session in the lobby."""
    if current_user.role not in STAFF_ROLES:
        abort(403, description="Only instructors and admins create live sessions.")
    payload = json_body(required=False)
    scenario_id = text(payload, "scenario_id", required=True)
    cohort = db.session.get(Cohort, ident(payload, "cohort_id", required=True))
    if cohort is None or cohort.organisation_id != current_user.organisation_id:
        raise InvalidInput("There is no such cohort.", "cohort_id", status=404)
    scenario = scenario_for(scenario_id, current_user.organisation_id)
    live = sessions.create_session(
        current_user, cohort, scenario, text(payload, "mode", ""), flag(payload, "allow_pseudonyms")
    )
    db.session.commit()
    return jsonify(session_json(live)), 201


document(
    "/live/sessions/{session_id}", "get", "A session: status, clock, releases", SESSION, parameters=SESSION_ID
)


@bp.get("/live/sessions/<int:session_id>")
def live_session(session_id: int):
    """One session, for its staff and participants."""
    live = _session(session_id)
    observer = sessions.may_run(current_user, live) or current_user.role == Role.REVIEWER
    if not observer and sessions.participant_for(live, current_user) is None:
        abort(403, description="You are not in this session.")
    return jsonify(session_json(live))


def _control(session_id: int, action: Callable[[LiveSession], None]):
    live = _controlled(session_id)
    action(live)
    db.session.commit()
    return jsonify(session_json(live))


CONTROLS = {
    "start": (sessions.start, "Start the clock"),
    "pause": (sessions.pause, "Pause the clock"),
    "resume": (sessions.resume, "Resume the clock"),
    "end": (sessions.end, "End the session; every run is scored"),
}


def _control_view(action, summary: str):
    def view(session_id: int):
        return _control(session_id, lambda live: action(live, current_user))

    view.__doc__ = f"{summary}."
    return view


for _verb, (_action, _summary) in CONTROLS.items():
    document(
        f"/live/sessions/{{session_id}}/{_verb}",
        "post",
        _summary,
        SESSION,
        parameters=SESSION_ID,
        responses=responses(SESSION, e403="", e409="Not possible in the session's current state"),
    )
    bp.add_url_rule(
        f"/live/sessions/<int:session_id>/{_verb}",
        endpoint=f"{_verb}_live_session",
        view_func=_control_view(_action, _summary),
        methods=["POST"],
    )


document(
    "/live/sessions/{session_id}/speed",
    "post",
    "Set the clock's speed (0.5, 1, 2, 4 or 8)",
    SESSION,
    parameters=SESSION_ID,
    e409="The session has ended",
    requestBody={
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["speed"],
                    "properties": {"speed": {"type": "number", "enum": list(sessions.SPEEDS)}},
                }
            }
        },
    },
)


@bp.post("/live/sessions/<int:session_id>/speed")
def speed_live_session(session_id: int):
    """Change the clock's speed."""
    _controlled(session_id)  # who may, before what they sent
    speed = number(json_body(required=False), "speed", required=True)
    return _control(session_id, lambda live: sessions.set_speed(live, speed, current_user))


document(
    "/live/sessions/{session_id}/injects/{key}/release",
    "post",
    "Release an inject now, to everyone or to one group (409 if it already reached them)",
    SESSION,
    parameters=INJECT_KEY,
    requestBody={
        "required": False,
        "content": {
            "application/json": {"schema": {"type": "object", "properties": {"group": {"type": "string"}}}}
        },
    },
    responses=responses(
        SESSION,
        description="Released",
        e403="",
        e404="No such session or inject",
        e409="Already released to them, or the session is not running",
    ),
)


@bp.post("/live/sessions/<int:session_id>/injects/<key>/release")
def release_inject(session_id: int, key: str):
    """Release an inject."""
    group = text(json_body(required=False), "group")
    return _control(session_id, lambda live: sessions.release(live, key, current_user, group))


document(
    "/live/sessions/{session_id}/join",
    "post",
    "Join the session: members of its cohort by its number, anyone else of its organisation with the "
    "cohort's code (a pseudonym if the session allows them)",
    JOINED,
    parameters=SESSION_ID,
    e409="The session has ended, or does not allow that",
    requestBody={
        "required": False,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "code": {
                            "type": "string",
                            "description": "the cohort's join code; needed when you are not in the cohort",
                        },
                        "pseudonym": {"type": "string"},
                    },
                }
            }
        },
    },
    responses=responses(
        JOINED,
        e400="",
        e403="Not in the session's cohort and no code, or the wrong code",
        e404="",
        e409="The session has ended",
    ),
)


@bp.post("/live/sessions/<int:session_id>/join")
def join_live_session(session_id: int):
    """Join a session (again: the same place); outside its cohort only with the cohort's code."""
    payload = json_body(required=False)
    code = payload.get("code")
    if code is not None and not isinstance(code, str):
        raise InvalidInput("code must be a string.", "code")
    return _join(sessions.session_for_id(current_user, _session(session_id), code), payload)


document(
    "/live/join",
    "post",
    "Join your cohort's running session with its code; then post into it with the run_id",
    JOINED,
    e409="The session has ended, or does not allow that",
    requestBody={
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["code"],
                    "properties": {"code": {"type": "string"}, "pseudonym": {"type": "string"}},
                }
            }
        },
    },
)


@bp.post("/live/join")
def join_with_code():
    """Join the session the cohort with this code is running."""
    payload = json_body(required=False)
    code = text(payload, "code")
    if not code or not code.strip():
        raise InvalidInput("Give the cohort code shown on the projector.", "code")
    return _join(sessions.session_for_code(current_user, code), payload)


def _join(live: LiveSession, payload: dict):
    participant = sessions.join(live, current_user, text(payload, "pseudonym"))
    db.session.commit()
    return jsonify(_joined(participant))


def _joined(participant) -> dict:
    return {
        "session_id": participant.session_id,
        "run_id": participant.run_id,
        "participant_id": participant.id,
        "name": participant.display_name,
    }


document(
    "/live/sessions/{session_id}/events",
    "get",
    "The session's events after a number, oldest first (catching up, or polling when SSE is impossible)",
    {
        "type": "object",
        "properties": {"events": {"type": "array", "items": EVENT}, "last": {"type": "integer"}},
    },
    parameters=[
        *SESSION_ID,
        {"name": "after", "in": "query", "schema": {"type": "integer", "minimum": 0}},
        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}},
    ],
)


@bp.get("/live/sessions/<int:session_id>/events")
def live_events(session_id: int):
    """Events numbered above `after` that the caller may see; `last` is the number to ask after next."""
    live = _session(session_id)
    participant = sessions.participant_for(live, current_user)
    if (
        participant is None
        and not sessions.may_run(current_user, live)
        and current_user.role != Role.REVIEWER
    ):
        abort(403, description="You are not in this session.")
    after, limit = query_int("after", 0, low=0), query_int("limit", 500, low=1, high=500)
    rows = events_after(live.id, after, limit=limit)
    audiences = audiences_for(current_user, live, participant.group if participant else None)
    return jsonify(
        {
            "events": [row for row in rows if visible(row, audiences)],
            "last": rows[-1]["seq"] if rows else after,
        }
    )


document(
    "/live/sessions/{session_id}/stream",
    "get",
    "Server-sent events (text/event-stream): events after Last-Event-ID or ?after=, then live",
    parameters=[
        *SESSION_ID,
        {"name": "after", "in": "query", "schema": {"type": "integer", "minimum": 0}},
        {"name": "Last-Event-ID", "in": "header", "schema": {"type": "integer", "minimum": 0}},
    ],
    responses=responses(
        {"type": "string"},
        description="An endless event stream; each event's id is its number in the session",
        media="text/event-stream",
        e403="",
    ),
)


@bp.get("/live/sessions/<int:session_id>/stream")
def live_stream(session_id: int):
    """The same stream as the pages use, for scripts with an API token."""
    return stream_response(_session(session_id), current_user)
