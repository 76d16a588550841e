"""Benchmark the platform feeds on a large database: latency and SQL statements per request.

Seeds 100,000 posts (personas' posts, replies and reactions over the four platforms, plus a trainee's
own posts and another trainee's, which must stay invisible) into a fresh database, then reads the feed
as the logged-in trainee through the Flask test client: the first page, pages reached by following
next_cursor, and a page far down the feed reached by a cursor. Both the HTML page /p/<platform>/ and
the API /api/v1/platforms/<platform>/feed.

Run from the project root:  .venv/bin/python bench/feed_bench.py [--posts N] [--walks N] [--depth N]
    [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sandbox import create_app  # noqa: E402
from sandbox.config import TestConfig  # noqa: E402
from sandbox.extensions import db  # noqa: E402
from sandbox.feeds.platforms import PLATFORMS  # noqa: E402
from sandbox.feeds.queries import encode_cursor  # noqa: E402
from sandbox.models import Audience, Organisation, Persona, Post, PostKind, Reaction, Role, User  # noqa: E402

PASSWORD = "bench-password-1"
PERSONAS = 200
CHUNK = 5_000
REPLY_SHARE, TRAINEE_SHARE, OTHER_TRAINEE_SHARE = 0.10, 0.01, 0.01
REACTIONS_PER_POST = 0.3
PLATFORM_IDS = list(PLATFORMS)


def seed(posts: int, rng: random.Random) -> int:
    """Fill the database; returns the trainee's user id."""
    from werkzeug.security import generate_password_hash

    org = Organisation(name="Bench Clinic")
    password_hash = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
    trainee = User(
        organisation=org,
        role=Role.TRAINEE,
        email="trainee@bench.example",
        display_name="Bench Trainee",
        password_hash=password_hash,
    )
    other = User(
        organisation=org,
        role=Role.TRAINEE,
        email="other@bench.example",
        display_name="Other Trainee",
        password_hash=password_hash,
    )
    personas = [
        Persona(
            organisation=org,
            name=f"Persona {n}",
            handle=f"persona_{n}",
            kind=rng.choice(["member", "patient", "relative", "colleague"]),
        )
        for n in range(PERSONAS)
    ]
    db.session.add_all([org, trainee, other, *personas])
    db.session.commit()
    persona_ids = [p.id for p in personas]
    start = datetime.now(UTC) - timedelta(days=365)
    top_level: dict[str, list[int]] = {p: [] for p in PLATFORM_IDS}
    rows, reactions = [], []
    for post_id in range(1, posts + 1):
        platform = PLATFORM_IDS[post_id % len(PLATFORM_IDS)]
        row = _post_row(post_id, platform, org.id, start, rng, persona_ids, trainee.id, other.id, top_level)
        rows.append(row)
        if row["parent_id"] is None:
            top_level[platform].append(post_id)
        if rng.random() < REACTIONS_PER_POST:
            reactions.append(
                {
                    "post_id": post_id,
                    "persona_id": rng.choice(persona_ids),
                    "kind": "like",
                    "created_at": row["created_at"],
                }
            )
        if len(rows) == CHUNK:
            _flush(rows, reactions)
    _flush(rows, reactions)
    return trainee.id


def _post_row(post_id, platform, org_id, start, rng, persona_ids, trainee_id, other_id, top_level) -> dict:
    roll = rng.random()
    author_user = None
    if roll < TRAINEE_SHARE:
        author_user = trainee_id
    elif roll < TRAINEE_SHARE + OTHER_TRAINEE_SHARE:
        author_user = other_id
    parents = top_level[platform][-500:]
    owner = platform == "reviews" and author_user is not None  # trainees only respond to reviews
    if owner and not parents:
        author_user, owner = None, False
    is_reply = bool(parents) and (owner or rng.random() < REPLY_SHARE)
    if is_reply:
        kind = PLATFORMS[platform].reply_kind
    else:
        kind = PostKind.REVIEW if platform == "reviews" else PostKind.POST
    return {
        "id": post_id,
        "organisation_id": org_id,
        "platform": platform,
        "kind": kind,
        "audience": Audience.PUBLIC,
        "author_user_id": author_user,
        "author_persona_id": None if author_user else rng.choice(persona_ids),
        "parent_id": rng.choice(parents) if is_reply else None,
        "identity": "personal",
        "body": f"Bench post {post_id}: a day on the ward, #team and @persona_{post_id % PERSONAS} said hi.",
        "rating": rng.randint(1, 5) if kind == PostKind.REVIEW else None,
        "overridden": False,
        # about five minutes apart, with some exact ties so the cursor's id tie-break is exercised
        "created_at": start + timedelta(seconds=(post_id // 2) * 600),
    }


def _flush(rows: list[dict], reactions: list[dict]) -> None:
    if rows:
        db.session.execute(sa.insert(Post), rows)
    if reactions:
        db.session.execute(sa.insert(Reaction), reactions)
    db.session.commit()
    rows.clear()
    reactions.clear()


class StatementCounter:
    """Counts the SQL statements the engine sends."""

    def __init__(self, engine) -> None:
        self.count = 0
        self.last: list[tuple[str, object]] = []
        sa.event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, conn, cursor, statement, parameters, context, executemany) -> None:
        if self.count == 0:
            self.last.clear()
        self.count += 1
        self.last.append((statement, parameters))


def measure(client, counter: StatementCounter, url: str) -> tuple[float, int, object]:
    """One GET: (milliseconds, SQL statements, response)."""
    counter.count = 0
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, counter.count, response


def walk(client, counter, platform: str, depth: int, results: dict) -> None:
    """Read the first page, then follow next_cursor `depth` times, through the API and the HTML page."""
    cursor = None
    seen: set[int] = set()
    for step in range(depth + 1):
        suffix = f"?cursor={cursor}" if cursor else ""
        label = "first" if step == 0 else "next"
        ms, statements, response = measure(client, counter, f"/api/v1/platforms/{platform}/feed{suffix}")
        results[("api", label)].append((ms, statements))
        ms, statements, html = measure(client, counter, f"/p/{platform}/{suffix}")
        results[("html", label)].append((ms, statements))
        page = response.get_json()
        ids = [item["id"] for item in page["items"]]
        assert ids and seen.isdisjoint(ids) and ids == sorted(ids, reverse=True), "pages overlap or unordered"
        assert all(f'id="post-{i}"' in html.text for i in ids), "HTML and API pages differ"
        seen.update(ids)
        cursor = page["next_cursor"]


def deep_cursors(trainee_id: int, per_platform: int) -> list[tuple[str, str]]:
    """Cursors pointing far down each feed (10%..90% of the way), as a bookmark or a long scroll would."""
    cursors = []
    for platform in PLATFORM_IDS:
        ids = db.session.scalars(
            sa.select(Post.id).where(Post.platform == platform, Post.parent_id.is_(None)).order_by(Post.id)
        ).all()
        for n in range(per_platform):
            post = db.session.get(Post, ids[len(ids) * (n % 9 + 1) // 10])
            cursors.append((platform, encode_cursor(post)))
    return cursors


def report(results: dict) -> None:
    """Print p50/p95/max latency and statements per request."""
    heading = ("endpoint", "pages", "requests", "p50 ms", "p95 ms", "max ms", "SQL/req")
    print("{:<8} {:<6} {:>8} {:>8} {:>8} {:>8} {:>10}".format(*heading))
    for endpoint in ("html", "api"):
        every = []
        for label in ("first", "next", "deep"):
            samples = results[(endpoint, label)]
            every.extend(samples)
            _line(endpoint, label, samples)
        _line(endpoint, "all", every)


def _line(endpoint: str, label: str, samples: list[tuple[float, int]]) -> None:
    times = sorted(ms for ms, _ in samples)
    statements = sorted({n for _, n in samples})
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    spread = f"{statements[0]}" if len(statements) == 1 else f"{statements[0]}-{statements[-1]}"
    print(
        f"{endpoint:<8} {label:<6} {len(times):>8} {statistics.median(times):>8.1f} {p95:>8.1f} "
        f"{times[-1]:>8.1f} {spread:>10}"
    )


def explain(statements: list[tuple[str, object]]) -> None:
    """Print the database's plan for the feed query (the statement that orders posts newest first)."""
    statement, parameters = next(s for s in statements if "ORDER BY posts.created_at DESC" in s[0])
    prefix = "EXPLAIN QUERY PLAN " if db.engine.dialect.name == "sqlite" else "EXPLAIN "
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(prefix + statement, parameters).all()
    print("plan of the feed query:")
    for row in rows:
        print("   ", row[-1])


def run(database_url: str, args: argparse.Namespace) -> None:
    """Build the app on database_url, seed it, and measure."""
    with tempfile.TemporaryDirectory() as instance:
        app = create_app(TestConfig(instance, database_url))
        with app.app_context():
            db.create_all()
            started = time.perf_counter()
            trainee_id = seed(args.posts, random.Random(args.seed))
            with db.engine.begin() as conn:
                conn.execute(sa.text("ANALYZE"))
            print(
                f"seeded {args.posts:,} posts in {time.perf_counter() - started:.1f} s "
                f"on {db.engine.dialect.name}"
            )
            cursors = deep_cursors(trainee_id, args.walks * args.depth // 2)
            counter = StatementCounter(db.engine)
        client = app.test_client()
        response = client.post("/login", data={"email": "trainee@bench.example", "password": PASSWORD})
        assert response.status_code == 302, response.status_code
        results: dict = {(e, label): [] for e in ("html", "api") for label in ("first", "next", "deep")}
        walk(client, counter, PLATFORM_IDS[0], 1, {k: [] for k in results})  # warm-up, not counted
        for platform in PLATFORM_IDS:
            for _ in range(args.walks):
                walk(client, counter, platform, args.depth, results)
        for platform, cursor in cursors:
            for endpoint, url in (("api", f"/api/v1/platforms/{platform}/feed"), ("html", f"/p/{platform}/")):
                ms, statements, _ = measure(client, counter, f"{url}?cursor={cursor}")
                results[(endpoint, "deep")].append((ms, statements))
        report(results)
        if args.explain:
            measure(client, counter, f"/api/v1/platforms/{PLATFORM_IDS[0]}/feed")
            with app.app_context():
                explain(counter.last)
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def with_postgres_database(server_url: str, args: argparse.Namespace) -> None:
    """Create a uniquely named database on the server, run there, and drop it afterwards."""
    name = f"feed_bench_{uuid.uuid4().hex[:12]}"
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
    parser.add_argument("--walks", type=int, default=4, help="cursor walks per platform")
    parser.add_argument("--depth", type=int, default=12, help="next_cursor pages followed per walk")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--explain", action="store_true", help="also print the feed query's plan")
    parser.add_argument("--database-url", help="a PostgreSQL server URL; a fresh database is made on it")
    args = parser.parse_args()
    if args.database_url:
        with_postgres_database(args.database_url, args)
        return
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{folder}/feed-bench.sqlite3", args)


if __name__ == "__main__":
    main()
