"""Core API resources: the document itself, the current user, cohorts."""

from __future__ import annotations

from flask import jsonify
from flask_login import current_user

from ..auth.queries import cohorts_for
from ..extensions import db
from ..models import Cohort, CohortMembership, Role
from . import bp
from .openapi import document, spec

USER_SCHEMA = {
    "type": "object",
    "required": ["id", "email", "display_name", "role", "organisation"],
    "properties": {
        "id": {"type": "integer"},
        "email": {"type": "string"},
        "display_name": {"type": "string"},
        "role": {"type": "string", "enum": [r.value for r in Role]},
        "organisation": {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
        },
    },
}
COHORT_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "members": {"type": "integer"},
        "join_code": {"type": "string", "description": "staff only"},
    },
}


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI 3 document (public)."""
    return jsonify(spec())


document("/me", "get", "The current user", USER_SCHEMA)


@bp.get("/me")
def me():
    """The logged-in user and their role."""
    user = current_user
    return jsonify(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        role=user.role.value,
        organisation={"id": user.organisation.id, "name": user.organisation.name},
    )


document(
    "/cohorts",
    "get",
    "Cohorts the user teaches, belongs to or reviews",
    {
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": COHORT_SCHEMA},
            "next_cursor": {"type": "string", "nullable": True},
        },
    },
)


@bp.get("/cohorts")
def cohorts():
    """Cohorts the user teaches (staff), reviews (reviewer, whole organisation) or belongs to."""
    staff = current_user.role in (Role.INSTRUCTOR, Role.ADMIN)
    if staff:
        rows = cohorts_for(current_user)
    elif current_user.role == Role.REVIEWER:
        rows = [
            (c, len(c.memberships))
            for c in db.session.scalars(
                db.select(Cohort).where(Cohort.organisation_id == current_user.organisation_id)
            )
        ]
    else:
        rows = [
            (m.cohort, len(m.cohort.memberships))
            for m in db.session.scalars(
                db.select(CohortMembership).where(CohortMembership.user_id == current_user.id)
            )
        ]
    items = []
    for cohort, members in rows:
        item = {"id": cohort.id, "name": cohort.name, "members": members}
        if staff:
            item["join_code"] = cohort.join_code
        items.append(item)
    return jsonify(items=items, next_cursor=None)
