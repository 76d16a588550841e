"""Scoring a run: each expected action met or missed, weighted, from the stored findings and events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .engine import expand_labels
from .schema import Check, Expectation, Scenario


@dataclass(frozen=True)
class ItemResult:
    """One rubric item for one inject: met or missed, and why."""

    inject: str
    key: str
    description: str
    weight: int
    met: bool
    reason: str
    teaching_point: str
    source: str


@dataclass(frozen=True)
class Scorecard:
    """The run's rubric results and its score out of 100."""

    items: list[ItemResult]
    score: int
    points: int
    possible: int


# What a trainee reads for each feedback label in a rubric's reason (never the label itself).
LABEL_WORDS = {
    "NAME": "a name",
    "LOCATION": "a place",
    "DATE": "a date tied to someone",
    "AGE": "an age",
    "CONTACT": "contact details",
    "ID": "an ID or record number",
    "WEB": "a link or handle",
    "RELATIONSHIP": "who is in your care",
    "CLINICAL": "health details",
    "UNIQUE": "a detail that singles someone out",
    "HOSTILE": "hostile words",
    "DEFENSIVE": "a defensive tone",
    "SARCASTIC": "sarcasm",
    "DISMISSIVE": "a dismissive tone",
    "MEDICAL_ADVICE": "medical advice or reassurance",
    "BOUNDARY": "a crossed professional boundary",
    "PROMOTION": "promotion",
    "JARGON": "jargon",
    "EMPATHY": "empathy",
    "REDIRECT": "a pointer to a private or official channel",
    "DISCLAIMER": "a note that you cannot advise individuals here",
    "ANY_PRIVACY": "details that could identify someone",
    "ANY_TONE_PROBLEM": "a tone problem",
}


def label_words(labels) -> str:
    """Feedback labels in plain words, joined: 'a name, health details'."""
    return ", ".join(LABEL_WORDS.get(label, label.replace("_", " ").lower()) for label in labels)


def _check(check: Check, reply: dict[str, Any] | None, delivered_at: float | None) -> tuple[bool, str]:
    if reply is None:
        return False, "no answer"
    labels = set(reply["labels"])
    missing = [label for label in check.labels_present if not (expand_labels([label]) & labels)]
    if missing:
        return False, f"not found in it: {label_words(missing)}"
    present = sorted(expand_labels(check.labels_absent) & labels)
    if present:
        return False, f"it contained {label_words(present)}"
    if check.keywords and not any(word.lower() in reply["text"].lower() for word in check.keywords):
        return False, "did not mention: " + " / ".join(check.keywords)
    if check.replied_within_minutes is not None and delivered_at is not None:
        took = (reply["at"] - delivered_at) / 60
        if took > check.replied_within_minutes:
            return False, f"answered after {took:.0f} minutes"
    if check.not_deleted and reply.get("deleted"):
        return False, "the answer was deleted (copies may remain)"
    if check.no_override and reply.get("overridden"):
        return False, "posted despite a blocking warning"
    return True, "met"


def score_run(scenario: Scenario, state: dict[str, Any]) -> Scorecard:
    """Check every expected action of the injects the trainee was given."""
    items = []
    for inject in scenario.injects:
        if inject.key not in state["delivered"]:
            continue
        reply = state["replies"].get(inject.key)
        for expectation in inject.expected:
            met, reason = _check(expectation.check, reply, state["delivered"][inject.key])
            items.append(_result(inject.key, expectation, met, reason))
    possible = sum(item.weight for item in items)
    points = sum(item.weight for item in items if item.met)
    return Scorecard(items, round(100 * points / possible) if possible else 0, points, possible)


def _result(inject: str, expectation: Expectation, met: bool, reason: str) -> ItemResult:
    return ItemResult(
        inject,
        expectation.key,
        expectation.description,
        expectation.weight,
        met,
        reason,
        expectation.teaching_point,
        expectation.source,
    )
