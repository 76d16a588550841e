"""The audit log as JSON, newest first, filtered and paginated (admins and reviewers of the organisation)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask import jsonify, request
from flask_login import current_user

from ..extensions import db
from ..inputs import instant
from ..models import AuditEvent, Role
from ..security import role_required
from . import bp
from .openapi import ID, document
from .params import query_int

MAX_LIMIT = 200
EVENT = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "created_at": {"type": "string", "format": "date-time"},
        "actor_id": {"type": "integer", "nullable": True},
        "action": {"type": "string"},
        "target_type": {"type": "string"},
        "target_id": {"type": "integer", "nullable": True},
        "details": {"type": "object"},
    },
}
PARAMETERS = [
    {"name": "action", "in": "query", "schema": {"type": "string"}, "description": "e.g. post.override"},
    {"name": "actor_id", "in": "query", "schema": ID},
    {"name": "target_type", "in": "query", "schema": {"type": "string"}, "description": "e.g. run, post"},
    {"name": "target_id", "in": "query", "schema": ID},
    {"name": "since", "in": "query", "schema": {"type": "string", "format": "date-time"}},
    {"name": "until", "in": "query", "schema": {"type": "string", "format": "date-time"}},
    {
        "name": "before",
        "in": "query",
        "schema": {"type": "integer"},
        "description": "the next page: the last id seen",
    },
    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}},
]

document(
    "/audit",
    "get",
    "The organisation's audit log, newest first (admins and reviewers)",
    {
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": EVENT},
            "next_before": {"type": "integer", "nullable": True},
        },
    },
    parameters=PARAMETERS,
)


@bp.get("/audit")
@role_required(Role.ADMIN, Role.REVIEWER)
def audit_log():
    """Audit events matching the filters; `next_before` asks for the following page."""
    stmt = sa.select(AuditEvent).where(AuditEvent.organisation_id == current_user.organisation_id)
    for name in ("action", "target_type"):
        if request.args.get(name):
            stmt = stmt.where(getattr(AuditEvent, name) == request.args[name])
    for name in ("actor_id", "target_id", "before"):
        value = query_int(name, empty_is_absent=True)  # an empty filter field filters nothing
        if value is not None:
            column = AuditEvent.id if name == "before" else getattr(AuditEvent, name)
            stmt = stmt.where(column < value if name == "before" else column == value)
    since, until = _when("since"), _when("until")
    if since is not None:
        stmt = stmt.where(AuditEvent.created_at >= since)
    if until is not None:
        stmt = stmt.where(AuditEvent.created_at <= until)
    limit = query_int("limit", 50, low=1, high=MAX_LIMIT, empty_is_absent=True)
    rows = db.session.scalars(stmt.order_by(AuditEvent.id.desc()).limit(limit + 1)).all()
    page = rows[:limit]
    return jsonify(
        {
            "items": [_event_json(event) for event in page],
            "next_before": page[-1].id if len(rows) > limit else None,
        }
    )


def _event_json(event: AuditEvent) -> dict:
    return {
        "id": event.id,
        "created_at": event.created_at.isoformat(),
        "actor_id": event.actor_id,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "details": event.details,
    }


def _when(name: str) -> datetime | None:
    raw = request.args.get(name)
    return instant(raw, name) if raw else None  # a time without a zone is UTC
