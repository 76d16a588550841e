"""CLINICAL: health information (diagnosis, drug, test, procedure, pregnancy, death) about a known person."""

from __future__ import annotations

import re

from ...caseless import caseless
from ...model import Finding
from ...sources import cite
from .context import GENERIC_RE, THIRD_PERSON_RE, YOU_RE, Context, is_conditional, quote
from .mentions import NICKNAME_RE, PHRASES_RE, WEIGHT_RE, find_mentions, is_weak

_TIES = r"your|ur|his|her|their|that|those|this|the"
_ATTACHED_RE = caseless(
    rf"(?P<det>\b(?:{_TIES})|\b[A-Za-z][\w-]*'s)\s+"
    rf"(?P<mods>(?:(?!(?:{_TIES}|a|an|my|our)\b)[\w'/.-]+\s+){{0,3}})['\"]?$",
)
_FUNCTION_WORDS = set(
    """
    to for with about and or can will is was be of in on at it are were has had not if but doctor
    doctors nurse pediatrician ob provider team office pharmacist dentist clinician care own showed
    shows says said came made got gets means from by after before during
""".split()
)
_PERSON_POSSESSORS = set(
    """
    mom dad son daughter wife husband mother father baby child kid grandma grandpa grandmother
    grandfather brother sister partner mum patient pt guy lady man woman boy girl mayor senator governor
    coach quarterback toddler
""".split()
)
_LIKE_YOURS_RE = re.compile(r"\s+(?:like|as bad as) (?:yours|ur[s]?|his|hers)\b", re.IGNORECASE)
_TRAIL_RE = re.compile(
    r"(?:\s+(?:level|levels|score|result|results|count|test|drip))?"
    r"(?:\s+(?:of|at|was|were|is|are|came back|come back|hit|around|showed|shows))?\s*"
    r"(?:negative|positive|normal|high|low|benign|abnormal|elevated|clear|[<>~]?\s?\.?\d[\d.,/]*"
    r"(?:\s?(?:%|mg|kpa|lbs?|grams|oz|weeks|wks|days))?)(?!\w)",
    re.IGNORECASE,
)
_ON_SOMEONE_RE = re.compile(
    r"\s+(?:in|on|of|under|behind)\s+(?:your|ur|his|her)\s+(?:left\s+|right\s+|lower\s+|upper\s+)?[\w-]+",
    re.IGNORECASE,
)
_QUOTED_ADVICE_RE = caseless(
    r"\b(?:say|saying|ask|write|use|try|call it|instead of)\s+['\"\u2018\u201c][^'\"\u2019\u201d]*$",
)
_APOLOGY_BEFORE_RE = caseless(
    r"\b(?:sorry|apologi[sz]e|apologies)\s+(?:for|about)\s+(?:the|any|all the)\s+$",
)
_YOUR_RELATIVE_RE = re.compile(
    r"\b(?:your|ur)\s+(?:mom|mother|mum|dad|father|son|daughter|wife|husband|baby|child|kid|grandma|grandpa|"
    r"grandmother|grandfather|brother|sister|partner)\b",
    re.IGNORECASE,
)
_SPECIFIC_YOU_RE = caseless(
    r"\b(?:you(?:'ve| have) been|you were|you had|you got|you're (?:on|having|going through|starting|"
    r"feeling|dealing)|you are (?:on|having|feeling|dealing)|as you (?:start|begin|recover|go through)|"
    r"you (?:came|went|started|finished|stopped|missed|told|said|mentioned)|"
    r"(?:your|ur) (?:mom|mother|dad|father|son|daughter|wife|husband|baby|child|kid|partner|grandma|grandpa) "
    r"(?:was|were|is|had|has|got|went))\b",
)
_SPECIFIC_TIME_RE = caseless(
    r"\b(?:yesterday|today|tonight|tomorrow|tomorow|tmrw|last|this morning|was|were|came back|showed|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|since|ago)\b",
)
_PERSON_WORD_RE = caseless(
    r"\b(?:you|your|yours|u|ur|he|she|him|his|her|hers|they|them|their|he's|she's|they're|you're)\b",
)
_PUBLIC_STATEMENT_RE = caseless(
    r"\b(?:president|prime minister|governor|senator|king|queen|pope|celebrity|singer|actor|actress|"
    r"athlete)\b[^.!?]{0,40}\b(?:said|says|announced|revealed|told reporters|confirmed publicly|posted|"
    r"shared publicly)\b",
)
_GENERIC_SUBJECT_RE = caseless(
    r"\b(?:every|each|most|many|some|all|any)\s+(?:of\s+)?(?:our\s+|the\s+|your\s+)?(?:patients?|people|"
    r"adults|kids|children|families|clients|parents|women|men|one|person|teens|babies)\b"
    r"|\d\s?% of\b|\b1 in \d|\bon average\b",
)
_COUNT_RE = caseless(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|fourth|fifth|again)\b",
)
_MODAL_RE = caseless(r"\b(?:can|could|may|might|should|would|will)\b")
_PROMO_RE = caseless(
    r"^\W*(?:get|book|schedule|bring|protect|remember|don't forget|keep up|grab|make|ask about|know|check|"
    r"track|monitor|lower|manage|watch|talk to|come in for|sign up)\b|%\s?off|"
    r"\b(?:discount|code|money back|guarantee\w*)\b",
)
_DIAGNOSIS_RE = caseless(
    r"(?:\b(?:sounds like|looks like|it's|it is|it was|that's|turned out to be|diagnosed with|dx|"
    r"probably|you have|was|is|came back as)\s+(?:a|an|just|just a|only a)?\s*(?:harmless\s+|benign\s+|"
    r"small\s+|simple\s+|mild\s+)?|^\W*just (?:a|an)\s+)$",
)
_EXPERIENCE_RE = caseless(
    r"\b(?:with|had|having|after|since|waiting|waited|sorry|hear|heard|glad|hope|hoping|through|"
    r"recovering|dealing|living with|struggling)\b",
)
_INDEFINITE_RE = caseless(r"\b(?:a|an|any|some|every|no|most|many)\s+(?:[\w'-]+\s+){0,2}$")
_THIRD_PERSON_PAST_RE = caseless(
    r"\b(?:he|she|his|her)\s+(?:\w+\s+)?(?:was|were|had|died|passed|got|came|went|is|'s|has)\b",
)

MESSAGE = (
    "{words} is health information about a person readers can identify. Even without a name, "
    "who you are replying to, a date, a room or an age can point to one person."
)
REPLY_SUGGESTION = (
    "Don't repeat anything about their health or care. Acknowledge the concern and invite "
    "them to a private, secure channel such as a phone call or the patient portal."
)
STORY_SUGGESTION = (
    "Leave the health detail out, or make the story so general (no name, age, date, room or "
    "rare detail) that no one could tell who it was."
)


def find_clinical(ctx: Context) -> list[Finding]:
    """Return CLINICAL spans: health details tied to a person the audience can identify."""
    spans = [span for start, end in find_mentions(ctx.text) if (span := _disclosed_span(ctx, start, end))]
    spans += _phrase_spans(ctx)
    return [_finding(ctx, start, end) for start, end in spans]


def _disclosed_span(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    """Return the span to flag for this mention, or None when no identifiable person is tied to it."""
    text = ctx.text
    if _PUBLIC_STATEMENT_RE.search(text, *ctx.sentence_at(start)):
        return None
    clause_start, clause_end = ctx.clause_at(start)
    before = text[max(clause_start, start - 48) : start]
    weak = is_weak(text[start:end])
    if weak and _APOLOGY_BEFORE_RE.search(text, max(0, start - 30), start):
        return None  # "sorry for the confusion" is about the service, not someone's health
    if _QUOTED_ADVICE_RE.search(text, max(0, start - 40), start):
        return None  # "say 'your potassium'": wording advice, not about anyone
    if _ON_SOMEONE_RE.match(text, end) and not is_conditional(text[clause_start:start]):
        return start, _ON_SOMEONE_RE.match(text, end).end()  # "the numbness in your fingers"
    end = _extend_tail(text, end, clause_end)
    like_yours = _LIKE_YOURS_RE.match(text, end)
    if like_yours:
        return start, like_yours.end()
    attached = _ATTACHED_RE.search(before)
    if attached and _clean_mods(attached.group("mods")):
        verdict = _attached_verdict(ctx, attached.group("det"), start, weak, (clause_start, clause_end))
        if verdict is not None:
            return (start - len(before) + attached.start(), end) if verdict else None
    measured = end > start and any(ch.isdigit() for ch in text[start:end])
    return (start, end) if _bare_verdict(ctx, start, weak, (clause_start, clause_end), measured) else None


def _extend_tail(text: str, end: int, limit: int) -> int:
    match = _TRAIL_RE.match(text[end:limit])
    if not match:
        return end
    return end + len(match.group().rstrip(".,/"))


def _clean_mods(mods: str) -> bool:
    return not any(word.lower().strip(".,'") in _FUNCTION_WORDS for word in mods.split())


def _attached_verdict(ctx: Context, det: str, start: int, weak: bool, clause: tuple[int, int]) -> bool | None:
    """Decide for a term tied by 'your', 'his', 'the' or a possessive; None leaves it to the bare rules."""
    low = det.lower()
    clause_text = ctx.text[clause[0] : clause[1]]
    if low in {"your", "ur"}:
        return _your_verdict(ctx, det, start, weak, clause)
    if is_conditional(ctx.text[clause[0] : start]) and not ctx.addressed or ctx.deidentified:
        return False
    story = ctx.addressed or bool(ctx.anchors) or bool(_YOUR_RELATIVE_RE.search(ctx.text))
    if _GENERIC_SUBJECT_RE.search(clause_text):
        return None
    if low in {"his", "her", "their"} or low.endswith("'s"):
        if low == "their" and not ctx.addressed:
            return None
        if low.endswith("'s") and not (det[0].isupper() or low[:-2] in _PERSON_POSSESSORS):
            return None
        if (
            not story
            and not weak
            and _THIRD_PERSON_PAST_RE.search(clause_text)
            and not (GENERIC_RE.search(clause_text) or _MODAL_RE.search(clause_text))
        ):
            return True
        return story and (not weak or ctx.addressed or ctx.anchored(start, reach=1))
    if GENERIC_RE.search(clause_text):
        return None
    if low in {"that", "those", "the", "this"}:
        return story and (not weak or ctx.addressed or ctx.anchored(start)) or None
    return None


def _your_verdict(ctx: Context, det: str, start: int, weak: bool, clause: tuple[int, int]) -> bool:
    """'your X': a reply telling the reader about their own health, unless it is a public call to action."""
    text = ctx.text
    sentence_start, _ = ctx.sentence_at(start)
    det_pos = text.rfind(det, clause[0], start)
    if det[0] == "Y" and text[start : start + 1].isupper() and det_pos > sentence_start + 2:
        return False  # Title Case inside a sentence: a programme or slogan name
    clause_text = text[clause[0] : clause[1]]
    sentence_end = ctx.sentence_at(start)[1]
    condition_zone = text[sentence_start:start] if ctx.addressed else text[sentence_start:sentence_end]
    if is_conditional(condition_zone) or _PROMO_RE.search(clause_text):
        return False
    if _after_public_call(ctx, sentence_start):
        return False
    if not weak or ctx.addressed or _SPECIFIC_TIME_RE.search(clause_text):
        return True
    return not (GENERIC_RE.search(clause_text) or _MODAL_RE.search(clause_text))


def _after_public_call(ctx: Context, sentence_start: int) -> bool:
    """A list after 'Know your numbers:' or 'Get checked:' belongs to that call to action."""
    index = ctx.sentence_index(sentence_start)
    if ctx.addressed or index == 0:
        return False
    start, end = ctx.sentences[index - 1]
    previous = ctx.text[start:end]
    return previous.rstrip().endswith(":") and bool(_PROMO_RE.search(previous))


def _bare_verdict(ctx: Context, start: int, weak: bool, clause_span: tuple[int, int], measured: bool) -> bool:
    """A term with no possessive: flag it when its sentence is about one identifiable person."""
    text = ctx.text
    clause_start, clause_end = clause_span
    clause = text[clause_start:clause_end]
    if ctx.deidentified or GENERIC_RE.search(clause) or is_conditional(text[clause_start:start]):
        return False
    if ctx.anchored(start) and (
        not weak or measured or THIRD_PERSON_RE.search(clause) or _COUNT_RE.search(clause)
    ):
        return True
    story = bool(ctx.anchors)
    diagnosis = bool(_DIAGNOSIS_RE.search(text[clause_start:start]))
    if story and not weak and (ctx.anchored(start, reach=1) or diagnosis):
        return True
    if ctx.addressed and not _MODAL_RE.search(clause):
        owned_past = re.search(r"\b(?:your|ur)\b", clause, re.I) and _SPECIFIC_TIME_RE.search(clause)
        if measured or diagnosis or owned_past:
            return True
        if not weak and not _INDEFINITE_RE.search(text[clause_start:start]) and _person_nearby(ctx, start):
            return True
        if not weak and _EXPERIENCE_RE.search(clause):
            return True  # a reply restating the reader's condition: "waiting four hours with a broken wrist"
    if not weak and _THIRD_PERSON_PAST_RE.search(text, clause_start, start) and not _MODAL_RE.search(clause):
        return True
    if not YOU_RE.search(clause):
        return False
    if _SPECIFIC_YOU_RE.search(clause):
        return True
    return not weak and ctx.addressed and bool(re.search(r"\b(?:your|ur)\b", clause, re.IGNORECASE))


def _person_nearby(ctx: Context, pos: int) -> bool:
    """A person word (you, he, her, they...) in this sentence or the one before it."""
    index = ctx.sentence_index(pos)
    start, end = ctx.sentences[max(index - 1, 0)][0], ctx.sentence_at(pos)[1]
    return bool(_PERSON_WORD_RE.search(ctx.text, start, end))


def _phrase_spans(ctx: Context) -> list[tuple[int, int]]:
    """Durations ('two weeks of fever', '90 days sober'), gestation and weights pinned to someone."""
    spans = []
    for match in PHRASES_RE.finditer(ctx.text):
        clause = ctx.text[slice(*ctx.clause_at(match.start()))]
        if GENERIC_RE.search(clause) or ctx.deidentified:
            continue
        if (
            ctx.addressed
            or ctx.anchored(match.start(), reach=1)
            or YOU_RE.search(clause)
            or THIRD_PERSON_RE.search(clause)
            or match.group().lower().endswith("weeker")
        ):
            spans.append(match.span())
    for match in NICKNAME_RE.finditer(ctx.text):
        start, end = ctx.sentence_at(match.start())
        if not (
            ctx.deidentified
            or GENERIC_RE.search(ctx.text, start, end)
            or is_conditional(ctx.text[start : match.start()])
        ):
            spans.append(match.span())
    for match in WEIGHT_RE.finditer(ctx.text):
        if ctx.anchored(match.start()) and not ctx.deidentified:
            spans.append(match.span())
    return spans


def _finding(ctx: Context, start: int, end: int) -> Finding:
    return Finding(
        kind="privacy",
        label="CLINICAL",
        severity="block",
        start=start,
        end=end,
        rule="privacy.clinical.identifiable",
        message=MESSAGE.format(words=quote(ctx.text, start, end)) + _audience_note(ctx),
        suggestion=REPLY_SUGGESTION if ctx.addressed else STORY_SUGGESTION,
        source=cite("hipaa.phi"),
    )


def _audience_note(ctx: Context) -> str:
    if ctx.draft.audience == "private":
        return " A direct message is not a secure channel: it can be screenshotted or forwarded."
    if ctx.draft.platform == "reviews":
        return " A review reply is public and stays searchable."
    return ""
