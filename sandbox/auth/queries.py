"""Reads for account management."""

from __future__ import annotations

import sqlalchemy as sa

from ..extensions import db
from ..models import Cohort, CohortMembership, Role, User

PAGE_SIZE = 50


def people_page(viewer: User, page: int, query: str = "") -> tuple[list[User], bool]:
    """Users of the viewer's organisation that the viewer may manage, one page; returns (users, has_more)."""
    stmt = sa.select(User).where(User.organisation_id == viewer.organisation_id)
    if viewer.role == Role.INSTRUCTOR:
        stmt = stmt.where(User.role.in_([Role.TRAINEE, Role.ROLE_PLAYER]))
    if query:
        like = f"%{query.lower()}%"
        stmt = stmt.where(
            sa.or_(sa.func.lower(User.email).like(like), sa.func.lower(User.display_name).like(like))
        )
    stmt = stmt.order_by(User.display_name, User.id).offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE + 1)
    users = list(db.session.scalars(stmt))
    return users[:PAGE_SIZE], len(users) > PAGE_SIZE


def cohorts_for(viewer: User) -> list[tuple[Cohort, int]]:
    """Cohorts the viewer manages, with their member counts."""
    counts = (
        sa.select(CohortMembership.cohort_id, sa.func.count().label("members"))
        .group_by(CohortMembership.cohort_id)
        .subquery()
    )
    stmt = (
        sa.select(Cohort, sa.func.coalesce(counts.c.members, 0))
        .outerjoin(counts, counts.c.cohort_id == Cohort.id)
        .where(Cohort.organisation_id == viewer.organisation_id)
        .order_by(Cohort.created_at.desc(), Cohort.id.desc())
    )
    if viewer.role == Role.INSTRUCTOR:
        stmt = stmt.where(Cohort.instructor_id == viewer.id)
    return [(cohort, members) for cohort, members in db.session.execute(stmt)]


def cohort_members(cohort: Cohort) -> list[tuple[User, CohortMembership]]:
    """The members of a cohort, by name."""
    stmt = (
        sa.select(User, CohortMembership)
        .join(CohortMembership, CohortMembership.user_id == User.id)
        .where(CohortMembership.cohort_id == cohort.id)
        .order_by(User.display_name)
    )
    return [(user, membership) for user, membership in db.session.execute(stmt)]
