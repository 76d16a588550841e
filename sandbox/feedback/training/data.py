"""The labelled drafts the models learn from: the multi-author corpus, the tuning set and the dev set."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "feedback" / "data" / "corpus"
TUNING = ROOT / "tests" / "feedback" / "data" / "tuning.jsonl"
DEV = ROOT.parent / "shared" / "eval" / "feedback-dev.jsonl"  # beside the checkout, when present


@cache
def _corpus_module():
    spec = importlib.util.spec_from_file_location("feedback_corpus", CORPUS / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus() -> list[dict]:
    """Every author's drafts (each row names its author)."""
    return _corpus_module().load_all()


def _jsonl(path: Path, author: str) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [{**json.loads(line), "author": author} for line in handle if line.strip()]


def extra_sets() -> list[dict]:
    """The tuning set and, when the shared folder is beside the checkout, the dev set (always trained on)."""
    return _jsonl(TUNING, "tuning") + _jsonl(DEV, "dev")


def authors(rows: list[dict]) -> list[str]:
    """The corpus authors in these rows, sorted."""
    return sorted({row["author"] for row in rows})
