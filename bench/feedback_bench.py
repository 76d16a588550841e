"""Benchmark the feedback engine: per-draft latency, batch throughput, import and first-call time.

Run from the project root:  .venv/bin/python bench/feedback_bench.py [--rounds N] [--dev PATH]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sandbox.feedback import analyze  # noqa: E402
from sandbox.feedback.model import Draft  # noqa: E402
from sandbox.feedback.normalize import normalize  # noqa: E402
from sandbox.feedback.privacy import find_privacy  # noqa: E402
from sandbox.feedback.tone import DETECTORS, find_tone  # noqa: E402

DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "feedback-dev.jsonl"
GOAL_P95_280_MS = 5.0
GOAL_FIRST_CALL_S = 1.0
FALLBACK_TEXTS = [
    "Saw Mrs. Ortega in room 12 at 3am, she's 93. We're so sorry for the wait; please call 555-0142.",
    "Calm down, just google it. Take 400 mg ibuprofen twice a day and you'll be fine.",
    "We can't discuss anyone's care here, but our patient relations team would like to hear from you.",
]
FIRST_CALL_SCRIPT = """
import json, sys, time
sys.path.insert(0, {root!r})
started = time.perf_counter()
from sandbox.feedback import analyze
imported = time.perf_counter()
analyze({text!r}, platform="reviews", audience="public")
called = time.perf_counter()
print(json.dumps({{"import_s": imported - started, "first_call_s": called - imported}}))
"""


def load_rows(path: Path) -> list[dict]:
    """Dev-set rows (text, platform, audience), or a small built-in set when the file is missing."""
    if not path.exists():
        return [{"text": t, "platform": "reviews", "audience": "public"} for t in FALLBACK_TEXTS]
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def sized_drafts(rows: list[dict], size: int) -> list[dict]:
    """One draft per row, padded with the following rows' texts and cut to exactly `size` characters."""
    texts = [row["text"] for row in rows]
    drafts = []
    for index, row in enumerate(rows):
        pieces, offset = [row["text"]], 1
        while sum(len(p) + 1 for p in pieces) < size:
            pieces.append(texts[(index + offset) % len(texts)])
            offset += 1
        drafts.append({**row, "text": " ".join(pieces)[:size]})
    return drafts


def percentile(samples: list[float], fraction: float) -> float:
    """The given percentile (0..1) of the samples, by linear interpolation."""
    ordered = sorted(samples)
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def latencies_ms(drafts: list[dict], rounds: int) -> list[float]:
    """Wall time of each analyze() call, in milliseconds, over `rounds` passes."""
    samples = []
    for _ in range(rounds):
        for draft in drafts:
            started = time.perf_counter()
            analyze(draft["text"], platform=draft.get("platform", "microblog"),
                    audience=draft.get("audience", "public"))
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def throughput(rows: list[dict], rounds: int) -> float:
    """Drafts analysed per second over the dev set at its own lengths."""
    started = time.perf_counter()
    for _ in range(rounds):
        for row in rows:
            analyze(row["text"], platform=row.get("platform", "microblog"),
                    audience=row.get("audience", "public"))
    return rounds * len(rows) / (time.perf_counter() - started)


def first_call(text: str, runs: int = 3) -> tuple[float, float]:
    """Median import time and first-call time (seconds), each measured in a fresh interpreter."""
    imports, calls = [], []
    for _ in range(runs):
        script = FIRST_CALL_SCRIPT.format(root=str(ROOT), text=text)
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        imports.append(figures["import_s"])
        calls.append(figures["first_call_s"])
    return statistics.median(imports), statistics.median(calls)


def detector_p95_ms(drafts: list[dict]) -> dict[str, float]:
    """p95 per detector group on the given drafts: privacy and tone as wholes, and each tone detector."""
    prepared = [Draft(normalize(d["text"]).text, d.get("platform", "microblog"), d.get("audience", "public"))
                for d in drafts]
    groups = {"privacy (all)": find_privacy, "tone (all)": find_tone, **{f.__name__: f for f in DETECTORS}}
    result = {}
    for name, detect in groups.items():
        samples = []
        for draft in prepared:
            started = time.perf_counter()
            detect(draft)
            samples.append((time.perf_counter() - started) * 1000)
        result[name] = percentile(samples, 0.95)
    return result


def verdict(ok: bool) -> str:
    """PASS or FAIL, for a goal line."""
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print plain figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="JSONL drafts to build the inputs from")
    parser.add_argument("--rounds", type=int, default=5, help="passes over the drafts per latency figure")
    parser.add_argument("--detail", action="store_true", help="also print p95 per detector at 280 characters")
    args = parser.parse_args(argv)
    rows = load_rows(args.dev)
    import_s, first_call_s = first_call(sized_drafts(rows, 280)[0]["text"])
    latencies_ms(rows[:20], 1)  # warm up caches before timing
    print(f"feedback engine benchmark ({len(rows)} source drafts, {args.rounds} rounds, one process)")
    figures_280 = None
    for size in (280, 1000):
        samples = latencies_ms(sized_drafts(rows, size), args.rounds)
        p50, p95 = percentile(samples, 0.5), percentile(samples, 0.95)
        figures_280 = figures_280 or p95
        print(f"  {size:>5} chars: p50 {p50:6.2f} ms   p95 {p95:6.2f} ms   max {max(samples):6.2f} ms")
    print(f"  batch throughput (dev set, own lengths): {throughput(rows, args.rounds):,.0f} drafts/s")
    print(f"  fresh process: import {import_s * 1000:.0f} ms, first call {first_call_s * 1000:.0f} ms")
    print("goals:")
    print(f"  p95 at 280 chars <= {GOAL_P95_280_MS} ms: {verdict(figures_280 <= GOAL_P95_280_MS)}")
    started = import_s + first_call_s
    print(f"  import plus first call <= {GOAL_FIRST_CALL_S} s: {verdict(started <= GOAL_FIRST_CALL_S)}")
    if args.detail:
        print("p95 per detector at 280 chars (ms):")
        for name, value in sorted(detector_p95_ms(sized_drafts(rows, 280)).items(), key=lambda kv: -kv[1]):
            print(f"  {name:24} {value:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
