"""Shared pieces of the tone detectors: the finding texts per label, and matching helpers re-exported."""

from __future__ import annotations

import re

from ..model import Finding
from ..sources import cite
from .matching import GAP, Rule, all_matches, best_match, compile_rules, lowered

__all__ = [
    "ADVICE",
    "GAP",
    "Rule",
    "all_matches",
    "best_match",
    "compile_rules",
    "from_match",
    "lowered",
    "tone_finding",
]

# What each label means to a trainee, what to write instead, and the guidance it rests on.
ADVICE: dict[str, tuple[str, str, str]] = {
    "HOSTILE": (
        "Insults, threats or swearing aimed at someone reflect on you and your employer, and a "
        "screenshot lasts forever.",
        "Step away before replying. If you answer at all, keep it short and calm and offer a private "
        "channel.",
        "acp_fsmb",
    ),
    "DEFENSIVE": (
        "Arguing with or blaming a patient in public looks bad to every reader, and the details you add to "
        "prove your point usually confirm they are a patient.",
        "Thank them, acknowledge the concern without confirming any facts, and invite them to contact the "
        "office privately.",
        "ama.2.3.2",
    ),
    "SARCASTIC": (
        "Sarcasm and mockery read as contempt for patients and the public, even when meant as a joke.",
        "Say plainly what you mean, or leave it unposted. Vent with colleagues offline, not online.",
        "ncsbn",
    ),
    "DISMISSIVE": (
        "Belittling a worry ('calm down', 'just google it') makes people feel unheard and less likely to "
        "seek care.",
        "Take the concern seriously: acknowledge it and point to a reliable source or the right clinician.",
        "acp_fsmb",
    ),
    "MEDICAL_ADVICE": (
        "Diagnosing or treating one person over social media, without an exam or their history, can harm "
        "them and creates a care relationship; others may follow it too.",
        "Share general information only and point the person to their own clinician, the office or, if "
        "urgent, emergency care.",
        "ama.2.3.2",
    ),
    "BOUNDARY": (
        "Friending, dating, meeting up, accepting gifts or sharing personal contact details with a patient "
        "crosses a professional boundary.",
        "Decline kindly and keep contact on the practice's official channels (office line, portal, page).",
        "ncsbn",
    ),
    "PROMOTION": (
        "Guarantees, discount codes and endorsements without a disclosed relationship can mislead patients "
        "and break advertising rules.",
        "Drop guarantees and codes, disclose any paid relationship (#ad), and keep claims accurate and "
        "balanced.",
        "ftc.endorsements",
    ),
    "JARGON": (
        "Clinical abbreviations and terms most patients don't know make the message hard to understand.",
        "Spell out abbreviations and use everyday words (say 'nothing to eat or drink', not 'NPO').",
        "plain_language",
    ),
    "EMPATHY": (
        "You acknowledge how the person feels or what they went through, which builds trust.",
        "Keep it, and pair it with a way to reach the right people privately.",
        "acp_fsmb",
    ),
    "REDIRECT": (
        "You move the conversation to a private or official channel, where details can be handled safely.",
        "Keep it: a phone line, the patient portal or the office is the right place for individual care.",
        "ama.2.3.2",
    ),
    "DISCLAIMER": (
        "You make clear you can't discuss individual care here, or that this is general information.",
        "Keep it short and pair it with where to get individual help.",
        "acp_fsmb",
    ),
}


def tone_finding(label: str, severity: str, rule: str, span: tuple[int, int] | None) -> Finding:
    """Build a tone finding with the label's plain-words message, suggestion and source."""
    message, suggestion, source = ADVICE[label]
    start, end = span if span is not None else (None, None)
    return Finding(
        kind="tone",
        label=label,
        severity=severity,
        start=start,
        end=end,
        rule=f"tone.{label.lower()}.{rule}",
        message=message,
        suggestion=suggestion,
        source=cite(source),
    )


def from_match(label: str, hit: tuple[str, str, re.Match[str]] | None) -> list[Finding]:
    """Turn a best_match result into zero or one finding pointing at the trigger words."""
    if hit is None:
        return []
    rule, severity, match = hit
    span = _trimmed(match)
    return [tone_finding(label, severity, rule, span)]


def _trimmed(match: re.Match[str]) -> tuple[int, int] | None:
    """The match's span without surrounding spaces; None when it is empty."""
    start, end = match.span()
    text = match.string
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
