"""Free practice in review as JSON: posts outside scenarios that were published over a warning or deleted."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request
from flask_login import current_user

from ..feeds.queries import clamp_limit
from ..review.filters import QueueFilters, decode_offset, encode_offset
from ..review.practice import PracticeRow, practice_audit, practice_entries, practice_page, practice_post
from ..review.presenters import audit_json, entry_json
from ..review.views import READ_ROLES
from ..security import role_required
from . import bp
from .openapi import document
from .review import OBJECT, QUEUE_PARAMS

PRACTICE_ROW = {
    "type": "object",
    "properties": {
        "post_id": {"type": "integer"},
        "author": OBJECT,
        "platform": {"type": "string"},
        "created_at": {"type": "string"},
        "overridden": {"type": "boolean"},
        "deleted_at": {"type": "string", "nullable": True},
        "labels": {"type": "array", "items": {"type": "string"}},
    },
}
PRACTICE_PARAMS = [p for p in QUEUE_PARAMS if p["name"] not in ("sort",)]


def practice_row_json(row: PracticeRow) -> dict[str, Any]:
    """A free-practice post as the queue lists it."""
    post = row.post
    return {
        "post_id": post.id,
        "author": {"id": row.author.id, "name": row.author.display_name},
        "platform": post.platform,
        "created_at": post.created_at.isoformat(),
        "overridden": post.overridden,
        "deleted_at": post.deleted_at.isoformat() if post.deleted_at else None,
        "labels": row.labels,
    }


document(
    "/review/practice",
    "get",
    "Free-practice posts to review (outside scenarios; published over a warning, or deleted), newest first."
    " Filters only runs have (session, scenario, status) match none.",
    {
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": PRACTICE_ROW},
            "next_cursor": {"type": "string", "nullable": True},
            "total": {"type": "integer"},
        },
    },
    parameters=PRACTICE_PARAMS,
)


@bp.get("/review/practice")
@role_required(*READ_ROLES)
def review_practice():
    """The queue's free-practice rows, a page at a time."""
    filters, offset = QueueFilters.from_args(request.args), decode_offset(request.args.get("cursor"))
    limit = clamp_limit(request.args.get("limit", type=int))
    page = practice_page(current_user, filters, offset=offset, limit=limit)
    return jsonify(
        items=[practice_row_json(row) for row in page.rows],
        next_cursor=encode_offset(offset + limit) if page.has_more else None,
        total=page.total,
    )


document(
    "/review/practice/{post_id}",
    "get",
    "One free-practice post: its versions with the findings as posted, its deletion and its audit events",
    {
        "type": "object",
        "properties": {
            "post": PRACTICE_ROW,
            "transcript": {"type": "array", "items": OBJECT},
            "audit": {"type": "array", "items": OBJECT},
        },
    },
    parameters=[{"name": "post_id", "in": "path", "required": True, "schema": {"type": "integer"}}],
)


@bp.get("/review/practice/<int:post_id>")
@role_required(*READ_ROLES)
def review_practice_post(post_id: int):
    """Everything about one free-practice post a reviewer needs."""
    post = practice_post(current_user, post_id)
    author = post.author_user
    labels = sorted({finding.label for finding in post.findings})
    return jsonify(
        post=practice_row_json(PracticeRow(post, author, labels)),
        transcript=[entry_json(entry) for entry in practice_entries(post, author)],
        audit=[audit_json(event, actor) for event, actor in practice_audit(post)],
    )
