"""Reports per cohort and per live session: findings by label, override rate, PHI disclosed, risky scenarios.

What the numbers count (the page says so too):
- findings: those stored on trainees' own posts, as they were when posted (earlier versions of an edited
  post included), without the good-practice labels (severity "good": EMPATHY, REDIRECT, DISCLAIMER);
- override rate: the share of trainee posts published despite a strategic-pause warning;
- PHI disclosed: the share of runs with at least one privacy finding on a trainee post;
- risk of a scenario: findings per run.
Runs whose content a retention purge removed are counted from the purge's kept aggregates.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask import abort, render_template
from flask_login import current_user

from ..extensions import db
from ..models import Cohort, Finding, LiveSession, Post, Role, Run, User
from ..models.retention import PurgedCount, PurgedRun
from ..security import role_required
from . import bp
from .charts import bar_chart
from .export_filters import in_cohort
from .queries import reviewable, reviewable_cohort, taught_cohort_ids, trainee_post_of_run

REPORT_ROLES = (Role.REVIEWER, Role.ADMIN, Role.INSTRUCTOR)
PURGED_GROUP = "Runs removed by retention (counts kept)"
TOP_SCENARIOS = 8


@dataclass
class GroupStats:
    """The numbers of one group of runs (a live session, the self-paced runs, or one trainee)."""

    name: str
    runs: int = 0
    runs_with_phi: int = 0
    posts: int = 0
    overridden_posts: int = 0
    findings: Counter = field(default_factory=Counter)

    @property
    def override_rate(self) -> float:
        """Percentage of trainee posts published despite a warning."""
        return 100.0 * self.overridden_posts / self.posts if self.posts else 0.0

    @property
    def phi_share(self) -> float:
        """Percentage of runs with a privacy finding on a trainee post."""
        return 100.0 * self.runs_with_phi / self.runs if self.runs else 0.0


@dataclass
class ScenarioRisk:
    """A scenario's runs and findings in the report."""

    scenario_id: str
    title: str
    runs: int = 0
    findings: int = 0

    @property
    def per_run(self) -> float:
        """Findings per run, rounded to one decimal."""
        return round(self.findings / self.runs, 1) if self.runs else 0.0


@dataclass
class Report:
    """A whole report: its groups, totals, labels and scenarios by risk."""

    title: str
    group_heading: str
    groups: list[GroupStats]
    scenarios: list[ScenarioRisk]
    total: GroupStats

    @property
    def labels(self) -> list[str]:
        """Finding labels present, most frequent first."""
        return [label for label, _n in self.total.findings.most_common()]


def _risky_finding():
    return sa.and_(Finding.post_id == Post.id, Finding.severity != "good")


def run_group_stats(scope: list, key) -> dict:
    """Group key -> GroupStats for the stored (not purged) runs matching scope, grouped by key."""
    runs = sa.select(Run.id).where(*scope, Run.id.not_in(sa.select(PurgedRun.run_id))).scalar_subquery()
    where = [Run.id.in_(runs)]
    groups: dict = defaultdict(lambda: GroupStats(""))
    for k, number in db.session.execute(sa.select(key, sa.func.count(Run.id)).where(*where).group_by(key)):
        groups[k].runs = number
    posts = sa.select(
        key, sa.func.count(Post.id), sa.func.count(sa.case((Post.overridden.is_(True), 1)))
    ).select_from(Run)
    for k, number, overridden in db.session.execute(
        posts.join(Post, trainee_post_of_run()).where(*where).group_by(key)
    ):
        groups[k].posts, groups[k].overridden_posts = number, overridden
    findings = (
        sa.select(key, Finding.label, sa.func.count(Finding.id))
        .select_from(Run)
        .join(Post, trainee_post_of_run())
    )
    for k, label, number in db.session.execute(
        findings.join(Finding, _risky_finding()).where(*where).group_by(key, Finding.label)
    ):
        groups[k].findings[label] = number
    phi = sa.exists(
        sa.select(Post.id)
        .join(Finding, Finding.post_id == Post.id)
        .where(trainee_post_of_run(), Finding.kind == "privacy")
    )
    for k, number in db.session.execute(
        sa.select(key, sa.func.count(Run.id)).where(*where, phi).group_by(key)
    ):
        groups[k].runs_with_phi = number
    return groups


def _add_purged(groups: dict, rows: list[PurgedCount], key_of) -> None:
    for row in rows:
        stats = groups[key_of(row)]
        if row.label:
            stats.findings[row.label] += row.findings
        else:
            stats.runs += row.runs
            stats.runs_with_phi += row.runs_with_phi
            stats.posts += row.posts
            stats.overridden_posts += row.overridden_posts


def _scenarios(scope: list, purged: list[PurgedCount]) -> list[ScenarioRisk]:
    """Scenarios of the report, riskiest (most findings per run) first."""
    found: dict[str, ScenarioRisk] = {}
    stored = sa.select(Run.id).where(*scope, Run.id.not_in(sa.select(PurgedRun.run_id))).scalar_subquery()
    runs = sa.select(Run.scenario_id, sa.func.max(Run.scenario_title), sa.func.count(Run.id))
    for scenario_id, title, number in db.session.execute(
        runs.where(Run.id.in_(stored)).group_by(Run.scenario_id)
    ):
        found[scenario_id] = ScenarioRisk(scenario_id, title, runs=number)
    findings = (
        sa.select(Run.scenario_id, sa.func.count(Finding.id))
        .select_from(Run)
        .join(Post, trainee_post_of_run())
    )
    for scenario_id, number in db.session.execute(
        findings.join(Finding, _risky_finding()).where(Run.id.in_(stored)).group_by(Run.scenario_id)
    ):
        found[scenario_id].findings = number
    for row in purged:
        risk = found.setdefault(row.scenario_id, ScenarioRisk(row.scenario_id, row.scenario_title))
        if row.label:
            risk.findings += row.findings
        else:
            risk.runs += row.runs
    ranked = sorted(found.values(), key=lambda s: (-s.per_run, -s.runs, s.title))
    return ranked[:TOP_SCENARIOS]


def _total(groups: list[GroupStats]) -> GroupStats:
    total = GroupStats("All runs")
    for group in groups:
        total.runs += group.runs
        total.runs_with_phi += group.runs_with_phi
        total.posts += group.posts
        total.overridden_posts += group.overridden_posts
        total.findings.update(group.findings)
    return total


def _session_name(session: LiveSession) -> str:
    return f"{session.scenario_title} ({session.created_at:%d %b %Y})"


def cohort_report(cohort: Cohort) -> Report:
    """The report of a cohort: its runs grouped by live session (self-paced runs together)."""
    scope = [Run.organisation_id == cohort.organisation_id, reviewable(), in_cohort(cohort.id)]
    groups = run_group_stats(scope, Run.live_session_id)
    purged = db.session.scalars(sa.select(PurgedCount).where(PurgedCount.cohort_id == cohort.id)).all()
    _add_purged(groups, purged, lambda row: row.live_session_id)
    sessions = {s.id: s for s in db.session.scalars(sa.select(LiveSession).where(LiveSession.id.in_(groups)))}
    for key, stats in groups.items():
        stats.name = _session_name(sessions[key]) if key in sessions else "Self-paced runs"
    ordered = sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or 0))
    group_list = [stats for _key, stats in ordered]
    return Report(cohort.name, "Live session", group_list, _scenarios(scope, purged), _total(group_list))


def session_report(session: LiveSession) -> Report:
    """The report of a live session: its runs grouped by trainee."""
    scope = [Run.organisation_id == session.organisation_id, reviewable(), Run.live_session_id == session.id]
    groups = run_group_stats(scope, Run.user_id)
    names = dict(db.session.execute(sa.select(User.id, User.display_name).where(User.id.in_(groups))).all())
    for key, stats in groups.items():
        stats.name = names.get(key, "Unknown trainee")
    purged = db.session.scalars(
        sa.select(PurgedCount).where(
            PurgedCount.live_session_id == session.id, PurgedCount.cohort_id == session.cohort_id
        )
    ).all()
    _add_purged(groups, purged, lambda row: PURGED_GROUP)
    groups[PURGED_GROUP].name = PURGED_GROUP
    group_list = sorted((g for g in groups.values() if g.runs or g.findings), key=lambda g: g.name)
    title = _session_name(session)
    return Report(title, "Trainee", group_list, _scenarios(scope, purged), _total(group_list))


def report_charts(report: Report, per: str) -> dict:
    """The report's four SVG charts."""
    names = [g.name for g in report.groups]
    labels = report.labels
    return {
        "findings": bar_chart(
            "chart-findings",
            f"Findings by label, per {per}",
            f"Stacked bars: for each {per}, how many findings of each label trainees' posts had. "
            "The numbers are in the table below.",
            names,
            {label: [g.findings[label] for g in report.groups] for label in labels},
        ),
        "overrides": bar_chart(
            "chart-overrides",
            f"Override rate per {per}",
            "Percentage of trainee posts published despite a strategic-pause warning.",
            names,
            {"Override rate": [g.override_rate for g in report.groups]},
            percent=True,
        ),
        "phi": bar_chart(
            "chart-phi",
            f"Runs with PHI disclosed, per {per}",
            "Percentage of runs with at least one privacy finding on a trainee post.",
            names,
            {"PHI disclosed": [g.phi_share for g in report.groups]},
            percent=True,
        ),
        "scenarios": bar_chart(
            "chart-scenarios",
            "Top scenarios by risk",
            "Findings per run for each scenario, riskiest first.",
            [s.title for s in report.scenarios],
            {"Findings per run": [s.per_run for s in report.scenarios]},
        ),
    }


def _visible_session(session_id: int) -> LiveSession:
    session = db.session.get(LiveSession, session_id)
    if session is None or session.organisation_id != current_user.organisation_id:
        abort(404)
    if current_user.role == Role.INSTRUCTOR and session.cohort.instructor_id != current_user.id:
        abort(404)
    return session


@bp.get("/reports")
@role_required(*REPORT_ROLES)
def reports():
    """The cohorts and live sessions there are reports for."""
    cohorts = sa.select(Cohort).where(Cohort.organisation_id == current_user.organisation_id)
    sessions = sa.select(LiveSession).where(LiveSession.organisation_id == current_user.organisation_id)
    if current_user.role == Role.INSTRUCTOR:
        cohorts = cohorts.where(Cohort.id.in_(taught_cohort_ids(current_user)))
        sessions = sessions.where(LiveSession.cohort_id.in_(taught_cohort_ids(current_user)))
    return render_template(
        "review/reports.html",
        cohorts=db.session.scalars(cohorts.order_by(Cohort.name)).all(),
        sessions=db.session.scalars(sessions.order_by(LiveSession.created_at.desc()).limit(100)).all(),
    )


@bp.get("/reports/cohorts/<int:cohort_id>")
@role_required(*REPORT_ROLES)
def cohort_report_page(cohort_id: int):
    """A cohort's report with its charts and tables."""
    cohort = reviewable_cohort(current_user, cohort_id)
    report = cohort_report(cohort)
    return render_template(
        "review/report.html", report=report, charts=report_charts(report, "session"), kind="Cohort"
    )


@bp.get("/reports/sessions/<int:session_id>")
@role_required(*REPORT_ROLES)
def session_report_page(session_id: int):
    """A live session's report with its charts and tables."""
    report = session_report(_visible_session(session_id))
    return render_template(
        "review/report.html", report=report, charts=report_charts(report, "trainee"), kind="Live session"
    )
