"""The scaled path: two gunicorn servers share one session through Redis; Redis going away loses nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from sandbox import create_app
from sandbox.auth.operations import create_api_token
from sandbox.config import TestConfig
from sandbox.extensions import db
from sandbox.live import sessions
from sandbox.models import Role
from sandbox.scenarios.runs import scenario_for

from ..factories import make_cohort, make_org, make_user
from ..services import require_redis, unavailable
from .servers import SSEClient, free_port, stop_process, wait_until_healthy

pytestmark = [pytest.mark.redis, pytest.mark.bus]
ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def _serve(env: dict[str, str], port: int) -> subprocess.Popen:
    command = [str(GUNICORN), "--workers", "1", "--threads", "16", "--graceful-timeout", "1"]
    command += ["--bind", f"127.0.0.1:{port}", "wsgi:app"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return wait_until_healthy(process, port)


def _post(port: int, path: str, token: str, body: bytes = b"{}") -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=body,
        method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


@pytest.fixture
def shared_world(tmp_path):
    """A SQLite file both servers use, with a session, an instructor and a trainee holding API tokens."""
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    app = create_app(TestConfig(str(tmp_path / "instance"), url))
    with app.app_context():
        db.create_all()
        org = make_org()
        instructor, trainee = make_user(org, Role.INSTRUCTOR), make_user(org, Role.TRAINEE)
        cohort = make_cohort(org, instructor, members=(trainee,))
        live = sessions.create_session(
            instructor, cohort, scenario_for("microblog-celebrity-admission-rumour"), "shared"
        )
        sessions.join(live, trainee)
        tokens = (create_api_token(instructor, "a")[1], create_api_token(trainee, "b")[1])
        db.session.commit()
        ids = live.id
        db.engine.dispose()
    return url, ids, tokens


def _env(database_url: str, redis_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "SANDBOX_DATABASE_URL": database_url,
        "SANDBOX_REDIS_URL": redis_url,
        "SANDBOX_LIVE_TICKER": "0",
        "FLASK_APP": "wsgi",
    }


def _listen(
    port: int, session_id: int, token: str, found: list, stop: threading.Event, ready: threading.Event
):
    client = SSEClient(
        "127.0.0.1", port, f"/api/v1/live/sessions/{session_id}/stream", {"Authorization": f"Bearer {token}"}
    )
    ready.set()
    try:
        for event in client.events():
            found.append(event)
            if stop.is_set():
                return
    except OSError:
        return
    finally:
        client.close()


def test_an_event_published_through_one_server_reaches_a_client_of_the_other(shared_world):
    redis_url = require_redis()
    database_url, session_id, (instructor_token, trainee_token) = shared_world
    env = _env(database_url, redis_url)
    first, second = free_port(), free_port()
    servers = [_serve(env, first), _serve(env, second)]
    try:
        found: list[dict] = []
        stop, ready = threading.Event(), threading.Event()
        listener = threading.Thread(
            target=_listen, args=(first, session_id, trainee_token, found, stop, ready), daemon=True
        )
        listener.start()
        assert ready.wait(10)
        time.sleep(0.5)  # the stream subscribes before it reads the backlog; give it a moment
        assert _post(second, f"/api/v1/live/sessions/{session_id}/start", instructor_token) == 200
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any(e["kind"] == "inject.released" for e in found):
            time.sleep(0.05)
        stop.set()
        released = [e for e in found if e["kind"] == "inject.released"]
        assert released and released[0]["payload"]["key"] == "ask"
        seqs = [e["seq"] for e in found]
        assert seqs == sorted(set(seqs)), "no duplicates, in order"
    finally:
        for server in servers:
            stop_process(server)


def test_redis_going_away_mid_session_loses_nothing(shared_world, tmp_path):
    require_redis()
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        unavailable("redis-server is not installed")
    port = free_port()
    own_redis = [redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    redis_process = subprocess.Popen(own_redis, stdout=subprocess.DEVNULL, cwd=tmp_path)
    database_url, session_id, (instructor_token, trainee_token) = shared_world
    env = _env(database_url, f"redis://127.0.0.1:{port}/0")
    time.sleep(0.5)
    server_port = free_port()
    server = _serve(env, server_port)
    try:
        found: list[dict] = []
        stop, ready = threading.Event(), threading.Event()
        listener = threading.Thread(
            target=_listen, args=(server_port, session_id, trainee_token, found, stop, ready), daemon=True
        )
        listener.start()
        assert ready.wait(10)
        time.sleep(0.5)
        stop_process(redis_process)  # Redis goes away mid-session
        assert _post(server_port, f"/api/v1/live/sessions/{session_id}/start", instructor_token) == 200
        _wait_for(found, "inject.released", 15)  # the stream fell back to reading the database
        redis_process = subprocess.Popen(own_redis, stdout=subprocess.DEVNULL, cwd=tmp_path)
        time.sleep(2.5)  # the stream subscribes again once Redis answers
        assert _post(server_port, f"/api/v1/live/sessions/{session_id}/pause", instructor_token) == 200
        _wait_for(found, "session.state", 15, count=2)
        stop.set()
        seqs = [e["seq"] for e in found]
        assert seqs == list(range(seqs[0], seqs[0] + len(seqs))), "nothing missed, nothing repeated"
    finally:
        stop_process(server)
        stop_process(redis_process)


def _wait_for(found: list[dict], kind: str, seconds: float, count: int = 1) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if sum(e["kind"] == kind for e in found) >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"no {kind} event within {seconds} s; got {[e['kind'] for e in found]}")
