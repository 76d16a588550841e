"""Contact details, numbers and health details in the rewrite.

"call me at 555-0164" -> "call me at our office line", "her cell is 555-0129" -> "her cell is on
file"; "your claim #CLM-77 was coded" -> "your claim was coded", a lone number -> "their account";
"your chemo" -> "your care", "with dementia" -> "with a health issue", "on the fluoxetine" -> "on
treatment".
"""

from __future__ import annotations

import re

from .join import Edit, drop_aside, left_of
from .people import People
from .spans import Group
from .words import (
    ADJECTIVE_BEFORE,
    CLINICAL_WORDS,
    CONTACT_EXTENSION,
    CONTACT_NOUN,
    CONTACT_VERB,
    CONTACT_WORDS,
    DESCRIBED_NOUN,
    EPONYM_NOUN,
    ID_NOUN,
    ID_WORDS,
    POSSESSIVE_DETERMINER,
    PRACTICE_WORD,
    RELATIVE_NOUN,
)

_I = re.IGNORECASE
_EXTENSION_RE = re.compile(CONTACT_EXTENSION, _I)
_COPULA_BEFORE_RE = re.compile(r"(?:\b(?:is|was|are)|:)[ \t]*$", _I)
_OWNER_BEFORE_RE = re.compile(
    rf"(?:['\u2019]s|\b(?:his|her|their|your|ur))\s+(?:[\w-]+\s+){{0,2}}?{CONTACT_NOUN}"
    r"(?:\s*(?:is|was|:))?[ \t]*,?[ \t]*$",
    _I,
)
_VERB_BEFORE_RE = re.compile(rf"\b(?P<verb>{CONTACT_VERB})\b(?P<between>[^.!?\n]*)$", _I)
_PRACTICE_BEFORE_RE = re.compile(rf"\b{PRACTICE_WORD}\b", _I)
_SENTENCE_RE = re.compile(r"[^.!?\n]*$")
_SOMEONE_ELSE_RE = re.compile(r"(?:['\u2019]s\b|\b(?:you|u|him|her|his|their|them)\b)", _I)
_ID_BEFORE_RE = re.compile(
    rf"(?P<comma>,[ \t]*)?\b(?P<noun>{ID_NOUN})\.?"
    r"(?P<glue>[ \t]*(?:#|:|\bis\b|\bwas\b|\bnumber\b|\bno\.|\bending\b|\bends\b)?[ \t]*#?[ \t]*)$",
    _I,
)
_EMOJI_AFTER_RE = re.compile(r"[ \t]*[^\w\s,.;:!?'\"()\[\]-]")
_CLAUSE_CLOSE_RE = re.compile(r"[ \t]*(?:[,.;)!?\n]|$)")
_OWNER_RE = re.compile(
    rf"^(?:(?P<det>{POSSESSIVE_DETERMINER}(?:\s+(?:{RELATIVE_NOUN})['\u2019]s)?)"
    rf"|(?P<owner>[^\s'\u2019]+(?:\s+[^\s'\u2019]+)?)['\u2019]s)\s+",
    _I,
)
_DESCRIBED_RE = re.compile(rf"[ \t]+{DESCRIBED_NOUN}", _I)
_ARTICLE_AND_WORDS_BEFORE_RE = re.compile(
    r"\b(?:a|an|the|his|her|their|your|my|our|this|that)[ \t]+"
    r"(?:(?!(?:with|in|from|for|of|on|at|to|and|or|by|about|is|was|has|had)\b)[a-z-]+[ \t]+){1,2}$"
)
_ADJECTIVE_BEFORE_RE = re.compile(rf"\b{ADJECTIVE_BEFORE}[ \t]+$", _I)
_PLURAL_VERB_AFTER_RE = re.compile(r"[ \t]+(?:are|were|have|show|look|came|come)\b", _I)
_EPONYM_BEFORE_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?-i:[A-Z][\w'\u2019\u00e9-]+[ \t]+){1,2}$")
_EPONYM_NOUN_RE = re.compile(rf"{EPONYM_NOUN}\b", _I)
_ON_BEFORE_RE = re.compile(r"\bon[ \t]+$", _I)


def contact_edit(text: str, group: Group, people: People) -> Edit:
    """A phone or email: the office's when the draft says to get in touch, else 'their contact details'."""
    extension = _EXTENSION_RE.match(text, group.end)
    end = extension.end() if extension else group.end
    before = left_of(text, group.start)
    if _OWNER_BEFORE_RE.search(before):
        if _COPULA_BEFORE_RE.search(before):
            return Edit(group.start, end, CONTACT_WORDS["on_file"])
        return drop_aside(text, group.start, end)
    verb = _VERB_BEFORE_RE.search(before)
    sentence = _SENTENCE_RE.search(before)
    if _PRACTICE_BEFORE_RE.search(sentence.group()) or verb and not _SOMEONE_ELSE_RE.search(verb["between"]):
        email = "@" in text[group.start : group.end]
        direct = (
            email and verb and not verb["between"].strip() and verb["verb"].lower() in ("email", "e-mail")
        )
        words = CONTACT_WORDS["ours_email_direct" if direct else "ours_email" if email else "ours"]
        return Edit(group.start, end, words)
    return Edit(group.start, end, CONTACT_WORDS["theirs"])


def id_edit(text: str, group: Group, people: People) -> Edit:
    """A number: dropped after the word that names it ('your claim was coded'), else 'their account'."""
    named = _ID_BEFORE_RE.search(left_of(text, group.start))
    if not named:
        return Edit(group.start, group.end, ID_WORDS["default"])
    glue = named["glue"].strip().lower()
    if glue in (":", "is", "was"):
        return Edit(group.start, group.end, ID_WORDS["on_file"])
    if named["comma"] and _CLAUSE_CLOSE_RE.match(text, group.end):
        return Edit(group.start - len(named.group()), group.end, "")
    if _CLAUSE_CLOSE_RE.match(text, group.end) or _EMOJI_AFTER_RE.match(text, group.end):
        return Edit(group.start - len(named["glue"]), group.end, ID_WORDS["on_file"])
    return Edit(group.start - len(named["glue"]), group.end, "")


def clinical_edit(text: str, group: Group, people: People) -> Edit:
    """'your chemo' -> 'your care', 'Karen's surgery' -> 'a patient's care', else 'a health issue'."""
    eponym = _EPONYM_BEFORE_RE.search(left_of(text, group.start))  # "Alport" + "syndrome"
    if eponym and _EPONYM_NOUN_RE.match(text, group.start):
        group = Group(group.start - len(eponym.group()), group.end, group.label, group.rule, group.parts)
    words = text[group.start : group.end]
    owner = _OWNER_RE.match(words)
    if _DESCRIBED_RE.match(text, group.end):  # "her dialysis transport" -> "her transport"
        kept = owner["det"] if owner and owner["det"] else ""
        return Edit(group.start, group.end, kept)
    plural = bool(_PLURAL_VERB_AFTER_RE.match(text, group.end))
    owned = CLINICAL_WORDS["owned_plural" if plural else "owned"]
    named = group.has("NAME") or group.has("RELATIONSHIP")  # the owner's words are flagged too
    if owner and owner["det"]:
        relative = " " in owner["det"].strip()  # "your dad's chemo"
        det = "their" if named and relative else owner["det"]
        return Edit(group.start, group.end, f"{det} {owned}")
    if owner:
        person = owner["owner"]
        person = people.words_for(person) if named or person[:1].isupper() else person
        return Edit(group.start, group.end, f"{person}'s {owned}")
    before = left_of(text, group.start)
    if _ON_BEFORE_RE.search(before):
        return Edit(group.start, group.end, CLINICAL_WORDS["on"])
    if _ARTICLE_AND_WORDS_BEFORE_RE.search(before) or _ADJECTIVE_BEFORE_RE.search(before):
        return Edit(group.start, group.end, CLINICAL_WORDS["bare"].split(" ", 1)[1])
    return Edit(group.start, group.end, CLINICAL_WORDS["bare_plural" if plural else "bare"])
