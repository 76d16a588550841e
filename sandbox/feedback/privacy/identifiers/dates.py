"""DATE: dates and times tied to a person ('03/14', 'March 14th', 'last Tuesday', 'at 3am', 'yesterday')."""

from __future__ import annotations

import bisect
import re

from ...caseless import caseless
from ...model import Finding
from .base import make_finding
from .context import ADVICE_RE, CONTACT_INSTRUCTION_RE, SCHEDULE_RE, Scan, mentions_person
from .places import FACILITY_NOTE_RE

_MONTH = (
    r"(?:january|february|march|april|june|july|august|september|october|november|december|"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)"
)
_MONTH_CAP = r"(?:May)"  # 'may' is also a verb: only the capitalised form is a month
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
_ORD_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty-\w+|thirtieth|thirty-first)"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY_ABBR = r"(?-i:Mon|Tues?|Weds?|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
_DAY_PART = r"(?:morning|afternoon|evening|night|nite|overnight|shift)"
_PREP = r"(?:on|since|from|until|till|by|before|after|during|through|of|dated|dob|born|due)"
_TIME = r"(?:\d{1,2}(?::[0-5]\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|[01]\d[0-5]\d(?:\s*h(?:rs|ours)?)?|noon|midnight)"

_DATE_PATTERNS = [
    r"\b(?:19|20)\d\d([-/.])[01]?\d\1[0-3]?\d\b",
    r"(?<![\d.])\b[0-3]?\d[/.-][0-3]?\d[/.-](?:\d{4}|\d\d)\b(?![.\d])",
    rf"\b(?:(?:on|since|from|until|by|before|after|dob|born|dated)\s+)?{_MONTH}\s+{_ORD}\b(?:,?\s+\d{{4}})?",
    rf"\b(?:on|since|from|until|by|before|after)\s+{_MONTH_CAP}\s+{_ORD}\b(?:,?\s+\d{{4}})?|"
    rf"\b(?:(?:in|since|from|until|by|during|last|early|late|mid-?)\s+)?(?:{_MONTH}|(?-i:May))\s+(?:of\s+)?"
    rf"(?:19|20)\d\d\b",
    r"(?-i:\bMay)\s+\d{1,2}(?:st|nd|rd|th)?\b",
    rf"\b{_ORD}\s+(?:of\s+)?(?:{_MONTH}|(?-i:May))(?!\w)",
    rf"\bthe\s+(?:{_ORD_WORD}|\d{{1,2}}(?:st|nd|rd|th))\s+of\s+(?:{_MONTH}|{_MONTH_CAP})",
    rf"\b(?:in|since|until|by|from|last|this|next|early|late|mid-?|during|through|before|after)\s+"
    rf"(?:{_MONTH}|(?-i:May))(?!\w)",
    rf"\b(?:{_PREP}\s+)?the\s+\d{{1,2}}(?:st|nd|rd|th)\b(?!\s+(?:time|floor|percentile|grade|place|round|"
    rf"dose))",
    r"\b(?:on|since|from|until|by|before|after|dob|born|dated|admitted|seen|discharged|died|delivered|"
    r"operated|visit|appt|appointment)\s+[01]?\d/[0-3]?\d\b(?![/\d])",
    rf"\b(?:(?:last|this|next|on|since|from|until|by|before|after|that|past)\s+)?{_WEEKDAY}\b(?!s)"
    rf"(?:\s+{_DAY_PART})?(?:\s+the\s+\d{{1,2}}(?:st|nd|rd|th))?",
    rf"\b(?:(?:last|this|next|on|since|from|until|by|before|after)\s+)?{_WEEKDAY_ABBR}(?![\w/-])",
    r"\b(?:(?:on|over|since|at|for|before|after)\s+)?(?:christmas(?:\s+(?:eve|day))?|xmas(?:\s+eve)?|"
    r"new year's(?:\s+(?:eve|day))?|thanksgiving|easter|halloween|valentine's day|the fourth of july|"
    r"july 4th|labou?r day|memorial day|boxing day|mother's day|father's day|mothering sunday|easter sunday|"
    r"good friday|bonfire night|eid|diwali|hanukkah|ramadan|passover|st\.? patrick's day|independence day|"
    r"veterans day|hogmanay)\b",
    r"\b(?:\w+\s+(?:years?|months?|weeks?|days?)\s+ago\s+)?(?:earlier\s+|later\s+)?today\b",
    r"\b(?:tonight|tonite|2nite|yesterday|yday|yest|tomorrow|tomorow|tmrw|tmr|2moro|overnight|"
    r"this\s+a\.?m\.?|"
    r"this\s+arvo)\b",
    rf"\b(?:this|last|that|yesterday|tomorrow)\s+{_DAY_PART}\b",
    r"\b(?:over|during|at)\s+the\s+weekend\b|\bthis\s+past\s+(?:week(?:end)?|\w+day)\b|"
    r"\b(?:(?:this|last|next|that)\s+(?:week(?:end)?|spring|summer|fall|autumn|winter|day)|(?:last|next|"
    r"that)\s+month)\b",
    r"\bthe\s+(?:next|following|previous|other)\s+(?:day|morning|night|week)\b|\bthe\s+(?:day|"
    r"night)\s+before\b",
    r"\b(?:\w+|a|an|\d+)\s*(?:of\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|fortnights?|months?|"
    r"mos?|years?|yrs?)\s+(?:ago\b|since(?=\s+(?:we|he|she|they|you|i|his|her|their|your)\b)|to the day\b)",
    rf"\b(?:at|around|about|@|~|before|after|since)\s+{_TIME}(?!\s*[-–]\s*\d)\b",
    rf"(?<![\d:])\b{_TIME}\b(?=\s+(?:on|this|last|yesterday|today|tonight)\b)",
    r"\b(?:at|around|about)\s+\d{1,2}\s+(?:in the (?:morning|afternoon|evening)|at night|o'clock|"
    r"this morning|"
    r"last night|tonight|today|yesterday)\b",
    r"(?<![\d:.])\b\d{1,2}(?::[0-5]\d)?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)(?!\s+(?:appointments?|appts?|handoff|"
    r"handover|meetings?|shifts?|class|start|slots?|huddle|doses?|meds|alarm|rounds?|calls?|sessions?|clinic|"
    r"lecture|report|news|bus|train|flight|feeds?|check|slot|service|mass|spin|yoga|run))",
    r"\b(?:at|around|about|@|~)\s+\d{1,2}[:.][0-5]\d\b(?!\s*[-\u2013]|[.:]\d)",
    r"\bthe\s+(?:day|night|morning|evening|afternoon|week|weekend)(?=\s+(?:you|he|she|they|your|his|her|"
    r"we|i)\b)",
    r"\b(?:at|around|about)\s+(?:half|quarter|ten|twenty|five|twenty-five)\s+(?:past|to)\s+\w+|"
    r"\b(?:in|during)\s+the\s+(?:early|small|wee)\s+hours\b|"
    r"\b(?:at|around|by|before|after)\s+(?:lunchtime|teatime|dinnertime|suppertime|bedtime|breakfast|"
    r"dawn|dusk|"
    r"midday)\b",
]
# Each group of patterns runs only when the draft contains its hint (most drafts have no month name).
# Each group of patterns runs only when the draft contains its hint: a regex, or words looked up in the
# lower-cased text (much cheaper than a regex alternation; most drafts have no month or holiday name).
_GROUPS: tuple[tuple[str | tuple[str, ...], tuple[int, ...]], ...] = (
    (r"\d|noon|midnight", (0, 1, 8, 9, 19, 20, 21)),
    (r"\d\s*(?:am|pm|a\.m|p\.m)", (22,)),
    (r"\d[:.][0-5]\d", (23,)),
    (tuple("jan feb mar apr may jun jul aug sep oct nov dec".split()), (2, 3, 4, 5, 6, 7)),
    (tuple("day mon tue wed thu fri sat sun".split()), (10, 11)),
    (
        tuple(
            """christmas xmas thanksgiving easter halloween valentine july memorial boxing mother's father's
     mothering bonfire eid diwali hanukkah ramadan passover patrick independence veterans hogmanay""".split()
        )
        + ("new year", "labor day", "labour day", "good friday"),
        (12,),
    ),
    (
        (
            " past ",
            " to ",
            "hours",
            "lunchtime",
            "teatime",
            "dinnertime",
            "suppertime",
            "bedtime",
            "breakfast",
            "dawn",
            "dusk",
            "midday",
        ),
        (25,),
    ),
    (
        tuple(
            """today tonight tonite 2nite yesterday yday yest tomorrow tomorow tmr 2moro overnight morning
     afternoon evening night nite shift week spring summer fall autumn winter month day ago year since
     past""".split()
        )
        + ("this a",),
        (13, 14, 15, 16, 17, 18, 24),
    ),
)
_DATE_GROUPS = tuple(
    (
        hint if isinstance(hint, tuple) else caseless(hint),
        caseless("|".join(f"(?:{_DATE_PATTERNS[i]})" for i in indexes)),
    )
    for hint, indexes in _GROUPS
)
_CLOCK_NEAR_DATE = re.compile(r"\b(?:at|around|about)\s+\d{1,2}:[0-5]\d\b(?!\s*[-–])", re.IGNORECASE)
_VAGUE = re.compile(
    r"^(?:earlier |later )?(?:today|tomorrow|tomorow|tmrw|tmr|this week(?:end)?|next week|"
    r"next month|tonight)$",
    re.IGNORECASE,
)
_RANGE_AROUND = re.compile(r"^\s*(?:[-–/&]|to|through|thru|and)\s*(?:\d|mon|tue|wed|thu|fri|sat|sun)", re.I)
_RANGE_BEFORE = caseless(
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|\d)\.?\s*(?:[-–/&]|to|thru)\s*$",
)
_EVERY_BEFORE = re.compile(r"\b(?:every|each)\s*(?:other\s+)?$|\bevery\s+\w+\s*$", re.I)
_NOT_DATE_AFTER = re.compile(
    r"\s*(?:pain|murmur|strength|tabs?|tablets?|cups?|tsp|doses?|mg|of (?:the|a|an)\b)", re.I
)
_BARE_NUMERIC = re.compile(r"^[0-3]?\d[/.-][0-3]?\d[/.-](?:\d{4}|\d\d)$")
_AUTHOR_CLAUSE = re.compile(r"^\W*(?:i|i'm|i am|we|we're)\b", re.I)
_GREETING_BEFORE = caseless(r"\b(?:merry|happy|giving|black|cyber)\s+$")
_PAST_ANCHOR = caseless(r"\b(?:since|last|ago|yesterday|that|on the)\b")
_WEEKDAY_OR_VAGUE = re.compile(rf"(?i:{_WEEKDAY}|today|tomorrow|tomorow|tmrw|tmr|tonight|next week)")
_VAGUE_FALLBACK = re.compile(
    r"^(?:earlier |later )?(?:today|tonight|tonite|this (?:morning|afternoon|evening))$", re.I
)
_BIRTH_BEFORE = caseless(r"\b(?:dob|d\.o\.b\.?|born|date of birth|birthday is)\W*(?:on\s+)?$")
_OWN_PLAN = caseless(
    r"\b(?:i'll|i will|we'll|we will|let's|works for me|works|i'm free|i can|me|"
    r"my)\b",
)
_AUTHOR_THING_BEFORE = re.compile(
    r"\b(?:my|our)\s+(?:first\s+|last\s+|own\s+)?(?:shift|day|week|weekend|birthday|holiday|vacation|leave|"
    r"day off|night off|commute|lunch|break|rota|exam|interview|anniversary|wedding|graduation)\s*$",
    re.I,
)
_OTHER_PERSON = caseless(
    r"\b(?:he|she|his|her|him|they|mr|mrs|ms|miss|patient|pt|baby|mum|mom|"
    r"dad)\b",
)
_OWN_FAMILY_CLAUSE = re.compile(
    r"^\W*(?:my|our)\s+(?:little\s+|eldest\s+|youngest\s+|own\s+)?(?:daughter|son|kids?|children|husband|"
    r"wife|"
    r"partner|mum|mom|dad|brother|sister|nan|gran|grandma|grandpa|niece|nephew|dog|cat|family)\b",
    re.I,
)
_ROOM_NEAR = caseless(r"\b(?:room|rm|bed|bay|cubicle|resus)\s*#?\d")
_PERSONAL_DATE = caseless(
    r"\b(?:dob|born|birthday|died|passed away|date of birth|enrolled|admitted)\b",
)


def find_dates(scan: Scan) -> list[Finding]:
    """Return DATE spans for dates and times that are tied to a person."""
    text = scan.text
    lower = text.lower()
    groups = [pattern for hint, pattern in _DATE_GROUPS if _hinted(hint, text, lower)]
    candidates = [m.span() for pattern in groups for m in pattern.finditer(text)]
    spans: list[tuple[int, int]] = []
    for start, end in sorted(candidates, key=lambda s: (s[0], -s[1])):
        if (not spans or start >= spans[-1][1]) and _is_date(text, start, end):
            spans.append((start, end))
    spans += _clock_times_near(text, spans)
    tied = [(start, end) for start, end in sorted(spans) if _tied_to_person(scan, start, end)]
    return [_date_finding(text, start, end) for start, end in tied]


def _hinted(hint: tuple[str, ...] | re.Pattern[str], text: str, lower: str) -> bool:
    if isinstance(hint, tuple):
        return any(map(lower.__contains__, hint))
    return bool(hint.search(text))


def _date_finding(text: str, start: int, end: int) -> Finding:
    """A date of birth blocks (it names a person with the name or age); other dates warn."""
    if _BIRTH_BEFORE.search(text[max(0, start - 25) : start]):
        return make_finding(
            "DATE",
            "block",
            start,
            end,
            "privacy.date.birth",
            "A date of birth, with almost any other detail, identifies one person.",
        )
    return make_finding(
        "DATE",
        "warn",
        start,
        end,
        "privacy.date",
        "When something happened to a person is part of what identifies them.",
    )


def _is_date(text: str, start: int, end: int) -> bool:
    """Reject schedules ('Mon-Fri', 'every Tuesday'), ranges, fractions, greetings and bare years."""
    words = text[start:end]
    if _GREETING_BEFORE.search(text[max(0, start - 8) : start]):
        return False
    if re.fullmatch(r"\w+\s+\d{4}", words) and re.match(r"\s+[A-Z][a-z]", text[end : end + 3]):
        return False  # "at 1200 Harbor Blvd": a street number, not a time
    if re.fullmatch(r"(?:Sat|Sun|Wed)\.?", words) and re.match(r"\s+[a-z]", text[end : end + 2]):
        return False  # "Sat with her", "Sun exposure": the verb or noun, not the day
    if _RANGE_AROUND.match(text, end) or _RANGE_BEFORE.search(text[max(0, start - 8) : start]):
        return False
    if _EVERY_BEFORE.search(text[max(0, start - 12) : start]) and not re.search(r"\d", words):
        return False
    if re.search(r"days\b|\b(?:mon|tue|thu|fri|sat|sun)s\b", words, re.I) and not re.search(r"\d", words):
        return False
    clock = re.match(r"(?:at|around|about|@|~)\s", words, re.I)
    slash = not clock and re.fullmatch(r"(?:\w+\s+)?(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?", words)
    if slash:
        month, day = int(slash.group(1)), int(slash.group(2))
        valid = (1 <= month <= 12 and 1 <= day <= 31) or (1 <= day <= 12 and 1 <= month <= 31)
        if not valid or _NOT_DATE_AFTER.match(text, end):
            return False
    return True


def _clock_times_near(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'at 3:15' counts only when it sits next to a date ('at 3:15 on Wednesday', 'Thursday at 7:30')."""
    extra = []
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    for match in _CLOCK_NEAR_DATE.finditer(text):
        start, end = match.span()
        index = bisect.bisect_right(starts, start)
        neighbours = ordered[max(0, index - 1) : index + 1]
        if any(s <= start < e for s, e in neighbours):
            continue
        if any(0 <= start - e <= 2 or 0 <= s - end <= 5 for s, e in neighbours):
            extra.append((start, end))
    return extra


def _tied_to_person(scan: Scan, start: int, end: int) -> bool:
    """A date counts when its sentence is about a patient or relative and is not a schedule or instruction."""
    words = scan.text[start:end]
    sentence = scan.sentence(start)
    if _PERSONAL_DATE.search(sentence) or _BARE_NUMERIC.match(words):
        return True
    clause = scan.clause(start)
    if _OWN_FAMILY_CLAUSE.search(clause):
        return False  # "my daughter turned 5 today": the author's own family
    note = SCHEDULE_RE.search(sentence) or FACILITY_NOTE_RE.search(sentence)
    if _ROOM_NEAR.search(sentence) and not note:
        return True  # "bed 3, 8:15pm": a time next to a room or bed is that patient's
    if SCHEDULE_RE.search(clause) or FACILITY_NOTE_RE.search(clause) and not _OTHER_PERSON.search(sentence):
        return False
    if _VAGUE.match(words.strip()) and CONTACT_INSTRUCTION_RE.search(sentence):
        return False
    if _WEEKDAY_OR_VAGUE.search(words) and not _PAST_ANCHOR.search(words) and ADVICE_RE.search(clause):
        return False
    if _AUTHOR_THING_BEFORE.search(scan.text[max(0, start - 30) : start]) and not _OTHER_PERSON.search(
        clause
    ):
        return False  # "my shift today", "my birthday yesterday": the author's own day
    # a clause about the author's own day: "i'm off today but i had him yesterday"
    if clause != sentence and _AUTHOR_CLAUSE.search(clause) and not mentions_person(clause):
        return False
    if scan.about_person(start):
        return True
    # the draft names someone: a specific date elsewhere is theirs, unless it is the author's own plan
    specific = not _VAGUE_FALLBACK.match(words.strip())
    return scan.people and specific and not _OWN_PLAN.search(sentence)
