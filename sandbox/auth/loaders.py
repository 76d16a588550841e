"""How a request is tied to a user: the session cookie, or a personal API token."""

from __future__ import annotations

from flask import Flask, flash, g, redirect, request, url_for

from ..errors import json_error
from ..extensions import db, login_manager
from ..models import User
from .operations import user_for_token
from .views import safe_next

MAX_ID = 2**31 - 1  # ids are 32-bit columns; anything larger names no row (and PostgreSQL would refuse it)


def init_login(app: Flask) -> None:
    """Configure Flask-Login for pages and the API."""
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to see that page."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    login_manager.user_loader(load_user)
    login_manager.request_loader(load_user_from_token)
    login_manager.unauthorized_handler(_unauthorized)


def load_user(session_id: str) -> User | None:
    """Return the session's user, if the account is active and has not ended its sessions since."""
    user_id, _, version = session_id.partition(".")
    if not (user_id.isdigit() and version.isdigit()) or int(user_id) > MAX_ID:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.is_active or user.session_version != int(version):
        return None
    return user


def load_user_from_token(req) -> User | None:
    """Return the user of an `Authorization: Bearer` API token on /api/ requests."""
    header = req.headers.get("Authorization", "")
    if not req.path.startswith("/api/") or not header.startswith("Bearer "):
        return None
    user = user_for_token(header.removeprefix("Bearer ").strip())
    if user is not None:
        g.token_auth = True
    return user


def _unauthorized():
    if request.path.startswith("/api/"):
        return json_error(401, "Log in or send a valid API token as 'Authorization: Bearer <token>'.")
    flash(login_manager.login_message, "info")
    return redirect(url_for("auth.login", next=safe_next(request.full_path.rstrip("?"))))
