"""Configuration from environment variables; embedded defaults need none."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def normalize_database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs written the common way."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def load_secret_key(instance_path: str) -> str:
    """Return SANDBOX_SECRET_KEY, or a key generated once and kept in instance/secret_key."""
    configured = _env("SANDBOX_SECRET_KEY")
    if configured:
        return configured
    key_file = Path(instance_path) / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


class Config:
    """Settings read from the environment when the app is created."""

    def __init__(self, instance_path: str) -> None:
        default_db = f"sqlite:///{Path(instance_path) / 'sandbox.sqlite3'}"
        self.SECRET_KEY = load_secret_key(instance_path)
        self.SQLALCHEMY_DATABASE_URI = normalize_database_url(_env("SANDBOX_DATABASE_URL", default_db))
        self.SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
        self.REDIS_URL = _env("SANDBOX_REDIS_URL")
        self.RATELIMIT_STORAGE_URI = self.REDIS_URL or "memory://"
        self.RATELIMIT_HEADERS_ENABLED = True
        # A moving window: a fixed one forgets every failure at each minute boundary (and lets twice the
        # limit through across one), which also made the lockout flaky when a test straddled a boundary.
        self.RATELIMIT_STRATEGY = "moving-window"
        # When Redis is down the limits are kept in this process's memory instead of failing the request.
        self.RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
        self.RATELIMIT_STORAGE_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
        self.LOGIN_RATE_LIMIT = _env("SANDBOX_LOGIN_RATE_LIMIT", "10 per minute")
        # Failed logins per account, whatever address they come from.
        self.ACCOUNT_LOGIN_LIMIT = _env("SANDBOX_ACCOUNT_LOGIN_LIMIT", "5 per minute;20 per hour")
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_SECURE = _env("SANDBOX_SECURE_COOKIES", "0") == "1"
        self.PASSWORD_HASH_METHOD = "scrypt"
        self.MAX_CONTENT_LENGTH = int(_env("SANDBOX_MAX_UPLOAD_BYTES", str(8 * 1024 * 1024)))
        self.WTF_CSRF_TIME_LIMIT = None
        self.PROXY_FIX = _env("SANDBOX_PROXY_FIX", "0") == "1"
        self.ENABLE_DEMO_SEED = _env("SANDBOX_ENV", "development") != "production"
        self.LIVE_TICKER = _env("SANDBOX_LIVE_TICKER", "1") == "1"  # releases scheduled injects on time
        self.RUN_POLL_SECONDS = 5.0  # how often a solo run's page asks whether something new arrived


class TestConfig(Config):
    """Config for the test suite: a throwaway database and fast password hashing."""

    __test__ = False  # not a pytest test class

    def __init__(self, instance_path: str, database_url: str) -> None:
        super().__init__(instance_path)
        self.TESTING = True
        self.SQLALCHEMY_DATABASE_URI = normalize_database_url(database_url)
        self.PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"
        self.RATELIMIT_STORAGE_URI = "memory://"
        self.LOGIN_RATE_LIMIT = "1000 per minute"
        self.ACCOUNT_LOGIN_LIMIT = "1000 per minute"
        self.REDIS_URL = None
        self.WTF_CSRF_ENABLED = False  # tests that check CSRF turn it back on
        self.LIVE_TICKER = False  # tests tick live sessions themselves
