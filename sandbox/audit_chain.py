"""The audit trail's hash chain: every committed event is sealed, and `flask audit verify` checks the chain.

Each seal's digest is SHA-256 of the previous seal's digest and the event's canonical JSON, so changing,
removing or reordering an event (even with the database's guard triggers dropped) breaks every later
link. Events are sealed in the transaction that adds them, just before it commits, under a lock that
keeps the chain in one line when many workers commit at once (the last thing a transaction does, so it
cannot deadlock with the row locks it already holds).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from .models.audit import AuditEvent, AuditSeal

GENESIS = "0" * 64
CHAIN_LOCK = 727_001  # PostgreSQL advisory lock key for sealing
_PENDING = "audit_events_to_seal"
EVENTS = AuditEvent.__table__
SEALS = AuditSeal.__table__


def canonical(row) -> str:
    """The event's fields as one stable JSON text (what its seal's digest covers)."""
    return json.dumps(
        [
            row.id,
            row.created_at.astimezone(UTC).isoformat(),
            row.organisation_id,
            row.actor_id,
            row.action,
            row.target_type,
            row.target_id,
            row.details,
            row.ip_address,
        ],
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )


def link(previous: str, row) -> str:
    """The digest of the link after `previous` that seals this event row."""
    return hashlib.sha256((previous + canonical(row)).encode()).hexdigest()


def _chain_head(connection: sa.Connection) -> tuple[int, str]:
    last = connection.execute(
        sa.select(SEALS.c.seq, SEALS.c.digest).order_by(SEALS.c.seq.desc()).limit(1)
    ).first()
    return (last.seq, last.digest) if last else (0, GENESIS)


def seal_events(connection: sa.Connection, event_ids: Iterable[int]) -> int:
    """Append a seal for each of these events (that exist and are unsealed) to the chain; return how many."""
    ids = sorted(set(event_ids))
    if not ids:
        return 0
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
    seq, digest = _chain_head(connection)
    unsealed = sa.select(EVENTS).where(
        EVENTS.c.id.in_(ids), EVENTS.c.id.not_in(sa.select(SEALS.c.event_id).where(SEALS.c.event_id.in_(ids)))
    )
    seals = []
    for row in connection.execute(unsealed.order_by(EVENTS.c.id)):
        seq, digest = seq + 1, link(digest, row)
        seals.append({"seq": seq, "event_id": row.id, "digest": digest})
    if seals:
        connection.execute(SEALS.insert(), seals)
    return len(seals)


@event.listens_for(Session, "after_flush")
def _note_new_events(session: Session, flush_context) -> None:
    new = [obj.id for obj in session.new if isinstance(obj, AuditEvent)]
    if new:
        session.info.setdefault(_PENDING, set()).update(new)


@event.listens_for(Session, "before_commit")
def _seal_before_commit(session: Session) -> None:
    session.flush()
    pending = session.info.pop(_PENDING, None)
    if pending:
        seal_events(session.connection(), pending)


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back(session: Session) -> None:
    session.info.pop(_PENDING, None)


@dataclass
class Verification:
    """What `verify` found: how many events the chain holds, its head, and every problem."""

    sealed: int = 0
    head: str = GENESIS
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the chain is whole and every event is sealed."""
        return not self.problems


def _links(connection: sa.Connection, batch: int) -> Iterator:
    stmt = (
        sa.select(SEALS.c.seq, SEALS.c.event_id, SEALS.c.digest, EVENTS)
        .select_from(SEALS.outerjoin(EVENTS, EVENTS.c.id == SEALS.c.event_id))
        .order_by(SEALS.c.seq)
    )
    yield from connection.execution_options(yield_per=batch).execute(stmt)


def verify(connection: sa.Connection, batch: int = 2000, max_problems: int = 50) -> Verification:
    """Walk the chain from its start, recomputing every digest; list what does not match."""
    result, previous = Verification(), GENESIS
    for row in _links(connection, batch):
        result.sealed += 1
        if row.seq != result.sealed:
            result.problems.append(f"link {result.sealed}: the chain jumps to link {row.seq} (links removed)")
            result.sealed = row.seq
        if row.id is None:
            result.problems.append(f"link {row.seq}: event {row.event_id} is missing (deleted)")
        elif link(previous, row) != row.digest:
            result.problems.append(f"link {row.seq}: event {row.event_id} differs from what was sealed")
        previous = row.digest
        if len(result.problems) >= max_problems:
            break
    result.head = previous
    unsealed = connection.execute(
        sa.select(EVENTS.c.id).where(EVENTS.c.id.not_in(sa.select(SEALS.c.event_id))).order_by(EVENTS.c.id)
    ).scalars().all()
    if unsealed:
        shown = ", ".join(map(str, unsealed[:10])) + (" …" if len(unsealed) > 10 else "")
        result.problems.append(f"{len(unsealed)} event(s) were added without a seal: {shown}")
    return result
