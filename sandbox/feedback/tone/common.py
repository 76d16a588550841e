"""Shared pieces of the tone detectors: rule tables, matching and the finding texts."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import SEVERITY_RANK, Finding
from ..sources import cite

# One rule: (rule id, severity, compiled pattern). Detectors keep their rules in tuples of these.
Rule = tuple[str, str, re.Pattern[str]]

# Bounded "same clause" gap: up to N characters without a sentence end. Never unbounded.
GAP = r"[^.!?\n]{0,%d}?"

# What each label means to a trainee, what to write instead, and the guidance it rests on.
ADVICE: dict[str, tuple[str, str, str]] = {
    "HOSTILE": (
        "Insults, threats or swearing aimed at someone reflect on you and your employer, and a screenshot "
        "lasts forever.",
        "Step away before replying. If you answer at all, keep it short and calm and offer a private channel.",
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


def compile_rules(table: Iterable[tuple[str, str, str]], flags: int = re.IGNORECASE) -> tuple[Rule, ...]:
    """Compile (rule id, severity, pattern) triples once at import."""
    return tuple((rule, severity, re.compile(pattern, flags)) for rule, severity, pattern in table)


def best_match(text: str, rules: Iterable[Rule]) -> tuple[str, str, re.Match[str]] | None:
    """Return the most severe (then earliest) rule that matches the text, or None."""
    best: tuple[str, str, re.Match[str]] | None = None
    for rule, severity, pattern in rules:
        match = pattern.search(text)
        if match is None:
            continue
        if best is None or _outranks(severity, match, best[1], best[2]):
            best = (rule, severity, match)
    return best


def _outranks(severity: str, match: re.Match[str], other_severity: str, other: re.Match[str]) -> bool:
    rank, other_rank = SEVERITY_RANK[severity], SEVERITY_RANK[other_severity]
    return rank < other_rank or (rank == other_rank and match.start() < other.start())


def all_matches(text: str, rules: Iterable[Rule]) -> list[tuple[str, str, re.Match[str]]]:
    """Return (rule, severity, first match) for every rule that matches the text."""
    found = []
    for rule, severity, pattern in rules:
        match = pattern.search(text)
        if match is not None:
            found.append((rule, severity, match))
    return found


def tone_finding(label: str, severity: str, rule: str, span: tuple[int, int] | None) -> Finding:
    """Build a tone finding with the label's plain-words message, suggestion and source."""
    message, suggestion, source = ADVICE[label]
    start, end = span if span is not None else (None, None)
    return Finding(
        kind="tone", label=label, severity=severity, start=start, end=end,
        rule=f"tone.{label.lower()}.{rule}", message=message, suggestion=suggestion, source=cite(source),
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
