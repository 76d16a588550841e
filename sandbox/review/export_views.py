"""Export pages: choose a dataset, a format and a filter; download it as a streamed attachment.

Reviewers and admins export their whole organisation. Instructors are refused: an export is the
compliance record of every cohort, and they see their own cohorts on the review pages instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from flask import render_template, request
from flask_login import current_user

from ..errors import InvalidInput
from ..extensions import db
from ..feedback.model import SEVERITIES
from ..models import Cohort, LiveSession, Role, Run, User
from ..models.content import PLATFORM_IDS
from ..models.review import REVIEW_STATUSES
from ..security import role_required
from . import bp
from .export_filters import FILTER_ARGS, LABELS, parse_filter
from .exports import DATASETS, FORMATS, export_response

EXPORT_ROLES = (Role.REVIEWER, Role.ADMIN)


@bp.app_template_global("export_args")
def export_args(args: Mapping[str, Any]) -> dict[str, str]:
    """The export filter's arguments among these query arguments (the queue's page and sort are left out)."""
    return {name: str(args[name]) for name in FILTER_ARGS if args.get(name) not in (None, "", False)}


def _choices() -> dict[str, Any]:
    """The organisation's cohorts, sessions, scenarios and trainees for the filter form's menus."""
    org_id = current_user.organisation_id
    return {
        "cohorts": db.session.scalars(
            sa.select(Cohort).where(Cohort.organisation_id == org_id).order_by(Cohort.name)
        ).all(),
        "sessions": db.session.scalars(
            sa.select(LiveSession)
            .where(LiveSession.organisation_id == org_id)
            .order_by(LiveSession.created_at.desc())
            .limit(200)
        ).all(),
        "scenarios": db.session.execute(
            sa.select(Run.scenario_id, sa.func.max(Run.scenario_title))
            .where(Run.organisation_id == org_id)
            .group_by(Run.scenario_id)
            .order_by(Run.scenario_id)
        ).all(),
        "trainees": db.session.scalars(
            sa.select(User)
            .where(User.organisation_id == org_id, User.role == Role.TRAINEE)
            .order_by(User.display_name)
        ).all(),
        "platforms": PLATFORM_IDS,
        "labels": LABELS,
        "severities": SEVERITIES,
        "statuses": REVIEW_STATUSES,
        "datasets": DATASETS,
        "formats": FORMATS,
    }


def _form_page(error: InvalidInput | None = None, status: int = 200):
    return (
        render_template("review/exports.html", args=request.args, error=error, **_choices()),
        status,
    )


@bp.get("/exports")
@role_required(*EXPORT_ROLES)
def exports():
    """The export form: dataset, format and filter."""
    return _form_page()


@bp.get("/exports/download")
@role_required(*EXPORT_ROLES)
def export_download():
    """Stream the chosen export (the form again with the problem named when the input is bad)."""
    try:
        export_filter = parse_filter(request.args, current_user.organisation_id)
        dataset, fmt = request.args.get("dataset", "runs"), request.args.get("format", "csv")
        return export_response(dataset, fmt, export_filter)
    except InvalidInput as error:
        return _form_page(error, error.status)
