"""Scenario facts: any of the synthetic patient's private facts that appear in the draft, in any spelling."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ...model import PRIVACY_LABELS, Finding
from ...sources import cite
from .fact_variants import clinical_variants, decade_pattern, given_name_forms, place_parts
from .wordlists import MONTH_ABBR, MONTHS, NICKNAMES, WEEKDAYS, fold, number_to_words, words_to_number

_TITLES = r"(?:mr|mrs|ms|miss|mx|dr|mister|missus)\.?"
_ABBREVIATIONS = {
    "room": "room|rm",
    "rm": "room|rm",
    "bed": "bed|bd",
    "street": "street|st",
    "st": "street|st",
    "road": "road|rd",
    "rd": "road|rd",
    "avenue": "avenue|ave",
    "ave": "avenue|ave",
    "lane": "lane|ln",
    "ln": "lane|ln",
    "drive": "drive|dr",
    "apartment": "apartment|apt",
    "apt": "apartment|apt",
    "number": "number|no|#",
    "saint": "saint|st",
    "mount": "mount|mt",
    "fort": "fort|ft",
    "crescent": "crescent|cres",
    "close": "close|cl",
    "gardens": "gardens|gdns",
    "court": "court|ct",
    "boulevard": "boulevard|blvd",
    "place": "place|pl",
    "terrace": "terrace|terr?",
    "square": "square|sq",
    "highway": "highway|hwy",
    "heights": "heights|hts",
}
_GAP = r"[\W_]{0,3}"
_UNIT_AFTER = r"(?!\s*(?:%|mg|mcg|ml|kg|lbs?|units?|minutes|mins|hours|mmhg|bpm|cm|mm)\b)"


def find_facts(text: str, facts: tuple[tuple[str, str], ...]) -> list[Finding]:
    """Return a blocking span wherever one of the scenario's facts appears in the draft."""
    spans: set[tuple[str, int, int]] = set()
    for label, value in facts:
        label = label.upper() if label.upper() in PRIVACY_LABELS else "UNIQUE"
        for pattern in _patterns(label, value.strip()):
            spans.update((label, m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start())
    return [_fact_finding(label, start, end) for label, start, end in sorted(spans, key=lambda s: s[1:])]


def _fact_finding(label: str, start: int, end: int) -> Finding:
    return Finding(
        kind="privacy",
        label=label,
        severity="block",
        start=start,
        end=end,
        rule="privacy.scenario_fact",
        message=f"This is one of the scenario patient's private details ({label.lower()}); "
        "posting it discloses who they are or what happened to them.",
        suggestion="Take this detail out; talk about the situation in general terms, or not at all.",
        source=cite("scenario.facts"),
    )


@lru_cache(maxsize=512)
def _patterns(label: str, value: str) -> tuple[re.Pattern[str], ...]:
    if not value or not re.search(r"\w", value):
        return ()
    builders = {
        "NAME": _name_patterns,
        "AGE": _age_patterns,
        "DATE": _date_patterns,
        "CONTACT": _contact_patterns,
        "ID": _id_patterns,
        "LOCATION": _place_patterns,
        "CLINICAL": _clinical_patterns,
    }
    sources = builders.get(label, _phrase_patterns)(value)
    return tuple(re.compile(source, re.IGNORECASE) for source in sources if source)


def _phrase(value: str) -> str:
    """A tolerant pattern for a phrase: any case, any spacing or punctuation between words."""
    tokens = re.findall(r"\w+", value)
    parts = [
        f"(?:{_ABBREVIATIONS[t.lower()]})" if t.lower() in _ABBREVIATIONS else re.escape(t) for t in tokens
    ]
    return r"(?<!\w)" + _GAP.join(parts) + r"(?!\w)" if parts else ""


def _phrase_patterns(value: str) -> list[str]:
    patterns = [_phrase(value)]
    if value.startswith("@"):
        patterns.append(_phrase(value[1:]))
    if re.fullmatch(r"[\w\s]+", value) and len(value) > 3 and patterns[0]:
        patterns.append(patterns[0].removesuffix(r"(?!\w)") + r"(?:s|es)(?!\w)")
    return patterns


def _name_patterns(value: str) -> list[str]:
    words = re.findall(r"[^\W\d_]+(?:['-][^\W\d_]+)*", value)
    parts = [p for p in words if not re.fullmatch(_TITLES, p, re.I)]
    if not parts:
        return []
    first, last = parts[0], parts[-1]
    patterns = [_phrase(" ".join(parts))]
    given = {fold(first)} | set(NICKNAMES.get(fold(first), ()))
    given |= {formal for formal, nicks in NICKNAMES.items() if fold(first) in nicks}
    patterns += [rf"(?<!\w){re.escape(name)}(?!\w)" for name in sorted(given) if len(name) > 1]
    patterns += given_name_forms(first)
    if len(parts) > 1:
        patterns.append(rf"(?<!\w){_TITLES}\s*{re.escape(last)}(?!\w)")
        if len(last) > 1:  # a bare initial ("Ellie M" -> "M") is not a name on its own
            patterns.append(rf"(?-i:(?<!\w){re.escape(last[0].upper() + last[1:])}(?!\w))")
        patterns.append(rf"(?-i:(?<!\w){first[0].upper()}\.?\s?{last[0].upper()}\.?)(?![\w])")
        patterns.append(rf"(?<!\w){re.escape(first[0])}\.\s?{re.escape(last)}(?!\w)")
        patterns.append(rf"(?<!\w){_TITLES}\s*(?-i:{last[0].upper()})(?:\.|(?!\w))")
        patterns.append(rf"(?<!\w){re.escape(last)},\s*(?-i:{first[0].upper()})(?:\.|(?!\w))")
    else:
        patterns.append(rf"(?<!\w){_TITLES}\s*(?-i:{first[0].upper()})(?:\.|(?!\w))")
    return patterns


def _age_patterns(value: str) -> list[str]:
    digits = re.search(r"\d{1,3}", value)
    number = int(digits.group()) if digits else words_to_number(value)
    if number is None:
        return [_phrase(value)]
    words = number_to_words(number)
    spelled = r"[\s-]+(?:and[\s-]+)?".join(re.escape(w) for w in re.split(r"[\s-]+", words) if w != "and")
    return [
        rf"(?<![\d.]){number}(?!\d|"
        rf"\.\d){_UNIT_AFTER}",
        rf"(?<!\w){spelled}(?!\w)",
        decade_pattern(number),
    ]


def _date_patterns(value: str) -> list[str]:
    date = _parse_date(value)
    if date is None:
        return _month_year_patterns(value) or [_phrase(value)]
    month_names = [name for name, num in {**MONTHS, **MONTH_ABBR}.items() if num == date.month]
    month = "(?:" + "|".join(month_names) + r")\.?"
    day = rf"0?{date.day}(?:st|nd|rd|th)?"
    weekday = WEEKDAYS[date.weekday()]
    numeric = rf"0?{date.month}[/.-]0?{date.day}"
    swapped = rf"0?{date.day}[/.-]0?{date.month}"
    year = rf"(?:[/.-](?:{date.year}|{date.year % 100:02d}))?"
    return [
        rf"(?<!\w){month}\s+{day}(?!\d)(?:,?\s+{date.year})?",
        rf"(?<!\w)(?:the\s+)?{day}\s+(?:of\s+)?{month}(?!\w)",
        rf"(?<![\w/.-])(?:{numeric}|{swapped}){year}(?![\w/]|\.\d)",
        rf"(?<!\w){date.year}-{date.month:02d}-{date.day:02d}(?!\d)",
        rf"(?<!\w)(?:{weekday},?\s+)?(?:on\s+)?the\s+{date.day}(?:st|nd|rd|th)(?!\s+time)(?!\w)",
        rf"(?-i:(?<!\w)(?:{weekday.capitalize()}|{weekday.capitalize()[:3]}\.?)(?!\w))",
        *_time_patterns(value),
    ]


def _month_year_patterns(value: str) -> list[str]:
    """'September 2026' -> 'in September', 'Sept 2026'."""
    match = re.fullmatch(r"([A-Za-z]+)\.?,?\s+(\d{4})", value.strip())
    month = {**MONTHS, **MONTH_ABBR}.get(match.group(1).lower()) if match else None
    if not month:
        return []
    full = "|".join(name for name, num in MONTHS.items() if num == month)
    short = "|".join(name for name, num in MONTH_ABBR.items() if num == month)
    return [rf"(?<!\w)(?:{full}|(?:{short})\.?)(?:,?\s+{match.group(2)})?(?!\w)"]


def _time_patterns(value: str) -> list[str]:
    """'2026-11-20 03:00' -> '3am', '3:00', '0300', '3 in the morning'."""
    match = re.search(r"\b([01]?\d|2[0-3]):([0-5]\d)\b", value)
    if not match:
        return []
    hour, minute = int(match.group(1)), match.group(2)
    twelve = hour % 12 or 12
    suffix = "a\\.?m\\.?" if hour < 12 else "p\\.?m\\.?"
    minutes = "" if minute == "00" else f"[:.]{minute}"
    return [
        rf"(?<![\w:]){twelve}{minutes or '(?:[:.]00)?'}\s*{suffix}(?!\w)",
        rf"(?<![\w:])0?{hour}[:.]?{minute}(?!\w)",
    ]


def _parse_date(value: str) -> dt.date | None:
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", value.strip())
    text = re.sub(r"[ T]+\d{1,2}:\d\d(?::\d\d)?\s*$", "", text)  # a time of day is matched separately
    for fmt in (
        "%Y-%m-%d",
        "%m/%d/%Y",
        "%m/%d/%y",
        "%B %d, %Y",
        "%B %d %Y",
        "%d %B %Y",
        "%b %d, %Y",
        "%b %d %Y",
        "%d %b %Y",
    ):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _place_patterns(value: str) -> list[str]:
    """A place fact: the whole phrase, each comma part, its distinctive words, numbered rooms in words."""
    parts = [p for p in re.split(r",\s*", value) if p.strip()]
    patterns = [_phrase(value), *(_phrase(p) for p in parts), *place_parts(value)]
    for match in re.finditer(r"\b(room|rm|bed|bay|cubicle|bed space)\s*#?(\d{1,3})\b", value, re.IGNORECASE):
        number = int(match.group(2))
        spelled = re.escape(number_to_words(number)).replace("\\-", "[\\s-]")
        patterns.append(rf"(?<!\w)(?:room|rm|bed|bay|cubicle|in)\s*#?(?:{number}|{spelled})(?!\w)")
    return patterns


def _clinical_patterns(value: str) -> list[str]:
    return [_phrase(value), *clinical_variants(value)]


def _contact_patterns(value: str) -> list[str]:
    if "@" in value:
        return [rf"(?<![\w.+-]){re.escape(value)}(?!\w)"]
    digits = re.sub(r"\D", "", value)
    if len(digits) < 7:
        return [_phrase(value)]
    core = digits[-7:]
    gaps = r"[\s().-]{0,3}"
    tail = core[:3] + gaps + core[3:]
    return [
        rf"(?<!\d)(?:\+?1{gaps})?(?:\(?{digits[-10:-7]}\)?{gaps})?{tail}(?!\d)"
        if len(digits) >= 10
        else rf"(?<!\d){tail}(?!\d)"
    ]


def _id_patterns(value: str) -> list[str]:
    """The number with any separators, with or without its letter prefix ('MBR-4471-0233' ~ '4471 0233')."""
    whole = [t for t in re.findall(r"[A-Za-z0-9-]+", value) if re.search(r"\d", t)]
    digits_only = [t for t in re.findall(r"[A-Za-z0-9]+", value) if re.search(r"\d", t)]
    patterns = []
    for tokens in (whole, digits_only):
        chars = [c for c in "".join(tokens) if c.isalnum()] or [c for c in value if c.isalnum()]
        if len(chars) >= 3:
            patterns.append(
                r"(?<![A-Za-z0-9])#?"
                + r"[\s#:./-]{0,2}".join(re.escape(c) for c in chars)
                + r"(?![A-Za-z0-9])"
            )
    return list(dict.fromkeys(patterns)) or [_phrase(value)]
