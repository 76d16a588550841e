"""Word lists the privacy features look words up in: English word frequency, names, health words, kin."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..privacy.disclosure import vocab
from ..privacy.identifiers import wordlists

DATA = Path(__file__).resolve().parents[1] / "data"
KIN = frozenset(
    "mum mom mam mammy mother dad da father wife husband son daughter nan nana gran granny grandma "
    "grandmother grandad grandpa grandfather sister brother aunt auntie uncle nephew niece cousin lola "
    "lolo abuela abuelo baby partner fiance fiancé whanau whānau bairn kid kids child children twins "
    "hubby missus bf gf".split()
)
_HEALTH_LISTS = ("CONDITIONS", "PROCEDURES", "TESTS", "DRUGS", "PREGNANCY", "SYMPTOMS", "BODY_PARTS")


@cache
def zipf() -> dict[str, int]:
    """Each common English word's Zipf frequency x 10 (absent: rare or not English)."""
    table = {}
    with (DATA / "english_words.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                word, _tab, value = line.rstrip("\n").partition("\t")
                table[word] = int(value)
    return table


def _tsv(name: str) -> list[tuple[str, str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [tuple(line.rstrip("\n").split("\t", 1)) for line in handle if not line.startswith("#")]


@cache
def health_terms() -> dict[str, str]:
    """Health terms (single words and phrases) with their category, from health_terms.tsv."""
    return dict(_tsv("health_terms.tsv"))


@cache
def health_words() -> dict[str, str]:
    """Single words of the health terms and of the rules' clinical vocabulary, with their category."""
    words: dict[str, str] = {}
    for term, category in health_terms().items():
        if " " not in term:
            words.setdefault(term, category)
    for name in _HEALTH_LISTS:
        for term in getattr(vocab, name):
            for word in term.lower().split():
                if len(word) > 2:
                    words.setdefault(word, name.lower())
    return words


@cache
def _names() -> dict[str, frozenset[str]]:
    rows = _tsv("names.tsv")
    return {kind: frozenset(name for name, of in rows if of == kind) for kind in ("first", "last")}


@cache
def first_names() -> frozenset[str]:
    """Given names, lower-cased."""
    return frozenset(name.lower() for name in wordlists.FIRST_NAMES) | _names()["first"]


@cache
def surnames() -> frozenset[str]:
    """Family names, lower-cased."""
    return frozenset(name.lower() for name in wordlists.SURNAMES) | _names()["last"]
