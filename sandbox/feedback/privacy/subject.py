"""Health details about the person being advised or messaged: identifiable because they are the reader."""

from __future__ import annotations

from ..model import Draft, Finding
from ..sources import cite
from .disclosure.mentions import find_mentions, is_weak


def find_advised_condition(draft: Draft, found: list[Finding]) -> list[Finding]:
    """When a draft gives one person advice, or is a DM, the condition it discusses is that person's.

    Only used when no other CLINICAL span was found, so it adds a finding rather than a second opinion.
    """
    if any(f.label == "CLINICAL" for f in found):
        return []
    advice = any(f.label == "MEDICAL_ADVICE" for f in found)
    if not advice and draft.audience != "private":
        return []
    mention = next(((s, e) for s, e in find_mentions(draft.text) if not is_weak(draft.text[s:e])), None)
    if mention is None:
        return []
    why = (
        "Advice about a specific condition tells everyone reading that this person has it."
        if advice
        else "A direct message goes to one person you can identify, and can be forwarded or "
        "screenshotted: a health detail in it is about them."
    )
    return [
        Finding(
            kind="privacy",
            label="CLINICAL",
            severity="warn",
            start=mention[0],
            end=mention[1],
            rule="privacy.clinical.advised_person" if advice else "privacy.clinical.direct_message",
            message=why,
            suggestion="Talk about the condition in general terms, or take it to a private, secure "
            "channel such as a phone call or the patient portal.",
            source=cite("hipaa.phi"),
        )
    ]
