"""Free practice in review: posts written outside any scenario that were published over a warning or deleted.

They belong to no run, so they are their own kind of row: the queue lists them under the runs, a page
shows one with its versions, findings, captures and audit events, and the posts export includes them
(context "free_practice"). Filters that only runs have (scenario, live session, review status) leave
them out. Instructors see their own cohorts' members only, as with runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from ..errors import InvalidInput
from ..extensions import db
from ..models import AuditEvent, Capture, CohortMembership, Finding, Post, Role, User
from .filters import QueueFilters
from .queries import finding_filter, taught_cohort_ids
from .transcript import Entry, trainee_entries

PAGE_SIZE = 25


@dataclass
class PracticeRow:
    """One free-practice post in the queue: the post, its author and the labels found in it."""

    post: Post
    author: User
    labels: list[str] = field(default_factory=list)


@dataclass
class PracticePage:
    """A page of free-practice rows and how many match."""

    rows: list[PracticeRow]
    total: int
    offset: int
    limit: int
    applies: bool = True  # False: a run-only filter is set, so no free-practice post can match

    @property
    def has_more(self) -> bool:
        """Whether rows remain after this page."""
        return self.offset + len(self.rows) < self.total


def free_practice() -> sa.ColumnElement[bool]:
    """SQL: a person's post outside every scenario run."""
    return sa.and_(Post.run_id.is_(None), Post.author_user_id.is_not(None))


def needs_review() -> sa.ColumnElement[bool]:
    """SQL: published over a warning, or deleted."""
    return sa.or_(Post.overridden.is_(True), Post.deleted_at.is_not(None))


def visible_practice(viewer: User) -> sa.ColumnElement[bool]:
    """Free-practice posts of the viewer's organisation; an instructor's cohorts' members only."""
    clause = sa.and_(Post.organisation_id == viewer.organisation_id, free_practice())
    if viewer.role == Role.INSTRUCTOR:
        members = sa.select(CohortMembership.user_id).where(
            CohortMembership.cohort_id.in_(taught_cohort_ids(viewer))
        )
        clause = sa.and_(clause, Post.author_user_id.in_(members))
    return clause


def run_only(filters: QueueFilters) -> bool:
    """Whether a filter is set that only runs have (then no free-practice post matches)."""
    return any(value is not None for value in (filters.session_id, filters.scenario_id, filters.status))


def author_scope(cohort_id: int | None, platform: str | None, trainee_id: int | None) -> list:
    """SQL conditions on a free-practice post: its author in the cohort, its platform, its author."""
    conditions = []
    if cohort_id is not None:
        members = sa.select(CohortMembership.user_id).where(CohortMembership.cohort_id == cohort_id)
        conditions.append(Post.author_user_id.in_(members))
    for column, value in ((Post.platform, platform), (Post.author_user_id, trainee_id)):
        if value is not None:
            conditions.append(column == value)
    return conditions


def practice_conditions(filters: QueueFilters) -> list:
    """SQL conditions on Post for the queue filters that free practice has."""
    conditions = [needs_review(), *author_scope(filters.cohort_id, filters.platform, filters.trainee_id)]
    if finding := finding_filter(filters.label, filters.severity):
        conditions.append(sa.exists().where(Finding.post_id == Post.id, *finding))
    if filters.overridden:
        conditions.append(Post.overridden.is_(True))
    if filters.deleted:
        conditions.append(Post.deleted_at.is_not(None))
    return conditions


def _labels(post_ids: list[int]) -> dict[int, list[str]]:
    labels: dict[int, list[str]] = {post_id: [] for post_id in post_ids}
    rows = db.session.execute(
        sa.select(Finding.post_id, Finding.label)
        .where(Finding.post_id.in_(post_ids))
        .distinct()
        .order_by(Finding.post_id, Finding.label)
    )
    for post_id, label in rows:
        labels[post_id].append(label)
    return labels


def practice_page(
    viewer: User, filters: QueueFilters, offset: int = 0, limit: int = PAGE_SIZE
) -> PracticePage:
    """One page of free-practice posts to review, newest first, in three queries."""
    if run_only(filters):
        return PracticePage([], 0, offset, limit, applies=False)
    where = [visible_practice(viewer), *practice_conditions(filters)]
    total = db.session.scalar(sa.select(sa.func.count(Post.id)).where(*where)) or 0
    found = db.session.execute(
        sa.select(Post, User)
        .join(User, User.id == Post.author_user_id)
        .where(*where)
        .order_by(sa.func.coalesce(Post.deleted_at, Post.created_at).desc(), Post.id.desc())
        .offset(offset)
        .limit(limit)
    ).all()
    labels = _labels([post.id for post, _author in found])
    return PracticePage([PracticeRow(p, a, labels[p.id]) for p, a in found], total, offset, limit)


def practice_post(viewer: User, post_id: int) -> Post:
    """A free-practice post this viewer may review, or a 404 that says nothing about whose it is."""
    post = db.session.scalar(
        sa.select(Post)
        .where(Post.id == post_id, visible_practice(viewer))
        .options(
            selectinload(Post.findings),
            selectinload(Post.revisions),
            selectinload(Post.captures).selectinload(Capture.persona),
        )
    )
    if post is None:
        raise InvalidInput("There is no free-practice post with that id for you to review.", "post_id", 404)
    return post


def practice_entries(post: Post, author: User) -> list[Entry]:
    """The post version by version with its findings as posted, then its deletion."""
    entries = trainee_entries(post, author.display_name)
    return sorted(entries, key=lambda entry: entry.at)


def practice_audit(post: Post) -> list[tuple[AuditEvent, str]]:
    """The audit events about the post, oldest first, with who did each."""
    stmt = (
        sa.select(AuditEvent, sa.func.coalesce(User.display_name, "system"))
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(
            AuditEvent.organisation_id == post.organisation_id,
            AuditEvent.target_type == "post",
            AuditEvent.target_id == post.id,
        )
        .order_by(AuditEvent.created_at, AuditEvent.id)
    )
    return list(db.session.execute(stmt).tuples())
