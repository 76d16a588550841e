"""Disclosure detectors: RELATIONSHIP, CLINICAL and UNIQUE, which depend on who is identifiable.

How it works: context.py cuts the draft into sentences and clauses and collects "anchors", the cues
that pin a sentence to one person (identifier findings, titles, ages, beds, "my patient", @handles).
relationship.py flags care confirmations ("your appointment", "we treated your mom"); unique.py flags
fame, rare jobs, rare events and rare conditions tied to care; clinical.py flags a health term only
when something ties it to a person: "your"/"his"/"that", an anchor in the sentence, a reply or DM
addressed to the person, or a specific second-person statement ("you've been feeling hopeless").
General education, statistics, conditionals and de-identified teaching cases stay unmarked.
"""

from __future__ import annotations

from ...model import Draft, Finding
from .clinical import find_clinical
from .context import Context, build_context, quote
from .relationship import find_relationship
from .unique import find_unique

_MERGE_GAP = 40


def find_disclosures(draft: Draft, identifiers: list[Finding]) -> list[Finding]:
    """Return relationship, clinical and quasi-identifier spans, given the identifiers found."""
    if not draft.text.strip():
        return []
    ctx = build_context(draft, identifiers)
    relationship = _merge_nearby(ctx, find_relationship(ctx))
    ctx.add_anchors([f.start for f in relationship if f.start is not None])
    unique = _merge_nearby(ctx, find_unique(ctx, cared_for=bool(relationship)))
    ctx.add_anchors([f.start for f in unique if f.start is not None])
    found = relationship + _merge_nearby(ctx, find_clinical(ctx))
    if found:
        for finding in unique:
            finding.severity = "block"
    return found + unique


def _merge_nearby(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """Join spans of one label that sit close together in the same sentence into one clause-sized span."""
    merged: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -(f.end or 0))):
        last = merged[-1] if merged else None
        if (
            last is not None
            and finding.start <= last.end + _MERGE_GAP
            and ctx.sentence_index(finding.start) == ctx.sentence_index(last.end - 1)
        ):
            end = max(last.end, finding.end)
            old_words, new_words = quote(ctx.text, last.start, last.end), quote(ctx.text, last.start, end)
            last.message, last.end = last.message.replace(old_words, new_words, 1), end
            continue
        merged.append(finding)
    return merged
