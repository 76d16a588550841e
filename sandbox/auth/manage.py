"""Managing people and cohorts: invitations, roles, deactivation, join codes (staff only)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from ..errors import InvalidInput
from ..extensions import db
from ..inputs import whole_number
from ..models import Cohort, Role, User
from ..security import STAFF_ROLES, require_same_organisation, role_required
from . import bp
from .forms import CohortForm, ConfirmForm, InviteForm, RoleForm, role_choices
from .operations import change_role, create_cohort, invite_user, regenerate_join_code, set_account_active
from .queries import cohort_members, cohorts_for, people_page


def _invite_form() -> InviteForm:
    form = InviteForm()
    allowed = [r for r in Role if current_user.role == Role.ADMIN or r in (Role.TRAINEE, Role.ROLE_PLAYER)]
    form.role.choices = role_choices(allowed)
    form.cohort_id.choices = [SelectChoice(0, "none")] + [
        SelectChoice(c.id, c.name) for c, _n in cohorts_for(current_user)
    ]
    return form


def _render_people(status: int = 200, form: InviteForm | None = None, invite_link: str | None = None):
    page = whole_number(request.args.get("page"), "page", default=1, low=1)
    query = request.args.get("q", "")[:100]
    users, has_more = people_page(current_user, page, query)
    return render_template(
        "auth/people.html",
        users=users,
        has_more=has_more,
        page=page,
        q=query,
        form=form or _invite_form(),
        confirm_form=ConfirmForm(),
        role_form=RoleForm(),
        invite_link=invite_link,
    ), status


def _managed_cohort(cohort_id: int) -> Cohort:
    cohort = require_same_organisation(db.session.get(Cohort, cohort_id))
    if current_user.role == Role.INSTRUCTOR and cohort.instructor_id != current_user.id:
        abort(403)
    return cohort


def _managed_user(user_id: int) -> User:
    return require_same_organisation(db.session.get(User, user_id))


@bp.route("/people")
@role_required(*STAFF_ROLES)
def people():
    """People in the organisation, with the invite form."""
    return _render_people()


@bp.route("/people/invite", methods=["POST"])
@role_required(*STAFF_ROLES)
def invite():
    """Invite a person; the one-time link is shown to copy and send."""
    form = _invite_form()
    if not form.validate_on_submit():
        return _render_people(400, form)
    cohort = _managed_cohort(form.cohort_id.data) if form.cohort_id.data else None
    try:
        user, token = invite_user(
            current_user, form.email.data, form.display_name.data, Role(form.role.data), cohort
        )
        db.session.commit()
    except InvalidInput as error:
        db.session.rollback()
        getattr(form, error.field or "email").errors.append(error.message)
        return _render_people(error.status, form)
    flash(f"{user.display_name} is invited. Send them the link below; it works once, for 14 days.", "success")
    return _render_people(201, invite_link=url_for("auth.accept", token=token, _external=True))


@bp.route("/people/<int:user_id>/active", methods=["POST"])
@role_required(Role.ADMIN)
def set_active(user_id: int):
    """Deactivate or reactivate an account."""
    user = _managed_user(user_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    active = request.form.get("active") == "1"
    try:
        set_account_active(current_user, user, active)
        db.session.commit()
        flash(f"{user.display_name} is {'active again' if active else 'deactivated'}.", "success")
    except InvalidInput as error:
        db.session.rollback()
        flash(error.message, "error")
    return redirect(url_for("auth.people"))


@bp.route("/people/<int:user_id>/role", methods=["POST"])
@role_required(Role.ADMIN)
def set_role(user_id: int):
    """Change a person's role."""
    user = _managed_user(user_id)
    form = RoleForm()
    if not form.validate_on_submit():
        flash("Choose one of the listed roles.", "error")
        return redirect(url_for("auth.people"))
    try:
        change_role(current_user, user, Role(form.role.data))
        db.session.commit()
        flash(f"{user.display_name} is now {form.role.data}.", "success")
    except InvalidInput as error:
        db.session.rollback()
        flash(error.message, "error")
    return redirect(url_for("auth.people"))


@bp.route("/cohorts", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def cohorts():
    """The cohorts one manages, and creating one."""
    form = CohortForm()
    if form.validate_on_submit():
        cohort = create_cohort(current_user, form.name.data)
        db.session.commit()
        flash(f"Cohort created. Its join code is {cohort.join_code}.", "success")
        return redirect(url_for("auth.cohort", cohort_id=cohort.id))
    status = 400 if request.method == "POST" else 200
    return render_template("auth/cohorts.html", cohorts=cohorts_for(current_user), form=form), status


@bp.route("/cohorts/<int:cohort_id>")
@role_required(*STAFF_ROLES)
def cohort(cohort_id: int):
    """A cohort: its join code and members."""
    cohort = _managed_cohort(cohort_id)
    return render_template(
        "auth/cohort.html", cohort=cohort, members=cohort_members(cohort), confirm_form=ConfirmForm()
    )


@bp.route("/cohorts/<int:cohort_id>/code", methods=["POST"])
@role_required(*STAFF_ROLES)
def new_code(cohort_id: int):
    """Replace a cohort's join code."""
    cohort = _managed_cohort(cohort_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    code = regenerate_join_code(cohort)
    db.session.commit()
    flash(f"New join code: {code}. The old one no longer works.", "success")
    return redirect(url_for("auth.cohort", cohort_id=cohort.id))
