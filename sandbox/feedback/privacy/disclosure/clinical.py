"""CLINICAL: health information (diagnosis, drug, test, procedure, pregnancy, death) about someone identifiable."""

from __future__ import annotations

import re

from ...model import Finding
from ...sources import cite
from .context import GENERIC_RE, THIRD_PERSON_RE, YOU_RE, Context, is_conditional
from .vocab import ACRONYM_RE, BODY_PART_RE, CLINICAL_TERM_RE, WEAK

_TIES = r"your|ur|his|her|their|that|those|this|the"
_ATTACHED_RE = re.compile(
    rf"(?P<det>\b(?:{_TIES})|\b[A-Za-z][\w-]*'s)\s+"
    rf"(?P<mods>(?:(?!(?:{_TIES}|a|an|my|our)\b)[\w'/.-]+\s+){{0,3}})['\"]?$",
    re.IGNORECASE,
)
_FUNCTION_WORDS = {
    "to", "for", "with", "about", "and", "or", "can", "will", "is", "was", "be", "of", "in", "on", "at", "it",
    "are", "were", "has", "had", "not", "if", "but", "doctor", "doctors", "nurse", "pediatrician", "ob",
    "provider", "team", "office", "pharmacist", "dentist", "clinician", "care", "own", "showed", "shows",
    "says", "said", "came", "made", "got", "gets", "means", "from", "by", "after", "before", "during",
}
_PERSON_POSSESSORS = {
    "mom", "dad", "son", "daughter", "wife", "husband", "mother", "father", "baby", "child", "kid", "grandma",
    "grandpa", "grandmother", "grandfather", "brother", "sister", "partner", "mum", "patient", "pt", "guy",
    "lady", "man", "woman", "boy", "girl", "mayor", "senator", "governor", "coach", "quarterback", "toddler",
}
_LIKE_YOURS_RE = re.compile(r"\s+(?:like|as bad as) (?:yours|ur[s]?|his|hers)\b", re.IGNORECASE)
_TRAIL_RE = re.compile(
    r"(?:\s+(?:level|levels|score|result|results|count|test|drip))?"
    r"(?:\s+(?:of|at|was|were|is|are|came back|come back|hit|around|showed|shows))?\s*"
    r"(?:negative|positive|normal|high|low|benign|abnormal|elevated|clear|[<>~]?\s?\.?\d[\d.,/]*"
    r"(?:\s?(?:%|mg|kpa|lbs?|grams|oz|weeks|wks|days))?)(?!\w)",
    re.IGNORECASE,
)
_NOT_ABOUT_A_PERSON_RE = re.compile(
    r"[\s-]+(?:lab|labs|unit|suite|team|department|dept|clinic|center|centre|program|programme|study|bundle|"
    r"awareness|season|month|week|day|walk|drive|research|rounds|conference|nurse|nursing|service|services|"
    r"floor|ward|bay|room|line|policy|protocol|guidelines|screening day|survivors|community|ppx|prophylaxis|"
    r"compliance|prevention|certification|recertification|course|crew|staff|nurses|doctors|parents|grads?)\b",
    re.IGNORECASE,
)
_NOT_TERMS = {"acls", "pals", "bls", "nrp", "tncc"}
_TOPIC_RE = re.compile(
    r"\b(?:rounds|talk|lecture|presentation|webinar|session|course|training|conference|paper|study|research|"
    r"review|article|seminar|workshop|podcast|grant|trial)\s+(?:\w+\s+)?(?:on|about|in|of)\s+(?:[\w'-]+\s+){0,2}$",
    re.IGNORECASE,
)
_YOUR_RELATIVE_RE = re.compile(
    r"\b(?:your|ur)\s+(?:mom|mother|mum|dad|father|son|daughter|wife|husband|baby|child|kid|grandma|grandpa|"
    r"grandmother|grandfather|brother|sister|partner)\b", re.IGNORECASE,
)
_SPECIFIC_YOU_RE = re.compile(
    r"\b(?:you(?:'ve| have) been|you were|you had|you got|you're (?:on|having|going through|starting|"
    r"feeling|dealing)|you are (?:on|having|feeling|dealing)|as you (?:start|begin|recover|go through)|"
    r"you (?:came|went|started|finished|stopped|missed|told|said|mentioned)|"
    r"(?:your|ur) (?:mom|mother|dad|father|son|daughter|wife|husband|baby|child|kid|partner|grandma|grandpa) "
    r"(?:was|were|is|had|has|got|went))\b",
    re.IGNORECASE,
)
_SPECIFIC_TIME_RE = re.compile(
    r"\b(?:yesterday|today|tonight|tomorrow|tomorow|tmrw|last|this morning|was|were|came back|showed|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|since|ago)\b",
    re.IGNORECASE,
)
_MODAL_RE = re.compile(r"\b(?:can|could|may|might|should|would|will)\b", re.IGNORECASE)
_PROMO_RE = re.compile(
    r"^\W*(?:get|book|schedule|bring|protect|remember|don't forget|keep up|grab|make|ask about|"
    r"talk to|come in for|sign up)\b|%\s?off|\b(?:discount|code|money back|guarantee\w*)\b",
    re.IGNORECASE,
)
_DIAGNOSIS_RE = re.compile(
    r"(?:\b(?:sounds like|looks like|it's|it is|it was|that's|turned out to be|diagnosed with|dx|"
    r"probably|you have)\s+(?:a|an|just)?\s*|^\W*just (?:a|an)\s+)$",
    re.IGNORECASE,
)
_INDEFINITE_RE = re.compile(r"\b(?:a|an|any|some|every|no|most|many)\s+(?:[\w'-]+\s+){0,2}$", re.IGNORECASE)
_TERM_AHEAD = rf"(?:{CLINICAL_TERM_RE.pattern})"
_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
_PHRASES_RE = re.compile(
    rf"\b{_NUM}\s+(?:days?|weeks?|wks?|months?|years?|yrs?)\s+(?:of\s+(?:[\w'-]+\s+){{0,2}}?"
    rf"(?={_TERM_AHEAD})|(?:sober|clean)\b|in (?:the\s+)?(?:neuro\s+|cardiac\s+)?(?:NICU|PICU|ICU|CCU|hospital|rehab)\b)"
    rf"|\b(?:born at|at)\s+\d{{1,2}}\s?(?:weeks|wks)\b|\b\d{{1,2}}\s?(?:weeks|wks) pregnant\b",
    re.IGNORECASE,
)
_WEIGHT_RE = re.compile(r"\b\d[\d,.]*\s?(?:lbs?|pounds|grams|kg|oz)\b(?:\s+\d+\s?oz)?", re.IGNORECASE)
_HEALING_RE = re.compile(
    r"(?:that|those|your|ur|his|her)\s+(?:\w+\s+)?$", re.IGNORECASE
)
_HEALING_AFTER_RE = re.compile(
    r"\s+(?:is |are |has |have )?(?:heal\w*|feeling|doing|holding up|hurt\w*|sore|swollen|recover\w*|"
    r"looking|better)", re.IGNORECASE,
)

MESSAGE = ("This is health information about a person readers can identify. Even without a name, "
           "details like who you are replying to, a date, a room or an age point to one person.")
SUGGESTION = ("Leave the health detail out. Thank the person or talk in general terms, and take anything "
              "about their care to a private, secure channel such as a phone call or the patient portal.")


def find_clinical(ctx: Context) -> list[Finding]:
    """Return CLINICAL spans: health details tied to a person the audience can identify."""
    spans = [span for start, end in _mentions(ctx.text) if (span := _disclosed_span(ctx, start, end))]
    spans += _phrase_spans(ctx)
    return [_finding(ctx, start, end) for start, end in spans]


def _mentions(text: str) -> list[tuple[int, int]]:
    """All clinical term matches (longest first where two overlap), minus place and programme names."""
    spans = [m.span() for m in CLINICAL_TERM_RE.finditer(text)] + [m.span() for m in ACRONYM_RE.finditer(text)]
    spans += [m.span() for m in BODY_PART_RE.finditer(text) if _healing_body_part(text, m)]
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if chosen and start < chosen[-1][1] or _NOT_ABOUT_A_PERSON_RE.match(text, end):
            continue
        if text[start:end].lower() in _NOT_TERMS or _TOPIC_RE.search(text, max(0, start - 60), start):
            continue
        chosen.append((start, end))
    return chosen


def _healing_body_part(text: str, match: re.Match) -> bool:
    """'that ankle is healing', 'how's your knee feeling': a body part tied to someone's recovery."""
    before = text[max(0, match.start() - 24):match.start()]
    return bool(_HEALING_RE.search(before) and _HEALING_AFTER_RE.match(text, match.end()))


def _is_weak(term: str) -> bool:
    word = term.lower().replace("-", " ")
    return word in WEAK or word.rstrip("s") in WEAK or word[:-2] in WEAK


def _disclosed_span(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    """Return the span to flag for this mention, or None when no identifiable person is tied to it."""
    text = ctx.text
    clause_start, clause_end = ctx.clause_at(start)
    before = text[max(clause_start, start - 48):start]
    weak = _is_weak(text[start:end])
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
    return end + match.end() if match else end


def _clean_mods(mods: str) -> bool:
    return not any(word.lower().strip(".,'") in _FUNCTION_WORDS for word in mods.split())


def _attached_verdict(ctx: Context, det: str, start: int, weak: bool, clause: tuple[int, int]) -> bool | None:
    """Decide for a term tied by 'your', 'his', 'the' or a possessive; None leaves it to the bare rules."""
    low = det.lower()
    clause_text = ctx.text[clause[0]:clause[1]]
    if low in {"your", "ur"}:
        return _your_verdict(ctx, det, start, weak, clause)
    if is_conditional(ctx.text[clause[0]:start]) and not ctx.addressed or ctx.deidentified:
        return False
    story = ctx.addressed or bool(ctx.anchors) or bool(_YOUR_RELATIVE_RE.search(ctx.text))
    if low in {"his", "her", "their"} or low.endswith("'s"):
        if low == "their" and not ctx.addressed:
            return None
        if low.endswith("'s") and not (det[0].isupper() or low[:-2] in _PERSON_POSSESSORS):
            return None
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
    if det[0] == "Y" and text[start:start + 1].isupper() and det_pos > sentence_start + 2:
        return False  # Title Case inside a sentence: a programme or slogan name
    clause_text = text[clause[0]:clause[1]]
    if is_conditional(text[sentence_start:start]) or _PROMO_RE.search(clause_text):
        return False
    if not weak or ctx.addressed or _SPECIFIC_TIME_RE.search(clause_text):
        return True
    return not (GENERIC_RE.search(clause_text) or _MODAL_RE.search(clause_text))


def _bare_verdict(ctx: Context, start: int, weak: bool, clause_span: tuple[int, int], measured: bool) -> bool:
    """A term with no possessive: flag it when its sentence is about one identifiable person."""
    text = ctx.text
    clause_start, clause_end = clause_span
    clause = text[clause_start:clause_end]
    if ctx.deidentified or GENERIC_RE.search(clause) or is_conditional(text[clause_start:start]):
        return False
    if ctx.anchored(start) and (not weak or measured or THIRD_PERSON_RE.search(clause) or re.search(r"\d", clause)):
        return True
    story = bool(ctx.anchors)
    diagnosis = bool(_DIAGNOSIS_RE.search(text[clause_start:start]))
    if story and not weak and (ctx.anchored(start, reach=1) or diagnosis):
        return True
    if ctx.addressed and not _MODAL_RE.search(clause):
        if measured or diagnosis or re.search(r"\b(?:your|ur)\b", clause, re.I) and _SPECIFIC_TIME_RE.search(clause):
            return True
        if not weak and not _INDEFINITE_RE.search(text[clause_start:start]):
            return True
    if not YOU_RE.search(clause):
        return False
    if _SPECIFIC_YOU_RE.search(clause):
        return True
    return not weak and ctx.addressed and bool(re.search(r"\b(?:your|ur)\b", clause, re.IGNORECASE))


def _phrase_spans(ctx: Context) -> list[tuple[int, int]]:
    """Durations ('two weeks of fever', '90 days sober'), gestation and weights pinned to someone."""
    spans = []
    for match in _PHRASES_RE.finditer(ctx.text):
        clause = ctx.text[slice(*ctx.clause_at(match.start()))]
        if GENERIC_RE.search(clause) or ctx.deidentified:
            continue
        if ctx.addressed or ctx.anchored(match.start(), reach=1) or YOU_RE.search(clause) \
                or THIRD_PERSON_RE.search(clause):
            spans.append(match.span())
    for match in _WEIGHT_RE.finditer(ctx.text):
        if ctx.anchored(match.start()) and not ctx.deidentified:
            spans.append(match.span())
    return spans


def _finding(ctx: Context, start: int, end: int) -> Finding:
    return Finding(
        kind="privacy", label="CLINICAL", severity="block", start=start, end=end,
        rule="privacy.clinical.identifiable", message=MESSAGE + _audience_note(ctx), suggestion=SUGGESTION,
        source=cite("hipaa.phi"),
    )


def _audience_note(ctx: Context) -> str:
    if ctx.draft.audience == "private":
        return " A direct message is not a secure channel: it can be screenshotted or forwarded."
    if ctx.draft.platform == "reviews":
        return " A review reply is public and stays searchable."
    return ""
