"""Labelled rows prepared once for training: the normalised draft and what the rules find in it."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Draft, Finding
from ..normalize import normalize
from ..privacy import find_privacy
from ..tone import find_tone


@dataclass
class Prepared:
    """A labelled row with its normalised draft and the rules' findings (offsets into draft.text)."""

    row: dict
    draft: Draft
    rule_tone: list[Finding]
    privacy: list[Finding]

    @property
    def author(self) -> str:
        """Who wrote the row."""
        return self.row["author"]


def prepare(row: dict) -> Prepared:
    """Normalise the row's draft and run the rules over it, as analyze() does."""
    facts = tuple((str(f.get("label", "")).upper(), str(f.get("value", ""))) for f in row.get("facts") or ())
    draft = Draft(normalize(row["text"]).text, row["platform"], row["audience"], facts)
    return Prepared(row, draft, find_tone(draft), find_privacy(draft))
