"""Which rules the trained models leave standing: those precise enough on the training rows."""

from __future__ import annotations

from collections import Counter

from .rows import Prepared

MIN_FIRED = 8
MIN_PRECISION = 0.9
# Kept whatever the counts say: swearing and slurs are hostile wherever a professional writes them, and
# the corpus holds too few to judge them by (7 of 7 right when last counted).
ALWAYS_TRUSTED_TONE = ("tone.hostile.profanity",)


def _trusted(fired: Counter, right: Counter) -> tuple[str, ...]:
    return tuple(sorted(r for r, n in fired.items() if n >= MIN_FIRED and right[r] / n >= MIN_PRECISION))


def trusted_tone_rules(rows: list[Prepared]) -> tuple[str, ...]:
    """Tone rules whose label was right on at least 90% of the training drafts they fired on."""
    fired, right = Counter(), Counter()
    for prepared in rows:
        for finding in {f.rule: f for f in prepared.rule_tone}.values():
            if finding.label not in prepared.known_tone:
                continue
            fired[finding.rule] += 1
            right[finding.rule] += finding.label in prepared.row["tone"]
    return tuple(sorted(set(_trusted(fired, right)) | set(ALWAYS_TRUSTED_TONE)))


def trusted_privacy_rules(rows: list[Prepared]) -> tuple[str, ...]:
    """Privacy rules whose spans overlapped a labelled span at least 90% of the time in training."""
    fired, right = Counter(), Counter()
    for prepared in rows:
        gold = prepared.spans_in_draft()
        for finding in prepared.privacy:
            if finding.start is None:
                continue
            fired[finding.rule] += 1
            right[finding.rule] += any(finding.start < g["end"] and g["start"] < finding.end for g in gold)
    return _trusted(fired, right)
