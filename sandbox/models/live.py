"""Live exercises: a session an instructor runs for a cohort, its participants and its event log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow

SESSION_MODES = ("shared", "parallel")  # one shared room, or everyone in a world of their own
SESSION_STATUSES = ("lobby", "running", "paused", "ended")


class LiveSession(db.Model):
    """One scenario played by a cohort at once, on a clock the instructor controls.

    The clock is stored as the session time reached at `clock_anchor` plus the wall time since, times
    `speed`; with the releases and schedule in the row, a restarted server carries on where it was.
    """

    __tablename__ = "live_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    cohort_id: Mapped[int] = mapped_column(sa.ForeignKey("cohorts.id"), index=True)
    created_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    scenario_id: Mapped[str] = mapped_column(sa.String(60))
    scenario_title: Mapped[str] = mapped_column(sa.String(200))
    platform: Mapped[str] = mapped_column(sa.String(20))
    mode: Mapped[str] = mapped_column(sa.String(10), default="parallel")
    status: Mapped[str] = mapped_column(sa.String(10), default="lobby")
    allow_pseudonyms: Mapped[bool] = mapped_column(default=False)
    speed: Mapped[float] = mapped_column(sa.Float, default=1.0)
    clock_seconds: Mapped[float] = mapped_column(sa.Float, default=0.0)
    clock_anchor: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    schedule: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)  # inject key -> session seconds
    released: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)  # inject key -> {at, groups}
    projector: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)  # spotlight, authors, debrief
    event_seq: Mapped[int] = mapped_column(default=0)  # the last event's number in this session
    world_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("runs.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    cohort = relationship("Cohort")
    created_by = relationship("User")
    participants: Mapped[list[LiveParticipant]] = relationship(
        back_populates="session", order_by="LiveParticipant.id"
    )

    def clock(self, now: datetime) -> float:
        """Session seconds elapsed at `now` (stopped while in the lobby, paused or ended)."""
        if self.clock_anchor is None:
            return self.clock_seconds
        return self.clock_seconds + max((now - self.clock_anchor).total_seconds(), 0.0) * self.speed


class LiveParticipant(db.Model):
    """A trainee in a live session, under their name or an allowed pseudonym, with a run of their own."""

    __tablename__ = "live_participants"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(sa.ForeignKey("live_sessions.id"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    display_name: Mapped[str] = mapped_column(sa.String(80))
    group: Mapped[str] = mapped_column(sa.String(40), default="")  # a table or group in the room
    run_id: Mapped[int] = mapped_column(sa.ForeignKey("runs.id"))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    session: Mapped[LiveSession] = relationship(back_populates="participants")
    user = relationship("User")
    run = relationship("Run")

    __table_args__ = (sa.UniqueConstraint("session_id", "user_id", name="uq_live_participants_session_user"),)


class LiveEvent(db.Model):
    """Something that happened in a session, kept so a reconnecting client can catch up from its number."""

    __tablename__ = "live_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(sa.ForeignKey("live_sessions.id"))
    seq: Mapped[int] = mapped_column()  # 1, 2, 3... within the session: the SSE event id
    kind: Mapped[str] = mapped_column(sa.String(40))
    audience: Mapped[str] = mapped_column(sa.String(60), default="all")  # all | staff | group:X | user:N
    payload: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (sa.UniqueConstraint("session_id", "seq", name="uq_live_events_session_seq"),)
