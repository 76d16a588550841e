"""Dates, ages and places in the rewrite.

"on March 14th" -> "recently", "tomorrow" -> "soon"; "a 92-year-old" -> "an older adult", "is 93" ->
"is older", "Tammy, 52, came" -> "Tammy came"; "in room 12" -> "on the unit", "lives in Springfield"
-> "lives nearby", a bare town -> "their area".
"""

from __future__ import annotations

import re

from .join import Edit, a_or_an, drop_aside, left_of
from .people import People
from .spans import Group
from .words import (
    AGE_BANDS,
    AGE_BARE_AFTER,
    AGE_BIRTHDAY_VERB,
    AGE_LATER_YEARS,
    AGE_SEX,
    AGE_WORDS,
    BIRTH_BEFORE,
    DATE_PREPOSITION,
    DATE_WORDS,
    FACILITY,
    FACILITY_NOUNS,
    FUTURE_CONTEXT,
    FUTURE_DATE,
    LOCATION_PREPOSITION,
    LOCATION_WORDS,
    NOT_NOUN_AFTER,
    TEEN_WORDS,
    TENS_WORDS,
)

_I = re.IGNORECASE
_DATE_PREP_BEFORE_RE = re.compile(rf"\b{DATE_PREPOSITION}[ \t]+$", _I)
_BIRTH_BEFORE_RE = re.compile(rf"{BIRTH_BEFORE}$", _I)
_CLOSE_PAREN_RE = re.compile(r"[ \t]*\)")
_COMMA_AFTER_RE = re.compile(r"[ \t]*,[ \t]*")
_FUTURE_RE = re.compile(FUTURE_DATE, _I)
_CLAUSE_SPLIT_RE = re.compile(r"[.!?\n,;:\u2014]|\b(?:how|that|when|what|which|because|while|but|and)\b", _I)
_FOR_BEFORE_RE = re.compile(r"\bfor[ \t]+$", _I)
_FUTURE_CONTEXT_RE = re.compile(FUTURE_CONTEXT, _I)
_DETERMINER_BEFORE_RE = re.compile(r"\b(?:a|an|the|our|their|his|her|your|my|this|that)[ \t]+$", _I)
_POSSESSIVE_AFTER_RE = re.compile(r"['\u2019]s\b")

_BIRTHDAY_RE = re.compile(
    r"^(?:(?P<det>his|her|their)\s+)?\d+(?:st|nd|rd|th)\b(?:\s+(?:birthday|bday|b-day))?", _I
)
_TURNED_RE = re.compile(rf"^(?P<verb>{'|'.join(AGE_BIRTHDAY_VERB)})\s", _I)
_COPULA_RE = re.compile(
    r"^(?P<head>.*?(?:\b(?:is|was|are|were)|['\u2019]s))\s+(?:(?:only|just|now|nearly|almost)\s+)?", _I
)
_DECADE_RE = re.compile(r"^in\s+(?P<det>his|her|their)\s", _I)
_LOOSE_DECADE_RE = re.compile(r"^(?:early|mid|late)", _I)
_SEX_RE = re.compile(r"^(?P<n>\d{1,3})\s*(?P<sex>[MF])$")
_DROPPED_RE = re.compile(r"^(?:at|aged?|the age of)\b", _I)
_TEENAGE_RE = re.compile(r"^teen(?:age|aged)?\s+(?P<noun>\S+)$", _I)
_BARE_NUMBER_RE = re.compile(r"^[\w-]+(?:\s+(?:years?|yrs?)\s+(?:young|old))?$", _I)
_ARTICLE_RE = re.compile(r"^an?\s", _I)
_NEXT_WORD_RE = re.compile(r"[ \t]+(?P<word>[^\W\d_][\w-]*)")
_BARE_AFTER_RE = re.compile(rf"\b{AGE_BARE_AFTER}[ \t]+$", _I)
_NOT_NOUN_RE = re.compile(rf"{NOT_NOUN_AFTER}$", _I)
_SMALL_UNIT_RE = re.compile(r"\b(?:months?|mos?|weeks?|wks?|days?)\b", _I)
_FACILITY_RE = re.compile(FACILITY, _I)
_LOCATION_PREP_RE = re.compile(rf"\b(?P<prep>{LOCATION_PREPOSITION})[ \t]+$", _I)
_CAPITALISED_AFTER_RE = re.compile(r"(?:[ \t]+(?!I['\u2019])(?-i:[A-Z][\w'\u2019-]+)){1,3}")
_ROOM_NUMBER_RE = re.compile(r"(?P<noun>)#?\d{1,4}[A-Za-z]?")
_LOCATION_PREP_IN_SPAN_RE = re.compile(r"^(?P<prep>on|from|near|off|in|at)\s+", _I)


def date_edit(text: str, group: Group, people: People) -> Edit:
    """A date or time -> 'recently' (or 'soon'), taking the preposition before it; a birth date goes."""
    birth = _BIRTH_BEFORE_RE.search(left_of(text, group.start))
    if group.rule.endswith(".birth") or birth:
        return drop_aside(text, group.start - (len(birth.group()) if birth else 0), group.end)
    possessive = _POSSESSIVE_AFTER_RE.match(text, group.end)
    if possessive:
        future = _FUTURE_RE.search(text, group.start, group.end)
        words = DATE_WORDS["future_possessive" if future else "possessive"]
        return Edit(group.start, possessive.end(), words)
    before = left_of(text, group.start)
    if _DETERMINER_BEFORE_RE.search(before) and _describes_noun(text, group.end):  # "a Christmas card"
        return Edit(group.start, group.end, "")
    clause = _CLAUSE_SPLIT_RE.split(before)[-1]
    future = _FUTURE_RE.search(text, group.start, group.end) or _FUTURE_CONTEXT_RE.search(clause)
    prep = _DATE_PREP_BEFORE_RE.search(before) or (future and _FOR_BEFORE_RE.search(before))
    start = group.start - len(prep.group()) if prep else group.start
    return Edit(start, group.end, DATE_WORDS["future" if future else "past"])


def age_edit(text: str, group: Group, people: People) -> Edit:
    """An age -> words for its band in the grammar it has ('an older adult', 'older', 'a woman')."""
    words = text[group.start : group.end]
    band = _band(words, group.rule)
    for pattern, builder in _AGE_FORMS:
        match = pattern.search(words)
        if match:
            return builder(text, group, match, band)
    return _age_phrase(text, group, band)


def _band(words: str, rule: str) -> str:
    if rule.endswith("over_89"):
        return "older"
    if _SMALL_UNIT_RE.search(words) or re.search(r"\bbaby\b", words, _I):
        return "baby"
    digits = re.search(r"\d{1,3}", words)
    lower = words.lower()
    value = int(digits.group()) if digits else next((v for k, v in TENS_WORDS.items() if k in lower), None)
    if value is None:
        value = 15 if any(w in lower for w in TEEN_WORDS) else 8
    return next(band for limit, band in AGE_BANDS if value < limit)


def _birthday(text: str, group: Group, match: re.Match, band: str) -> Edit:
    det = match["det"]
    return Edit(group.start, group.end, f"{det} birthday" if det else "birthday")


def _turned(text: str, group: Group, match: re.Match, band: str) -> Edit:
    return Edit(group.start, group.end, AGE_BIRTHDAY_VERB[match["verb"].lower()])


def _copula(text: str, group: Group, match: re.Match, band: str) -> Edit:
    return Edit(group.start, group.end, f"{match['head']} {AGE_WORDS[band]['pred']}")


def _decade(text: str, group: Group, match: re.Match, band: str) -> Edit:
    if band == "older":
        return Edit(group.start, group.end, f"in {match['det']} {AGE_LATER_YEARS}")
    return drop_aside(text, group.start, group.end)


def _loose_decade(text: str, group: Group, match: re.Match, band: str) -> Edit:
    if band == "older":
        return Edit(group.start, group.end, AGE_WORDS[band]["pred"])
    return drop_aside(text, group.start, group.end)


def _sex(text: str, group: Group, match: re.Match, band: str) -> Edit:
    person = AGE_SEX[match["sex"].lower()][band]
    return Edit(group.start, group.end, _bare_if_determined(text, group.start, person))


def _dropped(text: str, group: Group, match: re.Match, band: str) -> Edit:
    return drop_aside(text, group.start, group.end)


def _teenage(text: str, group: Group, match: re.Match, band: str) -> Edit:
    return Edit(group.start, group.end, f"young {match['noun']}")


def _bare_number(text: str, group: Group, match: re.Match, band: str) -> Edit:
    """'Tammy R., 52, came' -> 'Tammy R. came'; 'Eli (11) came' -> 'Eli came'; elsewhere the band's noun."""
    before = left_of(text, group.start)
    stripped = before.rstrip(" \t")
    if stripped.endswith("("):
        closing = _CLOSE_PAREN_RE.match(text, group.end)
        if closing:
            return Edit(group.start - (len(before) - len(stripped)) - 1, closing.end(), "")
        comma = _COMMA_AFTER_RE.match(text, group.end)
        return Edit(group.start, comma.end() if comma else group.end, "")
    if stripped.endswith(","):
        return drop_aside(text, group.start, group.end)
    return _age_phrase(text, group, band)


def _age_phrase(text: str, group: Group, band: str) -> Edit:
    """'a 92-year-old' -> 'an older adult'; 'a 92-year-old man' -> 'an older man'."""
    words = text[group.start : group.end]
    has_article = bool(_ARTICLE_RE.match(words))
    following = _NEXT_WORD_RE.match(text, group.end)
    if following and not _NOT_NOUN_RE.match(following["word"]):
        adjective = AGE_WORDS[band]["adj"]
        if has_article:
            adjective = f"{a_or_an(adjective or following['word'])} {adjective}".rstrip()
        return Edit(group.start, group.end, adjective)
    return Edit(group.start, group.end, _bare_if_determined(text, group.start, AGE_WORDS[band]["noun"]))


def _bare_if_determined(text: str, start: int, noun: str) -> str:
    """'the 94yo' -> 'the older adult': no second article after a determiner or an adjective."""
    if _BARE_AFTER_RE.search(left_of(text, start)):
        return _ARTICLE_RE.sub("", noun)
    return noun


_AGE_FORMS = (
    (_BIRTHDAY_RE, _birthday),
    (_TURNED_RE, _turned),
    (_COPULA_RE, _copula),
    (_DECADE_RE, _decade),
    (_LOOSE_DECADE_RE, _loose_decade),
    (_SEX_RE, _sex),
    (_DROPPED_RE, _dropped),
    (_TEENAGE_RE, _teenage),
    (_BARE_NUMBER_RE, _bare_number),
)


def _describes_noun(text: str, end: int) -> bool:
    """True when a lower-case noun follows: the words before it only describe it ('room 1 crew')."""
    following = _NEXT_WORD_RE.match(text, end)
    return bool(following and following["word"].islower() and not _NOT_NOUN_RE.match(following["word"]))


def location_edit(text: str, group: Group, people: People) -> Edit:
    """'in room 12' -> 'on the unit', 'in Springfield' -> 'nearby', 'from Kelby' -> 'from nearby'."""
    rest_of_name = _CAPITALISED_AFTER_RE.match(text, group.end)  # "Maple Grove" + " Nursing Home"
    if rest_of_name:
        group = Group(group.start, rest_of_name.end(), group.label, group.rule, group.parts)
    words = text[group.start : group.end]
    inner = _LOCATION_PREP_IN_SPAN_RE.match(words)
    before = _LOCATION_PREP_RE.search(left_of(text, group.start))
    start = group.start - (len(before.group()) if before and not inner else 0)
    prep = (inner or before)["prep"].lower() if inner or before else ""
    facility = _FACILITY_RE.match(words, inner.end() if inner else 0) or _ROOM_NUMBER_RE.fullmatch(words)
    if facility and prep in ("in", "at", "on", "into"):
        return Edit(start, group.end, LOCATION_WORDS["unit"])
    if facility:
        noun = FACILITY_NOUNS.get(facility["noun"].lower(), facility["noun"].lower() or "room")
        return Edit(group.start, group.end, f"{a_or_an(noun)} {noun}")
    if _DETERMINER_BEFORE_RE.search(left_of(text, group.start)) and _describes_noun(text, group.end):
        return Edit(group.start, group.end, LOCATION_WORDS["modifier"])
    if prep == "from":
        return Edit(start, group.end, LOCATION_WORDS["from"])
    if prep and prep not in ("into",):
        return Edit(start, group.end, LOCATION_WORDS["near"])
    return Edit(group.start, group.end, LOCATION_WORDS["area"])
