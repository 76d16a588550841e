"""RELATIONSHIP: words that confirm or imply a care relationship with one specific person."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ...model import Finding
from ...sources import cite
from .context import CONDITIONAL_RE, Context, quote

_OBJ = (
    r"(?:your\s+(?:\w+'s\s+)?\w+|ur\s+\w+|(?:you|u|him|her)\b|(?-i:(?:[Bb]aby\s+)?[A-Z][a-z]+)"
    r"|(?:mr|mrs|ms)\.?\s+\w+|(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:patient|man|woman|guy|lady|kid|boy|"
    r"girl|baby|teen|teenager|gentleman|chief|mayor|coach|family|twins|senator|governor|anchor)\b)"
)
_RELATIVE = r"(?:mom|mother|mum|dad|father|son|daughter|wife|husband|baby|child|kid|grandma|grandpa|" \
            r"grandmother|grandfather|brother|sister|partner|aunt|uncle)"
_VISIT = r"(?:appointment|appt|visit|visits|session|sessions|consult|consultation|follow-up|followup|" \
         r"check-?up|exam|cleaning|procedure|surgery|operation|admission|stay|discharge|results|" \
         r"x-?rays?|scan|imaging|testing|test|labs|chart|records|file|treatment plan)"
_CARER = r"(?:nurse|doctor|dentist|therapist|surgeon|provider|physician|pharmacist|counselor|counsellor|" \
         r"hygienist|midwife|OB|PT|NP|PA|attending|resident|chiropractor|GP|PCP|tech|technician|medic|" \
         r"[a-z]{2,}(?:ist|ian)\b)"

_CARE_VERBS_RE = re.compile(
    rf"\b(?:operated on|operating on|cared for|caring for|care for|took care of|taking care of|take care of|"
    rf"treated|treating|examined|admitted|discharged|delivered|swabbed|stitched|stitched up|sutured|"
    rf"scoped|x-?rayed|intubated|resuscitated|coded|vaccinated)\s+{_OBJ}"
    rf"|\b(?:I|we)\s+(?:just\s+)?(?:set|casted|splinted|reduced)\s+(?:his|her|your|ur)\b",
    re.IGNORECASE,
)
_SUBJECT_CARE_RE = re.compile(
    r"\b(?:I|we|i've|we've|i'd|we'd|I had to|we had to)\s+(?:(?:just|already|all|both|also|personally)\s+)?"
    r"(?:remember(?:ed)?\s+(?:your\s+\w+|(?:you|u|him|her)\b|baby\s+\w+)|remember\b(?=\s*[-,.!])|"
    r"redo|redid|re-did|had (?:him|her)\b|saw (?:you|u|him|her)\b(?!\s+(?:post|comment|review|tweet))|"
    r"told (?:you|u)\b(?=[^.!?]{0,40}(?:surgery|visit|appointment|session|before|that|at))|"
    r"(?:discussed|explained|reviewed)(?=[^.!?]{0,30}\b(?:your|at|this at|during)\b))",
    re.IGNORECASE,
)
_PATIENT_OF_RE = re.compile(
    r"\b(?=my\b|our\b)(?<!\bany )(?<!\bevery )(?<!\bno )(?:my|our)\s+(?:(?:sweet(?:est)?|favou?rite|former|"
    r"current|longest-standing|oldest|youngest|first|last|little|new|brave|dear|lovely|\w+-?\w*)\s+){0,2}"
    r"(?:patient|(?-i:pt|Pt)|client|resident)\b(?!s|'s\b|\s+(?:portal|relations|advocate|experience|safety|"
    r"liaison|line|education|navigator|services|information|satisfaction|population|records?|care|team|staff|"
    r"department|unit|group|program|family|families|council|voices?)\b)"
    r"|\ba patient of (?:mine|ours)\b",
    re.IGNORECASE,
)
_YOU_WERE_PATIENT_RE = re.compile(
    r"\b(?:you|u|she|he)\s+(?:were|was|are|is)\s+(?:a|an|the|my|our|such a)\s+(?:\w+\s+){0,3}(?:patient|pt)\b"
    r"|\b(?:you|u)\s+were\s+(?:seen|here|admitted|on our unit|"
    r"in (?:our|the) (?:clinic|office|ER|ED|unit|ICU))\b"
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
_STAFF_WHO_RE = re.compile(
    rf"\b(?-i:I) (?:was|am) the (?:\w+\s+)?{_CARER}\s+(?:on duty|on call|that (?:night|day|morning|evening)|"
    rf"who (?:saw|treated|admitted|examined|discharged|cared for))\b"
    rf"|\b{_CARER}\s+who\s+(?:\w+\s+){{0,2}}?(?:you|u|your\s+\w+)\b"
    rf"|\b(?:remembers|still remember|all remember)\s+(?:you|u|your\s+\w+)\b"
    rf"(?!\s+(?:to|that|when))"
    rf"|\b(?:keep|kept|admit|send|sent|discharge|transfer|transferred|examine|examined|stitch|swab|"
    rf"x-?ray)\s+(?:you|u)\s+(?:overnight|home|in|to the|for (?:observation|the night|surgery)|that|last|"
    rf"yesterday)\b"
    rf"|\b(?:seeing|meeting|treating|caring for|having)\s+(?:you|u)\b(?=[^.!?]{{0,30}}\b(?:clinic|office|"
    rf"appointment|visit|check-?up|as (?:a|our) patient)\b)"
    rf"|\bsee (?:you|u) (?:at|for) (?:your|the|our) next\b",
    re.IGNORECASE,
)
_MET_IN_REVIEW_RE = re.compile(
    r"\b(?:seeing|meeting|treating|caring for|having)\s+(?:you|u)\b(?=[^.!?]{0,30}\b(?:last|yesterday|today|"
    r"this morning|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b)",
    re.IGNORECASE,
)
_RELATIVE_ADMITTED_RE = re.compile(
    rf"\b(?:your|whose|his|her)\s+{_RELATIVE}\s+(?:I|we)\s+(?:just\s+)?(?:admitted|treated|saw|operated on|"
    rf"discharged|cared for|delivered)\b|\bwe did (?:everything|all) we could\b"
    rf"|\b(?:the|your|ur|his|her)\s+(?:[\w-]+\s+){{0,2}}?(?:surgery|procedure|repair|operation|replacement|"
    rf"reconstruction|fusion|scope|c-section|delivery|extraction|filling|crown|implant|stitches|cast)s?\s+"
    rf"(?:that\s+)?(?:I|we)\s+(?:did|performed|placed|put in|gave you)\b",
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
    rf"(?:(?:already|quickly|correctly|promptly)\s+)?(?:triaged|admitted|treated|discharged|examined|"
    rf"operated on|stitched|intubated|transferred|seen by|sedated|casted)\b"
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
    return bool(_PAST_OCCASION_RE.search(window))


_PAST_OCCASION_RE = re.compile(
    r"\b(?:last|recent|previous|was|were|on the|yesterday|today|this morning|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|showed)\b",
    re.IGNORECASE,
)


def _in_review(ctx: Context, pos: int) -> bool:
    return ctx.draft.platform == "reviews"


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
    _Rule("privacy.relationship.care_act", _STAFF_WHO_RE, _addressed_or_specific),
    _Rule("privacy.relationship.care_act", _MET_IN_REVIEW_RE, _in_review),
)

MESSAGE = ("Saying {words} tells everyone reading that this person is, or was, a patient, and that fact "
           "is itself protected health information.")
REVIEW_NOTE = " Practices have been fined for review replies that confirmed the reviewer was a patient."
SUGGESTION = ("Thank them without confirming they are a patient, and invite them to call the office or use "
              "the patient portal so you can talk privately.")
STORY_SUGGESTION = ("Leave out anything that shows who you cared for. Talk about your work in general terms, "
                    "and only share a patient's story with their written permission.")


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
    review = ctx.draft.platform == "reviews"
    public = review or ctx.draft.audience == "public"
    if review:
        rule = "privacy.relationship.review_confirmation"
    return Finding(
        kind="privacy", label="RELATIONSHIP", severity="block" if public else "warn", start=start, end=end,
        rule=rule,
        message=MESSAGE.format(words=quote(ctx.text, start, end)) + (REVIEW_NOTE if review else ""),
        suggestion=SUGGESTION if review or ctx.addressed else STORY_SUGGESTION,
        source=cite("ocr.reviews") if ctx.draft.platform == "reviews" else cite("hipaa.phi"),
    )
