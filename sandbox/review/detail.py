"""A run as a reviewer sees it: who, what, the rubric, the notes with their history and the audit log."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from ..errors import InvalidInput
from ..extensions import db
from ..models import AuditEvent, Cohort, CohortMembership, LiveSession, Post, Run, User
from ..models.review import ReviewNote, RunReview
from ..scenarios.presenters import scorecard_json
from ..scenarios.runs import scenario_of
from ..scenarios.schema import Scenario
from .transcript import Entry, paused_drafts, seconds_taken, transcript, world_ids

AUDIT_PAGE = 200


@dataclass
class NoteThread:
    """A note as it reads now, with its earlier versions (newest first)."""

    current: ReviewNote
    history: list[ReviewNote] = field(default_factory=list)

    @property
    def post_id(self) -> int | None:
        """The post the note is about (None: about the whole run)."""
        return self.current.post_id


@dataclass
class RunDetail:
    """Everything the run page and the API show about one run."""

    run: Run
    trainee: User
    session: LiveSession | None
    cohorts: list[Cohort]
    entries: list[Entry]
    rubric: dict[str, Any] | None
    seconds: int
    review: RunReview | None
    notes: list[NoteThread]

    @property
    def review_status(self) -> str:
        """The run's review status ("new" until someone sets one)."""
        return self.review.status if self.review else "new"

    def notes_on(self, post_id: int | None) -> list[NoteThread]:
        """The notes about one post (or, with None, about the whole run)."""
        return [thread for thread in self.notes if thread.post_id == post_id]


def _scenario(run: Run) -> Scenario | None:
    try:
        return scenario_of(run)
    except InvalidInput:  # an uploaded scenario was removed since: the transcript still stands
        return None


def rubric(run: Run, scenario: Scenario | None) -> dict[str, Any] | None:
    """The scorecard (rubric items met or missed, model answers), or None when it cannot be scored."""
    if scenario is None or "delivered" not in (run.state or {}):
        return None
    card = scorecard_json(run, scenario)
    card.pop("posts", None)  # the transcript shows them, with their history
    return card


def note_threads(run: Run) -> list[NoteThread]:
    """The run's notes, each at its newest version with its earlier ones."""
    notes = list(
        db.session.scalars(
            sa.select(ReviewNote)
            .where(ReviewNote.run_id == run.id)
            .options(selectinload(ReviewNote.author))
            .order_by(ReviewNote.id)
        )
    )
    by_id = {note.id: note for note in notes}
    superseded = {note.supersedes_id for note in notes if note.supersedes_id}
    threads = []
    for note in notes:
        if note.id in superseded:
            continue
        thread, earlier = NoteThread(note), note.supersedes_id
        while earlier is not None and earlier in by_id:
            thread.history.append(by_id[earlier])
            earlier = by_id[earlier].supersedes_id
        threads.append(thread)
    threads.sort(key=lambda t: (t.history[-1] if t.history else t.current).created_at)
    return threads


def trainee_cohorts(run: Run) -> list[Cohort]:
    """The cohorts the run's trainee belongs to."""
    stmt = (
        sa.select(Cohort)
        .join(CohortMembership, CohortMembership.cohort_id == Cohort.id)
        .where(CohortMembership.user_id == run.user_id, Cohort.organisation_id == run.organisation_id)
        .order_by(Cohort.name)
    )
    return list(db.session.scalars(stmt))


def run_detail(run: Run) -> RunDetail:
    """Assemble the run's review: transcript, rubric, time taken, status and notes."""
    trainee = db.session.get(User, run.user_id)
    scenario = _scenario(run)
    return RunDetail(
        run=run,
        trainee=trainee,
        session=db.session.get(LiveSession, run.live_session_id) if run.live_session_id else None,
        cohorts=trainee_cohorts(run),
        entries=transcript(run, scenario, trainee.display_name),
        rubric=rubric(run, scenario),
        seconds=seconds_taken(run),
        review=db.session.scalar(sa.select(RunReview).where(RunReview.run_id == run.id)),
        notes=note_threads(run),
    )


def run_audit(run: Run, offset: int = 0, limit: int = AUDIT_PAGE) -> tuple[list[tuple[AuditEvent, str]], int]:
    """Audit events about the run, its trainee's posts in it and its notes, oldest first; and their number."""
    posts = sa.select(Post.id).where(Post.run_id.in_(world_ids(run)), Post.author_user_id == run.user_id)
    notes = sa.select(ReviewNote.id).where(ReviewNote.run_id == run.id)
    paused = [event.id for event in paused_drafts(run, list(db.session.scalars(posts)))]
    about = sa.and_(
        AuditEvent.organisation_id == run.organisation_id,
        sa.or_(
            sa.and_(AuditEvent.target_type == "run", AuditEvent.target_id == run.id),
            sa.and_(AuditEvent.target_type == "post", AuditEvent.target_id.in_(posts)),
            sa.and_(AuditEvent.target_type == "reviewnote", AuditEvent.target_id.in_(notes)),
            AuditEvent.id.in_(paused or [-1]),
        ),
    )
    total = db.session.scalar(sa.select(sa.func.count(AuditEvent.id)).where(about))
    stmt = (
        sa.select(AuditEvent, sa.func.coalesce(User.display_name, "system"))
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(about)
        .order_by(AuditEvent.created_at, AuditEvent.id)
        .offset(offset)
        .limit(limit)
    )
    return [(event, actor) for event, actor in db.session.execute(stmt)], total
