"""AGE: a specific person's age ('92 y/o', 'a 34-year-old', 'in her 90s', 'turned ninety-one')."""

from __future__ import annotations

import re

from ...model import Finding
from .base import make_finding
from .context import Scan
from .wordlists import NUMBER_WORDS, words_to_number

_NUM = rf"(?:\d{{1,3}}|{NUMBER_WORDS})"
_UNIT_AFTER = re.compile(
    r"\s*(?:%|°|'|\"|x\b|(?:mins?|minutes?|hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?|units?|mg|mcg|ml|"
    r"cc|kg|lbs?|pounds?|ounces?|oz|mmhg|bpm|percent|times|points?|stitches|patients|people|of|am|pm|"
    r"o'clock|feet|ft|inches|cm|mm|degrees|beds|rooms|kids|babies|shifts?|hour)\b)",
    re.IGNORECASE,
)
_PERSON_NOUN = (
    r"patient|pt|lady|man|woman|guy|gentleman|boy|girl|kid|child|baby|son|daughter|mom|dad|mother|father|"
    r"grandma|grandpa|husband|wife|resident|participant"
)
_PATTERNS: list[tuple[re.Pattern[str], bool]] = [
    # (pattern with a named group "n" holding the number, whether the age is in months/weeks)
    (re.compile(rf"\b(?:an?\s+)?(?P<n>{_NUM})[\s-]*(?:years?|yrs?)[\s-]*old\b", re.I), False),
    (re.compile(rf"\b(?:an?\s+)?(?P<n>{_NUM})[\s-]*(?:months?|mos?|weeks?|wks?|days?)[\s-]*old\b", re.I), True),
    (re.compile(rf"\b(?:an?\s+)?(?P<n>{_NUM})\s*(?:y/o|y\.o\.?|yo|yrs? old|y\.?o\b)(?:\s+[MF]\b)?", re.I), False),
    (re.compile(r"(?<![\d°.])\b(?P<n>\d{1,3})[MF]\b"), False),
    (re.compile(rf"\b(?:at\s+)?aged?\s+(?P<n>{_NUM})\b(?!\s*(?:[-–]\s*\d|to\s+\d|and (?:up|older|over)|\+|or older))", re.I),
     False),
    (re.compile(r"\bin (?:his|her|their) (?:early |mid-?|late )?(?P<n>\d0)'?s\b", re.I), False),
    (re.compile(rf"\b(?:turned|turning|turns|will be)\s+(?P<n>{_NUM})\b", re.I), False),
    (re.compile(rf"\b(?:he|she|you|who)(?:'s|\s+is|\s+was|\s+were|\s+are)\s+(?:only\s+|just\s+|now\s+)?"
                rf"(?P<n>{_NUM})\b", re.I), False),
    (re.compile(rf"\b(?:{_PERSON_NOUN})\b(?:\s+\w+){{0,2}}\s+(?:is|was)\s+(?:only\s+|just\s+|now\s+)?"
                rf"(?P<n>{NUMBER_WORDS})\b", re.I), False),
    (re.compile(r"(?:\b[A-Z][\w.'-]*|\bpt|\bpatient)\s*,\s*(?P<n>\d{1,3})\s*(?=,)"), False),
    (re.compile(r"\b[A-Z][\w.'-]*\s*\((?P<n>\d{1,3})\)"), False),
    (re.compile(r"(?:^|(?<=[.!?]\s))At\s+(?P<n>\d{2,3})\s*(?=,)"), False),
    (re.compile(r"\b(?:today|now|only|just)\s+at\s+(?P<n>\d{1,3})\s*(?=!)", re.I), False),
    (re.compile(rf"(?:^|(?<=[.!?]\s))(?P<n>{NUMBER_WORDS})\s*(?=,)", re.I), False),
    (re.compile(r"\bat\s+(?P<n>\d{1,2})\s+(?:months|weeks)\b(?!\s+(?:post|after|of|pregnan|gestation))", re.I),
     True),
]
_AUTHOR_BEFORE = re.compile(r"\b(?:I|I'm|I am|we|we're)\s*$", re.I)
_STAT_BEFORE = re.compile(
    r"\b(?:over|under|above|below|from|start(?:s|ing)?|begin\w*|than|average|until|till|once)\s*$", re.I
)


def _value(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else words_to_number(raw)


def find_ages(scan: Scan) -> list[Finding]:
    """Return AGE spans; ages over 89 block (HIPAA: always identifying), others warn."""
    text = scan.text
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for pattern, small_unit in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if not _plausible(text, match, small_unit):
                continue
            taken.append((start, end))
            found.append(_age_finding(start, end, _value(match.group("n")) or 0, small_unit))
    return found


def _plausible(text: str, match: re.Match[str], small_unit: bool) -> bool:
    value = _value(match.group("n"))
    if value is None or value > 120 or (value == 0 and not small_unit):
        return False
    before = text[max(0, match.start() - 30):match.start()]
    if _AUTHOR_BEFORE.search(before) or _STAT_BEFORE.search(before):
        return False
    number_end = match.end("n")
    if match.end() == number_end and _UNIT_AFTER.match(text, number_end):
        return False
    return True


def _age_finding(start: int, end: int, value: int, small_unit: bool) -> Finding:
    if value > 89 and not small_unit:
        return make_finding("AGE", "block", start, end, "privacy.age_over_89",
                            "Ages over 89 are always identifying under HIPAA, even on their own.")
    return make_finding("AGE", "warn", start, end, "privacy.age",
                        "An exact age is a quasi-identifier; with a place, date or condition it can name someone.")
