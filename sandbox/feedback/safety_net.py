"""Safety-netting: the red flags to watch for and what to do then ("if you get chest pain, call 911").

Good practice in any reply: the red flags it names are advice anyone may be given, not the reader's
condition, and not symptoms the reader has described.
"""

from __future__ import annotations

import re

from .privacy.disclosure.context import split_sentences

SAFETY_NET_RE = re.compile(
    r"\b(?:if|should|in case|whenever|any)\b[^.!?\n]{0,200}?\b(?:call (?:an ambulance|9-?1-?1|999|000|112)|"
    r"9-?1-?1|999|000|112|ambulance|a ?& ?e|emergency|urgent care|the er|the ed|"
    r"seek (?:urgent |immediate |emergency )?(?:help|care|medical)|"
    r"get (?:seen|checked) (?:today|urgently|now|straight))",
    re.IGNORECASE,
)


def safety_net_sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence that is a safety net."""
    return [(start, end) for start, end in split_sentences(text) if SAFETY_NET_RE.search(text, start, end)]


def without_safety_nets(text: str) -> str:
    """The text with its safety-net sentences blanked out (same length, so offsets still hold)."""
    for start, end in safety_net_sentences(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text
