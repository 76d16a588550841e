"""Identifier detectors: NAME, LOCATION, DATE, AGE, CONTACT, ID, WEB and scenario facts."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from itertools import accumulate

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
    early = {find_names: find_names(scan), find_ages: find_ages(scan)}
    scan.people = any(early.values())
    for detector in _DETECTORS:
        found = early[detector] if detector in early else detector(scan)
        if found:
            inside = _container(kept, found[0].label)
            kept += [f for f in found if not inside(f.start or 0, f.end or 0)]
    return sorted(kept, key=lambda f: (f.start or 0, f.end or 0))


def _container(kept: list[Finding], label: str) -> Callable[[int, int], bool]:
    """A test for 'this span lies inside an earlier finding of another label' (O(log n) per span)."""
    others = sorted((f.start or 0, f.end or 0) for f in kept if f.label != label)
    starts = [start for start, _ in others]
    reach = list(accumulate((end for _, end in others), max))

    def inside(start: int, end: int) -> bool:
        index = bisect.bisect_right(starts, start)
        return index > 0 and reach[index - 1] >= end

    return inside
