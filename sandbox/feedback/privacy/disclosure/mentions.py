"""Where a draft mentions health at all: clinical terms, body-part injuries, durations and weights."""

from __future__ import annotations

import re

from .vocab import ACRONYM_RE, BODY_PART_RE, CLINICAL_TERM_RE, WEAK

_NOT_ABOUT_A_PERSON_RE = re.compile(
    r"(?:[\s-]+(?:infusion|imaging|dental|surgical|screening))?[\s-]+(?:coverage|machine|machines|scanner|"
    r"appointments|slots|waits?|wait times|times|prices|costs|rules|codes|billing|equipment|benefits|"
    r"epidemic|pandemic|outbreak|era|survivors?|ward|wing|awareness|vaccines?|"
    r"lab|labs|unit|suite|team|department|dept|clinic|center|centre|program|programme|study|bundle|"
    r"awareness|season|month|week|day|walk|drive|research|rounds|conference|nurse|nursing|service|services|"
    r"floor|ward|bay|room|line|policy|protocol|guidelines|screening day|survivors|community|ppx|prophylaxis|"
    r"compliance|prevention|certification|recertification|course|crew|staff|nurses|doctors|parents|grads?)\b",
    re.IGNORECASE,
)
_NOT_TERMS = {"acls", "pals", "bls", "nrp", "tncc"}
_ADMIN_BEFORE_RE = re.compile(
    r"\b(?:billing|scheduling|insurance|parking|phone|communication|paperwork|staffing|website|portal)\s+$",
    re.IGNORECASE,
)
_TOPIC_RE = re.compile(
    r"\b(?:rounds|talk|lecture|presentation|webinar|session|course|training|conference|paper|study|research|"
    r"review|article|seminar|workshop|podcast|grant|trial)\s+(?:\w+\s+)?(?:on|about|in|of)\s+(?:[\w'-]+\s+){0,2}$",
    re.IGNORECASE,
)
_TERM_AHEAD = rf"(?:{CLINICAL_TERM_RE.pattern})"
_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
PHRASES_RE = re.compile(
    rf"\b{_NUM}\s+(?:days?|weeks?|wks?|months?|years?|yrs?)\s+(?:of\s+(?:[\w'-]+\s+){{0,2}}?"
    rf"(?={_TERM_AHEAD})|(?:sober|clean)\b"
    rf"|in (?:the\s+)?(?:neuro\s+|cardiac\s+)?(?:NICU|PICU|ICU|CCU|hospital|rehab)\b)"
    rf"|\b(?:born at|at)\s+\d{{1,2}}\s?(?:weeks|wks)\b|\b\d{{1,2}}\s?(?:weeks|wks) pregnant\b",
    re.IGNORECASE,
)
WEIGHT_RE = re.compile(r"\b\d[\d,.]*\s?(?:lbs?|pounds|grams|kg|oz)\b(?:\s+\d+\s?oz)?", re.IGNORECASE)
_HEALING_RE = re.compile(
    r"(?:that|those|your|ur|his|her)\s+(?:\w+\s+)?$", re.IGNORECASE
)
_HEALING_AFTER_RE = re.compile(
    r"\s+(?:is |are |has |have |was |were )?(?:heal\w*|feel\w*|doing|holding up|hurt\w*|sore|swollen|"
    r"recover\w*|looking|better|bled|bleed\w*|swell\w*|broke|ache\w*|itch\w*|infected|numb)\b",
    re.IGNORECASE,
)
_LODGED_RE = re.compile(r"\b(?:stuck |lodged |embedded )?(?:in|into) (?:his|her|their)\s+(?:left |right )?$",
                        re.IGNORECASE)


def find_mentions(text: str) -> list[tuple[int, int]]:
    """All clinical term matches (longest first where two overlap), minus place and programme names."""
    spans = [m.span() for m in CLINICAL_TERM_RE.finditer(text)]
    spans += [m.span() for m in ACRONYM_RE.finditer(text)]
    spans += [m.span() for m in BODY_PART_RE.finditer(text) if _healing_body_part(text, m)]
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if chosen and start < chosen[-1][1] or _NOT_ABOUT_A_PERSON_RE.match(text, end):
            continue
        if text[start:end].lower() in _NOT_TERMS or _TOPIC_RE.search(text, max(0, start - 60), start) \
                or _ADMIN_BEFORE_RE.search(text, max(0, start - 20), start):
            continue
        chosen.append((start, end))
    return chosen


def _healing_body_part(text: str, match: re.Match) -> bool:
    """'that ankle is healing', 'a fishhook in his eyelid': a body part tied to someone's injury."""
    before = text[max(0, match.start() - 24):match.start()]
    if _LODGED_RE.search(before):
        return True
    return bool(_HEALING_RE.search(before) and _HEALING_AFTER_RE.match(text, match.end()))


def is_weak(term: str) -> bool:
    """True for terms that only count when something ties them to a person (pain, results)."""
    word = term.lower().replace("-", " ")
    return word in WEAK or word.rstrip("s") in WEAK or word[:-2] in WEAK
