"""Case-insensitive patterns searched on lower-cased text first: the same matches at a fraction of the cost.

Python's regex engine tries every alternative of an IGNORECASE word list at every position, because it
cannot skip an alternative by its first character. The same pattern without IGNORECASE, searched on the
lower-cased text, can, which makes large word lists 3-5 times faster. That folded search only proposes
where a match may start: the original pattern then confirms it there with `match`, so every match object
(span, groups, text) is exactly the one the original pattern would have returned.

This is exact as long as the folded pattern matches wherever the original does. It is built from the
original's parse tree: case-insensitive parts are lower-cased (the same matches on folded text), and
case-sensitive parts such as "(?-i:[A-Z][a-z]+)" are widened so that they match at least as much (capitals
lower-cased, negated sets stripped of letters, negative lookarounds dropped, possessive repeats made
greedy). A pattern with anything the builder does not know is returned as it is.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

from ._folding import folded_pattern

# Characters IGNORECASE treats as the ASCII letter they resemble, and that lower() leaves alone.
_EXTRA_FOLDS = str.maketrans({"\u0131": "i", "\u017f": "s"})
# Folded copies of recent long texts, by identity: detectors search the same draft with many patterns,
# often between searches of its sentences, so one slot would be refilled all the time.
_CACHE_MIN_LENGTH = 64
_CACHE_SLOTS = 8
_cache: dict[int, tuple[str, str]] = {}


def fold(text: str) -> str:
    """The text lower-cased character by character as IGNORECASE compares it (same length, same offsets)."""
    if len(text) < _CACHE_MIN_LENGTH:
        return _fold(text)
    cached = _cache.get(id(text))
    if cached is not None and cached[0] is text:  # the entry holds the text, so its id cannot be reused
        return cached[1]
    if len(_cache) >= _CACHE_SLOTS:
        _cache.clear()
    folded = _cache[id(text)] = (text, _fold(text))
    return folded[1]


def _fold(text: str) -> str:
    folded = text.lower()
    if len(folded) != len(text):  # 'İ' lower-cases to two characters; IGNORECASE reads it as 'i'
        folded = "".join(map(_fold_char, text))
    if not folded.isascii() and ("\u0131" in folded or "\u017f" in folded):
        folded = folded.translate(_EXTRA_FOLDS)
    return folded


def _fold_char(char: str) -> str:
    lowered = char.lower()
    return lowered if len(lowered) == 1 else lowered[0]


class CaselessPattern:
    """An IGNORECASE pattern that finds candidates on folded text and confirms them with the original.

    The original is compiled on first need (most patterns never see a candidate in a given draft), which
    takes half the regex compilation off the import.
    """

    __slots__ = ("_exact", "_flags", "folded", "pattern")

    def __init__(self, exact: re.Pattern[str] | str, folded: re.Pattern[str], flags: int = 0) -> None:
        self.folded = folded
        if isinstance(exact, re.Pattern):
            self._exact, self.pattern, self._flags = exact, exact.pattern, exact.flags
        else:
            self._exact, self.pattern, self._flags = None, exact, flags | re.IGNORECASE

    @property
    def exact(self) -> re.Pattern[str]:
        """The original pattern, compiled."""
        if self._exact is None:
            self._exact = re.compile(self.pattern, self._flags)
        return self._exact

    @property
    def flags(self) -> int:
        """Like re.Pattern.flags."""
        return self.exact.flags

    @property
    def groupindex(self):
        """Like re.Pattern.groupindex."""
        return self.exact.groupindex

    @property
    def groups(self) -> int:
        """Like re.Pattern.groups."""
        return self.exact.groups

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Like re.Pattern.search."""
        low = fold(text)
        folded_search = self.folded.search
        while True:
            candidate = folded_search(low, pos, endpos)
            if candidate is None:
                return None
            match = (self._exact or self.exact).match(text, candidate.start(), endpos)
            if match is not None:
                return match
            pos = candidate.start() + 1

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """Like re.Pattern.finditer."""
        while (match := self.search(text, pos, endpos)) is not None:
            if match.end() == match.start():  # empty matches follow subtle rules: let re carry on from here
                yield from self.exact.finditer(text, pos, endpos)
                return
            yield match
            pos = match.end()

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Like re.Pattern.match (anchored, so the original pattern is already cheap)."""
        return self.exact.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Like re.Pattern.fullmatch."""
        return self.exact.fullmatch(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        """Like re.Pattern.findall."""
        return self.exact.findall(text, pos, endpos)

    def sub(self, repl, text: str, count: int = 0) -> str:
        """Like re.Pattern.sub."""
        return self.exact.sub(repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list:
        """Like re.Pattern.split."""
        return self.exact.split(text, maxsplit)


def caseless(pattern: str | re.Pattern[str], flags: int = 0) -> CaselessPattern | re.Pattern[str]:
    """Compile a case-insensitive pattern for fast searching (the plain pattern when it can't be sped up)."""
    if isinstance(pattern, re.Pattern):
        if not pattern.flags & re.IGNORECASE:
            return pattern
        folded = folded_pattern(pattern.pattern, pattern.flags)
        return pattern if folded is None else CaselessPattern(pattern, folded)
    folded = folded_pattern(pattern, flags | re.IGNORECASE)
    if folded is None:
        return re.compile(pattern, flags | re.IGNORECASE)
    return CaselessPattern(pattern, folded, flags)
