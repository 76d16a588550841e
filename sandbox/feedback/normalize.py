"""Normalise a draft for matching while keeping a map back to the caller's offsets."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters that only hide text from matching: zero-width and directional marks.
_INVISIBLE = {
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u00ad",
}
_REPLACE = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2007": " ",
}


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for each of its characters, the index it came from."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text back to the original text."""
        if not self.origin:
            return 0, 0
        start = min(max(start, 0), len(self.origin) - 1)
        last = min(max(end - 1, start), len(self.origin) - 1)
        return self.origin[start], min(self.origin[last] + 1, self.original_length)


def normalize(text: str) -> Normalized:
    """Fold look-alike characters (NFKC, quotes, dashes, spaces) and drop invisible ones."""
    if text.isascii():  # nothing to fold or drop: every character maps to itself
        return Normalized(text, tuple(range(len(text))), len(text))
    pieces: list[str] = []
    origin: list[int] = []
    cursor = 0
    for match in _NON_ASCII.finditer(text):  # ASCII runs in between are copied whole
        index = match.start()
        pieces.append(text[cursor:index])
        origin.extend(range(cursor, index))
        cursor = index + 1
        char = match.group()
        if char in _INVISIBLE:
            continue
        folded = _REPLACE.get(char) or unicodedata.normalize("NFKC", char) or " "
        pieces.append(folded)
        origin.extend([index] * len(folded))
    pieces.append(text[cursor:])
    origin.extend(range(cursor, len(text)))
    return Normalized("".join(pieces), tuple(origin), len(text))
