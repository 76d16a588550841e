"""A live session's events: numbered 1, 2, 3... per session, kept in the database, published on the bus.

The number is taken with an UPDATE on the session row, which holds the row (PostgreSQL) or the database
(SQLite) until commit, so events commit in the order of their numbers and a gap seen by a listener is
always an event already in the database. The bus message goes out only after the commit.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from ..extensions import db
from ..models import LiveEvent, LiveSession, Role, User
from .bus import get_bus

log = logging.getLogger(__name__)
PENDING_KEY = "live_events_pending"
STAFF_AUDIENCE = "staff"


def channel(session_id: int) -> str:
    """The bus channel a session's events travel on."""
    return f"live:{session_id}"


def emit(live: LiveSession, kind: str, payload: dict[str, Any], audience: str = "all") -> LiveEvent:
    """Record an event in this transaction; it is published on the bus once the transaction commits."""
    seq = db.session.execute(
        sa.update(LiveSession)
        .where(LiveSession.id == live.id)
        .values(event_seq=LiveSession.event_seq + 1)
        .returning(LiveSession.event_seq),
        execution_options={"synchronize_session": False},
    ).scalar_one()
    row = LiveEvent(
        session_id=live.id, seq=seq, kind=kind, audience=audience, payload={**payload, "sent_at": time.time()}
    )
    db.session.add(row)
    db.session.info.setdefault(PENDING_KEY, []).append((get_bus(), message(row)))
    return row


def message(row: LiveEvent) -> dict[str, Any]:
    """The JSON form of an event, as the bus, the stream and the API carry it."""
    return {
        "session_id": row.session_id,
        "seq": row.seq,
        "kind": row.kind,
        "audience": row.audience,
        "payload": row.payload,
    }


@sa_event.listens_for(Session, "after_commit")
def _publish_committed(session: Session) -> None:
    for bus, body in session.info.pop(PENDING_KEY, ()):
        try:
            bus.publish(channel(body["session_id"]), body)
        except Exception:  # the bus being down loses nothing: listeners catch up from the database
            log.warning(
                "live event %s/%s not published: the event bus is unreachable",
                body["session_id"],
                body["seq"],
            )


@sa_event.listens_for(Session, "after_rollback")
def _forget_rolled_back(session: Session) -> None:
    session.info.pop(PENDING_KEY, None)


def audiences_for(user: User, live: LiveSession, group: str | None) -> set[str] | None:
    """The audiences a viewer receives: None means every event (the session's staff)."""
    if user.role in (Role.INSTRUCTOR, Role.ADMIN, Role.REVIEWER, Role.ROLE_PLAYER):
        return None
    mine = {"all", f"user:{user.id}"}
    return mine | {f"group:{group}"} if group else mine


def visible(body: dict[str, Any], audiences: set[str] | None) -> bool:
    """Whether a viewer with these audiences receives this event."""
    return audiences is None or body["audience"] in audiences


def events_after(session_id: int, after: int, limit: int = 500, until: int | None = None) -> list[dict]:
    """The session's events numbered above `after` (and up to `until`), oldest first."""
    stmt = sa.select(LiveEvent).where(LiveEvent.session_id == session_id, LiveEvent.seq > after)
    if until is not None:
        stmt = stmt.where(LiveEvent.seq <= until)
    rows: Iterable[LiveEvent] = db.session.scalars(stmt.order_by(LiveEvent.seq).limit(limit))
    return [message(row) for row in rows]
