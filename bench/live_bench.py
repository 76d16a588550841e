"""Live session benchmark: N SSE clients in one session; injects released, replies posted; delivery measured.

It builds a scratch database (SQLite file by default) with an instructor, N trainees, a cohort and a
shared-room session; starts a real server; connects every trainee's event stream with an API token;
starts the session, releases the scenario's injects and posts trainee replies; ends the session. Then it
compares what each client received with what the database says that client should have received.

    .venv/bin/python bench/live_bench.py                       # both setups, 200 clients
    .venv/bin/python bench/live_bench.py --setup embedded      # flask run, in-process bus
    .venv/bin/python bench/live_bench.py --setup redis         # gunicorn, 2 workers, Redis pub/sub

Latency is from the moment the server created an event (before its commit) to the moment a client read
it, both on this machine's clock.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.live.servers import SSEClient, free_port, stop_process, wait_until_healthy  # noqa: E402

SCENARIO = "microblog-celebrity-admission-rumour"
REPLY = (
    "I never comment on whether anyone is or isn't a patient, famous or not. News comes from the hospital."
)


def build_world(database_url: str, clients: int) -> dict:
    """Create the schema, an instructor, the trainees with tokens, and a session they all joined."""
    from werkzeug.security import generate_password_hash

    from sandbox import create_app
    from sandbox.auth.operations import create_api_token
    from sandbox.config import TestConfig
    from sandbox.extensions import db
    from sandbox.live import sessions
    from sandbox.models import Cohort, CohortMembership, Organisation, Role, User
    from sandbox.scenarios.runs import scenario_for

    password = generate_password_hash("bench-only", "pbkdf2:sha256:1000")  # an active account needs one
    app = create_app(TestConfig(tempfile.mkdtemp(prefix="live-bench-instance-"), database_url))
    with app.app_context():
        db.drop_all()
        db.create_all()
        org = Organisation(name="Bench Health")
        db.session.add(org)
        db.session.flush()
        instructor = User(
            organisation_id=org.id,
            email="lead@bench.example",
            display_name="Lead",
            role=Role.INSTRUCTOR,
            password_hash=password,
        )
        trainees = [
            User(
                organisation_id=org.id,
                email=f"t{i}@bench.example",
                display_name=f"Trainee {i}",
                role=Role.TRAINEE,
                password_hash=password,
            )
            for i in range(clients)
        ]
        db.session.add_all([instructor, *trainees])
        db.session.flush()
        cohort = Cohort(
            organisation_id=org.id, name="Bench cohort", join_code="BENCH1", instructor_id=instructor.id
        )
        db.session.add(cohort)
        db.session.flush()
        db.session.add_all(CohortMembership(cohort_id=cohort.id, user_id=t.id) for t in trainees)
        live = sessions.create_session(instructor, cohort, scenario_for(SCENARIO), "shared")
        runs = [sessions.join(live, t).run_id for t in trainees]
        world = {
            "session_id": live.id,
            "instructor": create_api_token(instructor, "bench")[1],
            "trainees": [
                (t.id, create_api_token(t, "bench")[1], run) for t, run in zip(trainees, runs, strict=True)
            ],
            "injects": [i.key for i in scenario_for(SCENARIO).injects],
        }
        db.session.commit()
        db.engine.dispose()
    return world


def start_server(setup: str, env: dict[str, str], port: int) -> subprocess.Popen:
    """Serve the app: `flask run` (embedded), gunicorn with two workers (Redis), or with one (gunicorn)."""
    venv = Path(sys.executable).parent
    if setup == "embedded":
        command = [str(venv / "flask"), "run", "--port", str(port), "--with-threads"]
    else:
        workers = os.environ.get("BENCH_WORKERS", "2" if setup == "redis" else "1")
        command = [
            str(venv / "gunicorn"),
            "--workers",
            workers,
            "--threads",
            "256",
            "--graceful-timeout",
            "2",
        ]
        command += ["--bind", f"127.0.0.1:{port}", "wsgi:app"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return wait_until_healthy(process, port)


def api(port: int, method: str, path: str, token: str, body: dict | None = None) -> tuple[int, dict]:
    """One JSON API call with a Bearer token."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1{path}",
        data=json.dumps(body or {}).encode(),
        method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


class Listener(threading.Thread):
    """One trainee's event stream, recording each event's number and delivery latency."""

    def __init__(self, port: int, session_id: int, user_id: int, token: str) -> None:
        super().__init__(daemon=True)
        self.user_id, self.received, self.latencies = user_id, [], []
        self.connected = threading.Event()
        self.error: str | None = None
        self.args_ = (port, session_id, token)

    def run(self) -> None:
        port, session_id, token = self.args_
        try:
            client = SSEClient(
                "127.0.0.1",
                port,
                f"/api/v1/live/sessions/{session_id}/stream",
                {"Authorization": f"Bearer {token}"},
                timeout=120,
            )
        except OSError as error:
            self.error = str(error)
            self.connected.set()
            return
        self.connected.set()
        try:
            for event in client.events():
                now = time.time()
                self.received.append(event["seq"])
                self.latencies.append(now - event["payload"]["sent_at"])
                if event["kind"] == "session.ended":
                    return
        except OSError as error:
            self.error = str(error)
        finally:
            client.close()


def expected_for(database_url: str, session_id: int, user_id: int) -> list[int]:
    """The event numbers a trainee should receive: everything for everyone, their group and themselves."""
    import sqlalchemy as sa

    engine = sa.create_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT seq, audience FROM live_events WHERE session_id = :s ORDER BY seq"),
            {"s": session_id},
        ).all()
    engine.dispose()
    return [seq for seq, audience in rows if audience in ("all", f"user:{user_id}")]


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values lie."""
    ordered = sorted(values)
    return ordered[min(int(share * len(ordered)), len(ordered) - 1)] if ordered else float("nan")


def run_setup(setup: str, clients: int, replies: int, database_url: str | None, redis_url: str) -> dict:
    """Build, serve, connect, drive and measure one setup; returns its figures."""
    scratch = tempfile.mkdtemp(prefix="live-bench-")
    database_url = database_url or f"sqlite:///{scratch}/bench.sqlite3"
    world = build_world(database_url, clients)
    env = {
        **os.environ,
        "SANDBOX_DATABASE_URL": database_url,
        "FLASK_APP": "wsgi",
        "SANDBOX_LIVE_TICKER": "0",
    }
    env.pop("SANDBOX_REDIS_URL", None)
    if setup == "redis":
        env["SANDBOX_REDIS_URL"] = redis_url
    port = free_port()
    server = start_server(setup, env, port)
    session_id, lead = world["session_id"], world["instructor"]
    try:
        listeners = [Listener(port, session_id, uid, token) for uid, token, _run in world["trainees"]]
        started = time.perf_counter()
        for listener in listeners:
            listener.start()
        for listener in listeners:
            listener.connected.wait(30)
        connect_seconds = time.perf_counter() - started
        time.sleep(1.0)  # every stream has subscribed before its catch-up read
        api(port, "POST", f"/live/sessions/{session_id}/start", lead)
        status, session = api(port, "GET", f"/live/sessions/{session_id}", lead)
        ask_post = _inject_post(port, world["trainees"][0], session_id)
        for key in world["injects"]:
            if key not in session["released"]:
                api(port, "POST", f"/live/sessions/{session_id}/injects/{key}/release", lead)
                time.sleep(0.3)
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda t: _reply(port, t, ask_post), world["trainees"][:replies]))
        time.sleep(1.0)
        api(port, "POST", f"/live/sessions/{session_id}/end", lead)
        deadline = time.monotonic() + 30
        for listener in listeners:
            listener.join(max(deadline - time.monotonic(), 0.1))
    finally:
        stop_process(server)
    return _figures(setup, listeners, database_url, session_id, connect_seconds, replies)


def _inject_post(port: int, trainee: tuple, session_id: int) -> int:
    """The shared room's 'ask' post, which the trainees answer."""
    _uid, token, run_id = trainee
    status, run = api(port, "GET", f"/runs/{run_id}", token)
    if status != 200:
        raise SystemExit(f"reading the trainee's run failed: {status} {run}")
    return next(i["post_id"] for i in run["injects"] if i["key"] == "ask")


def _reply(port: int, trainee: tuple, parent_id: int) -> int:
    _uid, token, run_id = trainee
    body = {"platform": "microblog", "kind": "reply", "body": REPLY, "parent_id": parent_id, "run_id": run_id}
    status, _ = api(port, "POST", "/posts", token, body)
    return status


def _figures(setup, listeners, database_url, session_id, connect_seconds, replies) -> dict:
    missed = duplicated = 0
    latencies: list[float] = []
    errors = [listener.error for listener in listeners if listener.error]
    stuck = [listener for listener in listeners if listener.is_alive()]
    if stuck:
        lasts = sorted({listener.received[-1] if listener.received else 0 for listener in stuck})
        errors.append(
            f"{len(stuck)} streams had not ended 30 s after the session ended; last numbers {lasts[:10]}"
        )
    for listener in listeners:
        expected = set(expected_for(database_url, session_id, listener.user_id))
        got = listener.received
        missed += len(expected - set(got))
        duplicated += len(got) - len(set(got))
        latencies += listener.latencies
    return {
        "setup": setup,
        "clients": len(listeners),
        "replies": replies,
        "deliveries": len(latencies),
        "connect_s": connect_seconds,
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p95_ms": percentile(latencies, 0.95) * 1000,
        "max_ms": max(latencies) * 1000 if latencies else float("nan"),
        "mean_ms": statistics.fmean(latencies) * 1000 if latencies else float("nan"),
        "missed": missed,
        "duplicated": duplicated,
        "errors": errors[:3],
    }


def main() -> None:
    """Parse arguments, run the chosen setups and print their figures and the goals."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--replies", type=int, default=50, help="how many trainees post a reply")
    parser.add_argument("--setup", choices=["embedded", "redis", "gunicorn", "both"], default="both")
    parser.add_argument("--database-url", help="default: a scratch SQLite file")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    args = parser.parse_args()
    setups = ["embedded", "redis"] if args.setup == "both" else [args.setup]
    print(
        f"live session benchmark: {args.clients} SSE clients, one shared-room session, {args.replies} replies"
    )
    ok = True
    for setup in setups:
        f = run_setup(setup, args.clients, args.replies, args.database_url, args.redis_url)
        print(
            f"  {f['setup']:>8}: {f['deliveries']} deliveries"
            f"  p50 {f['p50_ms']:7.1f} ms  p95 {f['p95_ms']:7.1f} ms  max {f['max_ms']:7.1f} ms"
            f"  missed {f['missed']}  duplicated {f['duplicated']}"
            f"  (connect {f['connect_s']:.1f} s)"
        )
        for error in f["errors"]:
            print(f"            client error: {error}")
        passed = f["p95_ms"] < 500 and f["missed"] == 0 and f["duplicated"] == 0
        ok &= passed
        print(f"    goal p95 < 500 ms, zero missed, zero duplicated: {'PASS' if passed else 'FAIL'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
