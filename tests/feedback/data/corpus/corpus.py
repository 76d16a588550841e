#!/usr/bin/env python3
"""The multi-author corpus: read the authors' marked-up YAML files, check them, export them as JSONL.

Each author file (`<author>.yaml`) holds drafts whose privacy spans are marked inline as
`[[LABEL|the words]]`; this module strips the marks and computes the Python string offsets, so no
offset is ever written by hand. It needs only PyYAML (no import from the app or the engine).

    python tests/feedback/data/corpus/corpus.py check [FILE ...]     # every file when none is given
    python tests/feedback/data/corpus/corpus.py export > corpus.jsonl  # rows in the eval format
    python tests/feedback/data/corpus/corpus.py stats                  # counts per author and label
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
PRIVACY = ("NAME", "LOCATION", "DATE", "AGE", "CONTACT", "ID", "WEB", "RELATIONSHIP", "CLINICAL", "UNIQUE")
TONE = (
    "HOSTILE", "DEFENSIVE", "SARCASTIC", "DISMISSIVE", "MEDICAL_ADVICE", "BOUNDARY", "PROMOTION", "JARGON",
    "EMPATHY", "REDIRECT", "DISCLAIMER",
)
PLATFORMS = ("microblog", "social", "professional", "reviews")
AUDIENCES = ("public", "connections", "private")
MARK = re.compile(r"\[\[([A-Z_]+)\|(.*?)\]\]", re.DOTALL)
MIN_CHARS, MAX_CHARS = 10, 1500


class CorpusError(ValueError):
    """A draft that breaks the format, with where it is."""


def unmark(marked: str) -> tuple[str, list[dict]]:
    """The plain text and its spans (start, end, label) from text with [[LABEL|words]] marks."""
    plain, spans, last = [], [], 0
    length = 0
    for match in MARK.finditer(marked):
        before = marked[last : match.start()]
        plain.append(before)
        length += len(before)
        label, words = match[1], match[2]
        if label not in PRIVACY:
            raise CorpusError(f"unknown privacy label {label!r}")
        if not words.strip() or "[[" in words or words != words.strip():
            raise CorpusError(f"empty, nested or space-padded span: {match[0]!r}")
        spans.append({"start": length, "end": length + len(words), "label": label})
        plain.append(words)
        length += len(words)
        last = match.end()
    plain.append(marked[last:])
    text = "".join(plain)
    if "[[" in text or "]]" in text:
        raise CorpusError("a [[ or ]] is left over: check the marks")
    return text, spans


def _row(author: str, draft: dict) -> dict:
    text, spans = unmark(str(draft.get("text", "")))
    if not MIN_CHARS <= len(text) <= MAX_CHARS:
        raise CorpusError(f"text is {len(text)} characters (allowed {MIN_CHARS}-{MAX_CHARS})")
    tone = list(draft.get("tone") or [])
    if any(label not in TONE for label in tone) or len(set(tone)) != len(tone):
        raise CorpusError(f"tone labels must be distinct and known: {tone}")
    if draft.get("platform") not in PLATFORMS or draft.get("audience") not in AUDIENCES:
        raise CorpusError("platform and audience must be given and known")
    row = {
        "id": str(draft["id"]),
        "author": author,
        "platform": draft["platform"],
        "audience": draft["audience"],
        "context": str(draft.get("context") or ""),
        "text": text,
        "spans": spans,
        "tone": tone,
    }
    if draft.get("facts"):
        row["facts"] = [{"label": f["label"], "value": str(f["value"])} for f in draft["facts"]]
    return row


def load(path: Path) -> list[dict]:
    """The rows of one author file, in the eval format plus `author`; CorpusError names the bad draft."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    author = data["author"]
    rows, seen = [], set()
    for number, draft in enumerate(data.get("drafts") or [], start=1):
        where = f"{path.name} draft {number} ({draft.get('id', '?')})"
        try:
            row = _row(author, draft)
        except (CorpusError, KeyError, TypeError) as error:
            raise CorpusError(f"{where}: {error}") from None
        if row["id"] in seen or not row["id"].startswith(author + "-"):
            raise CorpusError(f"{where}: ids must be unique and start with '{author}-'")
        seen.add(row["id"])
        rows.append(row)
    return rows


def author_files() -> list[Path]:
    """Every author file in this folder."""
    return sorted(HERE.glob("*.yaml"))


def load_all() -> list[dict]:
    """Every author's rows."""
    return [row for path in author_files() for row in load(path)]


def stats(rows: list[dict]) -> str:
    """Counts per author, and per privacy and tone label."""
    by_author = Counter(row["author"] for row in rows)
    clean = Counter(row["author"] for row in rows if not row["spans"])
    spans = Counter(span["label"] for row in rows for span in row["spans"])
    tone = Counter(label for row in rows for label in row["tone"])
    lines = [f"{a}: {n} drafts, {clean[a]} without spans" for a, n in sorted(by_author.items())]
    lines.append(f"total {len(rows)} drafts")
    lines.append(f"spans {dict(spans.most_common())}")
    lines.append(f"tone {dict(tone.most_common())}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """The command line: check, export or stats."""
    command, files = (argv[0] if argv else "check"), [Path(a) for a in argv[1:]] or author_files()
    try:
        rows = [row for path in files for row in load(path)]
    except CorpusError as error:
        print(f"ERROR {error}", file=sys.stderr)
        return 1
    if command == "export":
        sys.stdout.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    elif command == "stats":
        print(stats(rows))
    else:
        print(f"OK: {len(rows)} drafts in {len(files)} file(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
