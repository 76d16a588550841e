"""Compliance review as JSON: the queue with its filters, a run's detail and audit log, notes, statuses.

Readers: reviewers and admins (their organisation), instructors (their cohorts' runs). Writers:
reviewers and admins. Other organisations' runs answer 404.
"""

from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user

from ..extensions import db
from ..feedback.model import SEVERITIES
from ..feeds.queries import clamp_limit
from ..models.content import PLATFORM_IDS
from ..models.review import REVIEW_STATUSES
from ..review import actions
from ..review.detail import note_threads, run_audit, run_detail
from ..review.filters import LABELS, SORTS, QueueFilters, decode_offset, encode_offset
from ..review.presenters import (
    audit_json,
    detail_json,
    queue_row_json,
    review_json,
    signoff_json,
    thread_json,
)
from ..review.queries import queue_page, reviewable_cohort, reviewable_run
from ..review.views import ACT_ROLES, READ_ROLES
from ..security import role_required
from . import bp
from .body import ident, json_body, text
from .openapi import ID, document, path_id

RUN_ID = path_id("run_id")
PAGING = [
    {
        "name": "limit",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
    },
    {"name": "cursor", "in": "query", "schema": {"type": "string"}},
]
QUEUE_PARAMS = [
    {"name": "cohort_id", "in": "query", "schema": ID},
    {"name": "session_id", "in": "query", "schema": ID},
    {"name": "scenario_id", "in": "query", "schema": {"type": "string"}},
    {"name": "platform", "in": "query", "schema": {"type": "string", "enum": list(PLATFORM_IDS)}},
    {"name": "trainee_id", "in": "query", "schema": ID},
    {"name": "label", "in": "query", "schema": {"type": "string", "enum": list(LABELS)}},
    {"name": "severity", "in": "query", "schema": {"type": "string", "enum": list(SEVERITIES)}},
    {"name": "overridden", "in": "query", "schema": {"type": "boolean"}},
    {"name": "deleted", "in": "query", "schema": {"type": "boolean"}},
    {"name": "status", "in": "query", "schema": {"type": "string", "enum": list(REVIEW_STATUSES)}},
    {"name": "sort", "in": "query", "schema": {"type": "string", "enum": list(SORTS), "default": "newest"}},
    *PAGING,
]
OBJECT = {"type": "object"}
QUEUE_ROW = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "trainee": OBJECT,
        "scenario_id": {"type": "string"},
        "platform": {"type": "string"},
        "review_status": {"type": "string", "enum": list(REVIEW_STATUSES)},
        "score": {"type": "integer", "nullable": True},
        "findings": {"type": "integer"},
        "labels": {"type": "array", "items": {"type": "string"}},
        "overridden": {"type": "integer"},
        "deleted": {"type": "integer"},
    },
}
NOTE = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "post_id": {"type": "integer", "nullable": True},
        "version": {"type": "integer"},
        "supersedes_id": {"type": "integer", "nullable": True},
        "author": OBJECT,
        "body": {"type": "string"},
        "history": {"type": "array", "items": OBJECT},
    },
}
NOTE_REQUEST = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["note"],
                "properties": {
                    "note": {"type": "string", "maxLength": actions.NOTE_MAX},
                    "post_id": {**ID, "description": "annotate this post of the run"},
                    "supersedes_id": {**ID, "description": "edit: a new version of this note"},
                    "status": {"type": "string", "enum": list(actions.SETTABLE_STATUSES)},
                },
            }
        }
    },
}


def _limit() -> int:
    return clamp_limit(request.args.get("limit", type=int))


document(
    "/review/runs",
    "get",
    "The review queue: finished runs and runs of ended live sessions, filtered, sorted, counted",
    {
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": QUEUE_ROW},
            "next_cursor": {"type": "string", "nullable": True},
            "total": {"type": "integer"},
            "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
        },
    },
    parameters=QUEUE_PARAMS,
)


@bp.get("/review/runs")
@role_required(*READ_ROLES)
def review_runs():
    """The queue with the same filters as the page, a page at a time."""
    filters, offset, limit = (
        QueueFilters.from_args(request.args),
        decode_offset(request.args.get("cursor")),
        _limit(),
    )
    page = queue_page(current_user, filters, offset=offset, limit=limit)
    return jsonify(
        items=[queue_row_json(row) for row in page.rows],
        next_cursor=encode_offset(offset + limit) if page.has_more else None,
        total=page.total,
        counts=page.counts,
    )


document(
    "/review/runs/{run_id}",
    "get",
    "A run's review: transcript with findings as posted, rubric, time taken, notes, status",
    {
        "type": "object",
        "properties": {
            "run": OBJECT,
            "review": OBJECT,
            "transcript": {"type": "array", "items": OBJECT},
            "rubric": {"type": "object", "nullable": True},
            "notes": {"type": "array", "items": NOTE},
        },
    },
    parameters=[RUN_ID],
)


@bp.get("/review/runs/<int:run_id>")
@role_required(*READ_ROLES)
def review_run(run_id: int):
    """Everything about one run a reviewer needs."""
    return jsonify(detail_json(run_detail(reviewable_run(current_user, run_id))))


document(
    "/review/runs/{run_id}/audit",
    "get",
    "The run's audit log (the run, its posts, its notes), oldest first",
    {
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": OBJECT},
            "next_cursor": {"type": "string", "nullable": True},
            "total": {"type": "integer"},
        },
    },
    parameters=[RUN_ID, *PAGING],
)


@bp.get("/review/runs/<int:run_id>/audit")
@role_required(*READ_ROLES)
def review_run_audit(run_id: int):
    """Audit events about the run, a page at a time."""
    run = reviewable_run(current_user, run_id)
    offset, limit = decode_offset(request.args.get("cursor")), _limit()
    events, total = run_audit(run, offset=offset, limit=limit)
    return jsonify(
        items=[audit_json(event, actor) for event, actor in events],
        next_cursor=encode_offset(offset + limit) if offset + limit < total else None,
        total=total,
    )


NOTE_RESPONSE = {
    "201": {
        "description": "The note (its newest version, with its history) and the run's review status",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "note": NOTE,
                        "review": {"type": "object", "nullable": True, "description": "when status was set"},
                    },
                }
            }
        },
    },
    "400": {"$ref": "#/components/responses/BadRequest"},
    "401": {"$ref": "#/components/responses/Unauthorized"},
    "403": {"$ref": "#/components/responses/Forbidden"},
    "404": {"$ref": "#/components/responses/NotFound"},
    "409": {"description": "The note was already edited: edit its newest version"},
}
for path, summary in (
    ("/review/runs/{run_id}/notes", "Annotate a run or one of its posts, or edit a note (a new version)"),
    ("/review/runs/{run_id}/annotations", "The same as POST /review/runs/{run_id}/notes"),
):
    document(path, "post", summary, parameters=[RUN_ID], requestBody=NOTE_REQUEST, responses=NOTE_RESPONSE)


@bp.post("/review/runs/<int:run_id>/notes")
@bp.post("/review/runs/<int:run_id>/annotations")
@role_required(*ACT_ROLES)
def review_add_note(run_id: int):
    """Add a note, or with supersedes_id a new version of one; optionally set the status too."""
    run = reviewable_run(current_user, run_id)
    payload = json_body()
    supersedes_id, body = ident(payload, "supersedes_id"), text(payload, "note")
    status = text(payload, "status")
    if supersedes_id is not None:
        note = actions.revise_note(current_user, run, supersedes_id, body)
    else:
        note = actions.add_note(current_user, run, body, ident(payload, "post_id"))
    review = None
    if status is not None:
        review, _changed = actions.set_status(current_user, run, status)
    db.session.commit()
    thread = next(t for t in note_threads(run) if t.current.id == note.id)
    return jsonify(note=thread_json(thread), review=review_json(review) if review else None), 201


document(
    "/review/runs/{run_id}/status",
    "post",
    "Set the run's review status",
    {"type": "object", "properties": {"status": {"type": "string"}, "changed": {"type": "boolean"}}},
    parameters=[RUN_ID],
    requestBody={
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["status"],
                    "properties": {"status": {"type": "string", "enum": list(actions.SETTABLE_STATUSES)}},
                }
            }
        },
    },
)


@bp.post("/review/runs/<int:run_id>/status")
@role_required(*ACT_ROLES)
def review_set_status(run_id: int):
    """Set needs_follow_up, discussed or closed."""
    run = reviewable_run(current_user, run_id)
    review, changed = actions.set_status(current_user, run, text(json_body(), "status", required=True))
    db.session.commit()
    return jsonify(**review_json(review), changed=changed)


document(
    "/review/cohorts/{cohort_id}/signoff",
    "post",
    "Sign off a cohort's review (recorded with who and when)",
    parameters=[path_id("cohort_id")],
    responses={
        "201": {"description": "The sign-off", "content": {"application/json": {"schema": OBJECT}}},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"},
        "404": {"$ref": "#/components/responses/NotFound"},
    },
    requestBody={
        "content": {
            "application/json": {
                "schema": {"type": "object", "properties": {"note": {"type": "string", "maxLength": 2000}}}
            }
        }
    },
)


@bp.post("/review/cohorts/<int:cohort_id>/signoff")
@role_required(*ACT_ROLES)
def review_sign_off(cohort_id: int):
    """Sign off the cohort's review."""
    cohort = reviewable_cohort(current_user, cohort_id)
    signoff = actions.sign_off(current_user, cohort, text(json_body(required=False), "note", ""))
    db.session.commit()
    return jsonify(signoff_json(signoff)), 201
