"""Tone detectors: post-level labels, each optionally pointing at the words that triggered it."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Draft, Finding
from .care import find_boundary, find_medical_advice
from .dismissive import find_dismissive
from .good import find_disclaimer, find_empathy, find_redirect
from .jargon import find_jargon
from .problems import find_defensive, find_hostile
from .promotion import find_promotion
from .sarcasm import find_sarcastic

DETECTORS: tuple[Callable[[Draft], list[Finding]], ...] = (
    find_hostile,
    find_defensive,
    find_sarcastic,
    find_dismissive,
    find_medical_advice,
    find_boundary,
    find_promotion,
    find_jargon,
    find_empathy,
    find_redirect,
    find_disclaimer,
)


def find_tone(draft: Draft) -> list[Finding]:
    """Return the tone findings for the draft (offsets into draft.text, or None): one per label at most."""
    findings: list[Finding] = []
    for detect in DETECTORS:
        findings.extend(detect(draft))
    return findings
