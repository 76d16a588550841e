"""Rule matching for the tone detectors: rules compiled once, searched on ASCII-lowered text.

Lowering the text once (same length, same offsets) lets every rule run without IGNORECASE, which
roughly halves the cost of a search in Python's regex engine.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from functools import lru_cache

from ..model import SEVERITY_RANK
from .gating import GatedPattern

# Bounded "same clause" gap: up to N characters without a sentence end. Never unbounded.
GAP = r"[^.!?\n]{0,%d}?"

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


@lru_cache(maxsize=16)
def lowered(text: str) -> str:
    """The text with ASCII capitals made small: same length, same offsets, so rules need no IGNORECASE."""
    return text.translate(_ASCII_LOWER)


# One rule: (rule id, severity, gated compiled pattern). Detectors keep their rules in tuples of these.
Rule = tuple[str, str, GatedPattern]


def compile_rules(table: Iterable[tuple[str, str, str]], flags: int = 0) -> tuple[Rule, ...]:
    """Compile (rule id, severity, pattern) triples once at import; patterns are matched on lowered()."""
    return tuple((rule, severity, GatedPattern(pattern, flags)) for rule, severity, pattern in table)


def best_match(text: str, rules: Iterable[Rule]) -> tuple[str, str, re.Match[str]] | None:
    """Return the most severe (then earliest) rule that matches the text, or None."""
    best: tuple[str, str, re.Match[str]] | None = None
    for rule, severity, pattern in rules:
        match = pattern.search(text)
        if match is None:
            continue
        if best is None or _outranks(severity, match, best[1], best[2]):
            best = (rule, severity, match)
    return best


def _outranks(severity: str, match: re.Match[str], other_severity: str, other: re.Match[str]) -> bool:
    rank, other_rank = SEVERITY_RANK[severity], SEVERITY_RANK[other_severity]
    return rank < other_rank or (rank == other_rank and match.start() < other.start())


def all_matches(text: str, rules: Iterable[Rule]) -> list[tuple[str, str, re.Match[str]]]:
    """Return (rule, severity, first match) for every rule that matches the text."""
    found = []
    for rule, severity, pattern in rules:
        match = pattern.search(text)
        if match is not None:
            found.append((rule, severity, match))
    return found


# A quoted phrase: an opening quote after a space, bracket or colon (or at the start), up to 80 characters
# that may hold in-word apostrophes ("i'm"), and a closing quote not followed by a letter or digit.
QUOTED = re.compile(
    r"(?:(?<=[\s(\[:])|^)['\"](?=[^\s'\"])((?:[^'\"\n]|(?<=[a-z])'(?=[a-z])){1,80}?)['\"](?![a-z0-9])"
)


def mask_quotes(text: str) -> str:
    """The text with quoted phrases blanked out (same length): someone else's words, not the author's."""
    if "'" not in text and '"' not in text:
        return text
    return QUOTED.sub(lambda m: " " * len(m.group()), text)
