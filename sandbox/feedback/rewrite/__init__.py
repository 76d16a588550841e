"""The safer version as a post: each flagged privacy span becomes plain words that still read.

`natural_version(text, findings)` is what a report's `safer_text` holds: "Karen, we're sorry your
visit on March 14th was frustrating" -> "We're sorry your experience was frustrating". Names become
"a patient" (titles go with them, "Karen's" -> "a patient's", a name that addresses the reader is
dropped), dates "recently" (or "soon"), ages "an older adult" / "older", places "on the unit" /
"nearby" / "their area", contact details "our office line", numbers "their account", links "a link",
relationship phrases "someone" or nothing, health details "their care" / "a health issue", unique
details "someone". Articles, capitals, spaces and punctuation are fixed where a replacement meets
the draft; nothing farther than two WINDOWs from the words a flagged span touches changes.

The bracketed version ("[name]", "[date]") is still `engine.safer_version`; a report carries it as
`safer_placeholders`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .details import clinical_edit, contact_edit, id_edit
from .join import Edit, assemble
from .people import People, name_edit
from .phrases import relationship_edit, unique_edit, web_edit
from .spans import Group, group_spans
from .when_where import age_edit, date_edit, location_edit
from .words import WINDOW

EDITS: dict[str, Callable[[str, Group, People], Edit]] = {
    "NAME": name_edit,
    "LOCATION": location_edit,
    "DATE": date_edit,
    "AGE": age_edit,
    "CONTACT": contact_edit,
    "ID": id_edit,
    "WEB": web_edit,
    "RELATIONSHIP": relationship_edit,
    "CLINICAL": clinical_edit,
    "UNIQUE": unique_edit,
}

__all__ = ["natural_version"]


def natural_version(text: str, findings: Iterable) -> str:
    """Return the draft with each privacy span rewritten as plain words that still read as a post."""
    people = People()
    edits = []
    for group in group_spans(text, findings):
        edit = EDITS[group.label](text, group, people)
        edit.start = max(edit.start, group.start - WINDOW)  # never reach farther than WINDOW
        edit.end = min(edit.end, group.end + WINDOW)
        edits.append(edit)
    return assemble(text, edits)
