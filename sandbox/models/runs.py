"""Scenario runs: one trainee's attempt at a scenario, its world and its engine state."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow


class Run(db.Model):
    """A trainee's attempt at a scenario. The engine's state is stored, so a restart loses nothing."""

    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    scenario_id: Mapped[str] = mapped_column(sa.String(60))
    scenario_title: Mapped[str] = mapped_column(sa.String(200))
    platform: Mapped[str] = mapped_column(sa.String(20))
    attempt: Mapped[int] = mapped_column(default=1)
    status: Mapped[str] = mapped_column(sa.String(20), default="ready")  # ready | running | finished
    state: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    score: Mapped[int | None] = mapped_column(default=None)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # Live exercises: the session this run belongs to, and in a shared room the run whose cast and
    # posts make up the one world everyone plays in (the world run points at itself).
    live_session_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("live_sessions.id", use_alter=True), default=None, index=True
    )
    world_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("runs.id"), default=None, index=True)

    user = relationship("User")

    __table_args__ = (
        sa.Index("ix_runs_user", "user_id", "started_at"),
        sa.Index("ix_runs_org_scenario", "organisation_id", "scenario_id", "started_at"),
    )

    @property
    def cast_run_id(self) -> int:
        """The run whose cast and setting this run plays among (a shared room's world, or itself)."""
        return self.world_run_id or self.id

    @property
    def in_shared_room(self) -> bool:
        """Whether this run is one trainee's part of a live session's shared room."""
        return self.world_run_id is not None and self.world_run_id != self.id

    def seconds_since_start(self, now: datetime) -> float:
        """How far into the run `now` is, in seconds."""
        return max((now - self.started_at).total_seconds(), 0.0)


class UploadedScenario(db.Model):
    """A scenario file an instructor uploaded for their organisation (the shipped library is on disk)."""

    __tablename__ = "uploaded_scenarios"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"))
    scenario_id: Mapped[str] = mapped_column(sa.String(60))
    yaml_text: Mapped[str] = mapped_column(sa.Text)
    uploaded_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    uploaded_by = relationship("User")

    __table_args__ = (
        sa.UniqueConstraint(
            "organisation_id", "scenario_id", name="uq_uploaded_scenarios_organisation_scenario"
        ),
    )
