"""Logging in and out, joining with a code, accepting an invitation."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user

from ..errors import InvalidInput
from ..extensions import db, limiter
from . import bp
from .forms import AcceptInvitationForm, JoinForm, LoginForm
from .operations import (
    accept_invitation,
    authenticate,
    invitation_for_token,
    join_with_code,
    log_out,
    normalize_email,
)


def safe_next(target: str | None) -> str | None:
    """Return target only when it is a path on this site (no scheme, host or protocol-relative URL)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _account_limit() -> str:
    return current_app.config["ACCOUNT_LOGIN_LIMIT"]


def _account_key() -> str:
    return "login-account:" + normalize_email(request.form.get("email", ""))[:254]


def _login_failed(response) -> bool:
    return response.status_code != 302


def _form_errors_to_flash(error: InvalidInput, form) -> None:
    field = getattr(form, error.field or "", None)
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        flash(error.message, "error")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@limiter.limit(
    _account_limit,
    key_func=_account_key,
    methods=["POST"],
    deduct_when=_login_failed,
    error_message="Too many failed logins for this account. Wait a few minutes, then try again.",
)
def login():
    """Show the login form and log the person in."""
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is None:
            flash("That email and password do not match an active account.", "error")
        else:
            login_user(user)
            flash(f"Welcome, {user.display_name}.", "success")
            return redirect(safe_next(form.next.data) or url_for("main.index"))
    return render_template("auth/login.html", form=form), 200 if request.method in ("GET", "HEAD") else 400


@bp.route("/logout", methods=["POST"])
def logout():
    """Log out (POST only, so a link elsewhere cannot log someone out)."""
    if current_user.is_authenticated:
        log_out(current_user._get_current_object())
        db.session.commit()
        logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/join", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def join():
    """A trainee creates an account with their cohort's join code."""
    if current_user.is_authenticated:
        return redirect(url_for("auth.account"))
    form = JoinForm(join_code=request.args.get("code", ""))
    if form.validate_on_submit():
        try:
            user = join_with_code(
                form.join_code.data, form.email.data, form.display_name.data, form.password.data
            )
            db.session.commit()
        except InvalidInput as error:
            db.session.rollback()
            _form_errors_to_flash(error, form)
        else:
            login_user(user)
            flash("Welcome! You have joined your cohort.", "success")
            return redirect(url_for("main.index"))
    return render_template("auth/join.html", form=form), 200 if request.method in ("GET", "HEAD") else 400


@bp.route("/invitations/<token>", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def accept(token: str):
    """An invited person sets their password."""
    try:
        invitation = invitation_for_token(token)
    except InvalidInput as error:
        return render_template(
            "errors/generic.html", status=error.status, message=error.message
        ), error.status
    form = AcceptInvitationForm()
    if form.validate_on_submit():
        try:
            user = accept_invitation(token, form.password.data)
            db.session.commit()
        except InvalidInput as error:
            db.session.rollback()
            _form_errors_to_flash(error, form)
        else:
            logout_user()
            login_user(user)
            flash("Your password is set. Welcome!", "success")
            return redirect(url_for("main.index"))
    return render_template("auth/accept.html", form=form, invitation=invitation)
