"""The social platform practice sandbox: create_app() and its register_* helpers."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Flask is imported where the app is built: `import sandbox.feedback` stays light
    from flask import Flask


def create_app(test_config: Any = None) -> Flask:
    """Build the app: configuration, extensions, blueprints, error pages, CLI and template filters."""
    from flask import Flask

    app = Flask(__name__, instance_relative_config=True)
    os.makedirs(app.instance_path, exist_ok=True)
    register_config(app, test_config)
    register_extensions(app)
    register_inputs(app)
    register_blueprints(app)
    register_errors(app)
    register_cli(app)
    register_filters(app)
    return app


def register_config(app: Flask, test_config: Any = None) -> None:
    """Load configuration from the environment (or the given test config object)."""
    from .config import Config

    app.config.from_object(test_config if test_config is not None else Config(app.instance_path))
    if app.config.get("PROXY_FIX"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)  # type: ignore[method-assign]


def register_extensions(app: Flask) -> None:
    """Bind the database, migrations, login, CSRF, rate limiter, event bus and security headers."""
    from . import models  # noqa: F401 - registers the tables on the metadata
    from .auth.loaders import init_login
    from .extensions import csrf, db, limiter, migrate
    from .live.bus import init_bus
    from .models.types import render_migration_item
    from .security import SessionInterface, add_security_headers

    db.init_app(app)
    migrate.init_app(
        app,
        db,
        directory=os.path.join(os.path.dirname(app.root_path), "migrations"),
        render_as_batch=True,
        render_item=render_migration_item,
    )
    csrf.init_app(app)
    limiter.init_app(app)
    init_login(app)
    init_bus(app)
    app.session_interface = SessionInterface()
    app.after_request(add_security_headers)


def register_inputs(app: Flask) -> None:
    """Read untrusted input one way: bounded `<int:...>` ids (before any route is added), no NUL bytes."""
    from .inputs import init_inputs

    init_inputs(app)


def register_blueprints(app: Flask) -> None:
    """Mount each feature's blueprint."""
    from .api import bp as api_bp
    from .auth import bp as auth_bp
    from .feeds import bp as feeds_bp
    from .live.views import bp as live_bp
    from .main import bp as main_bp
    from .review import bp as review_bp
    from .scenarios.views import bp as scenarios_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(feeds_bp, url_prefix="/p")
    app.register_blueprint(scenarios_bp, url_prefix="/practice")
    app.register_blueprint(live_bp, url_prefix="/live")
    app.register_blueprint(review_bp, url_prefix="/review")
    app.register_blueprint(api_bp, url_prefix="/api/v1")


def register_errors(app: Flask) -> None:
    """HTML error pages, JSON errors under /api/."""
    from .errors import init_errors

    init_errors(app)


def register_cli(app: Flask) -> None:
    """Add the flask commands (seed, accounts)."""
    from .cli import init_cli

    init_cli(app)


def register_filters(app: Flask) -> None:
    """Template filters and globals: linkify (the only way user text becomes HTML), dates and times ago, post
    authors."""
    from .feeds.authors import shown_author
    from .feeds.relationships import connection_degree
    from .feeds.times import time_ago
    from .text import linkify

    app.add_template_filter(linkify, "linkify")
    app.add_template_global(shown_author, "shown_author")
    app.add_template_global(connection_degree, "connection_degree")
    app.add_template_filter(lambda value: value.strftime("%d %b %Y %H:%M UTC") if value else "", "datetime")
    app.add_template_filter(time_ago, "ago")
