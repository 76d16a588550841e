"""Reads for review: which runs a viewer may review, the filtered queue with its counts, ended sessions.

A run is in the queue when it finished, or when its live session ended; the run that holds a shared
room's world (it points at itself, or a session names it) is the room, not anyone's answers, and is left
out. Counts and statistics are aggregated in the database (GROUP BY and correlated subqueries), so a
page costs the same few queries whatever its length.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from ..errors import InvalidInput
from ..extensions import db
from ..models import Cohort, CohortMembership, Finding, LiveParticipant, LiveSession, Post, Role, Run, User
from ..models.review import REVIEW_STATUSES, RunReview
from ..models.types import UTCDateTime
from .filters import QueueFilters

PAGE_SIZE = 25
REVIEW_STATUS = sa.func.coalesce(RunReview.status, "new")
# When a run stopped: it finished, or its live session ended. The main query outer-joins the session
# under an alias, so that subqueries about live sessions in the filters are not correlated with it.
RUN_SESSION = aliased(LiveSession, name="run_session")
ENDED_AT = sa.type_coerce(
    sa.func.coalesce(Run.finished_at, RUN_SESSION.ended_at, Run.started_at), UTCDateTime
)


@dataclass
class RunStats:
    """What the trainee did in a run, in numbers."""

    posts: int = 0
    overridden: int = 0
    deleted: int = 0
    findings: int = 0
    labels: list[str] = field(default_factory=list)


@dataclass
class QueueRow:
    """One run in the queue: the run, its trainee, when it ended, its review status and its numbers."""

    run: Run
    trainee: User
    ended_at: datetime
    review_status: str
    stats: RunStats


@dataclass
class QueuePage:
    """A page of the queue with the number of runs matched and the count per review status."""

    rows: list[QueueRow]
    total: int
    counts: dict[str, int]
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        """Whether runs remain after this page."""
        return self.offset + len(self.rows) < self.total


def trainee_post_of_run():
    """Posts the run's trainee wrote in its world (a shared room's world run, or the run itself)."""
    return sa.and_(Post.author_user_id == Run.user_id, Post.run_id.in_([Run.id, Run.world_run_id]))


def _runs_of_sessions(session_ids):
    return sa.or_(
        Run.live_session_id.in_(session_ids),
        Run.id.in_(sa.select(LiveParticipant.run_id).where(LiveParticipant.session_id.in_(session_ids))),
    )


def reviewable():
    """Finished runs and runs of ended sessions, without the shared rooms' world runs."""
    ended = sa.select(LiveSession.id).where(LiveSession.status == "ended")
    world_runs = sa.select(LiveSession.world_run_id).where(LiveSession.world_run_id.is_not(None))
    return sa.and_(
        sa.or_(Run.status == "finished", _runs_of_sessions(ended)),
        sa.or_(Run.world_run_id.is_(None), Run.world_run_id != Run.id),
        Run.id.not_in(world_runs),
    )


def taught_cohort_ids(viewer: User):
    """The ids of the cohorts this instructor teaches, as a subquery."""
    return sa.select(Cohort.id).where(
        Cohort.instructor_id == viewer.id, Cohort.organisation_id == viewer.organisation_id
    )


def visible_to(viewer: User):
    """Runs of the viewer's organisation; for an instructor, only those of their cohorts' members."""
    clause = Run.organisation_id == viewer.organisation_id
    if viewer.role == Role.INSTRUCTOR:
        cohorts = taught_cohort_ids(viewer)
        members = sa.select(CohortMembership.user_id).where(CohortMembership.cohort_id.in_(cohorts))
        sessions = sa.select(LiveSession.id).where(LiveSession.cohort_id.in_(cohorts))
        clause = sa.and_(clause, sa.or_(Run.user_id.in_(members), _runs_of_sessions(sessions)))
    return clause


def _conditions(filters: QueueFilters) -> list:
    conditions = []
    if filters.cohort_id is not None:
        members = sa.select(CohortMembership.user_id).where(CohortMembership.cohort_id == filters.cohort_id)
        sessions = sa.select(LiveSession.id).where(LiveSession.cohort_id == filters.cohort_id)
        conditions.append(sa.or_(Run.user_id.in_(members), _runs_of_sessions(sessions)))
    if filters.session_id is not None:
        conditions.append(_runs_of_sessions(sa.select(sa.literal(filters.session_id))))
    for column, value in (
        (Run.scenario_id, filters.scenario_id),
        (Run.platform, filters.platform),
        (Run.user_id, filters.trainee_id),
    ):
        if value is not None:
            conditions.append(column == value)
    if finding := finding_filter(filters.label, filters.severity):
        conditions.append(sa.exists().where(Finding.post_id == Post.id, trainee_post_of_run(), *finding))
    if filters.overridden:
        conditions.append(sa.exists().where(trainee_post_of_run(), Post.overridden.is_(True)))
    if filters.deleted:
        conditions.append(sa.exists().where(trainee_post_of_run(), Post.deleted_at.is_not(None)))
    if filters.status is not None:
        conditions.append(REVIEW_STATUS == filters.status)
    return conditions


def finding_filter(label: str | None, severity: str | None) -> list:
    """SQL conditions on Finding for a label and a severity filter (empty when neither is set)."""
    pairs = ((Finding.label, label), (Finding.severity, severity))
    return [column == value for column, value in pairs if value is not None]


def _findings_count():
    return (
        sa.select(sa.func.count(Finding.id))
        .join(Post, Post.id == Finding.post_id)
        .where(trainee_post_of_run())
        .scalar_subquery()
    )


def _order(sort: str) -> list:
    when = ENDED_AT
    return {
        "newest": [when.desc(), Run.id.desc()],
        "oldest": [when.asc(), Run.id.asc()],
        "score_low": [Run.score.asc().nulls_last(), when.desc(), Run.id.desc()],
        "score_high": [Run.score.desc().nulls_last(), when.desc(), Run.id.desc()],
        "findings": [_findings_count().desc(), when.desc(), Run.id.desc()],
    }[sort]


def status_counts(viewer: User, filters: QueueFilters) -> dict[str, int]:
    """How many runs match the filters (review status aside), per review status."""
    stmt = (
        sa.select(REVIEW_STATUS, sa.func.count(Run.id))
        .select_from(Run)
        .outerjoin(RunReview, RunReview.run_id == Run.id)
        .where(visible_to(viewer), reviewable(), *_conditions(filters.without_status()))
        .group_by(REVIEW_STATUS)
    )
    counts = dict.fromkeys(REVIEW_STATUSES, 0)
    counts.update({status: number for status, number in db.session.execute(stmt)})
    return counts


def queue_page(viewer: User, filters: QueueFilters, offset: int = 0, limit: int = PAGE_SIZE) -> QueuePage:
    """One page of the queue, sorted as asked, with the totals."""
    counts = status_counts(viewer, filters)
    total = counts[filters.status] if filters.status else sum(counts.values())
    stmt = (
        sa.select(Run, User, ENDED_AT, REVIEW_STATUS)
        .join(User, User.id == Run.user_id)
        .outerjoin(RunReview, RunReview.run_id == Run.id)
        .outerjoin(RUN_SESSION, RUN_SESSION.id == Run.live_session_id)
        .where(visible_to(viewer), reviewable(), *_conditions(filters))
        .order_by(*_order(filters.sort))
        .offset(offset)
        .limit(limit)
    )
    found = db.session.execute(stmt).all()
    stats = run_stats([run.id for run, *_rest in found])
    rows = [QueueRow(run, user, ended, status, stats[run.id]) for run, user, ended, status in found]
    return QueuePage(rows, total, counts, offset, limit)


def run_stats(run_ids: list[int]) -> dict[int, RunStats]:
    """Posts, overrides, deletions, findings and finding labels of these runs, in three grouped queries."""
    stats = {run_id: RunStats() for run_id in run_ids}
    if not run_ids:
        return stats
    in_runs = Run.id.in_(run_ids)
    posts = (
        sa.select(
            Run.id,
            sa.func.count(Post.id),
            sa.func.count(sa.case((Post.overridden.is_(True), 1))),
            sa.func.count(Post.deleted_at),
        )
        .join(Post, trainee_post_of_run())
        .where(in_runs)
        .group_by(Run.id)
    )
    for run_id, count, overridden, deleted in db.session.execute(posts):
        stats[run_id].posts, stats[run_id].overridden, stats[run_id].deleted = count, overridden, deleted
    labels = (
        sa.select(Run.id, Finding.label, sa.func.count(Finding.id))
        .join(Post, trainee_post_of_run())
        .join(Finding, Finding.post_id == Post.id)
        .where(in_runs)
        .group_by(Run.id, Finding.label)
        .order_by(Run.id, Finding.label)
    )
    for run_id, label, count in db.session.execute(labels):
        stats[run_id].findings += count
        stats[run_id].labels.append(label)
    return stats


def reviewable_run(viewer: User, run_id: object) -> Run:
    """A run this viewer may review, or a 404 that says nothing about whose it is."""
    run = None
    if isinstance(run_id, int):
        run = db.session.scalar(sa.select(Run).where(Run.id == run_id, visible_to(viewer), reviewable()))
    if run is None:
        raise InvalidInput("There is no finished run with that id for you to review.", "run_id", status=404)
    return run


def reviewable_cohort(viewer: User, cohort_id: object) -> Cohort:
    """A cohort of the viewer's organisation (an instructor's own), or a 404."""
    cohort = db.session.get(Cohort, cohort_id) if isinstance(cohort_id, int) else None
    if (
        cohort is None
        or cohort.organisation_id != viewer.organisation_id
        or (viewer.role == Role.INSTRUCTOR and cohort.instructor_id != viewer.id)
    ):
        raise InvalidInput("There is no such cohort in your organisation.", "cohort_id", status=404)
    return cohort


def ended_sessions(viewer: User, filters: QueueFilters, limit: int = 10) -> list[tuple[LiveSession, int]]:
    """The newest ended live sessions the viewer may review, with how many took part."""
    joined = (
        sa.select(LiveParticipant.session_id, sa.func.count(LiveParticipant.id).label("people"))
        .group_by(LiveParticipant.session_id)
        .subquery()
    )
    stmt = (
        sa.select(LiveSession, sa.func.coalesce(joined.c.people, 0))
        .outerjoin(joined, joined.c.session_id == LiveSession.id)
        .where(LiveSession.organisation_id == viewer.organisation_id, LiveSession.status == "ended")
        .order_by(LiveSession.ended_at.desc(), LiveSession.id.desc())
        .limit(limit)
    )
    if viewer.role == Role.INSTRUCTOR:
        stmt = stmt.where(LiveSession.cohort_id.in_(taught_cohort_ids(viewer)))
    for column, value in (
        (LiveSession.cohort_id, filters.cohort_id),
        (LiveSession.id, filters.session_id),
        (LiveSession.scenario_id, filters.scenario_id),
        (LiveSession.platform, filters.platform),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    return [(session, people) for session, people in db.session.execute(stmt)]
