"""Labelled rows prepared once for training: the normalised draft and what the rules find in it."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import TONE_LABELS, Draft, Finding
from ..normalize import Normalized, normalize
from ..privacy import find_privacy
from ..tone import find_tone


@dataclass
class Prepared:
    """A labelled row with its normalised draft and the rules' findings (offsets into draft.text)."""

    row: dict
    draft: Draft
    rule_tone: list[Finding]
    privacy: list[Finding]
    normalized: Normalized

    @property
    def known_tone(self) -> tuple[str, ...]:
        """The tone labels the row's annotation speaks for (every label unless the row says otherwise)."""
        return tuple(self.row.get("tone_labelled", TONE_LABELS))

    @property
    def author(self) -> str:
        """Who wrote the row."""
        return self.row["author"]

    def spans_in_draft(self) -> list[dict]:
        """The gold spans moved onto the normalised text (which may differ from the row's)."""
        if self.normalized.text == self.row["text"]:
            return self.row["spans"]
        back = {}  # original index -> normalised index of its first character
        for index, origin in enumerate(self.normalized.origin):
            back.setdefault(origin, index)
        moved = []
        for span in self.row["spans"]:
            starts = [back[i] for i in range(span["start"], span["end"]) if i in back]
            if starts:
                moved.append({**span, "start": min(starts), "end": max(starts) + 1})
        return moved


def prepare(row: dict) -> Prepared:
    """Normalise the row's draft and run the rules over it, as analyze() does."""
    facts = tuple((str(f.get("label", "")).upper(), str(f.get("value", ""))) for f in row.get("facts") or ())
    normalized = normalize(row["text"])
    draft = Draft(normalized.text, row["platform"], row["audience"], facts)
    return Prepared(row, draft, find_tone(draft), find_privacy(draft), normalized)
