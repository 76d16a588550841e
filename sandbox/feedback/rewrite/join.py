"""Stitch replacements into the draft: spaces, punctuation, a/an and capitals where they meet.

Each edit replaces text[start:end] with words. Where an edit meets the text around it, only the last
WINDOW characters written so far and the next WINDOW characters of the draft may change, so
everything farther from a flagged span is copied exactly (line breaks, emoji, the author's spacing).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .words import (
    CONTEXT,
    DANGLING,
    DETERMINERS,
    NO_ARTICLE_WORDS,
    VERB_AFTER_ASIDE,
    VOWEL_SOUND_EXCEPTIONS,
    VOWEL_SOUND_LETTERS,
    WINDOW,
)

_SPACES_RE = re.compile(r"[ \t]*")
_DANGLING_RE = re.compile(rf"(?:^|(?<=[\s(]))(?i:{DANGLING})[ \t]*$")
_DETERMINER_RE = re.compile(rf"(?:^|(?<=[\s(]))(?P<det>(?i:{DETERMINERS}))[ \t]+$")
_ARTICLES = ("a", "an", "A", "An")
_POSSESSIVE_END_RE = re.compile(r"[^\W\d_]['\u2019]s[ \t]+$")
_NO_ARTICLE_RE = re.compile(NO_ARTICLE_WORDS, re.IGNORECASE)
_ARTICLE_RE = re.compile(r"^(?P<article>an?|another)\s+", re.IGNORECASE)
_FIRST_WORD_RE = re.compile(r"[\s\"'(]*(?P<word>[^\W_][\w-]*)")
_COMMA_BEFORE_RE = re.compile(r",[ \t]*$")
_GOES_ON_RE = re.compile(rf"[ \t]*(?i:{VERB_AFTER_ASIDE})\b")
_CLAUSE_END = ".!?)\n"
_NO_SPACE_AFTER = "([{<\"'\u201c\u2018/-@#_\u2014\u2013"
_OPENERS = " \t\"'\u201c\u2018(*_"


@dataclass
class Edit:
    """Replace text[start:end] with words; upper says whether a sentence start keeps its capital."""

    start: int
    end: int
    words: str
    upper: bool | None = None  # None: take it from the replaced text


def assemble(text: str, edits: list[Edit]) -> str:
    """Apply sorted edits to the text, fixing the seams between each edit and its neighbours."""
    pieces: list[str] = []
    cursor = 0
    carried = False  # a capital owed to the next edit (a removed sentence opener right before it)
    for index, edit in enumerate(edits):
        start = max(edit.start, cursor)
        end = max(edit.end, start)
        pieces.append(text[cursor:start])
        tail = _take_tail(pieces)
        upper = carried or (edit.upper if edit.upper is not None else _starts_upper(text[start:end]))
        following = edits[index + 1].start if index + 1 < len(edits) else len(text)
        head = text[end : max(end, min(end + WINDOW, following))]
        more = following < end + WINDOW  # another edit follows within reach: the head is not the end
        tail, middle, skip = join(tail, edit.words, head, upper, at_start=not any(pieces), more=more)
        carried = upper and not edit.words and skip == len(head) and not middle
        pieces += [tail, middle]
        cursor = end + skip
    pieces.append(text[cursor:])
    return "".join(pieces)


def _take_tail(pieces: list[str]) -> str:
    """Remove and return the last WINDOW characters written so far."""
    taken: list[str] = []
    size = 0
    while pieces and size < WINDOW:
        piece = pieces.pop()
        keep = max(0, len(piece) - (WINDOW - size))
        if keep:
            pieces.append(piece[:keep])
        taken.append(piece[keep:])
        size += len(piece) - keep
    return "".join(reversed(taken))


def _starts_upper(words: str) -> bool:
    letter = next((c for c in words if c.isalpha()), "")
    return letter.isupper()


def join(
    tail: str, words: str, head: str, upper: bool, at_start: bool, more: bool = False
) -> tuple[str, str, int]:
    """(new tail, words to write, characters of head to skip) for one edit between tail and head.

    `more` says another edit follows right after head, so an empty head is not the end of the text.
    """
    skip = 0
    if words:
        tail, words = fit_article(tail, words)
        words = _spaced(tail, words, head)
    else:
        tail, skip = _close_gap(tail, head, at_start, more)
        tail = _agree_article(tail, head[skip:])
    if upper and sentence_start(tail, at_start):
        words, skip = _capitalise(words, head, skip)
    return tail, words, skip


def left_of(text: str, pos: int) -> str:
    """The CONTEXT characters before pos: what an edit may read to decide its words."""
    return text[max(0, pos - CONTEXT) : pos]


def opens_sentence(text: str, pos: int) -> bool:
    """True when pos starts the text or a sentence."""
    return sentence_start(left_of(text, pos), at_start=pos <= CONTEXT)


def drop_aside(text: str, start: int, end: int) -> Edit:
    """Drop words set off by commas: 'Tammy, 52, came' -> 'Tammy came'; 'Bo, 68, regular' keeps one."""
    comma = _COMMA_BEFORE_RE.search(left_of(text, start))
    if not comma:
        return Edit(start, end, "")
    closing = 1 if text[end : end + 1] == "," and _GOES_ON_RE.match(text, end + 1) else 0
    return Edit(start - len(comma.group()), end + closing, "")


def sentence_start(before: str, at_start: bool) -> bool:
    """True when what follows `before` begins a sentence (or the text)."""
    stripped = before.rstrip(_OPENERS)
    if not stripped:
        return at_start
    last = stripped[-1]
    return last in ".!?\n" or unicodedata.category(last) == "So"


def _spaced(tail: str, words: str, head: str) -> str:
    if tail and not tail[-1].isspace() and tail[-1] not in _NO_SPACE_AFTER and words[:1].isalnum():
        words = " " + words
    if head[:1].isalnum() and words[-1:].isalnum():
        words += " "
    return words


def _close_gap(tail: str, head: str, at_start: bool, more: bool) -> tuple[str, int]:
    """After words were removed: one space, no orphan commas, no words left hanging before a stop."""
    skip = 0
    if not tail.strip() or tail[-1:].isspace() or tail[-1:] in _NO_SPACE_AFTER:
        skip = _SPACES_RE.match(head).end()
    rest = head[skip:]
    before = tail.rstrip(" \t")
    opening = sentence_start(tail, at_start)
    if rest[:1] in (",", ";", ":") and (opening or before[-1:] in ",;:("):
        skip = _SPACES_RE.match(head, skip + 1).end()
        rest = head[skip:]
    elif opening and rest[:1] in (".", "!", "?"):  # "Kris!! [I was his nurse]!! so glad" -> "so glad"
        skip = _SPACES_RE.match(head, skip + len(rest) - len(rest.lstrip(".!?"))).end()
        rest = head[skip:]
    if rest[:1] == ")" and before.endswith("("):
        return before[:-1].rstrip(" \t"), skip + 1
    ends_clause = bool(rest) and rest[0] in _CLAUSE_END + ",;:"
    if ends_clause or not rest and not more:
        tail = _drop_dangling(before, rest)
    return tail, skip


def _drop_dangling(tail: str, rest: str) -> str:
    """Drop up to two words left hanging ('for', 'when', 'the') and a comma before a full stop."""
    for _ in range(2):
        match = _DANGLING_RE.search(tail)
        if not match or match.start() == 0 and len(tail) >= WINDOW:
            break
        tail = tail[: match.start()].rstrip(" \t")
    if not rest or rest[0] in _CLAUSE_END:
        tail = tail.rstrip(",;: \t")
    return tail


def fit_article(tail: str, words: str) -> tuple[str, str]:
    """'the' + 'a patient' -> 'the patient'; 'a' + 'someone' -> 'someone'; 'a' + 'older' -> 'an older'."""
    determiner = _DETERMINER_RE.search(tail)
    article = _ARTICLE_RE.match(words)
    if (determiner or _POSSESSIVE_END_RE.search(tail)) and article:
        indefinite = determiner and determiner["det"] in _ARTICLES
        other = article["article"].lower() == "another" and not indefinite
        words = ("other " if other else "") + words[article.end() :]
    elif determiner and determiner["det"].lower() in ("a", "an", "the") and _NO_ARTICLE_RE.match(words):
        tail = tail[: determiner.start()]
    return _agree_article(tail, words), words


def _agree_article(tail: str, following: str) -> str:
    """Make a trailing 'a'/'an' agree with the next word."""
    determiner = _DETERMINER_RE.search(tail)
    word = _FIRST_WORD_RE.match(following)
    if not determiner or not word or determiner["det"].lower() not in ("a", "an"):
        return tail
    wanted = a_or_an(word["word"])
    written = determiner["det"]
    if written.lower() == wanted:
        return tail
    fixed = wanted.capitalize() if written[0].isupper() else wanted
    return tail[: determiner.start()] + fixed + tail[determiner.start() + len(written) :]


def a_or_an(word: str) -> str:
    """The indefinite article for a word ('an older', 'a one-off', 'an MRI')."""
    lower = word.lower()
    if word.isupper() and len(word) > 1:  # read letter by letter: "an MRI", "a UTI"
        return "an" if word[0] in VOWEL_SOUND_LETTERS else "a"
    if lower.startswith(VOWEL_SOUND_EXCEPTIONS["an"]):
        return "an"
    if lower.startswith(VOWEL_SOUND_EXCEPTIONS["a"]):
        return "a"
    return "an" if lower[:1] in "aeiou" else "a"


def _capitalise(words: str, head: str, skip: int) -> tuple[str, int]:
    """Capitalise the first letter of the words, or of the next word when nothing was written."""
    if words:
        index = next((i for i, c in enumerate(words) if c.isalpha()), None)
        if index is None:
            return words, skip
        return words[:index] + words[index].upper() + words[index + 1 :], skip
    if skip < len(head) and head[skip].islower():
        return head[skip].upper(), skip + 1
    return words, skip
