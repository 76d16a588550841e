"""The shipped tone model on public tone corpora it was never trained on, read from files you fetch.

    python -m sandbox.feedback.training.outside --isarcasm-check --olid olid-training-v1.0.tsv \
        --empathy dataset/interpretations-reddit.csv [--limit 3000]

--isarcasm-check scores the quarter of iSarcasmEval's training tweets that is committed but never trained
on (tests/feedback/data/public/isarcasmeval/). The other sets are not committed: give the paths of files
from public snapshots (OLID's training file, Empathy-Mental-Health's interpretations file, or iSarcasmEval's
whole train split with --isarcasm, of which the tone model has seen three quarters). These are self-checks
only; the files the issues reserve for outside checks (iSarcasmEval test/, emotional-reactions-reddit.csv,
hate-speech-and-offensive-language's labeled_data.csv, presidio-research's synth_dataset_v2.json) are
never read here.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable
from pathlib import Path

from ..engine import analyze
from . import data


def _isarcasm(path: Path) -> list[tuple[str, bool]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return [(r["tweet"], r["sarcastic"] == "1") for r in csv.DictReader(handle) if r.get("tweet")]


def _olid(path: Path) -> list[tuple[str, bool]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["tweet"], r["subtask_a"] == "OFF") for r in reader if r.get("tweet")]


def _empathy(path: Path) -> list[tuple[str, bool]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(r["response_post"], int(r["level"]) >= 1) for r in csv.DictReader(handle)]


SETS = {
    # option: (reader, tone label, platform, audience, what a positive row is)
    "isarcasm": (_isarcasm, "SARCASTIC", "microblog", "public", "sarcastic tweet"),
    "olid": (_olid, "HOSTILE", "microblog", "public", "offensive tweet (OLID subtask A: OFF)"),
    "empathy": (_empathy, "EMPATHY", "social", "public", "reply showing understanding (level 1-2)"),
}


def f1(rows: Iterable[tuple[str, bool]], label: str, platform: str, audience: str) -> dict:
    """Precision, recall and F1 of one tone label over (text, is-positive) rows."""
    tp = fp = fn = 0
    for text, gold in rows:
        found = label in analyze(text, platform=platform, audience=audience).labels
        tp, fp, fn = tp + (found and gold), fp + (found and not gold), fn + (gold and not found)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": score}


def main(argv: list[str] | None = None) -> int:
    """Print one line per corpus given."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    for option in SETS:
        parser.add_argument(f"--{option}", type=Path, help=SETS[option][4])
    parser.add_argument(
        "--isarcasm-check", action="store_true", help="the committed iSarcasmEval quarter never trained on"
    )
    parser.add_argument("--limit", type=int, default=0, help="score only the first N rows of each set")
    args = parser.parse_args(argv)
    print("| set | label | rows | positives | precision | recall | F1 |")
    print("|---|---|---|---|---|---|---|")
    if args.isarcasm_check:
        check = [(row["text"], "SARCASTIC" in row["tone"]) for row in data.isarcasm("check")]
        _print_line("isarcasm-check", "SARCASTIC", check[: args.limit or None], "microblog", "public")
    for option, (reader, label, platform, audience, _what) in SETS.items():
        path = getattr(args, option)
        if path is not None:
            _print_line(option, label, reader(path)[: args.limit or None], platform, audience)
    return 0


def _print_line(name: str, label: str, rows: list[tuple[str, bool]], platform: str, audience: str) -> None:
    m = f1(rows, label, platform, audience)
    positives = sum(gold for _text, gold in rows)
    print(
        f"| {name} | {label} | {len(rows)} | {positives} | {m['precision']:.3f} | {m['recall']:.3f} "
        f"| {m['f1']:.3f} |"
    )


if __name__ == "__main__":
    sys.exit(main())
