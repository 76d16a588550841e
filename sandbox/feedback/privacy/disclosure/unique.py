"""UNIQUE: fame, a rare job, a rare event or a rare condition in a small place that singles a patient out."""

from __future__ import annotations

import re

from ...caseless import caseless
from ...model import Finding
from ...sources import cite
from . import traits
from .context import GENERIC_RE, Context
from .vocab import CLINICAL_TERM_RE

_PLACE = r"(?-i:(?:the\s+)?(?:[A-Z][\w'-]*|\d+[A-Za-z]*)(?:\s+(?:[A-Z][\w'-]*|\d+)){0,4})"
_ROAD = r"(?:route|rte|hwy|highway|interstate|i-|us-|sr-|state road|county road)\s?-?\d+"
_WHERE = rf"(?:on|at|in|near|off|by|outside|from)\s+(?:{_ROAD}|{_PLACE})"

_FAME_HIGH = (
    r"mayor|governor|(?:state |us |u\.s\. )?senator|congress(?:wo)?man|council(?:wo)?man|city councilor|"
    r"judge|sheriff|police chief|fire chief|superintendent|news anchor|anchorwoman|anchorman|weatherman|"
    r"quarterback|point guard|pitcher|head coach|football coach|basketball coach|pro athlete|"
    r"professional athlete|olympian|celebrity|country singer|pop star|rock star|rapper|movie star|"
    r"actor|actress|influencer|youtuber|billionaire|lighthouse keeper|ferry captain|astronaut|cellist|"
    r"violinist|bishop|rabbi|imam"
)
_FAME_LOW = (
    r"(?:dairy |cattle )?farmer|police officer|officer|firefighter|lineman|"
    r"(?:night-shift |shift )?supervisor|teacher|schoolteacher|coach|pastor|priest|principal|captain|ceo|"
    r"chef|pilot"
)
_FAME_HIGH_RE = caseless(
    rf"\b(?:the|a|an|our|his|her|their|this|that|retired|former|sitting|famous"
    rf"|local)\s+(?:[\w'-]+\s+){{0,3}}?"
    rf"(?:{_FAME_HIGH})s?\b(?:'s)?"
    rf"(?:\s+{_WHERE})?",
)
_FAME_LOW_RE = caseless(
    rf"\b(?:(?:the|a|an)\s+(?:(?:retired|former|local)\s+)?(?:{_PLACE}\s+)?(?:\w+'s\s+)?(?:{_FAME_LOW})"
    rf"(?=\s+(?:{_WHERE}|who|(?:we|I)(?:'re|'m| are| am)?\s+(?:treat|treated|treating|cared|saw|admitted)))"
    rf"(?:\s+{_WHERE})?|(?:retired|former)\s+(?:{_PLACE}\s+)?(?:{_FAME_LOW})\s+{_WHERE}"
    rf"|the\s+{_PLACE}\s+(?:{_FAME_LOW})|\b(?:{_FAME_LOW})\s+from\s+{_PLACE}|(?:the|a"
    rf"|an)\s+(?:\w+'s\s+)(?:night-shift\s+)?(?:{_FAME_LOW}))\b",
)
_EVENT_WORDS = (
    r"crash|bus crash|rollover|fire|apartment fire|house fire|blaze|inferno|wildfire|explosion|blast|"
    r"chemical leak|gas leak|leak|"
    r"shooting|stabbing|collision|wreck|pile-?up|accident|incident|outbreak|drowning|collapse|stampede|"
    r"tornado|derailment|spill|dog attack|mauling"
)
_EVENT_RE = caseless(
    rf"\b(?:(?:the|this morning's|last night's|yesterday's|today's|that)\s+)(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{_EVENT_WORDS})s?\s+{_WHERE}"
    rf"|\b(?:the|this morning's|last night's|yesterday's)\s+(?-i:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,4}})\s+"
    rf"(?:[\w-]+\s+)?(?:{_EVENT_WORDS})\b"
    rf"|\bthe\s+[\w -]{{2,20}}\s+vs\.?\s+[\w -]{{2,20}}\s+(?:incident|accident|crash|collision)\b"
    rf"|\b(?:electrocuted|drowned|mauled|shot|stabbed|trampled)\s+{_WHERE}",
)
_RARE_RE = caseless(
    rf"\bthe (?:first|only|second|third|last) (?:case|patient|person|kid|child|baby|man|woman) "
    rf"(?:of|in|with) [^.;:!?]{{3,60}}?\b(?:in|since) (?:{_PLACE}|town|the county|the state|decades|years)"
    rf"(?:\s+in\s+\d+\s+years)?"
    rf"|\b(?:the\s+)?only (?:\w+\s+){{1,2}}in (?:town|the county|the state|the city|the valley|the school"
    rf"|{_PLACE})"
    rf"(?: with (?:(?!\s-\s)[^.;:!?,]){{3,40}}\b)?"
    rf"|\bthe (?-i:[A-Z][a-z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,4}})\s+(?:family|church group|youth group|"
    rf"household|twins|triplets|quads)\b(?: with (?:(?!\s-\s)[^.;:!?,]){{3,60}}\b)?"
    rf"|\bthe (?:kid|boy|girl|man|woman|guy|lady|teen|family|couple|toddler) from {_PLACE}"
    rf"(?: who (?:(?!\s-\s)[^.;:!?,]){{3,60}}\b)?"
    rf"|\b(?:news story|viral video|news report|headlines?|story|video) about (?:the|that) "
    rf"(?:patient|man|woman|kid|child|baby|teen|family|guy|girl|boy) who (?:(?!\s-\s)[^.;:!?,]){{5,80}}\b"
    rf"|\b(?:three|four|five) generations of (?:(?!\s-\s)[^.;:!?,]){{3,40}}\b"
    rf"|\b(?:his|her|their) (?:last|latest|new|debut|hit) (?:album|single|movie|film|show|book|season)"
    rf"(?:(?!\s-\s)[^.;:!?,]){{0,40}}\b|\bthe (?:twins|triplets|quads|quintuplets|conjoined twins)\b"
    rf"|\b(?:triple|double) platinum\b",
)
_CARE_RE = caseless(
    r"\b(?:patients?|pt|admitted|admission|ED|ER|ICU|NICU|trauma|surgery|scrub(?:bed)? in|rehab|treated|"
    r"treating|case|diagnos\w*|hospital|clinic|unit|bay|bed|room|ambulance|code|discharged|cared for|"
    r"took care|critical condition|stable|injur\w*|broken|fracture|burn|stitches|seen|everything we could|"
    r"did all we could|department|paramedics?|EMS|medics?|pinned|plated|splinted|triage|A&E|theatre|ward|"
    r"resus|x-?rays?|patched up|stitched|trolley|gurney|stretcher|cubicle)\b",
)
_CARE_ACT_RE = caseless(
    r"\b(?:patients?|pt|admitted|admission|trauma bay|surgery|scrub(?:bed)? in|rehab|treated|treating|"
    r"diagnos\w*|discharged|cared for|took care|critical condition|stable|injur\w*|broken|fracture|burn|"
    r"stitches|seen in|came in|brought in|in our (?:ED|ER|ICU|unit|clinic)|ambulance|code|case|patched up|"
    r"stitched|sutured|splinted|resus|triage|trolley|gurney|stretcher|ward|bay|bed|cubicle)\b",
)
_DISCLAIMER_RE = caseless(
    r"\b(?:can't|cannot|can not|won't|neither) (?:confirm|deny|discuss|comment)|\brumou?r(?:ed|s)?\b",
)

MESSAGE = (
    "A detail like this (a well-known job, a rare event or a rare condition in a small place) can "
    "point to one person even without a name, and with it everyone nearby knows who was treated."
)
SUGGESTION = (
    "Drop the job, the event or the place, or describe it in general terms "
    '("a patient", "a recent accident") so no one can work out who it was.'
)


def find_unique(ctx: Context, cared_for: bool = False) -> list[Finding]:
    """Return UNIQUE spans (severity warn): fame, rare jobs, rare events and rare conditions tied to care."""
    text = ctx.text
    care = cared_for or _CARE_RE.search(text) or CLINICAL_TERM_RE.search(text)
    if _DISCLAIMER_RE.search(text) or not care:
        return []
    spans = [
        m.span()
        for pattern in (_FAME_HIGH_RE, _FAME_LOW_RE)
        for m in pattern.finditer(text)
        if _care_nearby(ctx, m.start(), cared_for) and not _PUBLIC_DUTY_RE.match(text, m.end())
    ]
    spans += [m.span() for pattern in (_EVENT_RE, _RARE_RE) for m in pattern.finditer(text)]
    spans += _trait_spans(ctx, cared_for)
    findings = []
    for start, end in _merge(spans):
        findings.append(
            Finding(
                kind="privacy",
                label="UNIQUE",
                severity="warn",
                start=start,
                end=_trim(text, start, end),
                rule="privacy.unique.identifying_detail",
                message=MESSAGE,
                suggestion=SUGGESTION,
                source=cite("hipaa.unique"),
            )
        )
    return findings


_NEAR_CARE = (
    traits.JOB_RE,
    traits.KNOWN_PERSON_RE,
    traits.TRAIT_RE,
    traits.LEGAL_RE,
    traits.REGULAR_RE,
    traits.OCCASION_RE,
)
_ANYWHERE = (traits.LOCAL_FIGURE_RE, traits.NAMED_EVENT_RE, traits.RARE_EVENT_RE)
_KEYS = {
    traits.LEGAL_RE: traits.LEGAL_KEYS,
    traits.REGULAR_RE: ("frequent fl",),
    traits.OCCASION_RE: traits.OCCASION_KEYS,
    traits.NAMED_EVENT_RE: traits.OCCASION_KEYS,
    traits.RARE_EVENT_RE: traits.EVENT_KEYS,
    traits.LOCAL_FIGURE_RE: ("from the", "who runs", "who owns", "who works at"),
}


_PUBLIC_DUTY_RE = re.compile(
    r"\s+(?:\w+\s+)?(?:visited|opened|toured|launched|announced|unveiled|spoke|cut the ribbon|attended|"
    r"joined us|donated|thanked|praised|met with)\b",
    re.IGNORECASE,
)


def _trait_spans(ctx: Context, cared_for: bool) -> list[tuple[int, int]]:
    """Jobs, ties to a known person, distinctive traits and local events, in a non-generic sentence."""
    spans = []
    lower = ctx.text.lower()
    for pattern in _NEAR_CARE + _ANYWHERE:
        if pattern in _KEYS and not any(map(lower.__contains__, _KEYS[pattern])):
            continue
        for match in pattern.finditer(ctx.text):
            start, end = ctx.sentence_at(match.start())
            generic = GENERIC_RE.search(ctx.text, start, end) and not ctx.anchored(match.start())
            if ctx.deidentified or generic:
                continue
            if pattern is traits.JOB_RE and traits.is_advice(ctx.text, match.start()):
                continue
            if _PUBLIC_DUTY_RE.match(ctx.text, match.end()):
                continue
            if pattern is traits.OCCASION_RE and not match.group().lower().startswith("the ") \
                    and not _someone_in_sentence(ctx, match.start()):
                continue
            if pattern in _ANYWHERE or _care_nearby(ctx, match.start(), cared_for):
                spans.append(match.span())
    return spans


_SOMEONE_RE = re.compile(r"\b(?:he|she|him|his|her|they|their|you|your)\b", re.IGNORECASE)


def _someone_in_sentence(ctx: Context, pos: int) -> bool:
    """An occasion only singles someone out when a person is in the sentence ('at his graduation')."""
    start, end = ctx.sentence_at(pos)
    return ctx.anchored(pos) or bool(_SOMEONE_RE.search(ctx.text, start, end))


def _care_nearby(ctx: Context, pos: int, cared_for: bool) -> bool:
    """A famous or rare-job person only counts when care or health is mentioned around them."""
    index = ctx.sentence_index(pos)
    start = ctx.sentences[max(index - 1, 0)][0]
    end = ctx.sentences[min(index + 1, len(ctx.sentences) - 1)][1]
    return bool(
        _CARE_ACT_RE.search(ctx.text, start, end)
        or CLINICAL_TERM_RE.search(ctx.text, start, end)
        or cared_for
        and (ctx.anchored(pos, reach=1) or len(ctx.text) <= _SHORT)
    )


_SHORT = 300  # in a short post about someone's care, a detail anywhere in it points at that person


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _trim(text: str, start: int, end: int) -> int:
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return end
