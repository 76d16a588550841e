"""Other ways people write a scenario fact: nicknames, spellings, clinical shorthand, decades, weekdays."""

from __future__ import annotations

import re
from importlib import resources

# Everyday and shorthand names for common conditions and procedures (any of the words -> all of them).
_CLINICAL_SYNONYMS = (
    ("appendectomy", "appendicectomy", "appy", "appendix out"),
    ("appendicitis", "appendix", "appy"),
    ("cholecystectomy", "chole", "lap chole", "gallbladder out"),
    ("total knee replacement", "knee replacement", "tkr", "tka", "new knee"),
    ("total hip replacement", "hip replacement", "thr", "tha", "new hip"),
    ("coronary artery bypass", "cabg", "bypass", "triple bypass"),
    ("myocardial infarction", "nstemi", "stemi", "mi", "heart attack"),
    ("cerebrovascular accident", "cva", "stroke"),
    ("pulmonary embolism", "pe", "clot on the lung"),
    ("deep vein thrombosis", "dvt", "clot in (?:his|her|their|the) leg"),
    ("urinary tract infection", "uti", "water infection"),
    ("chronic obstructive pulmonary disease", "copd", "emphysema"),
    ("congestive heart failure", "chf", "heart failure"),
    ("atrial fibrillation", "afib", "a-fib", "af"),
    ("diabetic ketoacidosis", "dka"),
    ("diabetes", "diabetic", "t1d", "t2d", "sugars?", "insulin"),
    ("caesarean", "cesarean", "c-section", "section"),
    ("fractured neck of femur", "nof", "hip fracture", "broken hip", "fractured hip"),
    ("fracture", "fractured", "broken", "fx"),
    ("opioid overdose", "overdose", "od", "od'd", "naloxone", "narcan"),
    ("renal colic", "kidney stones?"),
    ("atopic dermatitis", "eczema"),
    ("mechanical ventilation", "ventilator", "vent", "intubated", "tubed"),
    ("alzheimer's disease", "alzheimer's", "dementia"),
    ("panic disorder", "panic attacks?"),
    ("febrile seizure", "seizure", "fit", "febrile convulsion"),
    ("pregnant", "pregnancy", "expecting", "bun in the oven"),
    ("embryo transfer", "transfer", "ivf"),
    ("tonsillectomy", "tonsils out"),
    ("cancer", "tumou?r", "malignancy", "oncology"),
    ("chemotherapy", "chemo"),
    ("dialysis", "haemodialysis", "hemodialysis"),
    ("hypertension", "high blood pressure", "bp"),
    ("miscarriage", "pregnancy loss", "lost the baby"),
)
_SYNONYM_INDEX = {word: group for group in _CLINICAL_SYNONYMS for word in group}
# British and American spellings: each pair becomes a pattern that accepts both.
_SPELLINGS = (
    ("ae", "a?e"),
    ("oe", "o?e"),
    ("emia", "a?emia"),
    ("our", "ou?r"),
    ("isation", "[iz]ation"),
    ("ization", "[iz]ation"),
    ("ise", "[iz]e"),
    ("ize", "[iz]e"),
)
_GENERIC = frozenset(
    """disease disorder syndrome infection replacement pain acute chronic left right lower
upper
severe mild total history status post after with from type stage grade care home ward room bed bay unit
street road lane avenue crescent close drive court school primary high elementary hospital clinic centre
center north south east west near southbound northbound house flat apartment""".split()
)
_DIMINUTIVE_ENDINGS = ("", "y", "ie", "ey", "e", "s", "sy", "o", "a")
# Everyday words (the Dale-Chall familiar-word list shipped with textstat): never a short form of a name.
COMMON_WORDS = frozenset(
    (resources.files("textstat") / "resources" / "en" / "easy_words.txt").read_text(encoding="utf-8").split()
)
# A condition word naming a service rather than a person's illness: "our stroke team", "cancer centre".
_NOT_SERVICE = (
    r"(?!\s+(?:team|centre|center|unit|ward|service|clinic|awareness|month|nurse|specialist|"
    r"research|"
    r"charity|survivors?|patients|care|pathway|network))"
)


def spelling_pattern(token: str) -> str:
    """An escaped token that accepts British and American spellings ('leukemia' ~ 'leukaemia')."""
    pattern = re.escape(token.lower())
    for plain, either in _SPELLINGS:
        pattern = pattern.replace(plain, either)
    return pattern


def clinical_variants(value: str) -> list[str]:
    """Patterns for a clinical fact: its comma-separated parts, known synonyms and its head noun."""
    parts = [p.strip() for p in value.split(",") if p.strip()]
    patterns: list[str] = []
    for part in parts:
        words = re.findall(r"[\w'-]+", part.lower())
        patterns.append(
            r"(?<!\w)" + r"[\W_]{1,3}".join(spelling_pattern(w) for w in words) + r"(?:s|"
            r"es)?(?!\w)"
        )
        for key in (part.lower(), *words):
            for synonym in _SYNONYM_INDEX.get(key, ()):
                patterns.append(rf"(?<!\w){synonym}(?!\w){_NOT_SERVICE}")
        head = words[-1] if words else ""
        if len(words) > 1 and len(head) >= 5 and head not in _GENERIC:
            patterns.append(rf"(?<!\w){spelling_pattern(head)}s?(?!\w){_NOT_SERVICE}")
    return patterns


def place_parts(value: str) -> list[str]:
    """Distinctive words of a place fact ('Riverside Care Home' -> 'Riverside'), as patterns."""
    words = re.findall(r"[A-Za-z][\w'-]+", value)
    distinctive = [w for w in words if len(w) >= 4 and w.lower() not in _GENERIC and not w.islower()]
    distinctive += re.findall(r"\b[A-Z]+\d+\b", value)  # road numbers: "A38"
    return [rf"(?<!\w){re.escape(w)}(?!\w)" for w in distinctive]


def given_name_forms(given: str) -> list[str]:
    """Short forms of a given name: 'Walter' -> Walt, 'Martin' -> Marty, 'Tyrone' -> Ty's, 'Rosa' -> Rosie.

    Forms that are everyday words ('Theo' -> 'They', 'Then') are left out: they would flag ordinary text.
    """
    if len(given) < 4 or not given.isalpha():
        return []
    cap = given[0].upper() + given[1:].lower()
    capital = _short_forms(cap, shortest=3)
    lower = [form.lower() for form in _short_forms(cap, shortest=2)]
    patterns = [rf"(?-i:(?<!\w){re.escape(cap[:2])}(?=\s+(?:is|was|has|in|on)\b))"]
    if capital:
        patterns.append(rf"(?-i:(?<!\w)(?:{'|'.join(map(re.escape, capital))})(?!\w))")
    if lower:
        patterns.append(rf"(?<!\w)(?:{'|'.join(map(re.escape, lower))})(?=['\u2019]s\b)")
    return patterns


def _short_forms(cap: str, shortest: int) -> list[str]:
    forms = {
        cap[:k] + ending for k in range(len(cap) - 1, shortest - 1, -1) for ending in _DIMINUTIVE_ENDINGS
    }
    return sorted(
        (f for f in forms if f.lower() not in COMMON_WORDS and f.lower() != cap.lower()),
        key=len,
        reverse=True,
    )


def decade_pattern(number: int) -> str:
    """'late eighties', 'in her 80s' for an age of 88."""
    tens = number // 10 * 10
    if tens < 20 or tens > 90:
        return ""
    words = {
        20: "twent",
        30: "thirt",
        40: "fort",
        50: "fift",
        60: "sixt",
        70: "sevent",
        80: "eight",
        90: "ninet",
    }
    part = number % 10
    position = "early" if part <= 3 else "mid" if part <= 6 else "late"
    return rf"(?<!\w)(?:(?:{position}|in (?:his|her|their))[\s-]+)(?:{tens}'?s|{words[tens]}ies)(?!\w)"
