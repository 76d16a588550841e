"""LOCATION: street addresses, towns, neighbourhoods, ZIP codes and rooms or beds tied to a person."""

from __future__ import annotations

import re

from ...caseless import caseless
from ...model import Finding
from .base import make_finding
from .context import SCHEDULE_RE, STAFF_RE, Scan
from .place_cues import described_places
from .wordlists import CALENDAR_WORDS, FIRST_NAMES, NUMBER_WORDS, fold

_FACILITY_RE = caseless(
    r"\b(?:(?:hall(?:way)?|exam|exam\s+room|isolation|procedure|treatment|consult|recovery|triage)\s+)?"
    rf"(?:room|rm|bed|bay|stall|cubicle|pod|suite|trauma|resus|ward|incubator|isolette|cot|crib|chair|"
    rf"trolley|(?-i:OR|ER))\.?\s*(?:#?\s*\d{{1,4}}[a-z]?|"
    rf"\s(?:{NUMBER_WORDS}))\b"
    r"(?!\s*(?:[-–]\s*\d|and\s+\d|%|minutes|mins|hours|hrs|times))",
)
_DIGIT_RE = re.compile(r"\d")
_SPELLED_ROOM_HINT = caseless(r"\b(?:room|rm|bed|bay|cubicle)\s+[a-z]")
_BOARD_AFTER = re.compile(r"\s*[-–:]?\s*(?:[A-Z]\.\s?)?[A-Z][A-Za-z'-]+")
FACILITY_NOTE_RE = caseless(
    r"\b(?:closed|booked|reserved|repav\w+|renovat\w+|schedule|journal club|sim(?:ulation)? (?:lab|center)|"
    r"conference|summit|presenting|lecture|skills practice|please use|recertification|meeting|training|"
    r"is now|are now|now open|opens|(?<!an )(?<!a )opening|reopen\w*|dedicated|refurbish\w*|donors?|renamed|"
    r"upgraded|install\w*|bookings?|paused|scanner|out of (?:order|service)|deep clean|years on)\b",
)
_OF_THE_AFTER = re.compile(r"\s+of\s+(?:the|our)\b")
_IN_NUMBER_RE = caseless(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z][\w'-]*|\b(?:lady|guy|man|woman|patient|pt|gentleman|kid|baby|"
    r"boy|girl|gent|vent|bipap|cpap|monitor|oxygen)|\b(?:he|she)(?:'s|\s+is|\s+was)(?:\s+(?:back|still|"
    r"now))?)"
    r"\s+in\s+(\d{1,4}[A-Za-z]?)\b(?!\s*(?:minutes|mins|hours|days|weeks|months|years|%|mg|secs?|seconds)\b|"
    r"[/:.]\d|\s+(?!is\b|was\b|has\b)[a-z]+s\b)",
)
_BOARD_RE = re.compile(r"\b([A-Z]{1,2}\d{1,3}[A-Za-z]?)\s*[-–]\s*[A-Z][A-Za-z'-]+")
_STREET_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|"
    r"Pl|Cres|"
    r"Gdns|Gardens|Square|Sq|Mews|Row|Rise|Cl|"
    r"Terrace|Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Trail|Trl|Close|Crescent)"
)
_CAP = r"[A-Z][a-z'-]+\b"
_STREET_RE = re.compile(
    rf"\b\d{{1,5}}\s+(?:(?:{_CAP}|\d{{1,3}}(?:st|nd|rd|th))\s+){{1,3}}{_STREET_SUFFIX}\b\.?"
    rf"(?:,?\s+(?:Apt|Unit|#)\.?\s*\w+)?"
    rf"|\b(?:on|from|near|off)\s+(?P<street>(?:{_CAP}\s+){{1,3}}{_STREET_SUFFIX}"
    rf"|\d{{1,3}}(?:st|nd|rd|th)\s+(?:Street|St|Avenue|Ave))\b"
)
_PLACE_SUFFIX = (
    r"(?:Heights|Hollow|Park|Springs|Falls|Creek|Ridge|Bend|Valley|Hills?|Village|Harbou?r|"
    r"Point|Grove|Lake|Island|County|Township|Estates|Gardens|Meadows|Woods|Acres|Crossing|"
    r"Landing|Mills?|"
    r"Beach|Bridge|Station|Mall|Plaza|Square|Pier|Quay|Marina|Court|Manor|Towers|Apartments|Elementary|Middle|High|Academy|Preschool|"
    r"Daycare)"
)
_PLACE_PREFIX = r"(?:East|West|North|South|New|Port|Lake|Mount|Mt\.?|Fort|Ft\.?|St\.?|San|Santa|Los|Las|El)"
_PLACE_RE = re.compile(
    rf"\b(?:{_CAP}\s+){{1,2}}{_PLACE_SUFFIX}\b(?:\s+School)?|\b{_PLACE_PREFIX}\s+{_CAP}(?:\s+{_CAP})?"
)
_PLACE_HINT = re.compile(rf"\b(?:{_PLACE_SUFFIX}|{_PLACE_PREFIX})\b")
_TOWN_AFTER_RE = re.compile(
    rf"\b(?:from|in|lives in|live in|living in|at home in|moved to|grew up in|native of|resident of|near|"
    rf"outside|just outside|over in|down in|up in|out in|back in|visiting|based in)\s+"
    rf"({_CAP}(?:\s+{_CAP})?)"
)
_AREA_WORD_RE = re.compile(
    rf"\b({_CAP}(?:\s+{_CAP})?)\s+"
    r"(?:neighbou?rhood|area|district|subdivision|apartments|trailer park|projects|estate|flats|towers)\b"
)
_ZIP_RE = caseless(r"(?:\b[A-Z]{2}\s+|\bzip(?:\s*code)?[:#]?\s*)(\d{5}(?:-\d{4})?)\b")
# UK and Canadian postcodes ("LS1 4AP", "M4B 1B3") and flat or apartment numbers ("Flat 4", "Apt 2B").
_POSTCODE_RE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b")
_ORG_SENTENCE = re.compile(
    r"\b(?:visit us|find us|our (?:\w+ )?(?:clinic|office|practice|surgery|pharmacy|address|site|branch)|"
    r"located|parking|directions)\b",
    re.IGNORECASE,
)
_FLAT_RE = re.compile(r"\b((?:flat|apt\.?|apartment)\s*#?\d{1,4}[A-Za-z]?)\b", re.IGNORECASE)
_OWN_BEFORE = caseless(
    r"(?:\b(?:our|my)\s+(?:new\s+|main\s+|downtown\s+)?"
    r"|\b(?:i'm|i am|we're|we are|located|based|find us|visit us|us)\s+(?:at|on|in)\s*"
    r"|\b(?:moving|moved|relocating|relocated|move)\s+to\s*|\b(?:new address|address is|address:)\s*"
    r"|\b(?:mine|my (?:place|house|flat|home))\b[^.!?]{0,30}"
    r"|\b(?:location|building|entrance|surgery|site|campus|pharmacy|branch|parking|car park|lot|station|"
    r"depot|"
    r"base|hq|headquarters|centre|center|ward|unit)\s+(?:at|on|in)\s*"
    r"|\b(?:practice|clinic|office|surgery|pharmacy|we|we're|we are|team)\s+(?:is\s+|are\s+)?(?:now\s+)?"
    r"(?:at|moved to|moving to)\s*"
    r"|\b(?:team|physician|doctor|nurse|dentist|practice|clinic|office|hospital|offices|clinics|dentists)\s+"
    r"(?:in|on|at)\s*)(?:\d{1,5}[a-z]?\s+)?$",
)
_HOME_AFTER = re.compile(r"\s+(?:care|nursing|retirement|residential|group)\s+home\b", re.IGNORECASE)
_ORG_AFTER = re.compile(
    r"\s*(?:clinic|office|location|campus|branch|site|hospital|medical|health|pediatrics|practice|family|"
    r"care|center|centre|foundation|dental|police|fire|library|ymca|pharmacy|team|oncology|unit|ward|"
    r"department|dept|church|college|university|hospice|surgery)\b",
    re.IGNORECASE,
)
_NOT_TOWNS = frozenset(
    """
google facebook tiktok instagram youtube twitter reddit amazon webmd walmart target cvs walgreens costco
english spanish french chinese arabic pediatrics cardiology oncology radiology neurology surgery medicine
psychiatry triage labor delivery urgent emergency dr doctor nurse the a an our my his her their your this that
america canada mexico usa us uk england ireland india china europe africa asia alabama alaska arizona arkansas
california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas kentucky
louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio
oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming
mr mrs ms miss room rm bed bay trauma recovery peds ortho derm cardio neuro primary pacu icu nicu picu ward
unit hospital clinic office hospice rehab pre post person heaven christ god jesus church memory honor loving
general internal family emergency urgent critical intensive labour obstetrics gynecology dermatology
orthopedics urology nephrology hematology endocrinology gastroenterology pulmonology anesthesia the and
step stepdown dialysis epic cerner physical cath interventional mother behavioral med telemetry tele endoscopy
imaging pharmacy billing admissions wound pediatric outpatient inpatient ambulatory quarantine isolation detox
psych mental case social corporate admin administration management legal hr it quality infection
""".split()
)


def find_places(scan: Scan) -> list[Finding]:
    """Return LOCATION spans: addresses and places that pin down where a person lives or lies."""
    text = scan.text
    care = scan.care
    spans: list[tuple[int, int, str]] = []
    if _DIGIT_RE.search(text) or _SPELLED_ROOM_HINT.search(text):
        spans += _numbered_places(scan, care)
    for match in _STREET_RE.finditer(text):
        if match.group("street"):
            if _area_tied(scan, match.start("street"), match.end("street"), care):
                spans.append((match.start("street"), match.end("street"), "street"))
        elif not _own_place(text, match.start(), match.end()):
            spans.append((match.start(), match.end(), "address"))
    for match in _PLACE_RE.finditer(text) if _PLACE_HINT.search(text) else ():
        if _area_tied(scan, match.start(), match.end(), care):
            spans.append((match.start(), match.end(), "area"))
    for start, end, kind in described_places(text, _NOT_TOWNS):
        if _area_tied(scan, start, end, kind == "named" and scan.people):
            kind = "area" if kind == "named" else kind
            spans.append((start, end, kind))
    for match in (*_TOWN_AFTER_RE.finditer(text), *_AREA_WORD_RE.finditer(text)):
        if _is_town(match.group(1)) and _area_tied(scan, match.start(1), match.end(1), False):
            spans.append((match.start(1), match.end(1), "area"))
    return [_place_finding(start, end, kind) for start, end, kind in _dedupe(spans)]


def _numbered_places(scan: Scan, care: bool) -> list[tuple[int, int, str]]:
    """Rooms, beds, board codes and ZIP codes: the places that need a digit."""
    text = scan.text
    spans = [
        (m.start(), m.end(), "room") for m in _FACILITY_RE.finditer(text) if _facility_tied(scan, m, care)
    ]
    for pattern in (_IN_NUMBER_RE, _BOARD_RE):
        spans += [(m.start(1), m.end(1), "room") for m in pattern.finditer(text)]
    spans += [(m.start(1), m.end(1), "area") for m in _ZIP_RE.finditer(text)]
    for pattern in (_POSTCODE_RE, _FLAT_RE):
        spans += [
            (m.start(1), m.end(1), "address")
            for m in pattern.finditer(text)
            if scan.about_person(m.start()) and not _ORG_SENTENCE.search(scan.sentence(m.start()))
        ]
    return spans


def _facility_tied(scan: Scan, match: re.Match[str], care: bool) -> bool:
    """A room or bed counts unless the sentence is a facilities note ('Room 101 is booked for ACLS')."""
    if _BOARD_AFTER.match(scan.text, match.end()):
        return True
    sentence = scan.sentence(match.start())
    if FACILITY_NOTE_RE.search(sentence) or _OF_THE_AFTER.match(scan.text, match.end()):
        return False
    if match.group().lower().startswith("ward"):  # a ward holds many people: only with a patient in view
        return scan.about_person(match.start()) and not STAFF_RE.search(sentence)
    return scan.about_person(match.start()) or care or scan.people


def _area_tied(scan: Scan, start: int, end: int, care: bool) -> bool:
    if _own_place(scan.text, start, end) or SCHEDULE_RE.search(scan.clause(start)):
        return False
    return scan.about_person(start) or care


def _own_place(text: str, start: int, end: int) -> bool:
    if _HOME_AFTER.match(text, end):
        return False  # "Pine Ridge Care Home": where a resident lives
    return bool(_OWN_BEFORE.search(text[max(0, start - 40) : start]) or _ORG_AFTER.match(text, end))


def _is_town(words: str) -> bool:
    first = fold(words.split()[0])
    return first not in _NOT_TOWNS and first not in CALENDAR_WORDS and first not in FIRST_NAMES


def _dedupe(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept


def _place_finding(start: int, end: int, kind: str) -> Finding:
    why = {
        "room": "A room, bed or bay number tells coworkers and visitors exactly who this is.",
        "address": "A street address points to someone's home.",
        "street": "The street someone lives on, with the other details, points to their home.",
        "area": "A town or neighbourhood, with the other details, narrows down who this is.",
    }[kind]
    severity = "block" if kind == "address" else "warn"
    return make_finding("LOCATION", severity, start, end, f"privacy.location.{kind}", why)
