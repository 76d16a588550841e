"""Benchmark the streamed review exports: time, rows, bytes and peak memory for 10k vs 100k posts.

Seeds a scratch database (bulk inserts) with 100,000 trainee posts in 10,000 finished runs over ten
scenarios and ten days, about 1.5 findings per post, then downloads the posts export as CSV and as JSON
through the Flask test client, reading the streamed body piece by piece without keeping it. A date filter
(`to=` the first day) selects 10,000 posts (the runs of one day in ten); no filter selects all 100,000.
For each it prints the time, rows, bytes, the Python heap's peak during the download (tracemalloc,
measured in a second pass because tracing slows the code) and the process's peak RSS (resource.getrusage)
before and after. Flat memory means the 100k peak is about the 10k peak, far below the size of the file.

Run from the project root:  .venv/bin/python bench/export_bench.py [--posts N]
    [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
import tracemalloc
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sandbox import create_app  # noqa: E402
from sandbox.config import TestConfig  # noqa: E402
from sandbox.extensions import db  # noqa: E402
from sandbox.models import Audience, Finding, Organisation, Post, PostKind, Role, Run, User  # noqa: E402

PASSWORD = "bench-password-1"
TRAINEES = 200
POSTS_PER_RUN = 10
SCENARIOS = 10
INSERT_CHUNK = 5_000
LABELS = [("privacy", "NAME", "block"), ("privacy", "CLINICAL", "warn"), ("tone", "HOSTILE", "warn")]


def seed(posts: int, rng: random.Random) -> None:
    """Fill the database: an organisation, a reviewer, trainees, runs, posts and findings."""
    from werkzeug.security import generate_password_hash

    org = Organisation(name="Bench Clinic")
    password_hash = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
    reviewer = User(
        organisation=org,
        role=Role.REVIEWER,
        email="reviewer@bench.example",
        display_name="Bench Reviewer",
        password_hash=password_hash,
        handle="bench_reviewer",
    )
    trainees = [
        User(
            organisation=org,
            role=Role.TRAINEE,
            email=f"trainee{n}@bench.example",
            display_name=f"Trainee {n}",
            handle=f"trainee_{n}",
        )
        for n in range(TRAINEES)
    ]
    db.session.add_all([org, reviewer, *trainees])
    db.session.commit()
    start = datetime.combine(date.today() - timedelta(days=30), datetime.min.time(), UTC)
    runs = _insert_runs(org.id, [t.id for t in trainees], posts // POSTS_PER_RUN, start)
    _insert_posts(org.id, runs, posts, start, rng)


def _insert_runs(org_id: int, trainee_ids: list[int], count: int, start: datetime) -> list[tuple[int, int]]:
    rows = [
        {
            "id": n,
            "organisation_id": org_id,
            "user_id": trainee_ids[n % len(trainee_ids)],
            "scenario_id": f"bench-scenario-{n % SCENARIOS}",
            "scenario_title": f"Bench scenario {n % SCENARIOS}",
            "platform": "microblog",
            "status": "finished",
            "state": {},
            # a tenth of the runs start on each of ten days: the first day's filter selects a tenth
            "started_at": start + timedelta(days=(n - 1) * 10 // count, minutes=n % 1000),
            "finished_at": start + timedelta(days=(n - 1) * 10 // count, minutes=n % 1000 + 20),
        }
        for n in range(1, count + 1)
    ]
    for i in range(0, len(rows), INSERT_CHUNK):
        db.session.execute(sa.insert(Run), rows[i : i + INSERT_CHUNK])
    db.session.commit()
    return [(row["id"], row["user_id"]) for row in rows]


def _insert_posts(org_id: int, runs: list[tuple[int, int]], posts: int, start, rng) -> None:
    post_rows, finding_rows, finding_id = [], [], 0
    for post_id in range(1, posts + 1):
        run_id, user_id = runs[(post_id - 1) // POSTS_PER_RUN]
        overridden = rng.random() < 0.1
        post_rows.append(
            {
                "id": post_id,
                "organisation_id": org_id,
                "platform": "microblog",
                "kind": PostKind.REPLY,
                "audience": Audience.PUBLIC,
                "author_user_id": user_id,
                "run_id": run_id,
                "identity": "personal",
                "body": f"Bench reply {post_id}: thanks for asking, please call the ward on the usual line.",
                "overridden": overridden,
                "created_at": start + timedelta(seconds=post_id),
            }
        )
        for kind, label, severity in rng.sample(LABELS, rng.choice([0, 1, 2, 3])):
            finding_id += 1
            finding_rows.append(_finding(finding_id, post_id, user_id, kind, label, severity, overridden))
        if len(post_rows) == INSERT_CHUNK:
            _flush(post_rows, finding_rows)
    _flush(post_rows, finding_rows)


def _finding(finding_id, post_id, user_id, kind, label, severity, overridden) -> dict:
    return {
        "id": finding_id,
        "post_id": post_id,
        "user_id": user_id,
        "kind": kind,
        "label": label,
        "severity": severity,
        "text": "ward",
        "rule": f"bench.{label.lower()}",
        "message": "A synthetic finding for the benchmark.",
        "suggestion": "",
        "source": "",
        "overridden": overridden and severity == "block",
        "created_at": datetime.now(UTC),
    }


def _flush(post_rows: list[dict], finding_rows: list[dict]) -> None:
    if post_rows:
        db.session.execute(sa.insert(Post), post_rows)
    if finding_rows:
        db.session.execute(sa.insert(Finding), finding_rows)
    db.session.commit()
    post_rows.clear()
    finding_rows.clear()


def download(client, url: str) -> tuple[float, int, int]:
    """Stream one export, piece by piece, keeping nothing: (seconds, rows, bytes)."""
    started = time.perf_counter()
    response = client.get(url, buffered=False)
    assert response.status_code == 200, (url, response.status_code)
    assert response.is_streamed, "the export was buffered"
    rows, size, json_body = 0, 0, url.split("?")[0].endswith(".json") or "format=json" in url
    for piece in response.response:
        size += len(piece)
        rows += piece.count(b'"post_id":') if json_body else piece.count(b"\n")
    response.close()
    if not json_body:
        rows -= 1  # the header line
    return time.perf_counter() - started, rows, size


def peak_heap(client, url: str) -> int:
    """The Python heap's peak while streaming the export (tracemalloc, measured separately)."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    baseline = tracemalloc.get_traced_memory()[0]
    download(client, url)
    peak = tracemalloc.get_traced_memory()[1] - baseline
    tracemalloc.stop()
    return peak


def rss_mb() -> float:
    """The process's peak resident set size so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(database_url: str, args: argparse.Namespace) -> None:
    """Build the app on database_url, seed it, and measure the exports."""
    with tempfile.TemporaryDirectory() as instance:
        app = create_app(TestConfig(instance, database_url))
        with app.app_context():
            db.create_all()
            started = time.perf_counter()
            seed(args.posts, random.Random(args.seed))
            print(
                f"seeded {args.posts:,} posts in {args.posts // POSTS_PER_RUN:,} runs in "
                f"{time.perf_counter() - started:.1f} s on {db.engine.dialect.name}"
            )
        client = app.test_client()
        response = client.post("/login", data={"email": "reviewer@bench.example", "password": PASSWORD})
        assert response.status_code == 302, response.status_code
        first_day = (date.today() - timedelta(days=30)).isoformat()
        download(client, f"/api/v1/review/exports/posts.csv?to={first_day}")  # warm-up
        print(
            f"{'posts export':<12} {'rows':>8} {'MB out':>8} {'seconds':>8} {'rows/s':>8} "
            f"{'heap peak MB':>13} {'RSS before':>11} {'RSS after':>10}"
        )
        for fmt in ("csv", "json"):
            for label, query in (("1 in 10", f"?to={first_day}"), ("all", "")):
                url = f"/api/v1/review/exports/posts.{fmt}{query}"
                before = rss_mb()
                seconds, rows, size = download(client, url)
                after = rss_mb()
                heap = peak_heap(client, url)
                print(
                    f"{fmt + ' ' + label:<12} {rows:>8,} {size / 1e6:>8.1f} {seconds:>8.2f} "
                    f"{rows / seconds:>8,.0f} {heap / 1e6:>13.2f} {before:>10.0f}M {after:>9.0f}M"
                )
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def with_postgres_database(server_url: str, args: argparse.Namespace) -> None:
    """Create a uniquely named database on the server, run there, and drop it afterwards."""
    name = f"export_bench_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        run(sa.make_url(server_url).set(database=name).render_as_string(hide_password=False), args)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    """Parse arguments and run on SQLite in a temp dir, or on a fresh PostgreSQL database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database-url", help="a PostgreSQL server URL; a fresh database is made on it")
    args = parser.parse_args()
    if args.database_url:
        with_postgres_database(args.database_url, args)
        return
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{folder}/export-bench.sqlite3", args)


if __name__ == "__main__":
    main()
