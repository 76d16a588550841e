"""Tokens with their offsets: words, numbers, emails, links, handles, emoji and punctuation."""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(
    r"""
     (?P<url>(?:https?://|www\.)[^\s<>"']+[^\s<>"'.,;:!?)\]])
    |(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
    |(?P<handle>(?<![\w@])@\w{1,30})
    |(?P<tag>(?<![\w#&])\#\w+)
    |(?P<number>\d+(?:[.,:/-]\d+)*(?:st|nd|rd|th|am|pm|yo|y/o|kg|mg|ml|g|k)?)
    |(?P<word>(?:Mrs|Mr|Ms|Mx|Dr|Prof|St|Jr|Sr)\.(?!\w)|[^\W\d_]+(?:['’-][^\W\d_]+)*)
    |(?P<other>\S)
    """,
    re.VERBOSE,
)


class Token(NamedTuple):
    """A piece of the text: its words, where it starts and ends, and what kind of piece it is."""

    text: str
    start: int
    end: int
    kind: str


def tokenize(text: str) -> list[Token]:
    """Split the text into tokens, keeping each one's offsets into it."""
    return [Token(m.group(), m.start(), m.end(), m.lastgroup or "other") for m in _TOKEN.finditer(text)]
