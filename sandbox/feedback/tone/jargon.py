"""JARGON: clinical shorthand or a reading level far above a patient or public audience."""

from __future__ import annotations

import re

import textstat

from ..model import Draft, Finding
from .common import lowered, tone_finding
from .lexicon import COMMON_ABBREVIATIONS, JARGON_ABBREVIATIONS, JARGON_TERMS, alternation

_KNOWN_ABBREVIATION = re.compile(
    r"(?<![\w/])" + alternation(tuple(re.escape(a) for a in JARGON_ABBREVIATIONS)) + r"(?:\d+)?(?![\w/])"
)
_TERM = re.compile(r"(?<![\w/])" + alternation(JARGON_TERMS) + r"(?![\w/])")
# A token that looks like an abbreviation: two or more capitals, at least as many capitals as small letters.
_ABBREVIATION_LIKE = re.compile(r"(?<![\w@#/.])[A-Za-z]*[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?![\w])")
_LAB_VALUE = re.compile(
    r"(?<![\w/])(?:hgb|hb|hct|plt|wbc|cr|bun|na|k|mg|glu|egfr|gfr|ldl|hdl|trop|lactate|a1c|inr|bnp|alt|"
    r"ast):?\s?\d",
)
_SHORTHAND_SYMBOLS = re.compile(r"\s(?:=|→|->|<|>|~|≤|≥|\+)\s?\d|\w\s?(?:→|->)\s?\w")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")

# Who reads it: professional networks and colleagues' circles are clinicians unless patients are addressed.
_PATIENTS_ADDRESSED = re.compile(
    r"\bpatients? (?:reading|education|asked)\b|\bfor (?:our|my) (?:patients|families|parents|readers|"
    r"followers)\b|patienteducation|\b(?:family|families|parents?'?|patients?'?|caregivers?'?|"
    r"support) group\b|\b(?:update|news) for (?:the )?famil|\bquestions welcome\b|"
    r"\bwhat (?:his|her|their|your|my|this|that|it) [\w ]{0,40}means?\b|\bto (?:my|our) patients\b",
)
JARGON_TERMS_NEEDED = 3
LONG_TEXT_WORDS = 40
HARD_READING_GRADE = 16.0  # with at least one clinical term
VERY_HARD_READING_GRADE = 22.0  # on its own


def patient_audience(draft: Draft) -> bool:
    """True when patients or the public are the likely readers of the draft."""
    if draft.platform == "professional" or draft.audience == "connections":
        return _PATIENTS_ADDRESSED.search(lowered(draft.text)) is not None
    return True


def jargon_hits(text: str) -> list[re.Match[str]]:
    """Distinct jargon tokens in the text: known shorthand, clinical terms and abbreviation-like tokens."""
    seen: dict[str, re.Match[str]] = {}
    for pattern, source in ((_KNOWN_ABBREVIATION, text), (_TERM, lowered(text)), (_LAB_VALUE, lowered(text))):
        for match in pattern.finditer(source):
            seen.setdefault(match.group().lower(), match)
    for match in _ABBREVIATION_LIKE.finditer(text):
        token = match.group()
        capitals = sum(c.isupper() for c in token)
        small = len(token) - capitals - sum(c.isdigit() for c in token)
        if token in COMMON_ABBREVIATIONS or capitals < small:
            continue
        if len(token) <= 6 and token.lower() not in seen:
            seen[token.lower()] = match
    return sorted(seen.values(), key=lambda m: m.start())


def reading_grade(text: str) -> float | None:
    """Coleman-Liau grade of a long text (letters and sentences only, so no dictionary load); else None."""
    if len(_WORD.findall(text)) < LONG_TEXT_WORDS:
        return None
    return float(textstat.coleman_liau_index(text))


def find_jargon(draft: Draft) -> list[Finding]:
    """JARGON: several unexplained clinical terms, or a very hard reading level, for a patient audience."""
    if not patient_audience(draft):
        return []
    hits = jargon_hits(draft.text)
    score = len(hits) + (1 if _SHORTHAND_SYMBOLS.search(draft.text) else 0)
    if score >= JARGON_TERMS_NEEDED and hits:
        return [tone_finding("JARGON", "warn", "clinical_shorthand", (hits[0].start(), hits[0].end()))]
    grade = reading_grade(draft.text)
    if grade is not None and grade >= (HARD_READING_GRADE if hits else VERY_HARD_READING_GRADE):
        return [tone_finding("JARGON", "warn", "reading_level", None)]
    return []
