"""Export filters: parsed from query arguments with clear errors, and the SQL conditions they stand for.

The run-level filters select the same runs as the review queue (reviewable runs of the organisation, the
trainee's own posts in their world); post-level filters narrow posts, or keep runs with a matching post.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa

from ..errors import InvalidInput
from ..feedback.model import PRIVACY_LABELS, SEVERITIES, TONE_LABELS
from ..inputs import whole_number
from ..models import CohortMembership, Finding, LiveParticipant, LiveSession, Post, Run
from ..models.content import PLATFORM_IDS
from ..models.review import REVIEW_STATUSES, RunReview
from .queries import reviewable, trainee_post_of_run

LABELS = PRIVACY_LABELS + TONE_LABELS
FILTER_ARGS = (
    "cohort_id",
    "session_id",
    "scenario_id",
    "platform",
    "trainee_id",
    "from",
    "to",
    "label",
    "severity",
    "overridden",
    "deleted",
    "status",
)
_TRUE, _FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off"}


@dataclass(frozen=True)
class ExportFilter:
    """Which rows an export holds; the organisation is always the viewer's."""

    organisation_id: int
    cohort_id: int | None = None
    session_id: int | None = None
    scenario_id: str | None = None
    platform: str | None = None
    trainee_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    label: str | None = None
    severity: str | None = None
    overridden: bool | None = None
    deleted: bool | None = None
    status: str | None = None

    def as_args(self) -> dict[str, str]:
        """The filter as query arguments (what was asked, for links and the audit event)."""
        names = {"date_from": "from", "date_to": "to"}
        args = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if item.name == "organisation_id" or value is None:
                continue
            args[names.get(item.name, item.name)] = (
                str(value).lower() if isinstance(value, bool) else str(value)
            )
        return args

    @property
    def narrows_runs(self) -> bool:
        """Whether any run-level filter is set (more than the organisation)."""
        values = (self.trainee_id, self.date_from, self.date_to, self.status)
        return self.has_run_scope or any(v is not None for v in values)

    @property
    def has_run_scope(self) -> bool:
        """Whether a filter narrows the runs (cohort, session, scenario or platform)."""
        return any(v is not None for v in (self.cohort_id, self.session_id, self.scenario_id, self.platform))


def _int_arg(args: Mapping[str, str], name: str) -> int | None:
    return whole_number(args.get(name), name, low=1)


def _choice_arg(
    args: Mapping[str, str], name: str, choices: tuple[str, ...], upper: bool = False
) -> str | None:
    raw = (args.get(name) or "").strip()
    if not raw:
        return None
    raw = raw.upper() if upper else raw.lower()
    if raw not in choices:
        raise InvalidInput(f"'{name}' must be one of: {', '.join(choices)}.", name)
    return raw


def _bool_arg(args: Mapping[str, str], name: str) -> bool | None:
    raw = (args.get(name) or "").strip().lower()
    if raw in ("", "any"):
        return None
    if raw not in _TRUE | _FALSE:
        raise InvalidInput(f"'{name}' must be true or false.", name)
    return raw in _TRUE


def _date_arg(args: Mapping[str, str], name: str) -> date | None:
    raw = (args.get(name) or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(f"'{name}' must be a date like 2026-11-24.", name) from None


def _scenario_arg(args: Mapping[str, str]) -> str | None:
    raw = (args.get("scenario_id") or "").strip()
    if len(raw) > 60:
        raise InvalidInput("'scenario_id' is at most 60 characters.", "scenario_id")
    return raw or None


def parse_filter(args: Mapping[str, str], organisation_id: int) -> ExportFilter:
    """Read and check an export filter from query arguments (InvalidInput names the bad one)."""
    export_filter = ExportFilter(
        organisation_id=organisation_id,
        cohort_id=_int_arg(args, "cohort_id"),
        session_id=_int_arg(args, "session_id"),
        scenario_id=_scenario_arg(args),
        platform=_choice_arg(args, "platform", PLATFORM_IDS),
        trainee_id=_int_arg(args, "trainee_id"),
        date_from=_date_arg(args, "from"),
        date_to=_date_arg(args, "to"),
        label=_choice_arg(args, "label", LABELS, upper=True),
        severity=_choice_arg(args, "severity", SEVERITIES),
        overridden=_bool_arg(args, "overridden"),
        deleted=_bool_arg(args, "deleted"),
        status=_choice_arg(args, "status", tuple(REVIEW_STATUSES)),
    )
    if export_filter.date_from and export_filter.date_to and export_filter.date_from > export_filter.date_to:
        raise InvalidInput("'from' must be on or before 'to'.", "from")
    return export_filter


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def date_conditions(column, f: ExportFilter) -> list:
    """SQL conditions: column falls within the filter's from/to days (inclusive, UTC)."""
    conditions = []
    if f.date_from:
        conditions.append(column >= _day_start(f.date_from))
    if f.date_to and f.date_to < date.max:  # the last day there is has no day after it: no upper bound
        conditions.append(column < _day_start(f.date_to + timedelta(days=1)))
    return conditions


def _runs_of_sessions(session_ids):
    return sa.or_(
        Run.live_session_id.in_(session_ids),
        Run.id.in_(sa.select(LiveParticipant.run_id).where(LiveParticipant.session_id.in_(session_ids))),
    )


def in_cohort(cohort_id: int):
    """SQL: the run belongs to the cohort (a member's run, or a run in one of the cohort's live sessions)."""
    members = sa.select(CohortMembership.user_id).where(CohortMembership.cohort_id == cohort_id)
    sessions = sa.select(LiveSession.id).where(LiveSession.cohort_id == cohort_id)
    return sa.or_(Run.user_id.in_(members), _runs_of_sessions(sessions))


def run_scope(f: ExportFilter) -> list:
    """SQL conditions on Run for the run-level filters: the runs the review queue holds, narrowed."""
    conditions = [Run.organisation_id == f.organisation_id, reviewable()]
    if f.cohort_id is not None:
        conditions.append(in_cohort(f.cohort_id))
    if f.session_id is not None:
        conditions.append(_runs_of_sessions(sa.select(sa.literal(f.session_id))))
    for column, value in (
        (Run.scenario_id, f.scenario_id),
        (Run.platform, f.platform),
        (Run.user_id, f.trainee_id),
    ):
        if value is not None:
            conditions.append(column == value)
    if f.status is not None:
        current = sa.select(RunReview.status).where(RunReview.run_id == Run.id).scalar_subquery()
        conditions.append(sa.func.coalesce(current, "new") == f.status)
    return conditions + date_conditions(Run.started_at, f)


def _has_finding(f: ExportFilter):
    conditions = [Finding.post_id == Post.id]
    if f.label is not None:
        conditions.append(Finding.label == f.label)
    if f.severity is not None:
        conditions.append(Finding.severity == f.severity)
    return sa.exists(sa.select(Finding.id).where(*conditions))


def post_scope(f: ExportFilter) -> list:
    """SQL conditions on Post for the post-level filters (finding label or severity, overridden, deleted)."""
    conditions = []
    if f.label is not None or f.severity is not None:
        conditions.append(_has_finding(f))
    if f.overridden is not None:
        conditions.append(Post.overridden.is_(f.overridden))
    if f.deleted is not None:
        conditions.append(Post.deleted_at.is_not(None) if f.deleted else Post.deleted_at.is_(None))
    return conditions


def runs_filter(f: ExportFilter) -> list:
    """SQL conditions selecting the runs a filter matches (post filters: some trainee post matches)."""
    conditions = run_scope(f)
    if f.label is not None or f.severity is not None:
        conditions.append(sa.exists(sa.select(Post.id).where(trainee_post_of_run(), _has_finding(f))))
    flags = ((f.overridden, Post.overridden.is_(True)), (f.deleted, Post.deleted_at.is_not(None)))
    for flag, column in flags:
        if flag is not None:
            found = sa.exists(sa.select(Post.id).where(trainee_post_of_run(), column))
            conditions.append(found if flag else ~found)
    return conditions
