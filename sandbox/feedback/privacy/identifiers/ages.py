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
_PATTERNS: list[tuple[re.Pattern[str], bool, str | None]] = [
    # (pattern with a named group "n" holding the number, whether the age is in months/weeks,
    #  a substring the text must contain for the pattern to be worth running)
    (re.compile(rf"\b(?:an?\s+)?(?P<n>{_NUM})[\s-]*(?:years?|yrs?)[\s-]*old\b", re.I), False, "old"),
    (re.compile(rf"\b(?:an?\s+)?(?P<n>{_NUM})[\s-]*(?:months?|mos?|weeks?|wks?|days?)[\s-]*old\b", re.I),
     True, "old"),
    (re.compile(rf"\b(?:an?\s+)?(?P<n>{_NUM})[\s-]*(?:y/o|y\.o\.?|yo|yrs? old|y\.?o\b|years? of age)"
                r"(?:\s+[MF]\b)?", re.I), False, "y"),
    (re.compile(r"(?<![\d°.])\b(?P<n>\d{1,3})[MF]\b"), False, None),
    (re.compile(rf"\b(?:at\s+)?aged?[:\s]+(?P<n>{_NUM})\b"
                r"(?!\s*(?:[-–]\s*\d|to\s+\d|and (?:up|older|over)|\+|or older))", re.I), False, "age"),
    (re.compile(r"\bin (?:his|her|their) (?:early |mid-?|late )?(?P<n>\d0)'?s\b", re.I), False, "in "),
    (re.compile(r"\bin (?:his|her|their) (?:early |mid-?|late )?"
                r"(?P<n>(?:twen|thir|for|fif|six|seven|eigh|nine)t)ies\b", re.I), False, "ties"),
    (re.compile(r"(?<!clinic's )(?<!office's )(?<!practice's )(?<!hospital's )(?<!our )"
                r"\b(?P<n>[2-9]|\d{2,3})(?:st|nd|rd|th)\s+(?:birthday|bday|b-day)\b"
                r"(?!\s+(?:to|of|for)\s+(?:our|the|this)\s+(?:clinic|practice|hospital|office|unit|team|program|"
                r"center|pharmacy|department|floor|foundation))", re.I), False, "day"),
    (re.compile(r"\b(?P<n>nonagenarian|centenarian|supercentenarian)s?\b", re.I), False, "arian"),
    (re.compile(rf"\b(?:turned|turning|turns|will be)\s+(?P<n>{_NUM})\b", re.I), False, None),
    (re.compile(rf"\b(?:he|she|you|who)(?:'s|\s+is|\s+was|\s+were|\s+are)\s+(?:only\s+|just\s+|now\s+)?"
                rf"(?P<n>{_NUM})\b", re.I), False, None),
    (re.compile(rf"\b(?:{_PERSON_NOUN})\b(?:\s+\w+){{0,2}}\s+(?:is|was)\s+(?:only\s+|just\s+|now\s+)?"
                rf"(?P<n>{NUMBER_WORDS})\b", re.I), False, None),
    (re.compile(r"(?:\b[A-Z][\w.'-]*|\bpt|\bpatient)\s*,\s*(?P<n>\d{1,3})\s*(?=,)"), False, ","),
    (re.compile(r"\b[A-Z][\w.'-]*\s*\((?P<n>\d{1,3})\)"), False, "("),
    (re.compile(r"(?:^|(?<=[.!?]\s))At\s+(?P<n>\d{2,3})\s*(?=,)"), False, "At "),
    (re.compile(r"\b(?:today|now|only|just)\s+at\s+(?P<n>\d{1,3})\s*(?=!)", re.I), False, "!"),
    (re.compile(rf"(?:^|(?<=[.!?]\s))(?P<n>{NUMBER_WORDS})\s*(?=,)", re.I), False, ","),
    (re.compile(r"\bat\s+(?P<n>\d{1,2})\s+(?:months|weeks)\b(?!\s+(?:post|after|of|pregnan|gestation))",
                re.I), True, " at "),
]
_AGE_WORD_HINT = re.compile(
    r"(?:ty|teen|ties|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|arians?)\b", re.I
)
_AUTHOR_BEFORE = re.compile(r"\b(?:I|I'm|I am|we|we're)\s*$", re.I)
_STAT_BEFORE = re.compile(
    r"\b(?:over|under|above|below|from|start(?:s|ing)?|begin\w*|than|average|until|till|once|by)\s*$", re.I
)


_DECADE_WORDS = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80,
                 "ninet": 90, "nonagenarian": 90, "centenarian": 100, "supercentenarian": 110}


def _value(raw: str | None) -> int | None:
    if raw is None:
        return None
    if raw.isdigit():
        return int(raw)
    return _DECADE_WORDS.get(raw.lower()) or words_to_number(raw)



def find_ages(scan: Scan) -> list[Finding]:
    """Return AGE spans; ages over 89 block (HIPAA: always identifying), others warn."""
    text = scan.text
    found: list[Finding] = []
    taken = bytearray(len(text))  # characters already inside an age span
    if not any(ch.isdigit() for ch in text) and not _AGE_WORD_HINT.search(text):
        return []
    lower = text.lower()
    for pattern, small_unit, hint in _PATTERNS:
        if hint and hint.lower() not in lower:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if 1 in taken[start:end]:
                continue
            if not _plausible(text, match, small_unit):
                continue
            taken[start:end] = b"\x01" * (end - start)
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
                        "An exact age, with a place, date or condition, can name someone.")
