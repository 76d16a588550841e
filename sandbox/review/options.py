"""The choices the review queue's filter form offers: cohorts, ended sessions, scenarios, trainees."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from ..extensions import db
from ..models import Cohort, LiveSession, Role, Run, User
from .queries import reviewable, taught_cohort_ids, visible_to


@dataclass
class FilterOptions:
    """The choices the queue's filter form offers this viewer."""

    cohorts: list[Cohort]
    sessions: list[LiveSession]
    scenarios: list[tuple[str, str]]
    trainees: list[User]


def filter_options(viewer: User) -> FilterOptions:
    """Cohorts, ended sessions, scenarios and trainees that appear in what the viewer may review."""
    cohorts = sa.select(Cohort).where(Cohort.organisation_id == viewer.organisation_id).order_by(Cohort.name)
    sessions = (
        sa.select(LiveSession)
        .where(LiveSession.organisation_id == viewer.organisation_id, LiveSession.status == "ended")
        .order_by(LiveSession.ended_at.desc(), LiveSession.id.desc())
        .limit(200)
    )
    if viewer.role == Role.INSTRUCTOR:
        cohorts = cohorts.where(Cohort.instructor_id == viewer.id)
        sessions = sessions.where(LiveSession.cohort_id.in_(taught_cohort_ids(viewer)))
    in_queue = sa.and_(visible_to(viewer), reviewable())
    scenarios = (
        sa.select(Run.scenario_id, sa.func.max(Run.scenario_title))
        .where(in_queue)
        .group_by(Run.scenario_id)
        .order_by(sa.func.max(Run.scenario_title))
    )
    trainees = (
        sa.select(User)
        .where(User.id.in_(sa.select(Run.user_id).where(in_queue)))
        .order_by(User.display_name, User.id)
    )
    return FilterOptions(
        cohorts=list(db.session.scalars(cohorts)),
        sessions=list(db.session.scalars(sessions)),
        scenarios=[(sid, title) for sid, title in db.session.execute(scenarios)],
        trainees=list(db.session.scalars(trainees)),
    )
