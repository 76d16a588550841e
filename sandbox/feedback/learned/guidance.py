"""Plain-words guidance for privacy details only the tagger found (the rules' own findings keep theirs)."""

from __future__ import annotations

from ..model import Finding
from ..privacy.identifiers.base import make_finding
from ..sources import cite

DISCLOSURES: dict[str, tuple[str, str, str]] = {
    "RELATIONSHIP": (
        "ocr.reviews",
        "These words confirm or imply that you or your workplace cared for a specific person, and that "
        "fact alone is protected.",
        "Don't confirm anyone is a patient; thank them and invite them to contact the office privately.",
    ),
    "CLINICAL": (
        "hipaa.phi",
        "This is health information about a person others can identify from the post.",
        "Leave out the condition, treatment or result; speak in general terms, or not at all.",
    ),
    "UNIQUE": (
        "hipaa.unique",
        "A job, a rare event or a distinctive detail can point to one person as surely as a name.",
        "Drop the detail that makes the person recognisable.",
    ),
}


def learned_finding(label: str, severity: str, start: int, end: int) -> Finding:
    """A privacy finding for a span the tagger found, with the label's standard guidance."""
    if label not in DISCLOSURES:
        return make_finding(label, severity, start, end, f"privacy.{label.lower()}.learned")
    source, message, suggestion = DISCLOSURES[label]
    return Finding(
        kind="privacy",
        label=label,
        severity=severity,
        start=start,
        end=end,
        rule=f"privacy.{label.lower()}.learned",
        message=message,
        suggestion=suggestion,
        source=cite(source),
    )
