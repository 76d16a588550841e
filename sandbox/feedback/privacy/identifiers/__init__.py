"""Identifier detectors: NAME, LOCATION, DATE, AGE, CONTACT, ID, WEB and scenario facts."""

from __future__ import annotations

from ...model import Draft, Finding
from .ages import find_ages
from .contact import find_contacts
from .context import Scan
from .dates import find_dates
from .facts import find_facts
from .names import find_names
from .numbers import find_numbers
from .places import find_places
from .web import find_web

# Detectors in order of precedence: a later finding of another label inside an earlier one is dropped
# (an IP address is not also a date, a record number is not also a phone).
_DETECTORS = (find_contacts, find_web, find_numbers, find_ages, find_dates, find_places, find_names)


def find_identifiers(draft: Draft) -> list[Finding]:
    """Return identifier spans in the draft (offsets into draft.text)."""
    if not draft.text.strip():
        return []
    scan = Scan(draft)
    kept: list[Finding] = find_facts(draft.text, draft.facts) if draft.facts else []
    for detector in _DETECTORS:
        for finding in detector(scan):
            if not _inside_other(finding, kept):
                kept.append(finding)
    return sorted(kept, key=lambda f: (f.start or 0, f.end or 0))


def _inside_other(finding: Finding, kept: list[Finding]) -> bool:
    """True when an earlier finding of another label already covers this span."""
    start, end = finding.start or 0, finding.end or 0
    return any(
        other.label != finding.label and (other.start or 0) <= start and end <= (other.end or 0)
        for other in kept
    )
