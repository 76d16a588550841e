"""RELATIONSHIP: words that confirm or imply a care relationship with one specific person."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ...caseless import caseless
from ...model import Finding
from ...sources import cite
from . import care_cues as cues
from . import story_cues as stories
from .context import CONDITIONAL_RE, GENERIC_RE, Context, is_conditional, quote
from .vocab import CLINICAL_TERM_RE

_OBJ = (
    r"(?:your\s+(?:\w+'s\s+)?\w+|ur\s+\w+|(?:you|u|him|her)\b|(?-i:(?:[Bb]aby\s+)?[A-Z][a-z]+)"
    r"|(?:mr|mrs|ms)\.?\s+\w+|(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:patient|man|woman|guy|lady|kid|boy|"
    r"girl|baby|teen|teenager|gentleman|chief|mayor|coach|family|twins|senator|governor|anchor)\b)"
)
_RELATIVE = (
    r"(?:mom|mother|mum|dad|father|son|daughter|wife|husband|baby|child|kid|grandma|grandpa|"
    r"grandmother|grandfather|brother|sister|partner|aunt|uncle)"
)
_VISIT = (
    r"(?:appointment|appt|visit|visits|session|sessions|consult|consultation|follow-up|followup|"
    r"check-?up|exam|cleaning|procedure|surgery|operation|admission|stay|discharge|results|"
    r"x-?rays?|scan|imaging|testing|test|labs|chart|records|file|treatment plan)"
)
_CARER = (
    r"(?:nurse|doctor|dentist|therapist|surgeon|provider|physician|pharmacist|counselor|counsellor|"
    r"hygienist|midwife|OB|PT|NP|PA|attending|resident|chiropractor|GP|PCP|tech|technician|medic|"
    r"[a-z]{2,}+(?<=ist|ian)\b)"
)

_CARE_VERBS_RE = caseless(
    rf"\b(?:operated on|operating on|cared for|caring for|care for|took care of|taking care of|take care of|"
    rf"treated|treating|examined|admitted|discharged|delivered|swabbed|stitched|stitched up|sutured|"
    rf"scoped|x-?rayed|intubated|resuscitated|coded|vaccinated)\s+{_OBJ}"
    rf"|\b(?:I|we)\s+(?:just\s+)?(?:set|casted|splinted|reduced)\s+(?:his|her|your|ur)\b",
)
_SUBJECT_CARE_RE = caseless(
    r"\b(?:I|we|i've|we've|i'd|we'd|I had to|we had to)\s+(?:(?:just|already|all|both|also|personally)\s+)?"
    r"(?:remember(?:ed)?\s+(?:your\s+\w+|(?:you|u|him|her)\b|baby\s+\w+)|remember\b(?=\s*[-,.!])|"
    r"redo|redid|re-did|had (?:him|her)\b|saw (?:you|u|him|her)\b(?!\s+(?:post|comment|review|tweet))|"
    r"told (?:you|u)\b(?=[^.!?]{0,40}(?:surgery|visit|appointment|session|before|that|at))|"
    r"(?:discussed|explained|reviewed)(?=[^.!?]{0,30}\b(?:your|at|this at|during)\b))",
)
_PATIENT_OF_RE = caseless(
    r"\b(?=my\b|our\b)(?<!\bany )(?<!\bevery )(?<!\bno )(?:my|our)\s+(?:(?:sweet(?:est)?|favou?rite|former|"
    r"current|longest-standing|oldest|youngest|first|last|little|new|brave|dear|lovely|\w+-?\w*)\s+){0,3}"
    r"(?:patient|(?-i:pt|Pt)|client|resident)\b(?!s|'s\b|\s+(?:portal|relations|advocate|experience|safety|"
    r"liaison|line|education|navigator|services|information|satisfaction|population|records?|care|team|staff|"
    r"department|unit|group|program|family|families|council|voices?)\b)"
    r"|\ba patient of (?:mine|ours)\b",
)
_YOU_WERE_PATIENT_RE = caseless(
    r"\b(?:you|u|she|he)\s+(?:were|was|are|is)\s+(?:a|an|the|my|our|such a)\s+(?:\w+\s+){0,3}(?:patient|pt)\b"
    r"|\b(?:you|u)\s+were\s+(?:seen|here|admitted|on our unit|"
    r"in (?:our|the) (?:clinic|office|ER|ED|unit|ICU))\b"
    r"|\b(?:you|u)\s+(?:\w+\s+)?(?:came|come|were brought|walked)\s+(?:in|into|to)\s+(?:the|our)?\s*"
    r"(?:ER|ED|clinic|office|hospital|unit|urgent care|emergency room)\b"
    r"|\bwhen (?:you|u) (?:came|were) in\b|\b(?:I|we) (?:saw|treated|met) (?:you|u) (?:in|at) "
    r"(?:the |our )?(?:clinic|office|ER|ED|hospital)\b",
)
_YOUR_VISIT_RE = re.compile(
    rf"\b(?:your|ur)\s+(?:{_RELATIVE}'s\s+)?(?:(?:last|recent|previous|first|next|latest|most recent|"
    rf"two|three|last two|last three|\d+)\s+)?{_VISIT}\b",
    re.IGNORECASE,
)
_AS_YOUR_CARER_RE = caseless(
    rf"\b(?:I was|I'm|I am|as|being|we were|I've been)\s+(?:your|ur|his|her)\s+(?:{_RELATIVE}'s\s+)?"
    rf"(?:\w+\s+)?{_CARER}\b|\b(?:I|we) (?:was|were) the (?:\w+\s+)?{_CARER} for (?:your|his|her)\b",
)
_OUR_SESSION_RE = caseless(
    r"\bour\s+(?:(?:last|next|previous|recent|first|weekly)\s+)?(?:session|sessions|appointment|appt|visit)\b"
    r"|\bour work together\b|\boutside (?:of )?(?:clinic|the clinic|the office|the hospital|therapy)\b"
    r"|\b(?:our|the) (?:records|chart|notes|log) (?:show|shows|say|says)\b|\bper our records\b"
    r"|\bwe (?:checked|reviewed|pulled) (?:the|your) (?:chart|records|file)\b",
)
_STAFF_WHO_RE = caseless(
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
)
_MET_IN_REVIEW_RE = caseless(
    r"\b(?:seeing|meeting|treating|caring for|having)\s+(?:you|u)\b(?=[^.!?]{0,30}\b(?:last|yesterday|today|"
    r"this morning|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b)",
)
_RELATIVE_ADMITTED_RE = caseless(
    rf"\b(?:your|whose|his|her)\s+{_RELATIVE}\s+(?:I|we)\s+(?:just\s+)?(?:admitted|treated|saw|operated on|"
    rf"discharged|cared for|delivered)\b|\bwe did (?:everything|all) we could\b"
    rf"|\b(?:the|your|ur|his|her)\s+(?:[\w-]+\s+){{0,2}}?(?:surgery|procedure|repair|operation|replacement|"
    rf"reconstruction|fusion|scope|c-section|delivery|extraction|filling|crown|implant|stitches|cast)s?\s+"
    rf"(?:that\s+)?(?:I|we)\s+(?:did|performed|placed|put in|gave you)\b",
)
_OUR_UNIT_RE = re.compile(
    r"\b(?:from|in) our (?:NICU|ICU|CCU|PICU|unit|floor|ward|infusion center|clinic|practice|ED|ER|"
    r"cath lab|memory clinic|cancer center|dialysis unit)\b",
    re.IGNORECASE,
)
_GENERIC_NEARBY_RE = caseless(
    r"\b(?:can't|cannot|can not|won't|unable to|not able to) (?:confirm|discuss|share|say)\b|\bwhether\b"
    r"|\bany (?:patient|individual)\b|%\s?off|\b(?:discount|promo|code|book (?:ur|your|a|now))\b",
)
_PASSIVE_CARE_RE = caseless(
    rf"\b(?:you|u|your\s+{_RELATIVE}|(?:he|she)(?=[^.!?]{{0,40}}\b(?:your|our)\b))\s+(?:was|were)\s+"
    rf"(?:(?:already|quickly|correctly|promptly)\s+)?(?:triaged|admitted|treated|discharged|examined|"
    rf"operated on|stitched|intubated|transferred|seen by|sedated|casted)\b"
    rf"|\b(?:you|u)\s+signed\s+(?:the|your|our)\s+(?:treatment plan|consent|intake form|forms?|paperwork)\b"
    rf"|\b(?:we'll|we will|I'll|I will|we can|let us)\s+redo\s+(?:yours|ur[s]?|your\s+\w+|it)\b",
)


_CARE_VERB_KEYS = (
    "operat", "cared", "caring", "care for", "care of", "treat", "examin", "admit", "discharg", "deliver",
    "swab", "stitch", "sutur", "scope", "x-ray", "xray", "intubat", "resusc", "coded", "vaccin", "set ",
    "casted", "splint", "reduced",
)
_SUBJECT_CARE_KEYS = ("remember", "redo", "redid", "re-did", "had him", "had her", "saw", "told",
                      "discussed", "explained", "reviewed")
_RELATIVE_ADMITTED_KEYS = ("admitted", "treated", "saw", "operated", "discharged", "cared", "delivered",
                           "did", "performed", "placed", "put in", "gave you")
_STAFF_WHO_KEYS = (
    "who", "was the", "am the", "remember", "keep", "kept", "admit", "send", "sent", "discharge", "transfer",
    "examine", "stitch", "swab", "x-ray", "xray", "seeing", "meeting", "treating", "caring", "having",
    "see you", "see u",
)


@dataclass(frozen=True)
class _Rule:
    rule: str
    pattern: re.Pattern
    allowed: Callable[[Context, int], bool]
    keys: tuple[str, ...] = ()  # lower-case words one of which must occur, a cheap test before the regex
    reviews_only: bool = False


def _always(ctx: Context, pos: int) -> bool:
    return True


def _addressed_or_specific(ctx: Context, pos: int) -> bool:
    """'your visit' confirms care in a reply or DM, or when it is pinned to a past occasion."""
    start, end = ctx.sentence_at(pos)
    window = ctx.text[pos : min(end, pos + 60)]
    if ctx.addressed:
        return True
    return bool(_PAST_OCCASION_RE.search(window))


_PAST_OCCASION_RE = caseless(
    r"\b(?:last|recent|previous|was|were|on the|yesterday|today|this morning|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|showed)\b",
)


def _in_review(ctx: Context, pos: int) -> bool:
    return ctx.draft.platform == "reviews"


def _anchored(ctx: Context, pos: int) -> bool:
    return ctx.anchored(pos)


def _specific(ctx: Context, pos: int) -> bool:
    """The sentence is about someone in particular, not patients in general."""
    start, end = ctx.sentence_at(pos)
    return not ctx.deidentified and not any(
        not _ONE_OF_OURS_RE.search(ctx.text, max(start, m.start() - 40), m.start())
        for m in GENERIC_RE.finditer(ctx.text, start, end)
    )


_ONE_OF_OURS_RE = re.compile(r"\bone of (?:my|our)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _addressed_specific(ctx: Context, pos: int) -> bool:
    return _specific(ctx, pos) and _addressed_or_specific(ctx, pos)


def _owned_or_addressed(ctx: Context, pos: int) -> bool:
    """'since your procedure' or 'at his visit' is specific; 'after the procedure' only in a reply."""
    return _specific(ctx, pos) and (ctx.addressed or ctx.text[pos : pos + 40].lower().split()[1:2] != ["the"])


def _health_nearby(ctx: Context, pos: int, reach: int = 0, anchors: bool = True) -> bool:
    """A person cue or a health term in this sentence ('before we arrived' on a cardiac arrest)."""
    index = ctx.sentence_index(pos)
    start = ctx.sentences[max(index - reach, 0)][0]
    end = ctx.sentences[min(index + reach, len(ctx.sentences) - 1)][1]
    return _specific(ctx, pos) and (
        anchors
        and (ctx.anchored(pos, reach) or ctx.addressed)
        or bool(CLINICAL_TERM_RE.search(ctx.text, start, end))
        or bool(cues.CARE_SETTING_RE.search(ctx.text, start, end))
    )


def _past_care(ctx: Context, pos: int) -> bool:
    """A past act on a specific person counts only with health or care words in this or the next sentence."""
    if CONDITIONAL_RE.search(ctx.text, *ctx.sentence_at(pos)) or not _specific(ctx, pos):
        return False
    index = ctx.sentence_index(pos)
    start, end = ctx.sentences[index][0], ctx.sentences[min(index + 1, len(ctx.sentences) - 1)][1]
    return bool(
        CLINICAL_TERM_RE.search(ctx.text, start, end) or cues.CARE_SCENE_RE.search(ctx.text, start, end)
    )


def _dropped_subject(ctx: Context, pos: int) -> bool:
    """A subjectless care verb is the author's own act, unless it is an order ("Admit the patient")."""
    return ctx.draft.platform != "reviews" and _specific(ctx, pos) and _health_nearby(ctx, pos, 1, False)


def _review_reply(ctx: Context, pos: int) -> bool:
    """'your nurse' in a reply to a reviewer names the reviewer's carer, so it confirms care."""
    start, end = ctx.sentence_at(pos)
    return ctx.draft.platform == "reviews" and _specific(ctx, pos) and not is_conditional(ctx.text[start:end])


def _arrival(ctx: Context, pos: int) -> bool:
    return _health_nearby(ctx, pos, 1, False)


def _carer_in_reply(ctx: Context, pos: int) -> bool:
    """'your nurse' in a review reply, but not advice such as 'ask your doctor'."""
    return _review_reply(ctx, pos) and not stories.ADVICE_BEFORE_RE.search(ctx.text, max(0, pos - 14), pos)


def _relative_in_care(ctx: Context, pos: int) -> bool:
    """'your mum' in a review reply whose sentence is about her care or health."""
    start, end = ctx.sentence_at(pos)
    in_care = CLINICAL_TERM_RE.search(ctx.text, start, end) or cues.CARE_SCENE_RE.search(ctx.text, start, end)
    return _review_reply(ctx, pos) and bool(in_care)


def _reply(ctx: Context, pos: int) -> bool:
    return ctx.addressed and _specific(ctx, pos)


RULES = (
    _Rule("privacy.relationship.care_act", _CARE_VERBS_RE, _always, _CARE_VERB_KEYS),
    _Rule("privacy.relationship.care_act", _SUBJECT_CARE_RE, _always, _SUBJECT_CARE_KEYS),
    _Rule("privacy.relationship.my_patient", _PATIENT_OF_RE, _always,
          ("patient", "pt", "client", "resident")),
    _Rule("privacy.relationship.my_patient", _YOU_WERE_PATIENT_RE, _always),
    _Rule("privacy.relationship.your_visit", _YOUR_VISIT_RE, _addressed_or_specific, ("your", "ur ")),
    _Rule("privacy.relationship.your_carer", _AS_YOUR_CARER_RE, _always, cues.POSSESSIVE_KEYS),
    _Rule("privacy.relationship.shared_care", _OUR_SESSION_RE, _addressed_or_specific,
          ("our", "outside", "we checked", "we reviewed", "we pulled")),
    _Rule("privacy.relationship.care_act", _RELATIVE_ADMITTED_RE, _always, _RELATIVE_ADMITTED_KEYS),
    _Rule("privacy.relationship.our_unit", _OUR_UNIT_RE, _anchored, ("our ",)),
    _Rule("privacy.relationship.care_act", _PASSIVE_CARE_RE, _always, ("was", "were", "signed", "redo")),
    _Rule("privacy.relationship.care_act", _STAFF_WHO_RE, _addressed_or_specific, _STAFF_WHO_KEYS),
    _Rule("privacy.relationship.care_act", _MET_IN_REVIEW_RE, _in_review,
          ("seeing", "meeting", "treating", "caring", "having"), True),
    _Rule("privacy.relationship.care_act", cues.FIRST_PERSON_CARE_RE, _specific, cues.STRONG_KEYS),
    _Rule("privacy.relationship.care_act", cues.RELATIVE_CARE_RE, _specific),
    _Rule("privacy.relationship.in_our_care", cues.IN_OUR_CARE_RE, _specific),
    _Rule("privacy.relationship.in_our_care", cues.BACK_IN_RE, _specific, cues.BACK_IN_KEYS),
    _Rule("privacy.relationship.in_our_care", cues.WITH_US_RE, _specific, cues.WITH_US_KEYS),
    _Rule("privacy.relationship.care_act", cues.PASSIVE_CARE_RE, _specific),
    _Rule("privacy.relationship.your_visit", cues.LOOKED_UP_RE, _always, cues.NOTES_KEYS),
    _Rule("privacy.relationship.your_carer", cues.YOUR_CARER_RE, _specific, cues.POSSESSIVE_KEYS),
    _Rule("privacy.relationship.care_act", cues.SEEN_YOU_RE, _addressed_specific, cues.SEEN_KEYS),
    _Rule("privacy.relationship.your_visit", cues.VISIT_HISTORY_RE, _owned_or_addressed, cues.VISIT_KEYS),
    _Rule("privacy.relationship.my_patient", cues.PATIENTS_OF_RE, _always),
    _Rule("privacy.relationship.care_act", cues.CAME_BACK_RE, _specific, ("to thank", "to visit", "to see")),
    _Rule("privacy.relationship.care_act", cues.CREW_CARE_RE, _health_nearby, cues.CREW_KEYS),
    _Rule("privacy.relationship.care_act", stories.YOUR_RELATIVE_CARED_RE, _reply, ("your", "ur ")),
    _Rule("privacy.relationship.your_visit", stories.REPLY_CARE_RE, _reply, stories.REPLY_KEYS),
    _Rule("privacy.relationship.care_act", stories.ONGOING_CARE_RE, _specific,
          ("looking after", "caring for", "treating", "nursing", "sitting with", "had a", "got a")),
    _Rule("privacy.relationship.care_act", stories.REGULAR_VISIT_RE, _health_nearby, ("com",)),
    _Rule("privacy.relationship.care_act", stories.FIRST_PERSON_PAST_RE, _past_care),
    _Rule("privacy.relationship.care_act", stories.BODY_WORK_RE, _specific, cues.BODY_KEYS),
    _Rule("privacy.relationship.care_act", stories.DROPPED_SUBJECT_RE, _dropped_subject, cues.DROPPED_KEYS),
    _Rule("privacy.relationship.your_carer", stories.PART_OF_CARE_RE, _specific,
          ("part of", "involved in", "in charge of", "responsible for")),
    _Rule("privacy.relationship.your_carer", stories.YOUR_CARER_REPLY_RE, _carer_in_reply, ("your", "ur "),
          True),
    _Rule("privacy.relationship.care_act", stories.YOUR_RELATIVE_RE, _relative_in_care, ("your", "ur "),
          True),
    _Rule("privacy.relationship.in_our_care", stories.ARRIVED_RE, _arrival,
          ("arrived", "turned up", "showed up", "brought", "rushed", "wheeled", "lighted")),
)

MESSAGE = (
    "Saying {words} tells everyone reading that this person is, or was, a patient, and that fact "
    "is itself protected health information."
)
REVIEW_NOTE = " Practices have been fined for review replies that confirmed the reviewer was a patient."
SUGGESTION = (
    "Thank them without confirming they are a patient, and invite them to call the office or use "
    "the patient portal so you can talk privately."
)
STORY_SUGGESTION = (
    "Leave out anything that shows who you cared for. Talk about your work in general terms, "
    "and only share a patient's story with their written permission."
)


def find_relationship(ctx: Context) -> list[Finding]:
    """Return RELATIONSHIP spans: phrases that confirm someone received care from the author."""
    findings: list[Finding] = []
    lower = ctx.text.lower()
    for rule in RULES:
        if rule.keys and not any(map(lower.__contains__, rule.keys)) \
                or rule.reviews_only and ctx.draft.platform != "reviews":
            continue
        for match in rule.pattern.finditer(ctx.text):
            start = match.start()
            if rule.pattern is cues.RELATIVE_CARE_RE:
                start = cues.relative_care_start(match)
                if start is None or match.group("weak") and not _health_nearby(ctx, start, 1, False):
                    continue
            if _skipped(ctx, start) or not rule.allowed(ctx, start):
                continue
            findings.append(_finding(ctx, rule.rule, start, match.end()))
    return findings


def _skipped(ctx: Context, pos: int) -> bool:
    """Disclaimers ('we can't confirm whether...') and conditionals confirm nobody."""
    start, end = ctx.sentence_at(pos)
    for match in _GENERIC_NEARBY_RE.finditer(ctx.text, start, end):
        between = ctx.text[min(match.end(), pos) : max(match.start(), pos)]
        if "," not in between:  # a disclaimer in an earlier clause ("we can't discuss X, but...") stays apart
            return True
    return bool(CONDITIONAL_RE.search(ctx.text, start, pos))


def _finding(ctx: Context, rule: str, start: int, end: int) -> Finding:
    review = ctx.draft.platform == "reviews"
    public = review or ctx.draft.audience == "public"
    if review:
        rule = "privacy.relationship.review_confirmation"
    return Finding(
        kind="privacy",
        label="RELATIONSHIP",
        severity="block" if public else "warn",
        start=start,
        end=end,
        rule=rule,
        message=MESSAGE.format(words=quote(ctx.text, start, end)) + (REVIEW_NOTE if review else ""),
        suggestion=SUGGESTION if review or ctx.addressed else STORY_SUGGESTION,
        source=cite("ocr.reviews") if ctx.draft.platform == "reviews" else cite("hipaa.phi"),
    )
