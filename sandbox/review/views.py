"""Review pages: the queue, a run's detail, and the reviewer's actions (notes, status, cohort sign-off).

Reviewers and admins review their whole organisation. Instructors may read the queue and the runs of
their own cohorts, to prepare a debrief, but acting on the review (notes, statuses, sign-off) is for
reviewers and admins: the person who taught a cohort is not the one who signs off its compliance review.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..errors import InvalidInput
from ..extensions import db
from ..feedback.model import SEVERITIES
from ..feeds.forms import ActionForm
from ..feeds.platforms import PLATFORMS
from ..inputs import whole_number
from ..models import Role
from ..models.review import REVIEW_STATUSES
from ..security import role_required
from . import actions, bp
from .detail import run_audit, run_detail
from .filters import LABELS, SORTS, QueueFilters, page_number
from .options import filter_options
from .practice import practice_audit, practice_entries, practice_page, practice_post
from .queries import PAGE_SIZE, ended_sessions, queue_page, reviewable_cohort, reviewable_run

READ_ROLES = (Role.REVIEWER, Role.ADMIN, Role.INSTRUCTOR)
ACT_ROLES = (Role.REVIEWER, Role.ADMIN)


def can_act() -> bool:
    """Whether the current user may annotate, set statuses and sign off."""
    return current_user.role in ACT_ROLES


@bp.route("/")
@role_required(*READ_ROLES)
def queue():
    """The queue: finished runs and ended sessions, filtered, sorted, counted and paginated."""
    filters = QueueFilters.from_args(request.args)
    number = page_number(request.args)
    page = queue_page(current_user, filters, offset=(number - 1) * PAGE_SIZE)
    practice_no = page_number(request.args, "practice_page")
    practice = practice_page(current_user, filters, offset=(practice_no - 1) * PAGE_SIZE)
    cohort = reviewable_cohort(current_user, filters.cohort_id) if filters.cohort_id else None
    return render_template(
        "review/queue.html",
        filters=filters,
        page=page,
        page_no=number,
        pages=max((page.total + PAGE_SIZE - 1) // PAGE_SIZE, 1),
        practice=practice,
        practice_no=practice_no,
        practice_pages=max((practice.total + PAGE_SIZE - 1) // PAGE_SIZE, 1),
        options=filter_options(current_user),
        sessions=ended_sessions(current_user, filters),
        cohort=cohort,
        signoffs=actions.cohort_signoffs(cohort) if cohort else [],
        can_act=can_act(),
        statuses=REVIEW_STATUSES,
        sorts=SORTS,
        labels=LABELS,
        severities=SEVERITIES,
        platforms=PLATFORMS,
        action_form=ActionForm(),
    )


@bp.route("/runs/<int:run_id>")
@role_required(*READ_ROLES)
def run(run_id: int):
    """One run: transcript with findings as posted, rubric, time taken, notes, status and audit log."""
    found = reviewable_run(current_user, run_id)
    events, audit_total = run_audit(found)
    return render_template(
        "review/run.html",
        run=found,
        d=run_detail(found),
        audit=events,
        audit_total=audit_total,
        can_act=can_act(),
        statuses=REVIEW_STATUSES,
        settable=actions.SETTABLE_STATUSES,
        platform=PLATFORMS.get(found.platform),
        action_form=ActionForm(),
    )


@bp.route("/practice/<int:post_id>")
@role_required(*READ_ROLES)
def practice(post_id: int):
    """One free-practice post: its versions with the findings as posted, captures, deletion, audit log."""
    post = practice_post(current_user, post_id)
    author = post.author_user
    return render_template(
        "review/practice_post.html",
        post=post,
        author=author,
        entries=practice_entries(post, author),
        audit=practice_audit(post),
        platform=PLATFORMS.get(post.platform),
    )


def _checked_form() -> None:
    if not ActionForm().validate_on_submit():
        abort(400)


def _back_to_run(run_id: int, anchor: str | None = None):
    return redirect(url_for("review.run", run_id=run_id, _anchor=anchor))


def _post_id() -> int | None:
    return whole_number(request.form.get("post_id"), "post_id", low=1)


@bp.route("/runs/<int:run_id>/notes", methods=["POST"])
@role_required(*ACT_ROLES)
def add_note(run_id: int):
    """Annotate the run or one of its posts."""
    found = reviewable_run(current_user, run_id)
    _checked_form()
    try:
        note = actions.add_note(current_user, found, request.form.get("body"), _post_id())
    except InvalidInput as error:
        if error.status != 400:
            raise
        flash(error.message, "error")
        return _back_to_run(run_id, "notes-title")
    db.session.commit()
    flash("Note added. It is recorded in the run's audit log.", "success")
    return _back_to_run(run_id, f"note-{note.id}")


@bp.route("/runs/<int:run_id>/notes/<int:note_id>", methods=["POST"])
@role_required(*ACT_ROLES)
def revise_note(run_id: int, note_id: int):
    """Edit a note: the edit is saved as a new version; the earlier one stays in its history."""
    found = reviewable_run(current_user, run_id)
    _checked_form()
    try:
        note = actions.revise_note(current_user, found, note_id, request.form.get("body"))
    except InvalidInput as error:
        if error.status not in (400, 409):
            raise
        flash(error.message, "error")
        return _back_to_run(run_id, f"note-{note_id}")
    db.session.commit()
    flash(f"Saved as version {note.version}; the earlier version stays in the note's history.", "success")
    return _back_to_run(run_id, f"note-{note.id}")


@bp.route("/runs/<int:run_id>/status", methods=["POST"])
@role_required(*ACT_ROLES)
def set_status(run_id: int):
    """Set the run's review status."""
    found = reviewable_run(current_user, run_id)
    _checked_form()
    try:
        review, changed = actions.set_status(current_user, found, request.form.get("status"))
    except InvalidInput as error:
        flash(error.message, "error")
        return _back_to_run(run_id, "status-title")
    db.session.commit()
    label = REVIEW_STATUSES[review.status]
    flash(f"Status set to “{label}”." if changed else f"The status was already “{label}”.", "success")
    return _back_to_run(run_id, "status-title")


@bp.route("/cohorts/<int:cohort_id>/signoff", methods=["POST"])
@role_required(*ACT_ROLES)
def sign_off(cohort_id: int):
    """Sign off a cohort's review, with an optional note."""
    cohort = reviewable_cohort(current_user, cohort_id)
    _checked_form()
    try:
        actions.sign_off(current_user, cohort, request.form.get("note", ""))
    except InvalidInput as error:
        flash(error.message, "error")
        return redirect(url_for("review.queue", cohort_id=cohort.id, _anchor="signoff-title"))
    db.session.commit()
    flash(f"You signed off the review of {cohort.name}.", "success")
    return redirect(url_for("review.queue", cohort_id=cohort.id, _anchor="signoff-title"))
