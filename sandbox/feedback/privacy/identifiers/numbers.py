"""ID: SSN, medical record, account, claim, member, licence, plate, VIN and device numbers."""

from __future__ import annotations

import re

from ...caseless import caseless
from ...model import Finding
from .base import make_finding
from .context import Scan

_CONTEXT = (
    r"ssn|social security|mrn|mr(?=\s*#)|medical record|chart|accession|acct|account|claim|member|policy|"
    r"group|subscriber|plan|insurance|subject|study|participant|enrollee|case|appeal|reference|ref|"
    r"confirmation|"
    r"licen[cs]e|dl|driver'?s licen[cs]e|plate|tag|vin|serial|sn|s/n|device|lot|passport|medicaid|medicare|"
    r"mbi|hicn|npi|dea|record|patient|pt|encounter|visit|order|rx|prescription|ticket|badge|employee"
)
_FILLER = r"(?:\s*(?:number|numbers|no\.?|num|#|id|sn|s/n|code|:|is|was)\s*)*"
_TOKEN = (
    r"#?(?=[A-Z0-9-]*\d|[A-Z0-9]{1,4}\s\d)[A-Z0-9]"
    r"(?:[A-Z0-9]{0,3}\s\d[A-Z0-9]{1,5}\b|[A-Z0-9-]{2,}[A-Z0-9])"
)
_CONTEXT_ID_RE = caseless(rf"\b(?:{_CONTEXT})\b{_FILLER}\s*(?P<id>{_TOKEN})")
# Plates written with a space: "plate KX19 PLM", "reg AB12 CDE", "tag 7KD 219".
_PLATE_RE = caseless(
    r"\b(?:plate|reg(?:istration)?|tag|number plate)\s*(?:number|no\.?|#|:)?\s*"
    r"(?P<id>(?=(?:[A-Z]*\d){2})[A-Z0-9]{2,4}[\s-][A-Z0-9]{2,4})\b",
)
_SSN_RE = re.compile(r"(?<![\d-])\b\d{3}-\d{2}-\d{4}\b(?![\d-])")
_HASH_NUMBER_RE = re.compile(r"(?<![\w&])#\d[\d-]{4,}\d\b")
_VIN_RE = re.compile(r"\b(?=(?:[A-HJ-NPR-Z]*\d){3})(?=(?:\d*[A-HJ-NPR-Z]){3})[A-HJ-NPR-Z0-9]{17}\b")
_NOT_ID_AFTER = re.compile(r"\s*(?:mg|mcg|ml|units?|%|am|pm|mmhg|lbs?|kg|minutes|hours|days)\b", re.I)


def find_numbers(scan: Scan) -> list[Finding]:
    """Return ID spans: record, account and other numbers that point to one person."""
    text = scan.text
    spans: list[tuple[int, int]] = [
        m.span("id")
        for m in _CONTEXT_ID_RE.finditer(text)
        if _is_identifier(text, m.group("id"), m.end("id"))
    ]
    spans += [m.span("id") for m in _PLATE_RE.finditer(text)]
    for pattern in (_SSN_RE, _HASH_NUMBER_RE, _VIN_RE):
        spans += [m.span() for m in pattern.finditer(text)]
    kept: list[tuple[int, int]] = []
    for span in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return [
        make_finding(
            "ID",
            "block",
            start,
            end,
            "privacy.id",
            "An identifying number can be looked up and tied to one person.",
        )
        for start, end in kept
    ]


def _is_identifier(text: str, token: str, end: int) -> bool:
    digits = sum(ch.isdigit() for ch in token)
    if digits < 3 or _NOT_ID_AFTER.match(text, end):
        return False
    return not re.fullmatch(r"#?\d{1,2}|#?(?:19|20)\d\d", token)
