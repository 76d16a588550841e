"""Retention: what each purge removed, and the counts kept so reports still include purged runs."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow


class PurgeRecord(db.Model):
    """One purge of an organisation's expired run content: when, by whom, up to which cutoff, how much."""

    __tablename__ = "purge_records"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    performed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), default=None)  # None: CLI
    retention_days: Mapped[int] = mapped_column()
    cutoff: Mapped[datetime] = mapped_column(UTCDateTime)  # runs finished before this were purged
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    runs: Mapped[int] = mapped_column(default=0)
    posts: Mapped[int] = mapped_column(default=0)
    findings: Mapped[int] = mapped_column(default=0)
    revisions: Mapped[int] = mapped_column(default=0)
    captures: Mapped[int] = mapped_column(default=0)
    attachments: Mapped[int] = mapped_column(default=0)
    personas: Mapped[int] = mapped_column(default=0)
    notes: Mapped[int] = mapped_column(default=0)
    stopped_drafts: Mapped[int] = mapped_column(default=0, server_default="0")

    performed_by = relationship("User")


class PurgedRun(db.Model):
    """A run whose content was purged: its row stays (who, which scenario, when) but its words are gone."""

    __tablename__ = "purged_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(sa.ForeignKey("runs.id"), unique=True)
    purge_id: Mapped[int] = mapped_column(sa.ForeignKey("purge_records.id"), index=True)


class PurgedCount(db.Model):
    """Counts kept from purged runs, per cohort, live session, scenario and finding label.

    The row with label "" holds the run-level counts (runs, runs with PHI, posts, overridden posts);
    the other rows hold the findings of one label. Reports add these to what is still stored.
    """

    __tablename__ = "purged_counts"
    id: Mapped[int] = mapped_column(primary_key=True)
    purge_id: Mapped[int] = mapped_column(sa.ForeignKey("purge_records.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"))
    cohort_id: Mapped[int | None] = mapped_column(sa.ForeignKey("cohorts.id"), default=None, index=True)
    live_session_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("live_sessions.id"), default=None, index=True
    )
    scenario_id: Mapped[str] = mapped_column(sa.String(60))
    scenario_title: Mapped[str] = mapped_column(sa.String(200), default="")
    platform: Mapped[str] = mapped_column(sa.String(20), default="")
    label: Mapped[str] = mapped_column(sa.String(20), default="")
    runs: Mapped[int] = mapped_column(default=0)
    runs_with_phi: Mapped[int] = mapped_column(default=0)
    posts: Mapped[int] = mapped_column(default=0)
    overridden_posts: Mapped[int] = mapped_column(default=0)
    findings: Mapped[int] = mapped_column(default=0)
    overridden_findings: Mapped[int] = mapped_column(default=0)

    __table_args__ = (sa.Index("ix_purged_counts_org_scenario", "organisation_id", "scenario_id"),)
