"""Benchmark sandbox.text: what a thread-safe linkify costs, one Linker per thread or one per call.

Times, in one thread, the URL-linking step of linkify() done three ways on a typical post: on the
thread's own Linker (what linkify does), on a Linker built for the call, and building a Linker alone;
then the whole linkify() for scale. Each figure is the best of --repeat runs of --number calls.

Run from the project root:  .venv/bin/python bench/text_bench.py [--number N] [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from markupsafe import escape  # noqa: E402

from sandbox import text  # noqa: E402

POST = (
    "Thanks @sam_lee for the #handwashing refresher, slides at https://example.org/slides?a=1&b=2 "
    "and the <b>poster</b> is up by the lifts. Questions to the ward desk, not here please."
)


def main() -> None:
    """Print microseconds per call for each way of linking, and for the whole linkify()."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    escaped = str(escape(POST))
    ways = {
        "link step, Linker per thread": lambda: text._linker().linkify(escaped),
        "link step, Linker per call": lambda: text._new_linker().linkify(escaped),
        "building a Linker alone": text._new_linker,
        "whole linkify()": lambda: text.linkify(POST),
    }
    print(f"sandbox.text benchmark ({len(POST)}-character post, best of {args.repeat} x {args.number})")
    for name, call in ways.items():
        best = min(timeit.repeat(call, number=args.number, repeat=args.repeat)) / args.number
        print(f"  {name:30s} {best * 1e6:8.1f} us")


if __name__ == "__main__":
    main()
