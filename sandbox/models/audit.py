"""The append-only audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow


class AuditEvent(db.Model):
    """Something that happened: who did what to which thing, when. Never updated or deleted."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    organisation_id: Mapped[int | None] = mapped_column(sa.ForeignKey("organisations.id"))
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(sa.String(60))
    target_type: Mapped[str] = mapped_column(sa.String(40), default="")
    target_id: Mapped[int | None] = mapped_column(default=None)
    details: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    ip_address: Mapped[str] = mapped_column(sa.String(45), default="")

    __table_args__ = (
        sa.Index("ix_audit_events_org_created", "organisation_id", "created_at"),
        sa.Index("ix_audit_events_target", "target_type", "target_id"),
        sa.Index("ix_audit_events_action", "action", "created_at"),
    )


class AuditTrailIsAppendOnly(RuntimeError):
    """Raised when code tries to change or remove an audit event."""


@event.listens_for(Session, "before_flush")
def _refuse_audit_changes(session: Session, flush_context, instances) -> None:
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEvent) and (obj in session.deleted or session.is_modified(obj)):
            raise AuditTrailIsAppendOnly("audit events are append-only")
