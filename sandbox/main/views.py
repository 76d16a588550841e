"""Home page per role, help, and GET /healthz."""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app, jsonify, render_template
from flask_login import current_user, login_required

from ..auth.queries import cohorts_for
from ..extensions import db
from ..models import Role
from . import bp


@bp.route("/")
@login_required
def index():
    """The landing page: what this person can do here."""
    cohorts = cohorts_for(current_user) if current_user.role in (Role.INSTRUCTOR, Role.ADMIN) else []
    return render_template("main/index.html", cohorts=cohorts)


@bp.route("/help")
def help_page():
    """What the sandbox is and how to use it."""
    return render_template("main/help.html")


@bp.route("/healthz")
def healthz():
    """Report whether the database (and the event bus) answer; 503 when not."""
    checks = {}
    try:
        db.session.execute(sa.text("SELECT 1"))
        checks["database"] = "ok"
    except sa.exc.SQLAlchemyError as error:
        db.session.rollback()
        current_app.logger.warning("health check: database: %s", error)
        checks["database"] = "unavailable"
    bus = current_app.extensions["event_bus"]
    try:
        checks["event_bus"] = "ok" if bus.ping() else "unavailable"
    except Exception as error:  # noqa: BLE001 - any bus failure means unavailable
        current_app.logger.warning("health check: event bus: %s", error)
        checks["event_bus"] = "unavailable"
    healthy = all(value == "ok" for value in checks.values())
    return jsonify(
        status="ok" if healthy else "unavailable", checks=checks, event_bus=bus.name
    ), 200 if healthy else 503
