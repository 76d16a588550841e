"""Writing to the append-only audit trail."""

from __future__ import annotations

from typing import Any

from flask import has_request_context, request
from flask_login import current_user

from .extensions import db
from .models import AuditEvent, User


def record(
    action: str,
    target: Any = None,
    *,
    actor: User | None = None,
    organisation_id: int | None = None,
    **details: Any,
) -> AuditEvent:
    """Add an audit event for the current request's user (or the given actor) and return it."""
    if actor is None and has_request_context() and current_user.is_authenticated:
        actor = current_user._get_current_object()
    if organisation_id is None:
        organisation_id = getattr(target, "organisation_id", None) or getattr(actor, "organisation_id", None)
    event = AuditEvent(
        action=action,
        actor_id=actor.id if actor is not None else None,
        organisation_id=organisation_id,
        target_type=type(target).__name__.lower() if target is not None else "",
        target_id=getattr(target, "id", None),
        details=details,
        ip_address=(request.remote_addr or "") if has_request_context() else "",
    )
    db.session.add(event)
    return event
