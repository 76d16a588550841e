"""Retention: an admin sets how long run content is kept; a purge removes what expired, keeping counts.

A run expires when it finished (or its live session ended) more than `retention_days` ago. Purging it
keeps the run's row (who, which scenario, when, score) and its review status, and removes its words:
post bodies become empty, and findings, earlier versions, captures, attachments (and their files) go;
its personas lose their names and bios, reviewers' notes on it lose their text, the trainee's answers
in the run's stored state lose their text, drafts stopped by the pause lose their words (they live in
AuditText rows, apart from the audit events, which keep only labels and offsets; free-practice drafts
expire by their own age), and ended sessions' replay logs are deleted. Before that, the counts the
reports use are kept in PurgedCount rows. Audit events are never touched (append-only).
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import click
import sqlalchemy as sa
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SubmitField
from wtforms.validators import DataRequired, NumberRange, Optional

from .. import audit
from ..extensions import db
from ..models import (
    Attachment,
    AuditText,
    Capture,
    CohortMembership,
    Finding,
    LiveEvent,
    LiveSession,
    Organisation,
    Persona,
    Post,
    PostRevision,
    Role,
    Run,
    User,
    utcnow,
)
from ..models.retention import PurgedCount, PurgedRun, PurgeRecord
from ..models.review import ReviewNote
from ..security import role_required
from . import bp
from .queries import trainee_post_of_run
from .reports import run_group_stats

PURGED_TEXT = ""
PURGED_NOTE = "[removed under the retention policy]"
PURGED_PERSONA = "Removed persona"
MAX_DAYS = 36500
BATCH = 500  # runs purged per round of statements (keeps IN lists short)


@dataclass
class PurgePlan:
    """What a purge of one organisation at one cutoff would remove."""

    organisation: Organisation
    cutoff: datetime
    run_ids: list[int]
    counts: dict[str, int] = field(default_factory=dict)


def _ended_at():
    session_end = sa.select(LiveSession.ended_at).where(LiveSession.id == Run.live_session_id)
    return sa.func.coalesce(Run.finished_at, session_end.scalar_subquery())


def cutoff_for(organisation: Organisation, now: datetime | None = None) -> datetime | None:
    """The moment before which run content has expired (None: the organisation keeps it forever)."""
    if organisation.retention_days is None:
        return None
    return (now or utcnow()) - timedelta(days=organisation.retention_days)


def _count(model, *conditions) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*conditions)) or 0


def _expired_runs(organisation: Organisation, cutoff: datetime) -> sa.Select:
    return sa.select(Run.id).where(
        Run.organisation_id == organisation.id,
        _ended_at() < cutoff,
        Run.id.not_in(sa.select(PurgedRun.run_id)),
    )


def posts_of_runs(run_ids) -> sa.CompoundSelect:
    """SQL: the ids of the posts in these runs' worlds and of their trainees' posts in shared rooms."""
    return sa.union(
        sa.select(Post.id).where(Post.run_id.in_(run_ids)),
        sa.select(Post.id).join(Run, trainee_post_of_run()).where(Run.id.in_(run_ids)),
    )


def plan_purge(organisation: Organisation, cutoff: datetime) -> PurgePlan:
    """Find the expired, not yet purged runs of the organisation and count what purging them removes."""
    expired = _expired_runs(organisation, cutoff)
    posts = posts_of_runs(expired)
    plan = PurgePlan(organisation, cutoff, list(db.session.scalars(expired.order_by(Run.id))))
    plan.counts = {
        "runs": len(plan.run_ids),
        "posts": db.session.scalar(sa.select(sa.func.count()).select_from(posts.subquery())) or 0,
        "findings": _count(Finding, Finding.post_id.in_(posts)),
        "revisions": _count(PostRevision, PostRevision.post_id.in_(posts)),
        "captures": _count(Capture, Capture.post_id.in_(posts)),
        "attachments": _count(Attachment, Attachment.post_id.in_(posts)),
        "personas": _count(Persona, Persona.run_id.in_(expired), Persona.name != PURGED_PERSONA),
        "notes": _count(ReviewNote, ReviewNote.run_id.in_(expired), ReviewNote.body != PURGED_NOTE),
        "live_events": _count(LiveEvent, LiveEvent.session_id.in_(_ended_sessions(organisation, cutoff))),
        "stopped_drafts": _count(AuditText, _expired_texts(organisation, cutoff, expired)),
    }
    return plan


def _expired_texts(organisation: Organisation, cutoff: datetime, run_ids) -> sa.ColumnElement[bool]:
    """Stopped drafts still holding words whose run expired, or, outside runs, that are old enough."""
    outside_runs = sa.and_(AuditText.run_id.is_(None), AuditText.created_at < cutoff)
    return sa.and_(
        AuditText.organisation_id == organisation.id,
        AuditText.purged_at.is_(None),
        sa.or_(AuditText.run_id.in_(run_ids), outside_runs),
    )


def _remove_stopped_drafts(plan: PurgePlan, record: PurgeRecord) -> None:
    purged_now = sa.select(PurgedRun.run_id).where(PurgedRun.purge_id == record.id)
    db.session.execute(
        sa.update(AuditText)
        .where(_expired_texts(plan.organisation, plan.cutoff, purged_now))
        .values(body=PURGED_TEXT, findings=[], purged_at=utcnow())
    )


def _ended_sessions(organisation: Organisation, cutoff: datetime):
    return sa.select(LiveSession.id).where(
        LiveSession.organisation_id == organisation.id, LiveSession.ended_at < cutoff
    )


def _run_cohorts(run_ids: list[int]) -> dict[int, set[int | None]]:
    """Each run's cohorts, as the reports count them: its trainee's cohorts and its live session's cohort."""
    rows = db.session.execute(
        sa.select(Run.id, Run.user_id, LiveSession.cohort_id)
        .outerjoin(LiveSession, LiveSession.id == Run.live_session_id)
        .where(Run.id.in_(run_ids))
    ).all()
    members: dict[int, set[int]] = defaultdict(set)
    users = {user_id for _run, user_id, _cohort in rows}
    for user_id, cohort_id in db.session.execute(
        sa.select(CohortMembership.user_id, CohortMembership.cohort_id).where(
            CohortMembership.user_id.in_(users)
        )
    ):
        members[user_id].add(cohort_id)
    return {
        run_id: (members[user_id] | ({session_cohort} if session_cohort else set())) or {None}
        for run_id, user_id, session_cohort in rows
    }


def _keep_counts(plan: PurgePlan, record: PurgeRecord, run_ids: list[int], rows: dict) -> None:
    """Add to rows the PurgedCount rows that keep these expired runs in the reports' numbers."""
    stats = run_group_stats([Run.id.in_(run_ids)], Run.id)
    runs = db.session.execute(
        sa.select(Run.id, Run.live_session_id, Run.scenario_id, Run.scenario_title, Run.platform).where(
            Run.id.in_(run_ids)
        )
    ).all()
    cohorts = _run_cohorts(run_ids)
    for run_id, session_id, scenario_id, title, platform in runs:
        run_stats = stats[run_id]
        for cohort_id in cohorts[run_id]:
            key = (cohort_id, session_id, scenario_id, title, platform)
            total = _row(rows, record, plan, key, "")
            total.runs += 1
            total.runs_with_phi += 1 if run_stats.runs_with_phi else 0
            total.posts += run_stats.posts
            total.overridden_posts += run_stats.overridden_posts
            total.findings += sum(run_stats.findings.values())
            for label, number in run_stats.findings.items():
                _row(rows, record, plan, key, label).findings += number


def _row(rows: dict, record: PurgeRecord, plan: PurgePlan, key: tuple, label: str) -> PurgedCount:
    if (*key, label) not in rows:
        cohort_id, session_id, scenario_id, title, platform = key
        rows[(*key, label)] = PurgedCount(
            purge_id=record.id,
            organisation_id=plan.organisation.id,
            cohort_id=cohort_id,
            live_session_id=session_id,
            scenario_id=scenario_id,
            scenario_title=title,
            platform=platform,
            label=label,
            runs=0,
            runs_with_phi=0,
            posts=0,
            overridden_posts=0,
            findings=0,
            overridden_findings=0,
        )
    return rows[(*key, label)]


def _remove_attachment_files(post_ids: list[int]) -> None:
    folder = os.path.join(current_app.instance_path, "uploads")
    for name in db.session.scalars(sa.select(Attachment.stored_name).where(Attachment.post_id.in_(post_ids))):
        path = os.path.join(folder, os.path.basename(name))
        if os.path.exists(path):
            os.remove(path)


def _scrub_run_states(run_ids: list[int]) -> None:
    """Remove the trainee's words from the runs' stored engine state (replies keep labels and times)."""
    for run in db.session.scalars(sa.select(Run).where(Run.id.in_(run_ids))):
        state = dict(run.state or {})
        replies = state.get("replies") or {}
        state["replies"] = {key: {**reply, "text": PURGED_TEXT} for key, reply in replies.items()}
        state["purged"] = True
        run.state = state


def _remove_content(run_ids: list[int]) -> None:
    post_ids = list(db.session.scalars(posts_of_runs(run_ids)))
    _remove_attachment_files(post_ids)
    for model in (Finding, PostRevision, Capture, Attachment):
        db.session.execute(sa.delete(model).where(model.post_id.in_(post_ids)))
    db.session.execute(sa.update(Post).where(Post.id.in_(post_ids)).values(body=PURGED_TEXT))
    db.session.execute(
        sa.update(Persona).where(Persona.run_id.in_(run_ids)).values(name=PURGED_PERSONA, bio="", avatar="")
    )
    # Retention is the one sanctioned change to stored notes: a bulk update, outside the ORM's versioning.
    db.session.execute(sa.update(ReviewNote).where(ReviewNote.run_id.in_(run_ids)).values(body=PURGED_NOTE))
    _scrub_run_states(run_ids)


def purge(plan: PurgePlan, actor: User | None = None) -> PurgeRecord:
    """Remove the plan's expired content, keep its counts, record a PurgeRecord and an audit event."""
    record = PurgeRecord(
        organisation_id=plan.organisation.id,
        performed_by_id=actor.id if actor else None,
        retention_days=plan.organisation.retention_days or 0,
        cutoff=plan.cutoff,
        **{k: v for k, v in plan.counts.items() if k != "live_events"},
    )
    db.session.add(record)
    db.session.flush()
    rows: dict[tuple, PurgedCount] = {}
    for start in range(0, len(plan.run_ids), BATCH):
        batch = plan.run_ids[start : start + BATCH]
        _keep_counts(plan, record, batch, rows)
        db.session.add_all(PurgedRun(run_id=run_id, purge_id=record.id) for run_id in batch)
        _remove_content(batch)
    db.session.add_all(rows.values())
    db.session.flush()
    _remove_stopped_drafts(plan, record)
    db.session.execute(
        sa.delete(LiveEvent).where(LiveEvent.session_id.in_(_ended_sessions(plan.organisation, plan.cutoff)))
    )
    audit.record(
        "retention.purged",
        record,
        actor=actor,
        organisation_id=plan.organisation.id,
        cutoff=plan.cutoff.isoformat(),
        retention_days=record.retention_days,
        **plan.counts,
    )
    db.session.flush()
    return record


def set_retention(organisation: Organisation, days: int | None, actor: User) -> None:
    """Change how many days run content is kept (None: forever), with an audit event."""
    old = organisation.retention_days
    organisation.retention_days = days
    audit.record("retention.changed", organisation, actor=actor, old=old, new=days)
    db.session.flush()


class RetentionForm(FlaskForm):
    """How many days run content is kept."""

    days = IntegerField(
        "Keep run content for (days)",
        validators=[Optional(), NumberRange(min=1, max=MAX_DAYS, message="Use 1 to %(max)d days.")],
    )
    submit = SubmitField("Save retention period")


class PurgeForm(FlaskForm):
    """The confirmation a purge needs."""

    confirm = BooleanField(
        "I understand this permanently removes the content listed above.",
        validators=[DataRequired(message="Tick the box to confirm; nothing was removed.")],
    )
    submit = SubmitField("Purge expired content now")


def _own_organisation() -> Organisation:
    return db.session.get(Organisation, current_user.organisation_id)


def _retention_page(form: RetentionForm | None = None, status: int = 200):
    organisation = _own_organisation()
    form = form or RetentionForm(days=organisation.retention_days)
    cutoff = cutoff_for(organisation)
    records = db.session.scalars(
        sa.select(PurgeRecord)
        .where(PurgeRecord.organisation_id == organisation.id)
        .order_by(PurgeRecord.created_at.desc())
        .limit(50)
    ).all()
    plan = plan_purge(organisation, cutoff) if cutoff else None
    page = render_template("review/retention.html", form=form, plan=plan, records=records, org=organisation)
    return page, status


@bp.route("/retention", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def retention():
    """Show and set the retention period, what has expired, and past purges."""
    form = RetentionForm()
    if request.method in ("GET", "HEAD"):
        return _retention_page()
    if not form.validate_on_submit():
        return _retention_page(form, 400)
    set_retention(_own_organisation(), form.days.data, current_user._get_current_object())
    db.session.commit()
    flash("Retention period saved." if form.days.data else "Run content is now kept forever.", "success")
    return redirect(url_for("review.retention"))


@bp.route("/retention/purge", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def retention_purge():
    """Confirm, then purge the organisation's expired run content."""
    organisation = _own_organisation()
    cutoff = cutoff_for(organisation)
    if cutoff is None:
        flash("Set a retention period first: without one, run content is kept forever.", "error")
        return redirect(url_for("review.retention"))
    plan, form = plan_purge(organisation, cutoff), PurgeForm()
    if request.method in ("GET", "HEAD") or not form.validate_on_submit():
        status = 400 if request.method == "POST" else 200
        return render_template("review/retention_confirm.html", form=form, plan=plan), status
    record = purge(plan, current_user._get_current_object())
    db.session.commit()
    flash(f"Purged {record.runs} expired runs ({record.posts} posts, {record.findings} findings).", "success")
    return redirect(url_for("review.retention"))


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{number} {name.replace('_', ' ')}" for name, number in counts.items())


@click.command("purge")
@click.option("--organisation", "organisation_name", help="Only this organisation (by name).")
@click.option("--dry-run", is_flag=True, help="Show what would be removed; remove nothing.")
def purge_command(organisation_name: str | None, dry_run: bool) -> None:
    """Remove run content older than each organisation's retention period, keeping aggregate counts."""
    query = sa.select(Organisation).where(Organisation.retention_days.is_not(None)).order_by(Organisation.id)
    if organisation_name:
        query = query.where(Organisation.name == organisation_name)
    organisations = db.session.scalars(query).all()
    if not organisations:
        click.echo("No organisation has a retention period set; nothing to purge.")
        return
    for organisation in organisations:
        plan = plan_purge(organisation, cutoff_for(organisation))
        verb = "Would remove" if dry_run else "Removed"
        days, cutoff = organisation.retention_days, f"{plan.cutoff:%Y-%m-%d %H:%M} UTC"
        header = f"{organisation.name} (keeps {days} days, cutoff {cutoff})"
        if not dry_run and plan.run_ids:
            purge(plan)
            db.session.commit()
        click.echo(f"{header}: {verb} {_summary(plan.counts)}.")
