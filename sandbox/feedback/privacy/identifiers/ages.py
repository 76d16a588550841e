"""AGE: a specific person's age ('92 y/o', 'a 34-year-old', 'in her 90s', 'turned ninety-one')."""

from __future__ import annotations

import re

from ...caseless import CaselessPattern, caseless
from ...model import Finding
from .base import make_finding
from .context import Scan
from .wordlists import CALENDAR_WORDS, FIRST_NAMES, NUMBER_WORDS, SURNAMES, fold, words_to_number

_NUM = rf"(?:\d{{1,3}}|{NUMBER_WORDS})"
_UNIT_AFTER = re.compile(
    r"\s*(?:%|°|'|\"|x\b|(?:mins?|minutes?|hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?|units?|mg|"
    r"mcg|ml|"
    r"cc|kg|lbs?|pounds?|ounces?|oz|mmhg|bpm|percent|times|points?|stitches|patients|people|of|am|pm|"
    r"o'clock|feet|ft|inches|cm|mm|degrees|beds|rooms|kids|babies|shifts?|hour)\b)",
    re.IGNORECASE,
)
_PERSON_NOUN = (
    r"patient|pt|lady|man|woman|guy|gentleman|boy|girl|kid|child|baby|son|daughter|mom|dad|mother|father|"
    r"grandma|grandpa|husband|wife|resident|participant"
)
_PATTERNS: list[tuple[re.Pattern[str] | CaselessPattern, bool, str | tuple[str, ...] | None]] = [
    # (pattern with a named group "n" holding the number, whether the age is in months/weeks,
    #  a substring the text must contain for the pattern to be worth running)
    (
        caseless(rf"\b(?:an?\s+)?(?P<n>{_NUM})[\s-]*(?:years?|yrs?)[\s-]*(?:old|young)\b"),
        False,
        ("old", "young"),
    ),
    (
        caseless(rf"\b(?:an?\s+)?(?P<n>{_NUM})[\s-]*(?:months?|mos?|weeks?|wks?|days?)[\s-]*old\b"),
        True,
        "old",
    ),
    (
        caseless(
            rf"\b(?:an?\s+)?(?P<n>{_NUM})[\s-]*(?:y/o|y\.o\.?|yo|yrs? old|y\.?o\b|years? of age)"
            r"(?:\s+[MF]\b)?",
        ),
        False,
        "y",
    ),
    (re.compile(r"(?<![\d°.])\b(?P<n>\d{1,3})[MF]\b"), False, None),
    (
        caseless(
            rf"\b(?:at\s+)?aged?[:\s]+(?P<n>{_NUM})\b"
            r"(?!\s*(?:[-–]\s*\d|to\s+\d|and (?:up|older|over)|\+|or older))",
        ),
        False,
        "age",
    ),
    (caseless(r"\bin (?:his|her|their) (?:early |mid-?|late )?(?P<n>\d0)'?s\b"), False, "in "),
    (
        caseless(
            r"\bin (?:his|her|their) (?:early |mid-?|late )?"
            r"(?P<n>(?:twen|thir|for|fif|six|seven|eigh|nine)t)ies\b",
        ),
        False,
        "ties",
    ),
    (
        caseless(
            r"(?<!clinic's )(?<!office's )(?<!practice's )(?<!hospital's )(?<!our )"
            r"\b(?P<n>[2-9]|\d{2,3})(?:st|nd|rd|th)\s+(?:birthday|bday|b-day)\b"
            r"(?!\s+(?:to|of|for)\s+(?:our|the|this)\s+(?:clinic|practice|hospital|office|unit|team|"
            r"program|"
            r"center|pharmacy|department|floor|foundation))",
        ),
        False,
        "day",
    ),
    (caseless(r"\b(?P<n>nonagenarian|centenarian|supercentenarian)s?\b"), False, "arian"),
    # "a lady of 95", "at the age of 92", "on her 90th"
    (
        caseless(
            rf"\b(?:man|woman|lady|gentleman|gent|patient|chap|fella|soul)\s+of\s+(?P<n>{_NUM})\b"
            rf"|\bthe\s+age\s+of\s+(?P<n2>{_NUM})\b",
        ),
        False,
        " of ",
    ),
    (
        caseless(
            r"\b(?:his|her|their)\s+(?P<n>[2-9]\d|1[01]\d)(?:st|nd|rd|th)\b(?!\s+(?:time|visit|day|week|"
            r"admission|attempt|round|cycle|dose|floor|percentile))",
        ),
        False,
        "th",
    ),
    (caseless(rf"\b(?:turned|turning|turns|will be)\s+(?P<n>{_NUM})\b"), False, None),
    (
        caseless(
            rf"\b(?:he|she|you|who)(?:'s|\s+is|\s+was|\s+were|\s+are)\s+(?:only\s+|just\s+|now\s+)?"
            rf"(?P<n>{_NUM})\b",
        ),
        False,
        None,
    ),
    (
        caseless(
            rf"\b(?:{_PERSON_NOUN})\b(?:\s+\w+){{0,2}}\s+(?:is|was)\s+(?:only\s+|just\s+|now\s+)?"
            rf"(?P<n>{NUMBER_WORDS})\b",
        ),
        False,
        None,
    ),
    (
        re.compile(
            r"(?:\b[A-Z][\w.'-]*|\bpt|\bpatient)\s*,\s*(?P<n>\d{1,3})\s*"
            r"(?=,|\s+(?i:today|now|tomorrow|next\s+\w+|this\s+(?:week|month|year))\b)"
        ),
        False,
        ",",
    ),
    (
        re.compile(
            rf"\b[A-Z][\w.'-]*\s*\((?P<n>\d{{1,3}}|(?i:{NUMBER_WORDS}))\s*(?=\)|,|\s+(?:and|but|yet)\b)"
        ),
        False,
        "(",
    ),
    (re.compile(r"(?:^|(?<=[.!?]\s))At\s+(?P<n>\d{2,3})\s*(?=,)"), False, "At "),
    (caseless(r"\b(?:today|now|only|just)\s+at\s+(?P<n>\d{1,3})\s*(?=!)"), False, "!"),
    (caseless(rf"(?:^|(?<=[.!?]\s))(?P<n>{NUMBER_WORDS})\s*(?=,)"), False, ","),
    (
        caseless(
            r"\bat\s+(?P<n>\d{1,2})\s+(?:months|weeks)\b(?!\s+(?:post|after|of|pregnan|gestation))",),
        True,
        " at ",
    ),
]
# A person as the subject of "is/was N": "Mrs. Alvarez in room 4 is 92 and ...", "the gent in 6 was 97."
_SUBJECT = (
    rf"(?P<subj>(?i:mr|mrs|ms|miss|mx)\.?\s+[A-Z][\w'-]*|[A-Z][a-z]+|(?i:{_PERSON_NOUN}|gent|nan|gran|granny|"
    r"grandad|fella|resident|regular|client))"
    r"(?:\s+(?i:in|on|at|from)\s+(?:(?i:the|room|rm|bed|bay|cubicle)\s+)*#?[\w-]+)?"
)
_TERMINATOR = r"(?=\s*(?:[,.;:!?)\u2014\u2013]|-\s|(?:and|but|with|yet|going|today|now|this|tomorrow)\b|$))"
_COPULA_AGE_RE = caseless(
    rf"(?P<verb>\b(?:is|was|turns|turned)|['\u2019]s)\s+(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+)?"
    rf"(?P<n>\d{{1,3}}|{NUMBER_WORDS})\b(?!\s+and\s+a\s+half){_TERMINATOR}",
)
_SUBJECT_BEFORE = re.compile(rf"{_SUBJECT}\s*$")
# A spelled-out age set off by commas or a bracket: "Dot, ninety-one, still bakes".
_APPOSITIVE_WORDS_RE = re.compile(
    rf"(?<=[A-Za-z.'])\s*[,(]\s*(?P<n>(?i:{NUMBER_WORDS}))\s*(?=[,)]\s*(?![\s,]*(?i:{NUMBER_WORDS}|\d))"
    r"|\s+(?:and|but|yet)\b)"
)
# A decade without 'in her': "the man in bed 2, early seventies", "late 80s".
_DECADE_RE = caseless(
    r"\b(?:early|mid-?|late)[\s-]*(?:(?P<n>[1-9]0)'?s\b|(?P<w>twent|thirt|fort|fift|sixt|sevent|eight|"
    r"ninet)ies\b)"
    r"(?!\s+(?:music|era|fashion|style|films?|songs?|tv|culture|vibes?))",
)
_PERSON_RE = re.compile(rf"(?:{_PERSON_NOUN}|lady|gent|nan|gran|granny)", re.I)
_TEEN_RE = re.compile(
    r"\bteen(?:age|aged)?\s+(?:mum|mom|dad|mother|father|boy|girl|son|daughter|patient|lad|lass)\b(?!s)", re.I
)
_AGE_WORD_HINT = caseless(
    r"(?:ty|teen\w*|ties|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|"
    r"arians?)\b",
)
_DIGIT_RE = re.compile(r"\d")
_OWN_FAMILY_BEFORE = re.compile(
    r"\b(?:my|our)\s+(?:little\s+|eldest\s+|youngest\s+)?(?:daughter|son|kids?|boy|girl|baby|husband|wife|"
    r"partner|mum|mom|dad|brother|sister|nan|gran|grandma|grandpa|niece|nephew|dog|cat)(?:\s+[A-Z][a-z]+)?\s*$",
    re.I,
)
_AUTHOR_BEFORE = caseless(r"\b(?:I|I'm|I am|we|we're)\s*$")
_STAT_BEFORE = caseless(
    r"\b(?:over|under|above|below|from|start(?:s|ing)?|begin\w*|than|average|until|till|once|by)\s*$",
)


DECADE_WORDS = {
    "twent": 20,
    "thirt": 30,
    "fort": 40,
    "fift": 50,
    "sixt": 60,
    "sevent": 70,
    "eight": 80,
    "ninet": 90,
    "nonagenarian": 90,
    "centenarian": 100,
    "supercentenarian": 110,
}


def _number(match: re.Match[str]) -> str | None:
    """The matched number: group 'n', or 'n2' for patterns with two ways to say it."""
    return match.group("n") or (match.groupdict().get("n2"))


def _value(raw: str | None) -> int | None:
    if raw is None:
        return None
    if raw.isdigit():
        return int(raw)
    return DECADE_WORDS.get(raw.lower()) or words_to_number(raw)


def find_ages(scan: Scan) -> list[Finding]:
    """Return AGE spans; ages over 89 block (HIPAA: always identifying), others warn."""
    text = scan.text
    found: list[Finding] = []
    taken = bytearray(len(text))  # characters already inside an age span
    if not _DIGIT_RE.search(text) and not _AGE_WORD_HINT.search(text):
        return []
    lower = text.lower()
    for pattern, small_unit, hint in _PATTERNS:
        if hint and not any(h.lower() in lower for h in ((hint,) if isinstance(hint, str) else hint)):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if 1 in taken[start:end]:
                continue
            if not _plausible(text, match, small_unit):
                continue
            if "(" in text[start : match.start("n")] or "," in text[start : match.start("n")]:
                start = match.start("n")  # "Eli (11)", "Mr. Ortiz, 88": the name is its own span
            taken[start:end] = b"\x01" * (end - start)
            found.append(_age_finding(start, end, _value(_number(match)) or 0, small_unit))
    for start, end, value in _contextual_ages(scan):
        if 1 not in taken[start:end]:
            taken[start:end] = b"\x01" * (end - start)
            found.append(_age_finding(start, end, value, False))
    return found


def _contextual_ages(scan: Scan) -> list[tuple[int, int, int]]:
    """Ages that need a person nearby: 'X is 92', 'Dot, ninety-one,', 'early seventies', 'teenage mum'."""
    text = scan.text
    spans = []
    for match in _COPULA_AGE_RE.finditer(text):
        if _OWN_FAMILY_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue
        subject = _SUBJECT_BEFORE.search(text, max(0, match.start() - 60), match.start())
        if subject and _person_subject(text, subject, match) and _value(match.group("n")) is not None:
            spans.append((match.start("verb"), match.end("n"), _value(match.group("n")) or 0))
    for match in _APPOSITIVE_WORDS_RE.finditer(text) if _AGE_WORD_HINT.search(text) else ():
        value = _value(match.group("n"))
        before = re.search(r"([\w.']+)\W*$", text[max(0, match.start() - 30) : match.start() + 1])
        named = bool(before and (before.group(1)[0].isupper() or _PERSON_RE.fullmatch(before.group(1))))
        if value and value > 1 and (named or scan.about_person(match.start())):
            spans.append((match.start("n"), match.end("n"), value))
    for match in _DECADE_RE.finditer(text):
        if scan.about_person(match.start()):
            spans.append((match.start(), match.end(), _value(match.group("n") or match.group("w")) or 0))
    spans += [(m.start(), m.end(), 13) for m in _TEEN_RE.finditer(text)]
    return spans


def _person_subject(text: str, subject_match: re.Match[str], match: re.Match[str]) -> bool:
    """The subject is a person (a title, a listed given name or surname, a person noun), not the author's."""
    subject = subject_match.group("subj")
    before = text[max(0, subject_match.start() - 12) : subject_match.start()]
    if re.search(r"\b(?:my|our|dr|doctor|nurse)\.?\s*$", before, re.I):
        return False
    titled = subject.lower().startswith(("mr", "ms", "miss", "mx"))
    if subject[:1].isupper() and " " not in subject and not titled:
        word = fold(subject)
        return (word in FIRST_NAMES or word in SURNAMES) and word not in CALENDAR_WORDS
    return True


def _plausible(text: str, match: re.Match[str], small_unit: bool) -> bool:
    value = _value(_number(match))
    if value is None or value > 120 or (value == 0 and not small_unit):
        return False
    before = text[max(0, match.start() - 30) : match.start()]
    if _AUTHOR_BEFORE.search(before) or _STAT_BEFORE.search(before):
        return False
    if match.group().startswith("Turn") and re.search(r"(?:^|[.!?\n])\s*$", before):
        return False  # "Turned 40 today and ...": the author, with the 'I' left out
    if _OWN_FAMILY_BEFORE.search(before):
        return False  # "my daughter Ella turned 5": the author's own family
    number_end = match.end("n") if match.group("n") else match.end()
    if match.end() == number_end and _UNIT_AFTER.match(text, number_end):
        return False
    return True


def _age_finding(start: int, end: int, value: int, small_unit: bool) -> Finding:
    if value > 89 and not small_unit:
        return make_finding(
            "AGE",
            "block",
            start,
            end,
            "privacy.age_over_89",
            "Ages over 89 are always identifying under HIPAA, even on their own.",
        )
    return make_finding(
        "AGE",
        "warn",
        start,
        end,
        "privacy.age",
        "An exact age, with a place, date or condition, can name someone.",
    )
