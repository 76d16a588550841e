"""Relationships, links and unique details in the rewrite.

"our patient in bed 3" -> "someone", "your visit was" -> "your experience was", "thanks for coming
in" -> "thanks for reaching out", "Your hygienist" -> "Our hygienist", "we treated your mom" -> dropped
with its glue words; a link -> "a link", an @handle opening a reply is dropped, elsewhere "someone";
"the bus crash on Route 9" -> "an incident", "the mayor" -> "someone".
"""

from __future__ import annotations

import re

from .join import Edit, left_of, opens_sentence
from .people import People, vocative
from .spans import Group
from .words import (
    CARER_PHRASE,
    EVENT_NOUN,
    GLUE_BEFORE,
    PERSON_NOUN_END,
    PERSON_WORD,
    RELATIONSHIP_REWRITES,
    RELATIONSHIP_WORDS,
    TRAILING_ADVERB,
    UNIQUE_WORDS,
    VERB_AFTER_ASIDE,
    VISIT_FEELING,
    VISIT_NOUN_END,
    VISIT_VERB_AFTER,
    WEB_WORDS,
)

_I = re.IGNORECASE
_PERSON_END_RE = re.compile(PERSON_NOUN_END, _I)
_POSSESSIVE_PHRASE_RE = re.compile(r"['\u2019]s\s+(?P<noun>[\w-]+)$")
_SUBJECT_START_RE = re.compile(r"(?:i|we|i've|we've|i'd|we'd|i'm|we're|you|u|he|she|they)\b", _I)
_APPOSITIVE_START_RE = re.compile(r"(?:my|our|one of|a|an)\b", _I)
_VISIT_RE = re.compile(rf"^(?P<det>your|ur|his|her|their)\s.*{VISIT_NOUN_END}", _I)
_VISIT_FEELING_RE = re.compile(rf"{VISIT_FEELING}$", _I)
_VISIT_VERB_AFTER_RE = re.compile(VISIT_VERB_AFTER, _I)
_REWRITES = tuple((re.compile(pattern, _I), words) for pattern, words in RELATIONSHIP_REWRITES)
_CARER_RE = re.compile(CARER_PHRASE, _I)
_GLUE_BEFORE_RE = re.compile(rf"{GLUE_BEFORE}$", _I)
_TRAILING_ADVERB_RE = re.compile(TRAILING_ADVERB, _I)
_COMMA_BEFORE_RE = re.compile(r",[ \t]*$")
_APPOSITIVE_REST_RE = re.compile(rf"(?P<rest>[^,.;:!?\n]{{0,30}}),(?=[ \t]*(?i:{VERB_AFTER_ASIDE})\b)")
_PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:at|for|after|before|during|since|from|about|to|of|in|on)[ \t]+$", _I
)
_WITH_US_RE = re.compile(r"[ \t]+(?:with us|here|at our (?:clinic|practice|office|surgery|hospital))\b", _I)
_HANDLE_AFTER_RE = re.compile(r"(?:[ \t]*[,:!]+[ \t]*|[ \t]+)(?=\S)")
_IP_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_EVENT_RE = re.compile(EVENT_NOUN, _I)
_PERSON_WORD_RE = re.compile(PERSON_WORD, _I)


def relationship_edit(text: str, group: Group, people: People) -> Edit:
    """A person phrase -> 'someone'; a visit -> 'your experience'; a care act is dropped."""
    start, end = next((p[0], p[1]) for p in group.parts if p[2] == "RELATIONSHIP")
    phrase = text[start:end].rstrip()
    for pattern, words in _REWRITES:
        match = pattern.match(phrase)
        if match:
            return Edit(group.start, group.end, match.expand(words))
    carer = _CARER_RE.match(phrase)
    if carer:
        return Edit(group.start, group.end, f"our {carer['carer']}")
    person = _PERSON_END_RE.search(phrase) and not _SUBJECT_START_RE.match(phrase)
    if person or group.rule.endswith("my_patient"):
        someone = _someone(text[group.start : group.end])
        return _appositive(text, group) or Edit(group.start, group.end, someone)
    visit = _VISIT_RE.match(phrase)
    before = left_of(text, group.start)
    felt = _VISIT_FEELING_RE.search(before) or _VISIT_VERB_AFTER_RE.match(text, end)
    if visit and (felt or not _PREPOSITION_BEFORE_RE.search(before)):
        with_us = _WITH_US_RE.match(text, group.end)  # "your visit with us" -> "your experience"
        end = with_us.end() if with_us else group.end
        return Edit(group.start, end, f"{visit['det']} {RELATIONSHIP_WORDS['visit']}")
    return _dropped(text, group.start, group.end)


def _someone(words: str) -> str:
    possessive = _POSSESSIVE_PHRASE_RE.search(words)
    person = RELATIONSHIP_WORDS["person"]
    return f"{person}'s {possessive['noun']}" if possessive else person


def _appositive(text: str, group: Group) -> Edit | None:
    """'Colin, my patient from rehab' -> 'Colin from rehab': the phrase after a comma goes with it."""
    comma = _COMMA_BEFORE_RE.search(left_of(text, group.start))
    if not comma or not _APPOSITIVE_START_RE.match(text, group.start):
        return None
    rest = _APPOSITIVE_REST_RE.match(text, group.end)  # ", my patient from rehab, walked"
    if rest:
        return Edit(group.start - len(comma.group()), rest.end(), rest["rest"].strip())
    return Edit(group.start - len(comma.group()), group.end, "")


def _dropped(text: str, start: int, end: int) -> Edit:
    """Drop a care act with the 'when' or 'after her' before it and a 'too' after it."""
    glue = _GLUE_BEFORE_RE.search(left_of(text, start))
    start -= len(glue.group()) if glue else 0
    adverb = _TRAILING_ADVERB_RE.match(text, end)
    return Edit(start, adverb.end() if adverb else end, "")


def web_edit(text: str, group: Group, people: People) -> Edit:
    """A link -> 'a link'; an @handle that opens a reply is dropped, elsewhere it is 'someone'."""
    words = text[group.start : group.end].rstrip("?!.,;:)")
    end = group.start + len(words)
    if group.rule.endswith(".ip") or _IP_RE.match(words):
        return Edit(group.start, end, WEB_WORDS["ip"])
    if not words.startswith("@") and (group.rule.endswith(".url") or "/" in words or "." in words):
        return Edit(group.start, end, WEB_WORDS["url"])
    after = _HANDLE_AFTER_RE.match(text, end)
    if after and opens_sentence(text, group.start):
        return Edit(group.start, after.end(), "", upper=True)
    return vocative(text, group.start, end) or Edit(group.start, end, WEB_WORDS["handle"])


def unique_edit(text: str, group: Group, people: People) -> Edit:
    """A unique event -> 'an incident'; a unique person -> 'someone'."""
    words = text[group.start : group.end]
    event = _EVENT_RE.search(words) and not _PERSON_WORD_RE.search(words)
    return Edit(group.start, group.end, UNIQUE_WORDS["event" if event else "person"])
