"""RELATIONSHIP: words that confirm or imply a care relationship with one specific person."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ...model import Finding
from ...sources import cite
from .context import CONDITIONAL_RE, Context

_OBJ = r"(?:you|u|him|her|your\s+(?:\w+'s\s+)?\w+|ur\s+\w+|(?-i:(?:[Bb]aby\s+)?[A-Z][a-z]+)|(?:mr|mrs|ms)\.?\s+\w+)"
_RELATIVE = r"(?:mom|mother|mum|dad|father|son|daughter|wife|husband|baby|child|kid|grandma|grandpa|" \
            r"grandmother|grandfather|brother|sister|partner|aunt|uncle)"
_VISIT = r"(?:appointment|appt|visit|visits|session|sessions|consult|consultation|follow-up|followup|" \
         r"check-?up|exam|cleaning|procedure|surgery|operation|admission|stay|discharge|results|" \
         r"x-?rays?|scan|imaging|testing|test|labs|chart|records|file|treatment plan)"
_CARER = r"(?:nurse|doctor|dentist|therapist|surgeon|provider|physician|pharmacist|counselor|counsellor|" \
         r"hygienist|midwife|OB|PT|physical therapist|NP|PA|attending|resident|psychiatrist|chiropractor)"

_CARE_VERBS_RE = re.compile(
    rf"\b(?:operated on|operating on|cared for|caring for|care for|took care of|taking care of|take care of|"
    rf"treated|treating|examined|admitted|discharged|delivered|swabbed|stitched|stitched up|sutured|"
    rf"scoped|x-?rayed|intubated|resuscitated|coded|vaccinated)\s+{_OBJ}"
    rf"|\b(?:I|we)\s+(?:just\s+)?(?:set|casted|splinted|reduced)\s+(?:his|her|your|ur)\b",
    re.IGNORECASE,
)
_SUBJECT_CARE_RE = re.compile(
    rf"\b(?:I|we|i've|we've|i'd|we'd|I had to|we had to)\s+(?:(?:just|already|all|both|also|personally)\s+)?"
    rf"(?:remember(?:ed)?\s+(?:you|u|him|her|baby\s+\w+|your\s+\w+)|remember\b(?=\s*[-,.!])|"
    rf"redo|redid|re-did|had (?:him|her)\b|saw (?:you|u|him|her)\b(?!\s+(?:post|comment|review|tweet))|"
    rf"told (?:you|u)\b(?=[^.!?]{{0,40}}(?:surgery|visit|appointment|session|before|that|at))|"
    rf"(?:discussed|explained|reviewed)(?=[^.!?]{{0,30}}\b(?:your|at|this at|during)\b))",
    re.IGNORECASE,
)
_PATIENT_OF_RE = re.compile(
    r"(?<!\bany )(?<!\bevery )(?<!\bno )\b(?:my|our)\s+(?:(?:sweet(?:est)?|favou?rite|former|current|"
    r"longest-standing|oldest|youngest|first|last|little|new|brave|dear|lovely|\w+-?\w*)\s+){0,2}"
    r"(?:patient|pt|client|resident)\b(?!s|'s\b|\s+(?:portal|relations|advocate|experience|safety|liaison|"
    r"line|education|navigator|services|information|satisfaction|population|records?|care)\b)"
    r"|\ba patient of (?:mine|ours)\b",
    re.IGNORECASE,
)
_YOU_WERE_PATIENT_RE = re.compile(
    r"\b(?:you|u|she|he)\s+(?:were|was|are|is)\s+(?:a|an|the|my|our|such a)\s+(?:\w+\s+){0,3}(?:patient|pt)\b"
    r"|\b(?:you|u)\s+were\s+(?:seen|here|admitted|on our unit|in (?:our|the) (?:clinic|office|ER|ED|unit|ICU))\b"
    r"|\b(?:you|u)\s+(?:\w+\s+)?(?:came|come|were brought|walked)\s+(?:in|into|to)\s+(?:the|our)?\s*"
    r"(?:ER|ED|clinic|office|hospital|unit|urgent care|emergency room)\b"
    r"|\bwhen (?:you|u) (?:came|were) in\b|\b(?:I|we) (?:saw|treated|met) (?:you|u) (?:in|at) "
    r"(?:the |our )?(?:clinic|office|ER|ED|hospital)\b",
    re.IGNORECASE,
)
_YOUR_VISIT_RE = re.compile(
    rf"\b(?:your|ur)\s+(?:{_RELATIVE}'s\s+)?(?:(?:last|recent|previous|first|next|latest|most recent|"
    rf"two|three|last two|last three|\d+)\s+)?{_VISIT}\b",
    re.IGNORECASE,
)
_AS_YOUR_CARER_RE = re.compile(
    rf"\b(?:I was|I'm|I am|as|being|we were|I've been)\s+(?:your|ur|his|her)\s+(?:{_RELATIVE}'s\s+)?"
    rf"(?:\w+\s+)?{_CARER}\b|\b(?:I|we) (?:was|were) the (?:\w+\s+)?{_CARER} for (?:your|his|her)\b",
    re.IGNORECASE,
)
_OUR_SESSION_RE = re.compile(
    r"\bour\s+(?:(?:last|next|previous|recent|first|weekly)\s+)?(?:session|sessions|appointment|appt|visit)\b"
    r"|\bour work together\b|\boutside (?:of )?(?:clinic|the clinic|the office|the hospital|therapy)\b"
    r"|\b(?:our|the) (?:records|chart|notes|log) (?:show|shows|say|says)\b|\bper our records\b"
    r"|\bwe (?:checked|reviewed|pulled) (?:the|your) (?:chart|records|file)\b",
    re.IGNORECASE,
)
_RELATIVE_ADMITTED_RE = re.compile(
    rf"\b(?:your|whose|his|her)\s+{_RELATIVE}\s+(?:I|we)\s+(?:just\s+)?(?:admitted|treated|saw|operated on|"
    rf"discharged|cared for|delivered)\b|\bwe did (?:everything|all) we could\b",
    re.IGNORECASE,
)
_OUR_UNIT_RE = re.compile(
    r"\b(?:from|in) our (?:NICU|ICU|CCU|PICU|unit|floor|ward|infusion center|clinic|practice|ED|ER|"
    r"cath lab|memory clinic|cancer center|dialysis unit)\b",
    re.IGNORECASE,
)
_GENERIC_NEARBY_RE = re.compile(
    r"\b(?:can't|cannot|can not|won't|unable to|not able to) (?:confirm|discuss|share|say)\b|\bwhether\b"
    r"|\bany (?:patient|individual)\b|%\s?off|\b(?:discount|promo|code|book (?:ur|your|a|now))\b",
    re.IGNORECASE,
)
_PASSIVE_CARE_RE = re.compile(
    rf"\b(?:you|u|your\s+{_RELATIVE}|(?:he|she)(?=[^.!?]{{0,40}}\b(?:your|our)\b))\s+(?:was|were)\s+"
    rf"(?:(?:already|quickly|correctly|promptly)\s+)?(?:triaged|admitted|treated|discharged|examined|operated on|"
    rf"stitched|intubated|transferred|seen by|sedated|casted)\b"
    rf"|\b(?:you|u)\s+signed\s+(?:the|your|our)\s+(?:treatment plan|consent|intake form|forms?|paperwork)\b"
    rf"|\b(?:we'll|we will|I'll|I will|we can|let us)\s+redo\s+(?:yours|ur[s]?|your\s+\w+|it)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Rule:
    rule: str
    pattern: re.Pattern
    allowed: Callable[[Context, int], bool]


def _always(ctx: Context, pos: int) -> bool:
    return True


def _addressed_or_specific(ctx: Context, pos: int) -> bool:
    """'your visit' confirms care in a reply or DM, or when it is pinned to a past occasion."""
    start, end = ctx.sentence_at(pos)
    window = ctx.text[pos:min(end, pos + 60)]
    if ctx.addressed:
        return True
    return bool(re.search(r"\b(?:last|recent|previous|was|were|on the|yesterday|today|this morning|"
                          r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|showed)\b", window, re.I))


def _anchored(ctx: Context, pos: int) -> bool:
    return ctx.anchored(pos)


RULES = (
    _Rule("privacy.relationship.care_act", _CARE_VERBS_RE, _always),
    _Rule("privacy.relationship.care_act", _SUBJECT_CARE_RE, _always),
    _Rule("privacy.relationship.my_patient", _PATIENT_OF_RE, _always),
    _Rule("privacy.relationship.my_patient", _YOU_WERE_PATIENT_RE, _always),
    _Rule("privacy.relationship.your_visit", _YOUR_VISIT_RE, _addressed_or_specific),
    _Rule("privacy.relationship.your_carer", _AS_YOUR_CARER_RE, _always),
    _Rule("privacy.relationship.shared_care", _OUR_SESSION_RE, _addressed_or_specific),
    _Rule("privacy.relationship.care_act", _RELATIVE_ADMITTED_RE, _always),
    _Rule("privacy.relationship.our_unit", _OUR_UNIT_RE, _anchored),
    _Rule("privacy.relationship.care_act", _PASSIVE_CARE_RE, _always),
)

MESSAGE = ("Saying this tells everyone reading that this person is, or was, your patient, and that fact "
           "is itself protected health information. Practices have been fined for replies that did this.")
SUGGESTION = ("Thank them without confirming they are a patient, and invite them to call the office or use "
              "the patient portal so you can talk privately.")


def find_relationship(ctx: Context) -> list[Finding]:
    """Return RELATIONSHIP spans: phrases that confirm someone received care from the author."""
    findings: list[Finding] = []
    for rule in RULES:
        for match in rule.pattern.finditer(ctx.text):
            if _skipped(ctx, match.start()) or not rule.allowed(ctx, match.start()):
                continue
            findings.append(_finding(ctx, rule.rule, match.start(), match.end()))
    return findings


def _skipped(ctx: Context, pos: int) -> bool:
    """Disclaimers ('we can't confirm whether...') and conditionals confirm nobody."""
    start, end = ctx.sentence_at(pos)
    sentence = ctx.text[start:end]
    return bool(_GENERIC_NEARBY_RE.search(sentence)) or bool(CONDITIONAL_RE.search(ctx.text, start, pos))


def _finding(ctx: Context, rule: str, start: int, end: int) -> Finding:
    public = ctx.draft.platform == "reviews" or ctx.draft.audience == "public"
    if ctx.draft.platform == "reviews":
        rule = "privacy.relationship.review_confirmation"
    return Finding(
        kind="privacy", label="RELATIONSHIP", severity="block" if public else "warn", start=start, end=end,
        rule=rule, message=MESSAGE, suggestion=SUGGESTION,
        source=cite("ocr.reviews") if ctx.draft.platform == "reviews" else cite("hipaa.phi"),
    )
