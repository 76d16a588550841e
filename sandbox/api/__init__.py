"""The JSON API under /api/v1: session cookie (with CSRF) or a personal Bearer token."""

from flask import Blueprint, current_app, g, request
from flask_login import current_user

from ..errors import json_error
from ..extensions import csrf
from .body import parsed_json

bp = Blueprint("api", __name__)
csrf.exempt(bp)  # checked below, only for cookie sessions: a Bearer token cannot be sent by another site

PUBLIC_ENDPOINTS = {"api.openapi"}
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


@bp.before_request
def require_login_and_csrf():
    """Every API route but the OpenAPI document needs a user; cookie sessions also need a CSRF token."""
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    if not current_user.is_authenticated:
        return json_error(401, "Log in or send a valid API token as 'Authorization: Bearer <token>'.")
    if (
        request.method in UNSAFE_METHODS
        and not g.get("token_auth")
        and current_app.config["WTF_CSRF_ENABLED"]
    ):
        csrf.protect()
    parsed_json()  # a body that is not JSON, too deep, or holds a lone surrogate or NUL: 400 on every route
    return None


# Each module registers its routes on bp: live sessions, review (queue, run detail, notes, statuses),
# and streamed review exports, besides feedback, posts, scenarios and the account views.
from . import audit, feedback, live, posts, review, review_exports, review_practice, scenarios, views  # noqa: E402,F401
