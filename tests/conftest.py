"""Fixtures in the flaskr style: app, client, runner, login_as, and factories."""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from sandbox import create_app
from sandbox.config import TestConfig
from sandbox.extensions import db
from sandbox.models import Organisation, Role, User
from sandbox.models.audit import guard_lifted

from .factories import PASSWORD, make_org, make_user


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    """SQLite in a temp folder, or SANDBOX_TEST_DATABASE_URL (PostgreSQL in CI)."""
    return (
        os.environ.get("SANDBOX_TEST_DATABASE_URL")
        or f"sqlite:///{tmp_path_factory.mktemp('db')}/test.sqlite3"
    )


@pytest.fixture(scope="session")
def _schema(database_url, tmp_path_factory):
    app = create_app(TestConfig(str(tmp_path_factory.mktemp("instance")), database_url))
    with app.app_context():
        db.drop_all()
        db.create_all()
        db.engine.dispose()
    return database_url


def _empty_tables() -> None:
    db.session.rollback()
    with guard_lifted(db.session.connection()):  # the audit trail refuses deletes, even from tests
        if db.engine.dialect.name == "postgresql":  # runs and live sessions refer to each other: one TRUNCATE
            names = ", ".join(f'"{table.name}"' for table in db.metadata.sorted_tables)
            db.session.execute(sa.text(f"TRUNCATE {names} CASCADE"))
        else:
            for table in reversed(db.metadata.sorted_tables):
                db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture
def config(_schema, tmp_path) -> TestConfig:
    """The test configuration; tests may change it before using app."""
    return TestConfig(str(tmp_path / "instance"), _schema)


class FreshContextClient(FlaskClient):
    """Runs each request in its own app context (own g and db session), as a real server does."""

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture
def app(config):
    """A fresh app on an empty database."""
    app = create_app(config)
    app.test_client_class = FreshContextClient
    with app.app_context():
        yield app
        _empty_tables()
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    """A test client for the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner for the app's commands."""
    return app.test_cli_runner()


@pytest.fixture
def org(app) -> Organisation:
    """The organisation most tests work in."""
    return make_org("Lakeside Clinic (test)")


@pytest.fixture
def login_as(client, org):
    """Return a function that creates a user of a role and logs the client in as them."""

    def login(role: Role | str, organisation: Organisation | None = None) -> User:
        user = make_user(organisation or org, Role(role))
        response = client.post("/login", data={"email": user.email, "password": PASSWORD})
        assert response.status_code == 302, response.text
        return user

    return login


@pytest.fixture
def api_token(org):
    """Return a function that gives a user a personal API token (the raw token)."""
    from sandbox.auth.operations import create_api_token

    def make(user: User) -> str:
        _token, raw = create_api_token(user, "test")
        db.session.commit()
        return raw

    return make


def pytest_collection_modifyitems(items):
    """Mark every test that uses the database, so CI can run them again on PostgreSQL."""
    for item in items:
        if "app" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.db)
