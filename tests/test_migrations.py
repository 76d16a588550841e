"""Migrations: `flask db upgrade` on an empty database gives exactly the models."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from sandbox import create_app
from sandbox.config import TestConfig
from sandbox.extensions import db

from .services import require_postgres


def _upgrade_and_diff(instance_path: str, url: str) -> list:
    app = create_app(TestConfig(instance_path, url))
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, db.metadata)
            tables = set(sa.inspect(conn).get_table_names())
        db.engine.dispose()
    assert {t.name for t in db.metadata.sorted_tables} <= tables
    return diff


def test_upgrade_on_empty_sqlite_matches_the_models(tmp_path):
    assert _upgrade_and_diff(str(tmp_path), f"sqlite:///{tmp_path}/migrated.sqlite3") == []


@pytest.mark.postgres
def test_upgrade_on_empty_postgresql_matches_the_models(tmp_path):
    base_url = sa.engine.make_url(require_postgres())
    name = f"sandbox_migrations_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        diff = _upgrade_and_diff(
            str(tmp_path), base_url.set(database=name).render_as_string(hide_password=False)
        )
        assert diff == []
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
