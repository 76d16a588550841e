"""Leave one author out: for every corpus author, train on everyone else and score on that author.

python -m sandbox.feedback.training.evaluate            # the table `make eval` prints
python -m sandbox.feedback.training.evaluate --rules    # the rules alone (no trained model)
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from concurrent.futures import ProcessPoolExecutor

from ..engine import analyze
from ..learned import registry
from . import data
from .metrics import score
from .privacy import train_privacy
from .rows import Prepared, prepare
from .tone import train_tone

COLUMNS = (
    ("span_recall", "span R"),
    ("span_precision", "span P"),
    ("post_recall", "post R"),
    ("false_alarms", "false+"),
    ("tone_macro_f1", "tone F1"),
)


def _reports(rows: list[dict]) -> list[list[dict]]:
    out = []
    for row in rows:
        report = analyze(row["text"], row["platform"], row["audience"], row.get("facts"))
        out.append([f.to_dict() for f in report.findings])
    return out


def build(training: list[Prepared], tone_only: list[Prepared] = ()) -> registry.Models:
    """Every trained part, fitted on these rows (the tone model on the tone-only rows as well)."""
    privacy = train_privacy(training)
    print(
        f"    thresholds: token {privacy.threshold}, draft {privacy.judge.threshold}, sure {privacy.sure}",
        file=sys.stderr,
    )
    tone = train_tone([*training, *tone_only])
    return registry.Models(tone=tone, privacy=privacy.tagger, gate=privacy.gate, judge=privacy.judge)


_ROWS: list[Prepared] = []  # the prepared rows, shared with worker processes (fork)
_TONE_ONLY: list[Prepared] = []  # rows only the tone model learns from (never a held-out author)


def _fold(author: str, rules_only: bool) -> tuple[str, dict]:
    """One author's scores with models trained without them."""
    held = [p.row for p in _ROWS if p.author == author]
    models = registry.Models() if rules_only else build([p for p in _ROWS if p.author != author], _TONE_ONLY)
    with registry.use(models):
        result = score(held, _reports(held))
    figures = ", ".join(f"{name} {result[key]:.3f}" for key, name in COLUMNS if result[key] is not None)
    print(f"  {author}: {figures}", file=sys.stderr, flush=True)
    return author, result


def leave_one_author_out(
    rows: list[Prepared], rules_only: bool = False, jobs: int = 2, tone_only: list[Prepared] = ()
) -> dict[str, dict]:
    """Each author's scores with models trained without them (folds run in `jobs` processes)."""
    _ROWS[:], _TONE_ONLY[:] = rows, tone_only
    authors = data.authors([p.row for p in rows])
    if jobs <= 1:
        return dict(_fold(author, rules_only) for author in authors)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        done = dict(pool.map(_fold, authors, [rules_only] * len(authors)))
    return {author: done[author] for author in authors}


def table(results: dict[str, dict]) -> str:
    """The per-author table with the mean and the worst author for each measure."""
    lines = ["| author | " + " | ".join(name for _key, name in COLUMNS) + " |"]
    lines.append("|---" * (len(COLUMNS) + 1) + "|")
    for author, metrics in results.items():
        lines.append(f"| {author} | " + " | ".join(f"{metrics[key]:.3f}" for key, _n in COLUMNS) + " |")
    values = {key: [m[key] for m in results.values()] for key, _n in COLUMNS}
    lines.append("| **mean** | " + " | ".join(f"{sum(v) / len(v):.3f}" for v in values.values()) + " |")
    worst = [max(v) if key == "false_alarms" else min(v) for key, v in values.items()]
    lines.append("| **worst** | " + " | ".join(f"{w:.3f}" for w in worst) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the table (and, with --json, every figure)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rules", action="store_true", help="the rules alone, no trained model")
    parser.add_argument("--json", help="also write every author's figures to this file")
    parser.add_argument("--jobs", type=int, default=2, help="folds trained at once (default 2)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rows = [prepare(row) for row in data.corpus() + data.extra_sets()]
    tone_only = [prepare(row) for row in data.tone_only_sets()]
    results = leave_one_author_out(rows, rules_only=args.rules, jobs=args.jobs, tone_only=tone_only)
    print(table(results))
    print(
        f"\n{len(results)} authors, {sum(m['drafts'] for m in results.values())} drafts; "
        f"{time.perf_counter() - started:.0f} s"
    )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(results, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
