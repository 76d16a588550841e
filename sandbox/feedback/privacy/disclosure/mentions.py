"""Where a draft mentions health at all: clinical terms, body-part injuries, durations and weights."""

from __future__ import annotations

import re

from ...caseless import caseless
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
_ADMIN_BEFORE_RE = caseless(
    r"\b(?:billing|scheduling|insurance|parking|phone|communication|paperwork|staffing|website|portal)\s+$",
)
_TOPIC_RE = caseless(
    r"\b(?:rounds|talk|lecture|presentation|webinar|session|course|training|conference|paper|study|research|"
    r"review|article|seminar|workshop|podcast|grant|trial)\s+(?:\w+\s+)?(?:on|about|in"
    r"|of)\s+(?:[\w'-]+\s+){0,2}$",
)
_TERM_AHEAD = rf"(?:{CLINICAL_TERM_RE.pattern})"
_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
PHRASES_RE = caseless(
    rf"\b{_NUM}\s+(?:days?|weeks?|wks?|months?|years?|yrs?)\s+(?:of\s+(?:[\w'-]+\s+){{0,2}}?"
    rf"(?={_TERM_AHEAD})|(?:sober|clean)\b"
    rf"|in (?:the\s+)?(?:neuro\s+|cardiac\s+)?(?:NICU|PICU|ICU|CCU|hospital|rehab)\b)"
    rf"|\b(?:born at|at)\s+\d{{1,2}}\s?(?:weeks|wks)\b|\b\d{{1,2}}\s?(?:weeks|wks) pregnant\b"
    rf"|\b\d{{2}}(?:\s?\+\s?\d)?[\s-]?weeker\b",
)
WEIGHT_RE = caseless(r"\b\d[\d,.]*\s?(?:lbs?|pounds|grams|kg|oz)\b(?:\s+\d+\s?oz)?")
_HEALING_RE = caseless(r"(?:that|those|your|ur|his|her|their|both|the)\s+(?:\w+\s+)?$")
_HEALING_AFTER_RE = re.compile(
    r"(?:'s|\s+(?:is|are|has|have|was|were|wouldn't have|would have|won't|will|got|had))?\s+['\"]?"
    r"(?:(?:so|much|a lot|still|really|all)\s+)*(?:heal\w*|feel\w*|doing|holding up|hurt\w*|sore|swollen|"
    r"recover\w*|looking|looked|looks|better|worse|healthier|settl\w*|improv\w*|mending|playing up|"
    r"acting up|behaving|packing up|failing|shutting down|giving up|giving (?:him|her|you|them) trouble"
    r"|bled|bleed\w*|swell\w*|broke|broken|cracked|"
    r"fractured|ache\w*|itch\w*|infected|numb|pinned|plated|set|fixed|removed|out|replaced|reconstructed|"
    r"stitched|glued|splinted|strapped|bandaged|in a cast|in plaster|turned|bruised|bleeding)\b",
    re.IGNORECASE,
)
_LODGED_RE = caseless(
    r"\b(?:stuck |lodged |embedded )?(?:in|into) (?:his|her|their)\s+(?:left |right )?$",
)


_MARK_ON_BODY_RE = caseless(
    rf"\b(?:spot|lump|bump|growth|mole|bruise|cut|gash|wound|sore|lesion|rash|bite|burn|scar|swelling"
    rf"|patch)s?"
    rf"\s+(?:on|in|under|behind)\s+(?:your|ur|his|her|their)\s+(?:left\s+|right\s+|lower\s+|upper\s+)?"
    rf"(?:{BODY_PART_RE.pattern})",
)
# A nickname built from a body part or condition: "the knee lady", "the stroke guy in 4".
NICKNAME_RE = caseless(
    rf"\bthe\s+(?:{BODY_PART_RE.pattern}|{CLINICAL_TERM_RE.pattern})\s+"
    rf"(?:lady|guy|man|woman|kid|boy|girl|baby|patient|pt|dude|gentleman|gent|fella|chap|bloke|one)\b(?!s)",
)


# Being on or off a support is health information: "off oxygen", "back on the vent", "on dialysis".
_ON_SUPPORT_RE = caseless(
    r"\b(?:on|off)\s+(?:the\s+)?(?:oxygen|o2|vent|ventilator|dialysis|bipap|cpap|high[- ]flow|drip|fluids|"
    r"antibiotics|steroids|insulin|morphine|suicide watch|obs|1:1|one-to-one|a drip|the list for)\b"
    r"|\b(?:she's|she is|she was|at|is)\s+\d{1,2}\s?(?:weeks|wks)\b(?!\s+(?:ago|old|later|from|in|into|of"
    r"|off))"
    r"|\bknown to (?:psych|psychiatry|mental health|services|the crisis team|social services)\b",
)
_PASSED_TEST_RE = re.compile(r"\s+(?:his|her|their|the|a|an|my|your)\b", re.IGNORECASE)


def find_mentions(text: str) -> list[tuple[int, int]]:
    """All clinical term matches (longest first where two overlap), minus place and programme names."""
    spans = [m.span() for m in CLINICAL_TERM_RE.finditer(text)]
    spans += [m.span() for m in ACRONYM_RE.finditer(text)]
    spans += [m.span() for m in BODY_PART_RE.finditer(text) if _healing_body_part(text, m)]
    spans += [m.span() for m in _MARK_ON_BODY_RE.finditer(text)]
    spans += [m.span() for m in _ON_SUPPORT_RE.finditer(text)]
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if chosen and start < chosen[-1][1] or _NOT_ABOUT_A_PERSON_RE.match(text, end):
            continue
        if _in_proper_name(text, start, end):
            continue
        if text[start:end].lower() == "passed" and _PASSED_TEST_RE.match(text, end):
            continue  # "passed his swallow test" is not a death
        if (
            text[start:end].lower() in _NOT_TERMS
            or _TOPIC_RE.search(text, max(0, start - 60), start)
            or _ADMIN_BEFORE_RE.search(text, max(0, start - 20), start)
        ):
            continue
        chosen.append((start, end))
    return chosen


_PROPER_BEFORE_RE = re.compile(r"(?<![.!?:]\s)(?<!^)\b(?-i:[A-Z][a-z]+)\s+$")
_PROPER_AFTER_RE = re.compile(
    r"\s+(?-i:(?:River|Road|Street|Lane|Park|City|Falls|Springs|Land|Creek|Hill))\b"
)


def _in_proper_name(text: str, start: int, end: int) -> bool:
    """'Cedar Falls', 'Sugar Land': a capitalised word inside a place name, not a health term."""
    word = text[start:end]
    if not word[:1].isupper() or word.isupper() or not is_weak(word):
        return False
    before = _PROPER_BEFORE_RE.search(text, max(0, start - 20), start)
    return bool(before or _PROPER_AFTER_RE.match(text, end))


def _healing_body_part(text: str, match: re.Match) -> bool:
    """'that ankle is healing', 'a fishhook in his eyelid': a body part tied to someone's injury."""
    before = text[max(0, match.start() - 24) : match.start()]
    if _LODGED_RE.search(before):
        return True
    return bool(_HEALING_RE.search(before) and _HEALING_AFTER_RE.match(text, match.end()))


def is_weak(term: str) -> bool:
    """True for terms that only count when something ties them to a person (pain, results)."""
    word = term.lower().replace("-", " ")
    return word in WEAK or word.rstrip("s") in WEAK or word[:-2] in WEAK
