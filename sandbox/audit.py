"""Writing to the append-only audit trail (words people typed go to purgeable AuditText rows, not events)."""

from __future__ import annotations

from typing import Any

from flask import has_request_context, request
from flask_login import current_user

from .extensions import db
from .models import AuditEvent, AuditText, User

# What an event keeps of a finding: where it was and what it was, never the words it covered.
MARK_FIELDS = ("kind", "label", "severity", "start", "end", "rule", "source")


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


def finding_marks(findings: list[dict]) -> list[dict]:
    """Findings as the audit trail keeps them: labels and offsets, never the flagged words."""
    return [{name: finding.get(name) for name in MARK_FIELDS} for finding in findings]


def keep_text(organisation_id: int, run_id: int | None, body: str, findings: list[dict]) -> AuditText:
    """Store words an event refers to where retention can remove them; flush and return the row."""
    text = AuditText(organisation_id=organisation_id, run_id=run_id, body=body, findings=findings)
    db.session.add(text)
    db.session.flush()
    return text
