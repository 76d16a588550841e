"""What the privacy tagger sees of each token: its form, its neighbours, word lists and the rules' marks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..model import Finding
from . import lexicon
from .tokens import Token, tokenize

_YOU = re.compile(r"\b(?:you|your|you're|youre|u|ur|yours)\b", re.IGNORECASE)
_SHAPES = ((re.compile(r"[A-Z]"), "A"), (re.compile(r"[a-z]"), "a"), (re.compile(r"[0-9]"), "9"))
_RUNS = re.compile(r"(.)\1+")
_SENTENCE_END = {".", "!", "?", "\n"}


@lru_cache(maxsize=65536)
def shape(word: str) -> str:
    """The word's letter shape with runs shortened: 'Delgado' -> 'Aa', '555-0164' -> '9-9'."""
    for pattern, mark in _SHAPES:
        word = pattern.sub(mark, word)
    return _RUNS.sub(r"\1", word)


def _marks(tokens: list[Token], findings: Iterable[Finding]) -> list[set[str]]:
    marks: list[set[str]] = [set() for _ in tokens]
    spans = [(f.start, f.end, f.label) for f in findings if f.start is not None and f.end is not None]
    for index, token in enumerate(tokens):
        for start, end, label in spans:
            if token.start < end and start < token.end:
                marks[index].add(label)
    return marks


def _phrases(tokens: list[Token]) -> list[str | None]:
    """For each token, the category of a two- or three-word health term it is part of ('chest pain')."""
    terms, found = lexicon.health_terms(), [None] * len(tokens)
    words = [t.text.lower() for t in tokens]
    for size in (3, 2):
        for i in range(len(words) - size + 1):
            category = terms.get(" ".join(words[i : i + size]))
            if category:
                for j in range(i, i + size):
                    found[j] = found[j] or category
    return found


def lexical_marks(tokens: list[Token]) -> list[str]:
    """What the word lists say about the draft's words, as names (for the whole-draft gate)."""
    marks = []
    for index, token in enumerate(tokens):
        features = _word(token.text, token.kind, index == 0)
        marks += [name for name in ("first_name", "surname", "kin", "capital_rare") if features[name] is True]
        if "health" in features:
            marks.append(f"health:{features['health']}")
        if token.kind != "word":
            marks.append(f"shape:{features['shape']}")
    return marks


@lru_cache(maxsize=65536)
def _word(word: str, kind: str, first: bool) -> dict[str, object]:
    """A token's own features (cached, so callers must copy rather than change them)."""
    lower = word.lower()
    frequency = lexicon.zipf().get(lower, 0)
    features: dict[str, object] = {
        "bias": 1.0,
        "lower": lower,
        "suffix3": lower[-3:],
        "suffix4": lower[-4:],
        "prefix3": lower[:3],
        "shape": shape(word),
        "kind": kind,
        "zipf": str(frequency // 10),
        "capital": word[:1].isupper(),
        "upper": word.isupper() and len(word) > 1,
        "first_name": lower in lexicon.first_names(),
        "surname": lower in lexicon.surnames(),
        "kin": lower in lexicon.KIN,
        "sentence_start": first,
        "length": str(min(len(word), 10)),
        "capital_rare": word[:1].isupper() and frequency < 35,
    }
    health = lexicon.health_words().get(lower)
    if health:
        features["health"] = health
    return features


@lru_cache(maxsize=65536)
def _near(word: str) -> tuple[tuple[str, object], ...]:
    """What a close neighbour shows of a word (cached)."""
    lower = word.lower()
    near: list[tuple[str, object]] = [("shape", shape(word)), ("capital", word[:1].isupper())]
    if lower in lexicon.health_words():
        near.append(("health", 1.0))
    if lower in lexicon.KIN:
        near.append(("kin", 1.0))
    return tuple(near)


@lru_cache(maxsize=65536)
def _own_items(word: str, kind: str, first: bool, zeros: bool) -> tuple[tuple[str, object], ...]:
    """_word()'s features as pairs, without the False ones unless `zeros` (cached)."""
    return tuple(item for item in _word(word, kind, first).items() if zeros or item[1] is not False)


@lru_cache(maxsize=65536)
def _neighbour(offset: int, word: str, zeros: bool) -> tuple[tuple[str, object], ...]:
    """What the token `offset` places away shows of `word`, as (name, value) pairs (cached)."""
    prefix = f"{offset}:"
    items: list[tuple[str, object]] = [(f"{prefix}lower", word.lower())]
    if abs(offset) <= 2:
        items += ((prefix + name, value) for name, value in _near(word) if zeros or value is not False)
    return tuple(items)


_EDGES = {offset: ((f"{offset}:edge", 1.0),) for offset in (-3, -2, -1, 1, 2, 3)}


def sequence_features(
    text: str,
    platform: str,
    audience: str,
    rule_privacy: list[Finding],
    rule_tone: Iterable[str],
    zeros: bool = True,
) -> tuple[list[Token], list[dict[str, object]]]:
    """The tokens of the draft and, for each, the features the tagger reads.

    With zeros=False the features whose value is False are left out: they add nothing to a CRF's scores.
    """
    tokens = tokenize(text)
    marks, phrases = _marks(tokens, rule_privacy), _phrases(tokens)
    draft_wide: dict[str, object] = {
        f"platform:{platform}": 1.0,
        f"audience:{audience}": 1.0,
        "addresses_you": bool(_YOU.search(text)),
    }
    draft_wide.update({f"tone:{label}": 1.0 for label in rule_tone})
    shared = tuple(item for item in draft_wide.items() if zeros or item[1] is not False)
    sequence, count = [], len(tokens)
    for index, token in enumerate(tokens):
        first = index == 0 or tokens[index - 1].text in _SENTENCE_END
        features = dict(_own_items(token.text, token.kind, first, zeros) + shared)
        features.update({f"rule:{label}": 1.0 for label in marks[index]})
        if phrases[index]:
            features["health_phrase"] = phrases[index]
        for offset in (-3, -2, -1, 1, 2, 3):
            other = index + offset
            if not 0 <= other < count:
                features.update(_EDGES[offset])
                continue
            features.update(_neighbour(offset, tokens[other].text, zeros))
            if marks[other] and abs(offset) <= 2:
                features.update((f"{offset}:rule:{label}", 1.0) for label in marks[other])
        sequence.append(features)
    return tokens, sequence
