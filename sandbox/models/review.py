"""Compliance review: reviewers' notes (versioned, never edited in place), run statuses, cohort sign-offs."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow

REVIEW_STATUSES = {
    "new": "Unreviewed",
    "needs_follow_up": "Needs follow-up",
    "discussed": "Discussed with trainee",
    "closed": "Closed",
}


class ReviewNote(db.Model):
    """A reviewer's note on a run or one of its posts. Editing adds a version that supersedes this one."""

    __tablename__ = "review_notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"))
    run_id: Mapped[int] = mapped_column(sa.ForeignKey("runs.id"), index=True)
    post_id: Mapped[int | None] = mapped_column(sa.ForeignKey("posts.id"), default=None)
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(sa.Text)
    version: Mapped[int] = mapped_column(default=1)
    # One edit per version: a second edit of the same version is refused, so the history never forks.
    supersedes_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("review_notes.id"), default=None, unique=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author = relationship("User")


class RunReview(db.Model):
    """Where a run's review stands; a run without a row is unreviewed ("new")."""

    __tablename__ = "run_reviews"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"))
    run_id: Mapped[int] = mapped_column(sa.ForeignKey("runs.id"), unique=True)
    status: Mapped[str] = mapped_column(sa.String(20), default="new")
    updated_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    updated_by = relationship("User")


class CohortSignoff(db.Model):
    """A reviewer signing off a cohort's review: who, when, and what they noted."""

    __tablename__ = "cohort_signoffs"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"))
    cohort_id: Mapped[int] = mapped_column(sa.ForeignKey("cohorts.id"), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user = relationship("User")


class NotesAreNeverEdited(RuntimeError):
    """Raised when code changes a stored note in place instead of adding a new version."""


@event.listens_for(Session, "before_flush")
def _refuse_note_changes(session: Session, flush_context, instances) -> None:
    for obj in session.dirty:
        if isinstance(obj, ReviewNote) and session.is_modified(obj):
            raise NotesAreNeverEdited("review notes are versioned: add a new version instead")
