"""Login limits: per address and per account, kept in memory while Redis is down, equal timing."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest
import sqlalchemy as sa

from sandbox import create_app
from sandbox.extensions import db
from sandbox.models import Role

from .factories import PASSWORD, make_cohort, make_org, make_user
from .live.servers import free_port, stop_process
from .services import require_redis, unavailable


@pytest.fixture
def make_app(app, config):
    """Return a function that builds another app with changed settings; its connections close after."""
    built = []

    def make(**settings):
        for name, value in settings.items():
            setattr(config, name, value)
        built.append(create_app(config))
        return built[-1]

    yield make
    for other in built:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


def _login(client, email: str, password: str, address: str = "10.0.0.1") -> int:
    data = {"email": email, "password": password}
    return client.post("/login", data=data, environ_base={"REMOTE_ADDR": address}).status_code


@pytest.fixture
def redis_down_url() -> str:
    """A Redis URL on which nothing listens."""
    return f"redis://127.0.0.1:{free_port()}/0"


def test_login_works_and_stays_limited_while_the_limit_store_is_down(make_app, redis_down_url):
    user = make_user(make_org("Limits (test)"), Role.TRAINEE)
    limited = make_app(RATELIMIT_STORAGE_URI=redis_down_url, LOGIN_RATE_LIMIT="3 per minute")
    client = limited.test_client()
    statuses = [_login(client, user.email, "wrong-password-1") for _ in range(3)]
    statuses.append(_login(client, user.email, PASSWORD))
    assert statuses == [400, 400, 400, 429]  # counted in memory, not a 500
    assert _login(client, user.email, PASSWORD, address="10.0.0.2") == 302


def test_joining_works_while_the_limit_store_is_down(make_app, org, redis_down_url):
    cohort = make_cohort(org)
    client = make_app(RATELIMIT_STORAGE_URI=redis_down_url).test_client()
    data = {
        "join_code": cohort.join_code,
        "display_name": "Robin Newcomer",
        "email": "robin@test.example",
        "password": "a-long-password",
        "confirm": "a-long-password",
    }
    assert client.post("/join", data=data).status_code == 302


@pytest.mark.redis
def test_logins_go_on_when_redis_goes_away_mid_run(make_app, tmp_path):
    require_redis()
    server = shutil.which("redis-server")
    if server is None:
        unavailable("redis-server is not installed")
    port = free_port()
    command = [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    redis_process = subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd=tmp_path)
    try:
        time.sleep(0.5)
        user = make_user(make_org("Redis limits (test)"), Role.TRAINEE)
        client = make_app(RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{port}/0").test_client()
        assert _login(client, user.email, "wrong-password-1") == 400
        stop_process(redis_process)
        assert _login(client, user.email, "wrong-password-1") == 400
        assert _login(client, user.email, PASSWORD) == 302
    finally:
        stop_process(redis_process)


def test_an_account_is_locked_after_repeated_failures_from_any_address(make_app):
    organisation = make_org("Backoff (test)")
    target, bystander = make_user(organisation, Role.TRAINEE), make_user(organisation, Role.TRAINEE)
    client = make_app(ACCOUNT_LOGIN_LIMIT="3 per minute").test_client()
    failures = [_login(client, target.email, "wrong-password-1", f"10.0.1.{i}") for i in range(3)]
    assert failures == [400, 400, 400]
    locked = client.post("/login", data={"email": target.email.upper(), "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many failed logins for this account" in locked.text
    assert _login(client, bystander.email, PASSWORD, "10.0.1.9") == 302


def test_successful_logins_do_not_count_towards_the_account_limit(make_app):
    user = make_user(make_org("Backoff ok (test)"), Role.TRAINEE)
    client = make_app(ACCOUNT_LOGIN_LIMIT="2 per minute").test_client()
    for _ in range(4):
        assert _login(client, user.email, PASSWORD) == 302
        client.post("/logout")


def test_unknown_emails_are_checked_against_a_hash_of_the_real_method(make_app, monkeypatch):
    import sandbox.auth.operations as operations

    checked: list[str] = []
    real_check = operations.check_password_hash

    def recording_check(stored: str, given: str) -> bool:
        checked.append(stored)
        return real_check(stored, given)

    monkeypatch.setattr(operations, "check_password_hash", recording_check)
    client = make_app(PASSWORD_HASH_METHOD="scrypt").test_client()
    assert _login(client, "nobody@test.example", "whatever-123") == 400
    assert checked and checked[0].startswith("scrypt:")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(sa.table("users"))) == 0
