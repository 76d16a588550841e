"""A person's own account: password, cohorts, API tokens."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required, login_user

from ..errors import InvalidInput
from ..extensions import db
from ..models import ApiToken
from . import bp
from .forms import ChangePasswordForm, ConfirmForm, JoinCohortForm, TokenForm
from .operations import change_password, create_api_token, join_cohort, revoke_api_token


def _render_account(status: int = 200, new_token: str | None = None, **forms):
    tokens = db.session.scalars(
        sa.select(ApiToken).where(ApiToken.user_id == current_user.id).order_by(ApiToken.created_at.desc())
    ).all()
    context = {
        "password_form": forms.get("password_form") or ChangePasswordForm(),
        "join_form": forms.get("join_form") or JoinCohortForm(),
        "token_form": forms.get("token_form") or TokenForm(),
        "confirm_form": ConfirmForm(),
        "tokens": tokens,
        "new_token": new_token,
        "memberships": current_user.memberships,
    }
    return render_template("auth/account.html", **context), status


@bp.route("/account")
@login_required
def account():
    """The account page."""
    return _render_account()


@bp.route("/account/password", methods=["POST"])
@login_required
def password():
    """Change one's password."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            change_password(current_user, form.current_password.data, form.password.data)
            db.session.commit()
            login_user(current_user._get_current_object())  # this session goes on under the new version
            flash("Your password was changed.", "success")
            return redirect(url_for("auth.account"))
        except InvalidInput as error:
            db.session.rollback()
            getattr(form, error.field or "password").errors.append(error.message)
    return _render_account(400, password_form=form)


@bp.route("/account/cohorts", methods=["POST"])
@login_required
def join_another_cohort():
    """Join another cohort with its code."""
    form = JoinCohortForm()
    if form.validate_on_submit():
        try:
            cohort = join_cohort(current_user, form.join_code.data)
            db.session.commit()
            flash(f"You joined {cohort.name}.", "success")
            return redirect(url_for("auth.account"))
        except InvalidInput as error:
            db.session.rollback()
            form.join_code.errors.append(error.message)
    return _render_account(400, join_form=form)


@bp.route("/account/tokens", methods=["POST"])
@login_required
def create_token():
    """Create a personal API token and show it once."""
    form = TokenForm()
    if not form.validate_on_submit():
        return _render_account(400, token_form=form)
    _token, raw = create_api_token(current_user, form.name.data)
    db.session.commit()
    flash("Token created. Copy it now: it will not be shown again.", "success")
    return _render_account(201, new_token=raw)


@bp.route("/account/tokens/<int:token_id>/revoke", methods=["POST"])
@login_required
def revoke_token(token_id: int):
    """Revoke one of one's own tokens."""
    if not ConfirmForm().validate_on_submit():
        flash("Could not revoke the token: reload the page and try again.", "error")
        return redirect(url_for("auth.account"))
    try:
        revoke_api_token(current_user, token_id)
        db.session.commit()
        flash("Token revoked.", "success")
    except InvalidInput:
        db.session.rollback()
        abort(404)
    return redirect(url_for("auth.account"))
