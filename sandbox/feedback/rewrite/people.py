"""Names in the rewrite: a person named becomes 'a patient', or goes when the sentence needs no name.

"Mrs. Ortega" -> "a patient" (then "the patient"), "Karen's" -> "a patient's", "Hi Jen, thanks" ->
"Hi, thanks", "Karen, we're sorry" -> "We're sorry", "her daughter Lisa" -> "her daughter",
"Sophie's mum" -> "someone's mum".
"""

from __future__ import annotations

import re

from .join import Edit, left_of, opens_sentence
from .spans import Group
from .words import (
    ADDRESS_NEXT,
    BABY_TITLE,
    GREETING,
    GREETING_SWAP,
    NAME_AFTER_NOUN,
    PERSON_WORDS,
    RELATIVE_NOUN,
    TITLE,
)

_I = re.IGNORECASE
_TITLE_BEFORE_RE = re.compile(rf"\b{TITLE}\.?[ \t]+$", _I)
_BABY_RE = re.compile(rf"^{BABY_TITLE}\b", _I)
_VOCATIVE_AFTER_RE = re.compile(r"[ \t]*(?:[,:!]+|\u2014|\u2013|-(?=\s))[ \t]*(?![ \t]*\d)")
_GREETING_RE = re.compile(rf"(?P<greet>\b{GREETING})[ \t]*,?[ \t]*$", _I)
_CLOSE_AFTER_RE = re.compile(r"[ \t]*(?:[!.?\n]|$|[^\w\s,'\u2019])")
_IF_YOU_READ_RE = re.compile(r"[ \t]*,?[ \t]*(?=if (?:you|u)(?:'re| are)? (?:\w+ )?read)", _I)
_ADDRESS_NEXT_RE = re.compile(rf"{ADDRESS_NEXT}\b", _I)
_ADDRESSED_BEFORE_RE = re.compile(r"(?:(?P<comma>,[ \t]*)|\b(?:you|u|ya)[ \t]+)$", _I)
_INITIAL_STOP_RE = re.compile(r"(?<=\b[A-Z])\.(?=[,;:)]|[ \t]+[a-z])")
_SURNAME_AFTER_INITIAL_RE = re.compile(r"(?<=\b[A-Z]\.)[ \t]+[A-Z][\w'-]+")
_AFTER_NOUN_RE = re.compile(rf"\b{NAME_AFTER_NOUN}(?P<comma>[ \t]*,)?[ \t]*$", _I)
_OWNER_OF_RELATIVE_RE = re.compile(rf"['\u2019]s\s+(?:{RELATIVE_NOUN})\b", _I)
_FAMILY_RE = re.compile(r"(?:\bfamily|[a-z]s)$")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_TITLE_WORD_RE = re.compile(rf"^{TITLE}$|^{BABY_TITLE}$", _I)


class People:
    """Who has been named so far, so a second mention of one person reads 'the patient'."""

    def __init__(self) -> None:
        self.seen: list[tuple[frozenset[str], str]] = []

    def knows(self, name: str) -> bool:
        """True when this person was named before."""
        key = _key(name)
        return any(key & known for known, _ in self.seen)

    def words_for(self, name: str, relative: bool = False) -> str:
        """'a patient' for a new person, 'the patient' again, 'another patient' for a second person."""
        key = _key(name)
        kind = "relative" if relative else "patient"
        for known, known_kind in self.seen:
            if key & known:
                return PERSON_WORDS["relative_again" if known_kind == "relative" else "again"]
        self.seen.append((key, kind))
        if relative:
            return PERSON_WORDS["relative"]
        return PERSON_WORDS["first" if sum(k == "patient" for _, k in self.seen) == 1 else "other"]


def _key(name: str) -> frozenset[str]:
    """The words of a name without its title: 'Mrs. Ortega' and 'Ortega' share 'ortega'."""
    return frozenset(w.lower() for w in _WORD_RE.findall(name) if not _TITLE_WORD_RE.match(w))


def name_edit(text: str, group: Group, people: People) -> Edit:
    """A name: dropped when it addresses someone or follows 'her daughter', else 'a patient'."""
    start = group.start
    title = _TITLE_BEFORE_RE.search(left_of(text, start))
    if title:
        start -= len(title.group())
    surname = _SURNAME_AFTER_INITIAL_RE.match(text, group.end)  # "Mrs J." + " Smith"
    initial_stop = _INITIAL_STOP_RE.match(text, group.end)  # "Mr. A" + ".", 52"
    end = surname.end() if surname else initial_stop.end() if initial_stop else group.end
    return (
        vocative(text, start, end)
        or _after_noun(text, start, end)
        or Edit(start, end, _person_words(text, start, end, group, people))
    )


def _person_words(text: str, start: int, end: int, group: Group, people: People) -> str:
    name = text[start:end]
    if _BABY_RE.match(name):
        return PERSON_WORDS["baby"]
    if group.rule.endswith(".family") and _FAMILY_RE.search(name):
        return PERSON_WORDS["family"]
    if _OWNER_OF_RELATIVE_RE.match(text, end) and not people.knows(name):
        return PERSON_WORDS["owner"]
    return people.words_for(name, relative=group.rule.endswith(".relative"))


def vocative(text: str, start: int, end: int) -> Edit | None:
    """'Karen, we're sorry' -> 'We're sorry'; 'Hi Jen,' -> 'Hi,'; 'Thank you, Karen!' -> 'Thank you!'."""
    before = left_of(text, start)
    greeting = _GREETING_RE.search(before)
    if greeting and opens_sentence(text, start - len(before) + greeting.start()):
        closes = _CLOSE_AFTER_RE.match(text, end)
        if closes or _VOCATIVE_AFTER_RE.match(text, end):
            swap = GREETING_SWAP.get(greeting["greet"].lower())
            if swap:
                return Edit(start - len(before) + greeting.start("greet"), end, swap)
            return Edit(start - len(before) + greeting.end("greet") if closes else start, end, "")
    after = _VOCATIVE_AFTER_RE.match(text, end) or _IF_YOU_READ_RE.match(text, end)
    if opens_sentence(text, start) and after and _addresses(text, after):
        return Edit(start, after.end(), "")
    addressed = _ADDRESSED_BEFORE_RE.search(before)
    if addressed and _CLOSE_AFTER_RE.match(text, end):
        return Edit(start - len(addressed["comma"] or " "), end, "")
    return None


def _addresses(text: str, after: re.Match) -> bool:
    """'Karen, we're sorry' addresses Karen; 'Jamie Coyle, DOB 21/07' only describes him."""
    mark = after.group().strip()
    if after.re is _IF_YOU_READ_RE or mark and mark[0] in "!\u2014\u2013-":
        return True
    return bool(mark) and bool(_ADDRESS_NEXT_RE.match(text, after.end()))


def _after_noun(text: str, start: int, end: int) -> Edit | None:
    """'her daughter Lisa is' -> 'her daughter is'; 'her son, Tom, came' -> 'her son came'."""
    before = left_of(text, start)
    noun = _AFTER_NOUN_RE.search(before)
    if not noun:
        return None
    if noun["comma"]:
        comma_at = start - len(before) + noun.end("comma") - 1
        closing = 1 if text[end : end + 1] == "," else 0
        return Edit(comma_at, end + closing, "")
    return Edit(start, end, "")
