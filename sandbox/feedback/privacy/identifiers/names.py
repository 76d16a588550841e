"""NAME: private persons' names and nicknames (patients, relatives, visitors), not staff or the author."""

from __future__ import annotations

import bisect
import re

from ...caseless import caseless
from ...model import Finding
from .base import make_finding
from .context import Scan
from .name_cues import (
    POSSESSIVE_RELATIVE_RE,
    PUBLIC_FIGURES,
    STRONG_NAME_HINTS,
    STRONG_NAME_PATTERNS,
    is_vocative,
    opening_vocative,
    staff_or_own,
)
from .wordlists import AMBIGUOUS_NAMES, CALENDAR_WORDS, EPONYMS, FIRST_NAMES, SURNAMES, fold

_NAME = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+|'(?!s\b)[A-Z]?[a-z]+)?"
_TITLE_RE = re.compile(
    r"\b(?:(?i:mr|mrs|ms|miss|mx)\b\.?\s*(?:[A-Z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*)?|[A-Z]\b\.?)|"
    r"(?i:mrs?\b\.?|ms\.)\s*(?P<low>[a-z][a-z'-]+)|"
    r"(?i:mrs|mr|ms|miss)\.?\s+[a-z](?=\s+(?:from|in|on|at|is|was|has|had|came|said|says|who)\b|'s\b))"
)
_FAMILIAR_RE = re.compile(
    r"\b(?i:baby\s+(?:girl|boy)|baby|little|lil|big|coach|grandma|grandpa|nana|papa|auntie|uncle|aunt|cousin)"
    r"\s+[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*)?"
)
_RELATIVE_NAME_RE = re.compile(
    r"\b(?i:her|his|their|your|the)\s+(?i:son|daughter|wife|husband|mom|mother|dad|father|sister|brother|"
    r"granddaughter|grandson|grandma|grandpa|partner|fianc[eé]e?|boyfriend|girlfriend|nephew|niece|aunt|"
    r"uncle|"
    r"cousin|baby|twins?|kid|child)\s*,?\s+([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)\b"
)
_PATIENT_PREFIX_RE = re.compile(
    r"\b(?i:pt|patient|participant|client|resident|subject)\s+(?P<name>[A-Z]\.(?:\s?[A-Z]\.)+|"
    r"[A-Z]\.\s?[A-Z][a-z]+|"
    r"[A-Z][a-z][\w'-]*)"
)
_INITIALS_RE = re.compile(r"(?<![\w.])[A-Z]\.\s?[A-Z]\.(?![\w.])")
_NOT_INITIALS = frozenset(
    """
U.S. U.K. A.M. P.M. D.C. L.A. N.Y. E.R. O.R. I.V. D.O. M.D. R.N. P.A. N.P. B.S. M.S. B.A. M.A. P.S.
Q.D. B.D. T.V. A.D. B.C. E.U. U.N. I.T. H.R. O.T. P.T. S.T. A.I. G.P. N.B. O.K. C.V.
""".split()
)
_CENSUS_RE = re.compile(r"\b[A-Z]{2,}(?:-[A-Z]{2,})?,\s*[A-Z]\b\.?")
_INITIAL_SURNAME_RE = re.compile(r"(?:(?<=[\s(\[,;:])|^)[A-Z]\.\s?[A-Z][a-z][\w'-]+")
_FAMILY_RE = re.compile(
    r"\b(?i:the)\s+([A-Z][a-z]+?)(?:e?s\b|\s+(?i:boy|girl|kid|baby|family|twins|children))"
)
_BOARD_NAME_RE = re.compile(
    r"\b[A-Z]{1,2}\d{1,3}[A-Za-z]?\s*[-–]\s*([A-Z][a-z]+(?:'[A-Za-z]+)?)"
    r"|\b(?i:room|rm|bed|bay|in)\s*#?\d{1,4}[A-Za-z]?\s*\(([A-Z][a-z][A-Za-z'-]+)\)"
)
_SURNAME_ENDING = re.compile(
    r"(?:son|sen|ton|man|ley|ler|ell|ford|field|wood|berg|stein|ski|ez|ini|elli|ov|enko|ian|ard|ins|ett|"
    r"worth|"
    r"by|ham|ing)$"
)
_LOWER_PINNED_RE = re.compile(
    r"\b([a-z]{2,12})(?:\s+in\s+(?:room|rm|bed|bay)?\s*#?\d{1,4}[a-z]?\b|'s\s+(?:mom|mum|dad|wife|"
    r"husband|son|"
    r"daughter|family|sister|brother|labs?|meds|chart|scan|surgery|biopsy)|['\u2019]s\s+(?:back|still|"
    r"due|been|"
    r"going|having|refusing|asking|crashing|tanking|on the|in (?:bed|room|bay|\d)))"
)
# A bed, room or age in the draft ties a bare first name to a patient just as a health detail does.
_PINNED_HINT = caseless(
    r"\b(?:room|rm|bed|bay)\s*#?\d|\b\d{1,3}\s*(?:y/?o|yrs? old|years? old|-year-old)\b|\b(?:dob|mrn)\b|"
    r"\b(?:admitted|discharged)\b",
)
_TOKEN_RE = re.compile(rf"\b{_NAME}\b")
_STAFF_TITLE_RE = re.compile(
    r"\b(?:Dr|Doctor|Nurse|NP|PA|RN|Prof|Professor|Dentist)\.?\s+((?:[A-Z][\w'-]*\.?\s*){1,3})"
)
_STAFF_BEFORE = caseless(
    r"(?:\b(?:ask for|speak (?:to|with)|colleague|coworker|"
    r"co-worker|manager|director|advocate|coordinator|receptionist|administrator|supervisor|liaison|"
    r"representative|navigator|hygienist|assistant|technician|tech|pharmacist|therapist|chaplain|"
    r"me,\s*(?:[a-z]+,\s*){0,3}|me and|and me|i'm|i am|this is|my name is|"
    r"(?:nurse|doctor|colleague|coworker|receptionist|manager|tech|physio|therapist)\s+named)\s*,?\s*"
    r"|(?:^|[.!?\n]\s*)[-–]\s*|\bDr\.?\s+\w+\s+)$",
)
_ROLE_AFTER = re.compile(
    r"\s*,\s*(?:our\s+)?(?:[A-Z][a-z]+\s+)?(?:manager|director|rn|np|md|pa|dds|do|"
    r"administrator|coordinator|advocate|supervisor|office|practice)\b",
    re.IGNORECASE,
)
_GREETING = frozenset(
    """hi hey hello dear oh ugh thanks thank congrats congratulations sure yes aww aw omg
haha lol ok okay welcome bye love go happy poor sweet remember meet tell and shoutout to yo wow rip bless
cheers hugs prayers praying""".split()
)
_NOT_SURNAME = frozenset(
    """i the a and or but you your we our they he she it is was to of in on at for with u
clinic hospital health medical center county street road lane park school""".split()
)
_EPONYM_AFTER = re.compile(r"'s\s+(?:disease|syndrome|sign|palsy|procedure|maneuver|test)")
_PREFIX_WORDS = frozenset("port east west north south new lake mount fort san santa los las el saint".split())
_WORD_AFTER_ORG = re.compile(
    r"\s+(?:Heights|Hollow|Park|Springs|Falls|Creek|Ridge|County|Street|St|Road|Lane|Avenue|Court|Elementary|"
    r"High|School|Clinic|Hospital|Medical|Health|Pediatrics|Neuro|Family|Care|Center|Foundation|Dental|"
    r"Practice|University|College|Institute|Labs?|Pharmacy|Group)\b"
)


def find_names(scan: Scan) -> list[Finding]:
    """Return NAME spans for patients, relatives and visitors named in the draft."""
    text = scan.text
    staff = _staff_tokens(text)
    spans = _strong_names(text, staff, scan.care)
    if scan.care or _PINNED_HINT.search(text):
        spans += _first_names(scan, staff)
    return [_name_finding(start, end, rule) for start, end, rule in _dedupe(spans)]


def _staff_tokens(text: str) -> set[str]:
    """Names given with a staff title anywhere in the draft ('Dr. Amir Haddad') are staff, not patients."""
    tokens: set[str] = set()
    for match in _STAFF_TITLE_RE.finditer(text):
        tokens.update(fold(word.strip(".")) for word in match.group(1).split())
    return tokens


def _strong_names(text: str, staff: set[str], care: bool) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for match in _TITLE_RE.finditer(text):
        low = match.group("low")
        if low and (low in _NOT_SURNAME or low in ("and", "or")):
            continue
        if not _is_staff_context(text, match.start(), match.end()):
            end = match.end() - 2 if match.group().endswith("'s") else match.end()
            spans.append((match.start(), end, "privacy.name.titled"))
    for pattern in (_FAMILIAR_RE, _INITIAL_SURNAME_RE):
        for match in pattern.finditer(text):
            if fold(match.group().split()[-1].strip(".")) in CALENDAR_WORDS:
                continue
            if not _is_staff_context(text, match.start(), match.end()):
                spans.append((match.start(), match.end(), "privacy.name.titled"))
    for match in _RELATIVE_NAME_RE.finditer(text):
        word = fold(match.group(1))
        if word not in _NOT_SURNAME and word not in CALENDAR_WORDS and word not in staff:
            spans.append((match.start(1), match.end(1), "privacy.name.relative"))
    for match in _PATIENT_PREFIX_RE.finditer(text):
        name = match.group("name")
        if "." in name or fold(name) in FIRST_NAMES or fold(name) in SURNAMES:
            spans.append((match.start("name"), match.end("name"), "privacy.name.patient"))
    return spans + _cued_names(text, staff) + _listed_names(text, staff, care)


def _cued_names(text: str, staff: set[str]) -> list[tuple[int, int, str]]:
    """Names pinned by their context: 'his name was Frank', 'Sophie's mum', 'Rosie D.', 'Walt in room 12'."""
    spans: list[tuple[int, int, str]] = []
    for index, pattern in enumerate(STRONG_NAME_PATTERNS):
        if not STRONG_NAME_HINTS[index].search(text):
            continue
        for match in pattern.finditer(text):
            first = fold(match.group(1).split()[0])
            listed = first in FIRST_NAMES or first in SURNAMES
            if (index < 2 or listed) and _plain_name(text, match.start(1), match.end(1), staff):
                spans.append((match.start(1), match.end(1), "privacy.name.cued"))
    possessive = "'s" in text or "\u2019s" in text
    for match in POSSESSIVE_RELATIVE_RE.finditer(text) if possessive else ():
        word = fold(match.group(1))
        listed = word in FIRST_NAMES or word in SURNAMES
        if listed and _plain_name(text, match.start(1), match.end(1), staff):
            spans.append((match.start(1), match.end(1), "privacy.name.relative"))
    return spans


def _plain_name(text: str, start: int, end: int, staff: set[str]) -> bool:
    """Not a calendar word, staff member, the author's own person or a public figure."""
    words = [fold(w.strip(".")) for w in text[start:end].split()]
    if words[0] in CALENDAR_WORDS or words[0] in _NOT_SURNAME or words[0] in EPONYMS or words[0] in staff:
        return False
    if words[-1] in PUBLIC_FIGURES or _is_staff_context(text, start, end):
        return False
    return not staff_or_own(text, start, end)


def _listed_names(text: str, staff: set[str], care: bool) -> list[tuple[int, int, str]]:
    """Census boards ('DIAZ, R'), families ('the Hendersons'), room boards and lower-case pinned names."""
    spans: list[tuple[int, int, str]] = []
    for match in _CENSUS_RE.finditer(text):
        word = fold(match.group().split(",")[0])
        before = text[max(0, match.start() - 16) : match.start()]
        if word in SURNAMES or re.search(r"(?i:rm|room|bed|bay)\s*\d+\w?\s*[-–]?\s*$", before):
            spans.append((match.start(), match.end(), "privacy.name.census"))
    for match in _FAMILY_RE.finditer(text):
        stem = fold(match.group(1))
        surname = stem in SURNAMES or stem + "s" in SURNAMES or (care and _SURNAME_ENDING.search(stem))
        if surname and stem not in staff:
            spans.append((match.start(1), match.end(), "privacy.name.family"))
    for match in _BOARD_NAME_RE.finditer(text):
        group = 1 if match.group(1) else 2
        spans.append((match.start(group), match.end(group), "privacy.name.board"))
    for match in _LOWER_PINNED_RE.finditer(text):
        word = match.group(1)
        if word in FIRST_NAMES and word not in AMBIGUOUS_NAMES and word not in staff:
            spans.append((match.start(1), match.end(1), "privacy.name.given"))
    return spans


def _first_names(scan: Scan, staff: set[str]) -> list[tuple[int, int, str]]:
    text = scan.text
    spans = []
    for match in _TOKEN_RE.finditer(text):
        word = fold(match.group())
        start, end = match.span()
        if word in CALENDAR_WORDS or word in staff:
            continue
        if word not in FIRST_NAMES and not opening_vocative(text, start, end):
            continue
        if word in AMBIGUOUS_NAMES and not (_surname_follows(text, end) or is_vocative(text, start, end)):
            continue
        if word in EPONYMS or _part_of_proper_noun(scan, start, end):
            continue
        if re.search(r"\b(?:mr|mrs|ms|miss|mx|dr)\.?\s*$", text[max(0, start - 6) : start], re.IGNORECASE):
            continue  # the titled-name rule already decided
        end = _extend_surname(text, end)
        if _is_staff_context(text, start, end):
            continue
        if fold(text[start:end].split()[-1]) in PUBLIC_FIGURES or staff_or_own(text, start, end):
            continue
        spans.append((start, end, "privacy.name.given"))
    return spans + _initials(text)


def _initials(text: str) -> list[tuple[int, int, str]]:
    """Initials such as 'J.D.' or 'P.R.' in a draft about care (not 'U.S.', 'I.V.' or 'M.D.')."""
    spans = []
    for match in _INITIALS_RE.finditer(text):
        if match.group().replace(" ", "").upper() not in _NOT_INITIALS:
            spans.append((match.start(), match.end(), "privacy.name.initials"))
    return spans


def _part_of_proper_noun(scan: Scan, start: int, end: int) -> bool:
    """'Port Alden', 'Harlow Springs', 'Mercy West': a given name inside a place or organisation name."""
    eponym = _EPONYM_AFTER.match(scan.text, end)
    if eponym or _WORD_AFTER_ORG.match(scan.text, end):
        return True
    before = re.search(r"([A-Za-z]+)[ \t]+$", scan.text[max(0, start - 20) : start])
    if not before or not before.group(1)[0].isupper():
        return False
    previous = before.group(1)
    index = bisect.bisect_right(scan.sentence_starts, start) - 1
    at_sentence_start = not scan.text[scan.sentence_starts[index] : start - len(before.group(0))].strip(
        " \"'("
    )
    if fold(previous) in _PREFIX_WORDS:
        return True
    return not at_sentence_start and fold(previous) not in _GREETING and fold(previous) not in FIRST_NAMES


def _surname_follows(text: str, end: int) -> bool:
    """'Grace Okonjo', 'Dawn Pereira': an everyday-word given name followed by a surname."""
    match = re.match(rf"\s+({_NAME})\b", text[end : end + 30])
    if not match or _WORD_AFTER_ORG.match(text, end):
        return False
    word = fold(match.group(1))
    return word in SURNAMES or not (word in FIRST_NAMES or word in CALENDAR_WORDS or word in _NOT_SURNAME)


def _extend_surname(text: str, end: int) -> int:
    match = re.match(rf"\s+({_NAME})\b", text[end : end + 30])
    if not match:
        return end
    word = fold(match.group(1))
    if word in _NOT_SURNAME or word in CALENDAR_WORDS or word in AMBIGUOUS_NAMES:
        return end
    if _WORD_AFTER_ORG.match(text, end):
        return end
    return end + match.end(1)


def _is_staff_context(text: str, start: int, end: int) -> bool:
    return bool(_STAFF_BEFORE.search(text[max(0, start - 40) : start]) or _ROLE_AFTER.match(text, end))


def _dedupe(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept


def _name_finding(start: int, end: int, rule: str) -> Finding:
    return make_finding(
        "NAME", "block", start, end, rule, "This names a private person next to details about them."
    )
