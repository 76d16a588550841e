"""Benchmark the scenario library page with many uploaded scenarios: the parse cache's effect.

Seeds a scratch SQLite database with one organisation that uploaded N scenarios (default 313, copies of a
shipped file under new ids), logs a trainee in through the Flask test client and loads /practice/ (the
library: shipped plus uploaded scenarios) several times. It does so twice: with the parse cache at the
size it had before (64 entries, keyed by the YAML text, so 313 files evict each other and every request
parses all of them again) and at its size now (runs.PARSED_CACHE_SIZE, keyed by row id and last change).
For each it prints the first request (cold: every file parsed), the median and the slowest of the next
ones, and how many parses the warm requests needed.

Run from the project root:  .venv/bin/python bench/scenario_cache_bench.py [--scenarios N] [--requests N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sandbox import create_app  # noqa: E402
from sandbox.config import TestConfig  # noqa: E402
from sandbox.extensions import db  # noqa: E402
from sandbox.models import Organisation, Role, UploadedScenario, User  # noqa: E402
from sandbox.scenarios import runs  # noqa: E402
from sandbox.scenarios.loader import LIBRARY  # noqa: E402

PASSWORD = "bench-password-1"
OLD_CACHE_SIZE = 64


def seed(count: int) -> str:
    """One organisation with a trainee and `count` uploaded scenarios; returns the trainee's email."""
    from werkzeug.security import generate_password_hash

    example = yaml.safe_load((LIBRARY / "reviews-dental-one-star-baits-phi.yaml").read_text())
    org = Organisation(name="Bench Clinic")
    trainee = User(
        organisation=org,
        role=Role.TRAINEE,
        email="trainee@bench.example",
        display_name="Bench Trainee",
        password_hash=generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000"),
    )
    db.session.add_all([org, trainee])
    db.session.flush()
    for n in range(count):
        text = yaml.safe_dump({**example, "id": f"drill-{n}", "title": f"Drill {n}"}, sort_keys=False)
        db.session.add(
            UploadedScenario(
                organisation_id=org.id, scenario_id=f"drill-{n}", yaml_text=text, uploaded_by_id=trainee.id
            )
        )
    db.session.commit()
    return trainee.email


def use_cache(size: int, keyed_by_text: bool, parses: list[int]) -> None:
    """Replace the parse cache with an empty one of this size and key, counting the parses it makes."""
    parse = runs.parse_scenario

    def counted(text: str):
        parses[0] += 1
        return parse(text)

    def text_of(row_id: int) -> str:
        return db.session.get(UploadedScenario, row_id).yaml_text

    if keyed_by_text:  # as before: the cache looked the text itself up
        by_text = lru_cache(maxsize=size)(counted)
        runs._parsed = lambda row_id, updated_at: by_text(text_of(row_id))
    else:
        runs._parsed = lru_cache(maxsize=size)(lambda row_id, updated_at: counted(text_of(row_id)))


def measure(client, requests: int, parses: list[int]) -> tuple[tuple[float, int], list[float]]:
    """The first request's time and parses, and the following requests' times, in seconds."""
    times, first_parses = [], 0
    for n in range(requests + 1):
        start = time.perf_counter()
        response = client.get("/practice/")
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
        first_parses = parses[0] if n == 0 else first_parses
    return (times[0], first_parses), times[1:]


def main() -> None:
    """Seed, then time the library page with the old and the current cache."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", type=int, default=313)
    parser.add_argument("--requests", type=int, default=5)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="scenario-cache-bench-")
    app = create_app(TestConfig(folder, f"sqlite:///{folder}/bench.sqlite3"))
    with app.app_context():
        db.create_all()
        email = seed(args.scenarios)
    client = app.test_client()
    client.post("/login", data={"email": email, "password": PASSWORD})
    print(f"/practice/ with {args.scenarios} uploaded scenarios, {args.requests} warm requests each")
    setups = [
        (f"before: {OLD_CACHE_SIZE}, by text", OLD_CACHE_SIZE, True),
        (f"now: {runs.PARSED_CACHE_SIZE}, by row version", runs.PARSED_CACHE_SIZE, False),
    ]
    for label, size, keyed_by_text in setups:
        parses = [0]
        use_cache(size, keyed_by_text, parses)
        first, warm = measure(client, args.requests, parses)
        median, slowest, warm_parses = statistics.median(warm), max(warm), parses[0] - first[1]
        print(
            f"  cache {label:<28} first {first[0] * 1000:6.0f} ms ({first[1]} parses)   warm median "
            f"{median * 1000:6.0f} ms, max {slowest * 1000:6.0f} ms ({warm_parses} parses)"
        )


if __name__ == "__main__":
    main()
