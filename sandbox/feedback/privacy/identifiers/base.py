"""Shared helpers for identifier detectors: building findings and the plain-words guidance per label."""

from __future__ import annotations

from ...model import Finding
from ...sources import cite

# label -> (source key, why it matters, what to write instead)
GUIDANCE: dict[str, tuple[str, str, str]] = {
    "NAME": (
        "hipaa.names",
        "A name (or nickname) lets anyone who knows this person connect them to what you wrote.",
        "Leave the name out; write 'a patient' or 'a family member', or say nothing about who it was.",
    ),
    "LOCATION": (
        "hipaa.geography",
        "A street, town, neighbourhood or room/bed number narrows down who this is.",
        "Drop the place; 'a room on our unit' or 'a nearby town' is enough, or leave it out.",
    ),
    "DATE": (
        "hipaa.dates",
        "A date or time tied to a person (even 'yesterday' or 'at 3am') lets coworkers, neighbours "
        "or family work out who it was.",
        "Leave out when it happened; if timing matters, keep it vague ('recently', 'a while ago').",
    ),
    "AGE": (
        "hipaa.ages",
        "A specific age, together with the other details, helps identify the person.",
        "Leave the age out or use a broad range ('an older adult', 'a young child').",
    ),
    "CONTACT": (
        "hipaa.contact",
        "A patient's or relative's phone number or email address is a direct identifier.",
        "Never post someone else's contact details; use the chart or a secure message to reach them.",
    ),
    "ID": (
        "hipaa.numbers",
        "Record, account, member, claim, licence, plate and device numbers point to one person.",
        "Remove the number completely; use secure internal systems to share it.",
    ),
    "WEB": (
        "hipaa.web",
        "A link, IP address or social handle that points at a patient or relative identifies them.",
        "Remove the link or handle; don't tag or link the person in a post about their care.",
    ),
}


def make_finding(label: str, severity: str, start: int, end: int, rule: str, why: str = "") -> Finding:
    """Build a privacy Finding for an identifier span, with the label's standard guidance."""
    source_key, message, suggestion = GUIDANCE.get(label, GUIDANCE["NAME"])
    return Finding(
        kind="privacy",
        label=label,
        severity=severity,
        start=start,
        end=end,
        rule=rule,
        message=f"{why} {message}".strip() if why else message,
        suggestion=suggestion,
        source=cite(source_key),
    )
