"""Groups of flagged privacy spans: what the rewrite replaces, one group at a time.

Spans that overlap become one group (the widest span's label leads: "Karen's surgery" is CLINICAL
with a NAME inside); runs of one kind ("at 3am on 03/14", "on Elm Street in Springfield") become one
group so they get one replacement; a person phrase followed by "in bed 3" takes the bed with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import PRIVACY_LABELS
from .words import WINDOW

# When two spans cover the same characters, the first label here leads.
LEAD_ORDER = ("RELATIONSHIP", "CLINICAL", "UNIQUE", "NAME", "AGE", "DATE", "LOCATION", "CONTACT", "ID", "WEB")
RUN_LABELS = ("DATE", "LOCATION", "CLINICAL")
_MAX_GAP = 12
_RUN_GAP_RE = re.compile(r"[\s,]*(?:(?:and|or|at|on|in|of|from|&|/|-|\u2013)[\s,]+)*", re.IGNORECASE)
_PLACE_AFTER_PERSON_RE = re.compile(r"\s+(?:in|on|at)\s+", re.IGNORECASE)
_TOKEN_TAIL_RE = re.compile(r"(?:[-./_:@][^\W_]+)+")
_TRAILING = " \t\n,;:!?"
_INITIAL_END_RE = re.compile(r"(?:^|(?<![^\W\d_]))[A-Z]\.$")
_LINK_RE = re.compile(r"://|^www\.|^[\w.-]+\.[a-z]{2,}/", re.IGNORECASE)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_OPENING = "([{<\"'\u201c\u2018"
_CLOSING = ")]}>\"'\u201d\u2019.,;:!?"
LINK_REACH = 200  # how far a span may grow to cover the link it sits in


@dataclass
class Group:
    """Overlapping flagged spans, replaced together: [start, end) and the label that leads."""

    start: int
    end: int
    label: str
    rule: str
    parts: list[tuple[int, int, str, str]] = field(default_factory=list)

    def has(self, label: str) -> bool:
        """True when any span in the group has this label."""
        return any(part[2] == label for part in self.parts)


def group_spans(text: str, findings: Iterable) -> list[Group]:
    """The privacy spans of the findings as sorted, non-overlapping groups with whole words."""
    groups: list[Group] = []
    for start, end, label, rule in _spans(text, findings):
        if groups and start < groups[-1].end:
            _absorb(groups[-1], (start, end, label, rule))
        else:
            groups.append(Group(start, end, label, rule, [(start, end, label, rule)]))
    groups = _join_runs(text, groups)
    for group in groups:
        _whole_tokens(text, group)
        _whole_link(text, group)
    return _separate(groups)


def _spans(text: str, findings: Iterable) -> list[tuple[int, int, str, str]]:
    """(start, end, label, rule) of each privacy finding with a non-empty span inside the text."""
    spans = []
    for f in findings:
        if f.kind != "privacy" or f.label not in PRIVACY_LABELS or f.start is None or f.end is None:
            continue
        start, end = max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))
        while end > start + 1 and (
            text[end - 1] in _TRAILING or text[end - 1] == "." and not _initial(text, end)
        ):
            end -= 1  # a full stop or comma caught at a span's end stays in the text
        if end > start:
            spans.append((start, end, f.label, f.rule or ""))
    return sorted(spans, key=lambda s: (s[0], -s[1], LEAD_ORDER.index(s[2])))


def _initial(text: str, end: int) -> bool:
    """True when text[:end] ends with an initial such as 'D.' (its full stop belongs to the name)."""
    return bool(_INITIAL_END_RE.search(text, max(0, end - 3), end))


def _lead_key(part: tuple[int, int, str, str]) -> tuple[int, int]:
    return (part[1] - part[0], -LEAD_ORDER.index(part[2]))


def _absorb(group: Group, part: tuple[int, int, str, str]) -> None:
    """Add an overlapping span to a group; the widest span (then LEAD_ORDER) names the label."""
    group.parts.append(part)
    group.end = max(group.end, part[1])
    lead = max(group.parts, key=_lead_key)
    group.label, group.rule = lead[2], lead[3]


def _join_runs(text: str, groups: list[Group]) -> list[Group]:
    """Merge 'at 3am on 03/14' into one DATE group, and 'our patient in bed 3' into one person."""
    joined: list[Group] = []
    for group in groups:
        previous = joined[-1] if joined else None
        gap = text[previous.end : group.start] if previous else ""
        gap = gap if len(gap) <= _MAX_GAP else "\0"
        same_run = (
            previous
            and previous.label == group.label
            and group.label in RUN_LABELS
            and _RUN_GAP_RE.fullmatch(gap)
        )
        person_place = (
            previous
            and previous.label == "RELATIONSHIP"
            and group.label == "LOCATION"
            and _PLACE_AFTER_PERSON_RE.fullmatch(gap)
        )
        if previous and (same_run or person_place):
            previous.end = group.end
            previous.parts += group.parts
        else:
            joined.append(group)
    return joined


def _whole_tokens(text: str, group: Group) -> None:
    """Grow a group that starts or ends inside a word ('@jess' of '@jess-nurse-oh') to the whole word."""
    floor = max(0, group.start - WINDOW)
    while group.start > floor and text[group.start - 1].isalnum() and text[group.start].isalnum():
        group.start -= 1
    ceiling = min(len(text), group.end + WINDOW)
    while group.end < ceiling and text[group.end].isalnum() and text[group.end - 1].isalnum():
        group.end += 1
    tail = _TOKEN_TAIL_RE.match(text, group.end, ceiling)
    if tail and not text[group.end - 1].isspace():
        group.end = tail.end()


def _whole_link(text: str, group: Group) -> None:
    """A span inside a link or an email address takes the whole of it: no half-rewritten links."""
    start, end = group.start, group.end
    while start > max(0, group.start - LINK_REACH) and not text[start - 1].isspace():
        start -= 1
    while end < min(len(text), group.end + LINK_REACH) and not text[end].isspace():
        end += 1
    while start < group.start and text[start] in _OPENING:
        start += 1
    while end > group.end and text[end - 1] in _CLOSING:
        end -= 1
    token = text[start:end]
    if _LINK_RE.search(token):
        group.start, group.end, group.label, group.rule = start, end, "WEB", "privacy.web.url"
    elif _EMAIL_RE.search(token) and group.label != "WEB":
        group.start, group.end, group.label, group.rule = start, end, "CONTACT", "privacy.contact"


def _separate(groups: list[Group]) -> list[Group]:
    """Groups grown into each other are merged again, so they never overlap."""
    merged: list[Group] = []
    for group in groups:
        if merged and group.start < merged[-1].end:
            for part in group.parts:
                _absorb(merged[-1], part)
            merged[-1].end = max(merged[-1].end, group.end)
        else:
            merged.append(group)
    return merged
