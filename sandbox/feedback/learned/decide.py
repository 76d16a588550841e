"""Where the trained models have the last word over the rules' candidates."""

from __future__ import annotations

from ..model import TONE_GOOD, Draft, Finding
from ..tone.common import tone_finding
from . import registry
from .tone_features import tone_features


def tone_inputs(draft: Draft, rule_tone: list[Finding], privacy: list[Finding]) -> list[str]:
    """The tone model's features for a draft, given what the rules found in it."""
    return tone_features(
        draft.text,
        draft.platform,
        draft.audience,
        sorted({f.label for f in rule_tone}),
        sorted({f.label for f in privacy}),
    )


def decide_tone(draft: Draft, rule_tone: list[Finding], privacy: list[Finding]) -> list[Finding]:
    """The tone findings the model accepts: the rule's own finding where one fired, else the label's."""
    model = registry.current().tone
    if model is None:
        return rule_tone
    decided = model.decide(tone_inputs(draft, rule_tone, privacy))
    by_label = {f.label: f for f in rule_tone}
    findings = []
    for label in decided:
        if label in by_label:
            findings.append(by_label[label])
        else:
            severity = "good" if label in TONE_GOOD else "warn"
            findings.append(tone_finding(label, severity, "learned", None))
    return findings
