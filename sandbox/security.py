"""Roles, access decorators, ownership checks and security headers."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, Response, abort, request
from flask.sessions import SecureCookieSessionInterface
from flask_login import current_user

from .models import Role

F = TypeVar("F", bound=Callable[..., Any])

STAFF_ROLES = (Role.INSTRUCTOR, Role.ADMIN)
# Reviewers read the simulated platforms but never write in them.
POSTING_ROLES = (Role.TRAINEE, Role.INSTRUCTOR, Role.ROLE_PLAYER, Role.ADMIN)

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def role_required(*roles: Role) -> Callable[[F], F]:
    """Let only logged-in users holding one of these roles through (401/redirect, else 403)."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                from .extensions import login_manager

                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


def require_same_organisation(obj: Any) -> Any:
    """Return obj when it belongs to the current user's organisation; otherwise 404, revealing nothing."""
    if obj is None or getattr(obj, "organisation_id", None) != current_user.organisation_id:
        abort(404)
    return obj


def add_security_headers(response: Response) -> Response:
    """Set CSP, framing, sniffing, referrer, caching and Server (no versions) headers on every response.

    Anything but a static file may carry someone's data (pages, API answers, a new token), so it is
    `no-store` unless its view chose its own caching (an organisation's pictures are `private`).
    """
    if request.endpoint != "static" and "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = "no-store"
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    response.headers["Server"] = "sandbox"  # gunicorn replaces it with "gunicorn" (see README)
    return response


class SessionInterface(SecureCookieSessionInterface):
    """Signed cookie sessions whose cookie is marked Secure whenever the request came over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        """Secure when configured so, or when this request is HTTPS."""
        return bool(app.config["SESSION_COOKIE_SECURE"] or request.is_secure)
