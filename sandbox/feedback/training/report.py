"""The shipped models on the sets they were not trained on, and on the dev set they must not fall below.

    python -m sandbox.feedback.training.report
"""

from __future__ import annotations

import sys

from ..engine import analyze
from . import data
from .metrics import score

SHOWN = ("span_recall", "span_precision", "post_recall", "false_alarms", "tone_macro_f1")


def figures(rows: list[dict]) -> dict:
    """The measures for these rows with the shipped models."""
    reports = []
    for row in rows:
        report = analyze(row["text"], row["platform"], row["audience"], row.get("facts"))
        reports.append([f.to_dict() for f in report.findings])
    return score(rows, reports)


def _line(name: str, metrics: dict) -> str:
    values = " | ".join("—" if metrics[k] is None else f"{metrics[k]:.3f}" for k in SHOWN)
    return f"| {name} ({metrics['drafts']}) | {values} |"


def main() -> int:
    """Print one line per set."""
    sets = {"dev (trained on)": data.dev_set(), **data.check_sets()}
    print("| set (drafts) | span R | span P | post R | false+ | tone F1 |")
    print("|---|---|---|---|---|---|")
    for name, rows in sets.items():
        if rows:
            print(_line(name, figures(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
