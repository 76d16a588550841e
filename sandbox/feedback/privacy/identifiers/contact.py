"""CONTACT: a patient's or relative's phone, fax or email; not the practice's line or the author's own."""

from __future__ import annotations

import re

import phonenumbers

from ...caseless import caseless
from ...model import Finding
from .base import make_finding
from .context import Scan

_SHORT_PHONE_RE = re.compile(r"(?<![\d.-])\b\d{3}[-.]\d{4}\b(?![-.]?\d)")
# Numbers the US matcher misses: a trunk '0' or a '+' country code ("07700 900456", "+353 1 555 0123").
_INTL_PHONE_RE = re.compile(
    r"(?<![\w+/.-])(?:\+\d{1,3}[\s.-]?|0)\d{1,4}(?:[\s.-]?\d{2,4}){2,4}(?![\w/-]|"
    r"\.\d)"
)
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b")
_DIGITS_RE = re.compile(r"\d")
_PATIENT_BEFORE = re.compile(
    r"(?:(?i:\b(?:him|her|them)\s+(?:back\s+)?(?:at|on)"
    r"|\b(?:call|ring|text|phone|reach|contact|message|tried|trying|try)\w*\s+you\s+(?:back\s+)?(?:at|on)"
    r"|\b(?:call|ring|text|phone|message|contact)\w*\s+(?!(?:me|us|our|the office|"
    r"the clinic)\b)(?:[\w']+\s+){1,3}"
    r"(?<!\byou\s)(?:back\s+)?(?:at|on)"
    r"|\b(?:daughter|son|wife|husband|mum|mom|dad|mother|father|partner|family|caregiver|carer|patient|guy|"
    r"lady|man|woman|niece|nephew|neighbou?r)\b(?:\s+[\w']+){0,6}\s*,"
    r"|\b(?:wife|husband|spouse|partner|mom|mother|dad|father|son|daughter|sister|brother|family|caregiver|"
    r"guardian|niece|nephew|grandson|granddaughter)\s+(?:at|on)"
    r"|\b(?:called|tried|dialed|dialled|texted|rang|emailed|besides|other than|voicemails?\s+(?:at|on|to)|"
    r"messages?\s+(?:at|on|to)|left\s+(?:\w+\s+){0,2}(?:at|on|for)|"
    r"returned\s+(?:\w+\s+){0,2}calls?\s+(?:to|at)|"
    r"sent\s+(?:[\w'-]+\s+){0,5}to|reach(?:ed)?\s+(?:you|him|her|them)\s+at)"
    r"|\b(?:his|her|their|[a-z]+'s)\s+(?:\w+\s+)?(?:cell|phone|number|#|email|e-mail|mobile|contact|landline)"
    r"(?:\s+\w+){0,4}\s*(?:is|was|:)?)"
    r"|\b[A-Z][a-z]+\s*\()\s*[:,(]?\s*$",
)
_OWNER_WORDS = re.compile(
    r"\b(?:my|me|us|hospital|clinic|office|practice|unit|pharmacy|main|team|desk|"
    r"department|line|center|centre|ward|surgery|reception|helpline|liaison|relations|"
    r"switchboard|nurses|(?-i:[A-Z]{2,}))\b",
    re.IGNORECASE,
)
_OWN_BEFORE = caseless(
    r"\b(?:my|me|us|our|the office|the clinic|the unit|line)\b[^.!?]{0,25}$",
)


def find_contacts(scan: Scan) -> list[Finding]:
    """Return CONTACT spans for someone else's phone number or email address."""
    text = scan.text
    spans = _phone_spans(text) + [m.span() for m in _EMAIL_RE.finditer(text)]
    found = []
    for start, end in sorted(set(spans)):
        if _belongs_to_patient(text, start):
            found.append(
                make_finding(
                    "CONTACT",
                    "block",
                    start,
                    end,
                    "privacy.contact",
                    "This phone number or email belongs to a patient or relative.",
                )
            )
    return found


def _phone_spans(text: str) -> list[tuple[int, int]]:
    if len(_DIGITS_RE.findall(text)) < 7:
        return []
    spans = [
        (match.start, match.end)
        for match in phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.POSSIBLE)
        if _looks_like_phone(match.raw_string)
    ]
    spans += [
        m.span() for m in _INTL_PHONE_RE.finditer(text) if 10 <= len(_DIGITS_RE.findall(m.group())) <= 13
    ]
    covered = bytearray(len(text))
    for start, end in spans:
        covered[start:end] = b"\x01" * (end - start)
    for match in _SHORT_PHONE_RE.finditer(text):
        if 1 not in covered[match.start() : match.end()]:
            spans.append(match.span())
    return spans


def _looks_like_phone(raw: str) -> bool:
    """Skip dates, SSNs and bare digit runs that the phone matcher is lenient about."""
    if re.fullmatch(r"\d{3}-\d{2}-\d{4}|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", raw):
        return False
    return bool(re.search(r"[\s().+-]", raw)) and len(re.sub(r"\D", "", raw)) >= 10


def _belongs_to_patient(text: str, start: int) -> bool:
    before = text[max(0, start - 60) : start]
    sentence_start = max(before.rfind(". "), before.rfind("! "), before.rfind("? "), before.rfind("\n"))
    before = before[sentence_start + 1 :] if sentence_start >= 0 else before
    match = _PATIENT_BEFORE.search(before)
    if not match:
        return False
    if _OWN_BEFORE.search(before[match.end() :]) or _OWNER_WORDS.search(match.group()):
        return False
    return True
