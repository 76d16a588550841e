"""The append-only audit trail: events, the hash chain that seals them, and the purgeable words they name.

Events are guarded twice: the ORM refuses to change or delete one, and the database refuses UPDATE,
DELETE and TRUNCATE on the trail's tables with triggers (GUARD_DDL), so `sa.update`, `Query.delete()`
and raw SQL are refused too. Words a person typed (a draft stopped by the pause) never go in an event;
they go in `audit_texts`, which retention may empty, and the event keeps labels and offsets.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow

GUARDED_TABLES = ("audit_events", "audit_seals")
APPEND_ONLY_MESSAGE = "the audit trail is append-only"


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


class AuditSeal(db.Model):
    """One link of the hash chain: the digest of an event and of the link before it."""

    __tablename__ = "audit_seals"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("audit_events.id"), unique=True)
    digest: Mapped[str] = mapped_column(sa.String(64))


class AuditText(db.Model):
    """Words an audit event refers to (a stopped draft and its flagged spans); retention empties them."""

    __tablename__ = "audit_texts"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("runs.id"), index=True, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    body: Mapped[str] = mapped_column(sa.Text, default="")
    findings: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class AuditTrailIsAppendOnly(RuntimeError):
    """Raised when code tries to change or remove an audit event or seal."""


@event.listens_for(Session, "before_flush")
def _refuse_audit_changes(session: Session, flush_context, instances) -> None:
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEvent | AuditSeal) and (obj in session.deleted or session.is_modified(obj)):
            raise AuditTrailIsAppendOnly("audit events are append-only")


_POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{APPEND_ONLY_MESSAGE} (% on %)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$
"""


def guard_ddl(dialect: str) -> list[str]:
    """The statements that make the database refuse changes to the audit tables."""
    if dialect == "postgresql":
        statements = [_POSTGRES_FUNCTION]
        for table in GUARDED_TABLES:
            statements += [
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()",
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()",
            ]
        return statements
    return [
        f"CREATE TRIGGER {table}_append_only_{op.lower()} BEFORE {op} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END"
        for table in GUARDED_TABLES
        for op in ("UPDATE", "DELETE")
    ]


def unguard_ddl(dialect: str) -> list[str]:
    """The statements that remove the guard (only a development reset and the test suite use them)."""
    if dialect == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {table}_{name} ON {table}"
            for table in GUARDED_TABLES
            for name in ("append_only", "no_truncate")
        ]
    return [
        f"DROP TRIGGER IF EXISTS {table}_append_only_{op}"
        for table in GUARDED_TABLES
        for op in ("update", "delete")
    ]


@contextmanager
def guard_lifted(connection: sa.Connection) -> Iterator[None]:
    """Drop the triggers for the block and put them back, in the caller's transaction (resets only)."""
    dialect = connection.dialect.name
    for statement in unguard_ddl(dialect):
        connection.execute(sa.text(statement))
    yield
    for statement in guard_ddl(dialect):
        connection.execute(sa.text(statement))


@event.listens_for(AuditSeal.__table__, "after_create")
def _guard_after_create(target, connection, **kw) -> None:
    for statement in guard_ddl(connection.dialect.name):
        connection.execute(sa.text(statement))
