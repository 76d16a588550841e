"""Findings and reports: the data the feedback engine returns (see shared/FEEDBACK.md).

A report carries two safer versions of the draft. `safer_text` is the natural rewrite, which reads as
a post ("Karen, we're sorry your visit on March 14th..." -> "We're sorry your experience recently...";
see `rewrite/`). `safer_placeholders` (added after the contract's first fields) is the bracketed
version ("[name], we're sorry [someone] [date]..."), for tools and trainers who want to see exactly
what was taken out. Both are in `Report.to_dict()`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

PRIVACY_LABELS = (
    "NAME",
    "LOCATION",
    "DATE",
    "AGE",
    "CONTACT",
    "ID",
    "WEB",
    "RELATIONSHIP",
    "CLINICAL",
    "UNIQUE",
)
TONE_PROBLEMS = (
    "HOSTILE",
    "DEFENSIVE",
    "SARCASTIC",
    "DISMISSIVE",
    "MEDICAL_ADVICE",
    "BOUNDARY",
    "PROMOTION",
    "JARGON",
)
TONE_GOOD = ("EMPATHY", "REDIRECT", "DISCLAIMER")
TONE_LABELS = TONE_PROBLEMS + TONE_GOOD
PLATFORMS = ("microblog", "social", "professional", "reviews")
AUDIENCES = ("public", "connections", "private")
SEVERITIES = ("block", "warn", "info", "good")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
FINDING_FIELDS = (
    "kind",
    "label",
    "severity",
    "start",
    "end",
    "text",
    "rule",
    "message",
    "suggestion",
    "source",
)


@dataclass
class Finding:
    """One privacy span or tone label found in a draft."""

    kind: str  # "privacy" | "tone"
    label: str
    severity: str
    start: int | None
    end: int | None
    rule: str
    message: str
    suggestion: str
    source: str
    text: str = ""

    def to_dict(self) -> dict:
        """Return the finding as a JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True)
class Draft:
    """What a detector sees: the normalised text and the draft's setting."""

    text: str
    platform: str = "microblog"
    audience: str = "public"
    facts: tuple[tuple[str, str], ...] = ()


@dataclass
class Report:
    """The engine's answer for one draft."""

    findings: list[Finding]
    safer_text: str
    platform: str
    audience: str
    labels: list[str] = field(default_factory=list)
    safer_placeholders: str = ""

    @property
    def blocking(self) -> bool:
        """True when any finding asks the trainee to stop before posting."""
        return any(f.severity == "block" for f in self.findings)

    def to_dict(self) -> dict:
        """Return the report as the JSON-ready dict the CLI and HTTP API answer."""
        return {
            "platform": self.platform,
            "audience": self.audience,
            "blocking": self.blocking,
            "labels": self.labels,
            "findings": [f.to_dict() for f in self.findings],
            "safer_text": self.safer_text,
            "safer_placeholders": self.safer_placeholders,
        }
