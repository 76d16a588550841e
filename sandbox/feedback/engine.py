"""analyze(): run every detector over a draft and assemble the report."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from .learned.decide import decide_privacy, decide_tone
from .model import AUDIENCES, PLATFORMS, PRIVACY_LABELS, SEVERITY_RANK, Draft, Finding, Report
from .normalize import normalize
from .privacy import find_privacy
from .privacy.subject import find_advised_condition
from .rewrite import natural_version
from .tone import find_tone, red_flags

FACT_RULE = "privacy.scenario_fact"
PLACEHOLDERS = {
    "NAME": "[name]",
    "LOCATION": "[place]",
    "DATE": "[date]",
    "AGE": "[age]",
    "CONTACT": "[contact]",
    "ID": "[number]",
    "WEB": "[link]",
    "RELATIONSHIP": "[someone]",
    "CLINICAL": "[health detail]",
    "UNIQUE": "[detail]",
}


def analyze(
    text: str,
    platform: str = "microblog",
    audience: str = "public",
    facts: Iterable[Mapping[str, str]] | None = None,
    context: str | None = None,
) -> Report:
    """Return the privacy and tone findings for a draft; a pure function of its arguments.

    `context` is the message the draft answers, when there is one: advice or reassurance given in
    answer to red-flag symptoms there (or in the scenario's facts) is a blocking finding.
    """
    if not isinstance(text, str):
        raise TypeError("text must be a string")
    if platform not in PLATFORMS:
        raise ValueError(f"unknown platform {platform!r}; expected one of {', '.join(PLATFORMS)}")
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}; expected one of {', '.join(AUDIENCES)}")
    fact_pairs = tuple(
        (str(f.get("label", "")).upper(), str(f.get("value", ""))) for f in (facts or ()) if f.get("value")
    )
    norm = normalize(text)
    draft = Draft(norm.text, platform, audience, fact_pairs)
    rule_privacy, rule_tone = find_privacy(draft), find_tone(draft)
    tone = decide_tone(draft, rule_tone, rule_privacy)
    tone = red_flags.escalate(tone, draft.text, context or "", *(value for _label, value in fact_pairs))
    found = [*decide_privacy(draft, rule_privacy, rule_tone), *tone]
    found += find_advised_condition(draft, found)
    for finding in found:
        if finding.start is not None and finding.end is not None:
            finding.start, finding.end = norm.to_original(finding.start, finding.end)
            finding.start = _with_open_bracket(text, finding.start, finding.end)
            finding.text = text[finding.start : finding.end]
    findings = _drop_good_on_blocked(_merge_overlaps(found))
    if audience == "private" and _to_the_person_themselves(text, findings):
        findings = [replace(f, severity="warn") if _blocking_privacy(f) else f for f in findings]
    labels = sorted({f.label for f in findings})
    safer = natural_version(text, findings)
    placeholders = safer_version(text, findings)
    return Report(findings, safer, platform, audience, labels, safer_placeholders=placeholders)


_YOU_RE = re.compile(r"\b(?:you|your|yours|yourself|ur|u)\b", re.IGNORECASE)
# Someone other than the reader: a third person, a patient or a named person's belongings.
_SOMEONE_ELSE_RE = re.compile(
    r"\b(?:he|she|him|his|her|hers|hubby|husband|wife|son|daughter|mum|mom|dad|patient|pt|resident|client|"
    r"chart|bed|room|bay)\b|\b[A-Z][a-z]+'s\b"
)
_GREETING_RE = re.compile(
    r"^\W*(?:(?:hi|hey|hello|dear|morning|good (?:morning|afternoon|evening)|thanks|thank you)\W+)?"
    r"(?:(?:mr|mrs|ms|miss|mx|dr)\.?\s+)?\S*$",
    re.IGNORECASE,
)


def _blocking_privacy(finding: Finding) -> bool:
    return finding.kind == "privacy" and finding.severity == "block"


def _to_the_person_themselves(text: str, findings: list[Finding]) -> bool:
    """A DM that speaks to its reader about the reader alone: a name only as the greeting, "you" and
    "your", nobody else. The reader's own details are then at most a warning (FEEDBACK.md: still marked,
    since a DM is not a secure channel, but not a breach of someone else's privacy)."""
    if not _YOU_RE.search(text) or _SOMEONE_ELSE_RE.search(text):
        return False
    names = [f for f in findings if f.kind == "privacy" and f.label == "NAME" and f.start is not None]
    return all(_GREETING_RE.match(text[: f.start]) and f.start < 40 for f in names)


def _with_open_bracket(text: str, start: int, end: int) -> int:
    """Start a span a character earlier where it closes a bracket opened just before it: "(402) 555-0164"."""
    inside = text[start:end]
    if start > 0 and text[start - 1] == "(" and ")" in inside and "(" not in inside.split(")", 1)[0]:
        return start - 1
    return start


def _drop_good_on_blocked(findings: list[Finding]) -> list[Finding]:
    """Drop a good-practice tone finding whose words overlap a blocking privacy span: no praise for those."""
    blocked = [
        (f.start, f.end or 0)
        for f in findings
        if f.kind == "privacy" and f.severity == "block" and f.start is not None
    ]

    def on_blocked(f: Finding) -> bool:
        return f.start is not None and any(f.start < end and start < (f.end or 0) for start, end in blocked)

    return [f for f in findings if not (f.kind == "tone" and f.severity == "good" and on_blocked(f))]


def _sort_key(finding: Finding) -> tuple:
    start = finding.start if finding.start is not None else -1
    return (finding.kind != "privacy", start, finding.label)


def _outranks(finding: Finding, previous: Finding) -> bool:
    """The more severe finding wins a merge; at equal severity a scenario fact names the rule."""
    rank, previous_rank = SEVERITY_RANK[finding.severity], SEVERITY_RANK[previous.severity]
    if rank != previous_rank:
        return rank < previous_rank
    return finding.rule == FACT_RULE and previous.rule != FACT_RULE


def _merge_overlaps(findings: list[Finding]) -> list[Finding]:
    """Merge spans of the same label that overlap, keeping the most severe finding's words."""
    merged: list[Finding] = []
    last_by_label: dict[tuple[str, str], Finding] = {}
    for finding in sorted(findings, key=lambda f: (f.start is None, f.start or 0, -(f.end or 0))):
        key = (finding.kind, finding.label)
        previous = last_by_label.get(key)
        if finding.start is None:
            if previous is None:
                last_by_label[key] = finding
                merged.append(finding)
            continue
        if previous is not None and previous.start is not None and finding.start < (previous.end or 0):
            if _outranks(finding, previous):
                previous.severity, previous.rule = finding.severity, finding.rule
                previous.message, previous.suggestion = finding.message, finding.suggestion
                previous.source = finding.source
            previous.end = max(previous.end or 0, finding.end or 0)
            continue
        last_by_label[key] = finding
        merged.append(finding)
    return sorted(merged, key=_sort_key)


def safer_version(text: str, findings: list[Finding]) -> str:
    """Return the text with each privacy span replaced by a neutral placeholder."""
    spans = sorted(
        (f.start, f.end, f.label)
        for f in findings
        if f.kind == "privacy" and f.start is not None and f.label in PRIVACY_LABELS
    )
    pieces: list[str] = []
    cursor = 0
    for start, end, label in spans:
        if end <= cursor:
            continue
        if start < cursor:  # overlaps the previous placeholder: extend it
            cursor = end
            continue
        pieces.append(text[cursor:start])
        pieces.append(PLACEHOLDERS[label])
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)
