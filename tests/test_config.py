"""Configuration: embedded defaults, environment variables, the secret key."""

from __future__ import annotations

from sandbox import create_app
from sandbox.config import Config, normalize_database_url


def test_embedded_defaults_need_no_environment(tmp_path, monkeypatch):
    for name in ("SANDBOX_DATABASE_URL", "SANDBOX_REDIS_URL", "SANDBOX_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    config = Config(str(tmp_path))
    assert config.SQLALCHEMY_DATABASE_URI == f"sqlite:///{tmp_path}/sandbox.sqlite3"
    assert config.REDIS_URL is None and config.RATELIMIT_STORAGE_URI == "memory://"
    assert len(config.SECRET_KEY) == 64


def test_secret_key_is_generated_once_and_kept_private(tmp_path, monkeypatch):
    monkeypatch.delenv("SANDBOX_SECRET_KEY", raising=False)
    first = Config(str(tmp_path)).SECRET_KEY
    assert Config(str(tmp_path)).SECRET_KEY == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    other = tmp_path / "other"
    assert Config(str(other)).SECRET_KEY != first


def test_environment_variables_switch_database_and_key(tmp_path, monkeypatch):
    monkeypatch.setenv("SANDBOX_DATABASE_URL", "postgres://u@db.internal:5432/sandbox")
    monkeypatch.setenv("SANDBOX_SECRET_KEY", "from-the-environment")
    config = Config(str(tmp_path))
    assert config.SQLALCHEMY_DATABASE_URI == "postgresql+psycopg://u@db.internal:5432/sandbox"
    assert config.SECRET_KEY == "from-the-environment"
    assert not (tmp_path / "secret_key").exists()


def test_normalize_database_url_leaves_explicit_drivers_alone():
    assert normalize_database_url("postgresql+psycopg://x/y") == "postgresql+psycopg://x/y"
    assert normalize_database_url("sqlite:///a.db") == "sqlite:///a.db"


def test_production_turns_off_the_demo_seed(tmp_path, monkeypatch):
    monkeypatch.setenv("SANDBOX_ENV", "production")
    monkeypatch.setenv("SANDBOX_SECRET_KEY", "k")
    monkeypatch.setenv("SANDBOX_DATABASE_URL", f"sqlite:///{tmp_path}/p.sqlite3")
    assert create_app().config["ENABLE_DEMO_SEED"] is False
