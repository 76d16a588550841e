"""What the tone model sees of a draft: its words and word pairs, pieces of words, marks, the rules' votes."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from .hashing import hashed
from .tokens import tokenize

_EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
TEXTUAL = ("w:", "b:", "c:", "e:")  # the draft's own words, word pairs, pieces of words and emoji
# The length the textual features are scaled to. Chosen by leaving authors out (six corpus authors; the
# other twelve confirmed it): raw counts let a long draft's words outvote the rules' few votes.
TEXT_WEIGHT = 5.0


def _words(text: str) -> list[str]:
    return [t.text.lower().translate(_APOSTROPHES) for t in tokenize(text) if t.kind in ("word", "number")]


def _char_grams(word: str) -> Iterable[str]:
    padded = f"<{word}>"
    for size in (3, 4, 5):
        for i in range(len(padded) - size + 1):
            yield "c:" + padded[i : i + size]


def tone_features(
    text: str,
    platform: str,
    audience: str,
    rule_labels: Iterable[str] = (),
    privacy_labels: Iterable[str] = (),
) -> list[str]:
    """The draft's tone features, as names (hashed into columns by the model)."""
    words = _words(text)
    features = ["bias", f"platform:{platform}", f"audience:{audience}"]
    features += [f"w:{w}" for w in words]
    features += [f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    features += [gram for w in words if len(w) > 2 for gram in _char_grams(w)]
    features += [f"rule:{label}" for label in rule_labels]
    features += [f"privacy:{label}" for label in privacy_labels]
    features += [f"e:{m.group()}" for m in _EMOJI.finditer(text)]
    if "!!" in text:
        features.append("mark:!!")
    if "?" in text:
        features.append("mark:?")
    if any(w.isupper() and len(w) > 3 for w in text.split()):
        features.append("mark:SHOUT")
    features.append(f"length:{min(len(text) // 100, 8)}")
    return features


def split_columns(features: Iterable[str], size: int) -> tuple[dict[int, float], tuple[str, ...]]:
    """The textual features hashed as counts, and the other features' names (rules, platform, marks)."""
    textual, other = [], []
    for feature in features:
        (textual if feature.startswith(TEXTUAL) else other).append(feature)
    return hashed(textual, size), tuple(other)


def model_columns(textual: dict[int, float], other: Iterable[str], size: int) -> dict[int, float]:
    """The tone model's input: square roots of the textual counts scaled to a length of TEXT_WEIGHT, so a
    long draft's words do not drown the rules' votes, plus the other features' counts."""
    total = sum(textual.values())
    scale = TEXT_WEIGHT / math.sqrt(total) if total else 0.0
    return hashed(other, size, {column: math.sqrt(count) * scale for column, count in textual.items()})
