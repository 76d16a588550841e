"""The labelled drafts the models learn from: the multi-author corpus, the tuning set and the dev set."""

from __future__ import annotations

import importlib.util
import json
import zlib
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "feedback" / "data"
CORPUS = DATA / "corpus"
TUNING = DATA / "tuning.jsonl"
HELDOUT = DATA / "heldout.jsonl"  # scored in aggregate only, never read row by row or trained on
GENERIC_PII = DATA / "generic_pii"
DEV = ROOT.parent / "shared" / "eval" / "feedback-dev.jsonl"  # beside the checkout, when present
ISARCASM = DATA / "public" / "isarcasmeval" / "train.jsonl"
GENERIC_TRAINING_ROWS = 3000
ALWAYS_TRAINED = ("tuning", "dev", "generic-pii")  # sources that are never a held-out author
CHECK_QUARTER = 0  # public tweets whose id hashes to this quarter are kept apart as a self-check


@cache
def _corpus_module():
    return _module("feedback_corpus", CORPUS / "corpus.py")


def corpus() -> list[dict]:
    """Every author's drafts (each row names its author)."""
    return _corpus_module().load_all()


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generic_pii(count: int = GENERIC_TRAINING_ROWS) -> list[dict]:
    """Everyday sentences with generic personal identifiers, from the training half of the templates."""
    generator = _module("generic_pii_generate", GENERIC_PII / "generate.py")
    rows = generator.generate(count, 1, "train")
    # Their tone was never labelled ("Please call us so we can resolve this" is not marked REDIRECT), so
    # they teach the privacy models only.
    return [{**row, "author": "generic-pii", "tone_labelled": []} for row in rows]


def check_sets() -> dict[str, list[dict]]:
    """Sets the shipped models are measured on and never trained on (those present on this machine)."""
    sets = {"generic_pii_check": _jsonl(GENERIC_PII / "generic_pii_check.jsonl", "check")}
    sets["heldout (aggregate only)"] = _jsonl(HELDOUT, "heldout")
    return {name: rows for name, rows in sets.items() if rows}


def _jsonl(path: Path, author: str) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [{**json.loads(line), "author": author} for line in handle if line.strip()]


def extra_sets() -> list[dict]:
    """Always trained on: the tuning set, generic-PII sentences and, when the shared folder is beside the
    checkout, the dev set."""
    return _jsonl(TUNING, "tuning") + generic_pii() + _jsonl(DEV, "dev")


def _quarter(row: dict) -> int:
    return zlib.crc32(row["id"].encode()) % 4


def _public_tweet(row: dict, text: str, tone: list[str], suffix: str = "") -> dict:
    # Each quarter is its own "author", so that the threshold folds (by author) keep most tweets in training.
    return {
        "id": row["id"] + suffix,
        "author": f"isarcasm-{_quarter(row)}",
        "text": text,
        "platform": "microblog",
        "audience": "public",
        "spans": [],
        "tone": tone,
        "tone_labelled": ["SARCASTIC"],  # the tweets' authors said whether they meant sarcasm, nothing else
    }


def isarcasm(split: str) -> list[dict]:
    """iSarcasmEval's public training tweets as drafts: "train" (tweets and the authors' plain rephrases,
    three quarters) or "check" (the other quarter's tweets, never trained on)."""
    if not ISARCASM.exists():
        return []
    with ISARCASM.open(encoding="utf-8") as handle:
        source = [json.loads(line) for line in handle if line.strip()]
    rows = []
    for row in source:
        if (_quarter(row) == CHECK_QUARTER) != (split == "check"):
            continue
        rows.append(_public_tweet(row, row["text"], ["SARCASTIC"] if row["sarcastic"] else []))
        if split == "train" and row.get("rephrase"):
            rows.append(_public_tweet(row, row["rephrase"], [], "-rephrase"))
    return rows


def tone_only_sets() -> list[dict]:
    """Rows the tone model learns from and the privacy models never see (their privacy is unlabelled)."""
    return isarcasm("train")


def dev_set() -> list[dict]:
    """The dev set (trained on, so its scores are a floor to keep, not a measure of generalisation)."""
    return _jsonl(DEV, "dev")


def authors(rows: list[dict]) -> list[str]:
    """The corpus authors in these rows, sorted (not the sources that are always trained on)."""
    return sorted({row["author"] for row in rows} - set(ALWAYS_TRAINED))
