"""Disclosure detectors: RELATIONSHIP, CLINICAL and UNIQUE, which depend on who is identifiable."""

from __future__ import annotations

from ...model import Draft, Finding
from .clinical import find_clinical
from .context import Context, build_context
from .relationship import find_relationship
from .unique import find_unique

_MERGE_GAP = 40


def find_disclosures(draft: Draft, identifiers: list[Finding]) -> list[Finding]:
    """Return relationship, clinical and quasi-identifier spans, given the identifiers found."""
    if not draft.text.strip():
        return []
    ctx = build_context(draft, identifiers)
    relationship = _merge_nearby(ctx, find_relationship(ctx))
    unique = find_unique(ctx, cared_for=bool(relationship))
    ctx.add_anchors([f.start for f in unique + relationship if f.start is not None])
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
        if last is not None and finding.start <= last.end + _MERGE_GAP \
                and ctx.sentence_index(finding.start) == ctx.sentence_index(last.end - 1):
            last.end = max(last.end, finding.end)
            continue
        merged.append(finding)
    return merged
