"""Reaching the real services tests may need: skip on a developer's machine, fail in CI."""

from __future__ import annotations

import os
import shutil

import pytest

POSTGRES_URL = os.environ.get(
    "SANDBOX_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("SANDBOX_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
CHROMIUM = os.environ.get("SANDBOX_CHROMIUM", "/usr/bin/chromium")


def in_ci() -> bool:
    """Whether we run under CI, where a missing service is a failure."""
    return os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str) -> None:
    """Fail in CI, skip with the reason elsewhere."""
    if in_ci():
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


def require_postgres() -> str:
    """Return a PostgreSQL URL that answers, or skip/fail."""
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(POSTGRES_URL)
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        engine.dispose()
    except Exception as error:  # noqa: BLE001
        unavailable(f"PostgreSQL not reachable at {POSTGRES_URL}: {error.__class__.__name__}")
    return POSTGRES_URL


def require_redis() -> str:
    """Return a Redis URL that answers, or skip/fail."""
    import redis

    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        client.ping()
        client.close()
    except Exception as error:  # noqa: BLE001
        unavailable(f"Redis not reachable at {REDIS_URL}: {error.__class__.__name__}")
    return REDIS_URL


def require_chromium() -> str:
    """Return the Chromium executable path, or skip/fail."""
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        unavailable(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM
