"""Health details about the person being advised, reassured or messaged: identifiable as the reader."""

from __future__ import annotations

from ..model import Draft, Finding
from ..safety_net import safety_net_sentences
from ..sources import cite
from .disclosure.context import split_sentences
from .disclosure.mentions import PHRASES_RE, find_mentions, is_weak

# Empathy for the reader in a draft that says it can't discuss their care here: a reply to one person.
_REACTION_IN_REPLY = {"EMPATHY", "DISCLAIMER"}
_WHY = {
    "privacy.clinical.advised_person": "Advice about a specific condition tells everyone reading that this "
    "person has it.",
    "privacy.clinical.direct_message": "A direct message goes to one person you can identify, and can be "
    "forwarded or screenshotted: a health detail in it is about them.",
    "privacy.clinical.reader_reaction": "Reacting to how someone feels about a condition in a reply tells "
    "everyone reading that the condition is theirs.",
}


def find_advised_condition(draft: Draft, found: list[Finding]) -> list[Finding]:
    """When a draft advises or reassures one person, or is a DM, the condition it discusses is theirs.

    Only used when no other CLINICAL span was found, so it adds a finding rather than a second opinion.
    """
    if any(f.label == "CLINICAL" for f in found):
        return []
    labels = {f.label for f in found}
    if "MEDICAL_ADVICE" in labels or draft.audience == "private":
        mentions = _outside_safety_nets(draft.text, find_mentions(draft.text))
        mention = next(((s, e) for s, e in mentions if not is_weak(draft.text[s:e])), None)
        rule = "privacy.clinical." + ("advised_person" if "MEDICAL_ADVICE" in labels else "direct_message")
    elif _REACTION_IN_REPLY <= labels:
        mention, rule = _reacted_mention(draft, found), "privacy.clinical.reader_reaction"
    else:
        return []
    return [] if mention is None else [_finding(mention, rule)]


def _outside_safety_nets(text: str, mentions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The mentions not in a safety-netting sentence ("if the pain spreads to your arm, call 911")."""
    nets = safety_net_sentences(text)
    return [m for m in mentions if not any(s <= m[0] < e for s, e in nets)]


def _reacted_mention(draft: Draft, found: list[Finding]) -> tuple[int, int] | None:
    """A specific health detail in a sentence acknowledging a reader's feelings, in a reply to one person.

    "Totally understandable to feel nervous about starting a statin", "two weeks of fever with no answer is
    frightening": the feeling is the reader's, so the condition is too. Everyday words (results, pain,
    recovery) count only with a duration that makes them someone's history ("two weeks of fever").
    """
    mentions = find_mentions(draft.text)
    sentences = split_sentences(draft.text)
    for finding in found:
        if finding.label != "EMPATHY" or finding.start is None:
            continue
        start, end = sentences[_sentence_of(sentences, finding.start)]
        for mention in mentions:
            if start <= mention[0] < end:
                specific = _specific(draft.text, start, mention)
                if specific is not None:
                    return specific
    return None


def _specific(text: str, sentence_start: int, mention: tuple[int, int]) -> tuple[int, int] | None:
    """The mention itself for a specific term; for an everyday word, the duration phrase it ends, if any."""
    if not is_weak(text[mention[0] : mention[1]]):
        return mention
    for match in PHRASES_RE.finditer(text, sentence_start, mention[1]):
        if match.end() == mention[0]:
            return match.start(), mention[1]
    return None


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> int:
    inside = (index for index, (start, end) in enumerate(sentences) if start <= pos < end)
    return next(inside, len(sentences) - 1)


def _finding(mention: tuple[int, int], rule: str) -> Finding:
    return Finding(
        kind="privacy",
        label="CLINICAL",
        severity="warn",
        start=mention[0],
        end=mention[1],
        rule=rule,
        message=_WHY[rule],
        suggestion="Talk about the condition in general terms, or take it to a private, secure "
        "channel such as a phone call or the patient portal.",
        source=cite("hipaa.phi"),
    )
