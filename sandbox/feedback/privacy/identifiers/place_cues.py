"""Candidate places described in words: streets without a number, roads, corners, named premises."""

from __future__ import annotations

import re

from .wordlists import CALENDAR_WORDS, FIRST_NAMES, fold

_CAP = r"[A-Z][a-z'-]+"
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_STREET_WORD = (
    r"(?:Street|Road|Lane|Avenue|Ave|Rd|Ln|Blvd|Boulevard|Crescent|Cres|Close|Drive|Terrace|"
    r"Court|Gardens|Mews)"
)
# Each pattern's group 1 is the place; kind is the rule suffix.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "the Grove Street shelter", "lives off Harcourt Road"
    (
        re.compile(
            rf"\b((?:{_CAP}\s+){{1,2}}{_STREET_WORD})\b(?!\s+(?:clinic|surgery|practice|office|pharmacy|"
            r"hospital|health|medical|dental|campus|site|location|branch))"
        ),
        "street",
    ),
    # "the corner house on birch lane" (lower case)
    (
        re.compile(
            r"\b(?:on|off|near|from|at|to)\s+((?!(?:the|my|your|our|his|her|their|this|that|memory|"
            r"fast|slow|"
            r"bus|cycle|bike|traffic|side|back|one|two|wrong|right|open|main)\s)[a-z]{3,}\s+(?:lane|"
            r"street|road|"
            r"avenue|close|crescent|drive|terrace))\b"
        ),
        "street",
    ),
    # "on Oak & 3rd", "at 5th and Main"
    (
        re.compile(
            rf"\b(?:on|at|of|near)\s+((?:{_CAP}|{_ORDINAL})\s*&\s*(?:{_CAP}|{_ORDINAL})|"
            rf"{_CAP}\s+and\s+{_ORDINAL}|"
            rf"{_ORDINAL}\s+and\s+{_CAP})\b"
        ),
        "street",
    ),
    # "the nail salon on 5th"
    (
        re.compile(
            rf"\bon\s+({_ORDINAL})\b(?!\s+(?:floor|time|day|birthday|attempt|round|try|dose|week|"
            rf"visit|grade|"
            r"place|of|the|shift|cycle|pregnancy|baby|child|kid|line))"
        ),
        "street",
    ),
    # "off the A38", "on Route 9", "along I-95"
    (
        re.compile(
            r"\b(?:on|off|along|near|onto|from|up|down|at)\s+(?:the\s+)?((?:A|M)\d{1,4}|B\d{3,4}|"
            r"I-\d{1,3}|"
            r"(?:Route|Rte|Highway|Hwy|Interstate|SR|US)\s*-?\d{1,4})\b(?![\w-])"
        ),
        "street",
    ),
    # "from the Brambles estate", "the nail salon", "the care home on the hill"
    (
        re.compile(
            r"\b(?:from|at|outside|behind|near)\s+(the\s+(?:[\w'-]+\s+){0,3}?(?:salon|shop|store|"
            r"cafe|caf\u00e9|"
            r"pub|bar|takeaway|chippy|church|mosque|temple|synagogue|shelter|hostel|estate|farm|"
            r"garage|gym|"
            r"factory|depot|motel|hotel|bakery|market|care home|nursing home|flats|tower block|"
            r"caravan park|"
            r"trailer park|campsite|allotments)(?:\s+on\s+(?:\w+\s+)?\w+)?)\b"
        ),
        "area",
    ),
)
_HINTS = tuple(
    re.compile(h)
    for h in (
        _STREET_WORD,
        r"(?i) (?:lane|street|road|avenue|close|crescent|drive|terrace)\b",
        r"&|\d(?:st|nd|rd|th) and |and \d",
        r"\bon \d",
        r"\b(?:[AMB]\d|I-\d)|\b(?:Route|Rte|Highway|Hwy|Interstate|SR|US)\b",
        r"(?i)\b(?:from|at|outside|behind|near) the\b",
    )
)
# "Teddy at Riverside": a given name, then 'at' and a one- or two-word place.
_NAME_AT_RE = re.compile(rf"\b({_CAP})\s+(?:at|from)\s+({_CAP}(?:\s+{_CAP})?)\b")


def described_places(text: str, not_towns: frozenset[str]) -> list[tuple[int, int, str]]:
    """Candidate place spans that need the caller's 'is this tied to a person' check."""
    spans = []
    for (pattern, kind), hint in zip(_PATTERNS, _HINTS, strict=True):
        if not hint.search(text):
            continue
        for match in pattern.finditer(text):
            spans.append((match.start(1), match.end(1), kind))
    for match in _NAME_AT_RE.finditer(text):
        place = fold(match.group(2).split()[0])
        if fold(match.group(1)) in FIRST_NAMES and place not in not_towns and place not in CALENDAR_WORDS:
            after_title = text[max(0, match.start() - 4) : match.start()].strip().endswith(".")
            if place not in FIRST_NAMES and not after_title:
                spans.append((match.start(2), match.end(2), "named"))
    return spans
