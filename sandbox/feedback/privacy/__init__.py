"""Privacy detectors: identifiers first, then disclosures that depend on them."""

from __future__ import annotations

from ..model import Draft, Finding
from .disclosure import find_disclosures
from .identifiers import find_identifiers


def find_privacy(draft: Draft) -> list[Finding]:
    """Return every privacy finding in the draft (offsets into draft.text)."""
    identifiers = find_identifiers(draft)
    return identifiers + find_disclosures(draft, identifiers)
