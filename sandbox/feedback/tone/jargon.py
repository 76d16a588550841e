"""JARGON: clinical shorthand or a reading level far above a patient or public audience."""

from __future__ import annotations

import re

import textstat

from ..model import Draft, Finding
from .common import lowered, tone_finding
from .lexicon import COMMON_ABBREVIATIONS, JARGON_ABBREVIATIONS, JARGON_TERMS, alternation

_KNOWN_ABBREVIATION = re.compile(
    r"(?<![\w/])" + alternation(tuple(re.escape(a) for a in JARGON_ABBREVIATIONS)) + r"(?:\d+)?(?![\w/])"
)
_TERM = re.compile(r"(?<![\w/])" + alternation(JARGON_TERMS) + r"(?![\w/])")
# A token that looks like an abbreviation: two or more capitals, at least as many capitals as small letters.
_ABBREVIATION_LIKE = re.compile(r"(?<![\w@#/.])[A-Za-z]*[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?![\w])")
_LAB_VALUE = re.compile(
    r"(?<![\w/])(?:hgb|hb|hct|plt|wbc|cr|bun|na|k|mg|glu|egfr|gfr|ldl|hdl|trop|lactate|a1c|inr|bnp|alt|"
    r"ast):?\s?\d",
)
# Latinate clinical word shapes (British and US spellings); the everyday ones are left out.
_CLINICAL_SHAPE = re.compile(
    r"\b[a-z]{3,}(?:a?emi[ac]|itis|osis|ectom(?:y|ies)|otomy|ostomy|oscopy|plasty|algia|pathy|penia|plasia|"
    r"iasis|plegia|paresis|rrhage|stasis|[^r\W]oma(?:ta|s)?|ogram|ectasia|trophic|genic|philia|"
    r"megaly|rrh(?:o)?ea|rrh(?:o)?eic|uria|ae?mic|ectasis|lysis)\b"
)
# Long words built on a Greek or Latin organ root ("cholecystectomy", "immunosuppressed"); specialty names
# ("cardiologist") and vaccination words are everyday.
_CLINICAL_ROOT = re.compile(
    r"(?<![#@])\b(?=[a-z]{10,}\b)(?![a-z]*(?:olog(?:y|ist|ists|ical)|immuni[sz]))[a-z]*(?:cardi|pulmon|gastr|"
    r"hepat|"
    r"nephr|neur|oste|arthr|haemat|hemat|angi|thromb|lymph|ophthalm|laryng|pharyng|bronch|enter|cholecyst|"
    r"pancrea|thyro|adren|glyc|encephal|mening|vertebr|immun|myel|dermat)[a-z]*\b"
)
_EVERYDAY_SHAPES = frozenset(
    (
        "academia",
        "academic",
        "anemia",
        "anaemia",
        "leukemia",
        "leukaemia",
        "arthritis",
        "bronchitis",
        "tonsillitis",
        "appendicitis",
        "diagnosis",
        "prognosis",
        "osteoporosis",
        "psychosis",
        "tuberculosis",
        "diarrhea",
        "diarrhoea",
        "diarrheic",
        "sympathy",
        "empathy",
        "apathy",
        "telepathy",
        "homeopathy",
        "naturopathy",
        "osteopathy",
        "pandemic",
        "epidemic",
        "endemic",
        "polemic",
        "chemic",
        "alchemic",
        "analysis",
        "paralysis",
        "dialysis",
        "hypnosis",
        "neurosis",
        "symbiosis",
        "meningitis",
        "hepatitis",
        "colitis",
        "dermatitis",
        "gastritis",
        "sinusitis",
        "tendonitis",
        "tendinitis",
        "conjunctivitis",
        "mastectomy",
        "hysterectomy",
        "vasectomy",
        "colonoscopy",
        "endoscopy",
        "nostalgia",
        "fibromyalgia",
        "neuralgia",
        "hyperemia",
        "ischemic",
        "systemic",
        "academics",
        "vasculitis",
        "cystitis",
        "diploma",
        "diplomas",
        "stoma",
        "glaucoma",
        "melanoma",
        "aroma",
        "aromas",
        "sarcoma",
        "psoriasis",
        "mammogram",
        "mammograms",
        "instagram",
        "telegram",
        "program",
        "programs",
        "kilogram",
        "kilograms",
        "photogenic",
        "ecstasis",
        "homeostasis",
        "paraplegia",
        "tetraplegia",
        "quadriplegia",
        "hemophilia",
        "haemophilia",
        "cinephilia",
        "audiophilia",
        "carcinogenic",
        "hypoallergenic",
        "allergenic",
        "diagram",
        "diagrams",
        "hologram",
        "cardiogram",
        "haemorrhage",
        "hemorrhage",
        "tumours",
        "tumors",
        "lymphoma",
        "myeloma",
    )
)
# Clinical notation: weeks as "6/52", slashed capitals ("E/M"), billing codes.
_NOTATION = re.compile(
    r"(?<![\w/])\d{1,2}/52\b|\b[CTLS]\d{1,2}[/-][CTLS]?\d{1,2}\b|"
    r"(?<![\w/])[A-Z]/[A-Z](?![\w/])|\b[Mm]odifier \d+\b"
)
_SHORTHAND_SYMBOLS = re.compile(r"\s(?:=|→|->|<|>|~|≤|≥|\+(?!\d{1,3}[\s-]\d))\s?\d|\w\s?(?:→|->)\s?\w")
# Digits inside a capitalised token mean a plate or code, except one trailing digit ("CIN2", "DM2").
_HAS_DIGITS = re.compile(r"\d(?!$)|^[^\d]*\d\d")
_DIGITS_AND_SPACES = re.compile(r"[\s:\d]+")
# The author explains the shorthand ("PRN means 'as needed'"): explained terms are fine.
_EXPLAINED = re.compile(
    r"\b(?:means|stands for|short for|in plain (?:english|words)|in other words)\b|\w = [a-z]|"
    r"\w \((?:as|by|every|twice|once|three|four|short|meaning|i\.e\.)\b"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")

# Who reads it: professional networks and colleagues' circles are clinicians unless patients are addressed.
_PATIENTS_ADDRESSED = re.compile(
    r"\bpatients? (?:reading|education|asked)\b|\bfor (?:our|my) (?:patients|families|parents|readers|"
    r"followers)\b|patienteducation|\b(?:family|families|parents?'?|patients?'?|caregivers?'?|"
    r"support) group\b|\b(?:update|news) for (?:the )?famil|\bquestions welcome\b|"
    r"\bwhat (?:his|her|their|your|my|this|that|it) [\w ]{0,40}means?\b|\bto (?:my|our) patients\b",
)
JARGON_TERMS_NEEDED = 2  # with at least one known term; one more when all are guesses
LONG_TEXT_WORDS = 40
HARD_READING_GRADE = 16.0  # with at least one clinical term
VERY_HARD_READING_GRADE = 22.0  # on its own


def patient_audience(draft: Draft) -> bool:
    """True when patients or the public are the likely readers of the draft."""
    if draft.platform == "professional" or draft.audience == "connections":
        return _PATIENTS_ADDRESSED.search(lowered(draft.text)) is not None
    return True


def jargon_hits(text: str) -> list[re.Match[str]]:
    """Distinct jargon tokens in the text: known shorthand, clinical terms and abbreviation-like tokens."""
    known, guessed = _jargon_tokens(text)
    return sorted([*known.values(), *guessed.values()], key=lambda m: m.start())


def _jargon_tokens(text: str) -> tuple[dict[str, re.Match[str]], dict[str, re.Match[str]]]:
    """Known jargon (lists, word shapes, notation) and guessed jargon (unknown capitals), keyed by token."""
    known: dict[str, re.Match[str]] = {}
    low = lowered(text)
    for pattern, source in ((_KNOWN_ABBREVIATION, text), (_TERM, low), (_LAB_VALUE, low), (_NOTATION, text)):
        for match in pattern.finditer(source):
            if pattern is _TERM and text[match.start()] == "P" and match.group() in ("pt", "pts"):
                continue  # "PT" is physiotherapy, which patients know; "pt" is shorthand for patient
            known.setdefault(_DIGITS_AND_SPACES.sub("", match.group().lower()), match)
    for pattern in (_CLINICAL_SHAPE, _CLINICAL_ROOT):
        for match in pattern.finditer(low):
            if match.group() not in _EVERYDAY_SHAPES:
                known.setdefault(match.group(), match)
    guessed: dict[str, re.Match[str]] = {}
    for match in _ABBREVIATION_LIKE.finditer(text):
        token = match.group()
        capitals = sum(c.isupper() for c in token)
        small = len(token) - capitals - sum(c.isdigit() for c in token)
        if token in COMMON_ABBREVIATIONS or capitals < small or _HAS_DIGITS.search(token):
            continue  # tokens with digits are plates, codes and model numbers more often than shorthand
        key = _DIGITS_AND_SPACES.sub("", token.lower())
        if len(token) <= 6 and key not in known:
            guessed.setdefault(key, match)
    return known, guessed


def reading_grade(text: str) -> float | None:
    """Coleman-Liau grade of a long text (letters and sentences only, so no dictionary load); else None."""
    if len(_WORD.findall(text)) < LONG_TEXT_WORDS:
        return None
    return float(textstat.coleman_liau_index(text))


def find_jargon(draft: Draft) -> list[Finding]:
    """JARGON: several unexplained clinical terms, or a very hard reading level, for a patient audience."""
    if not patient_audience(draft):
        return []
    known, guessed = _jargon_tokens(draft.text)
    hits = sorted([*known.values(), *guessed.values()], key=lambda m: m.start())
    score = len(hits) + (1 if _SHORTHAND_SYMBOLS.search(draft.text) else 0)
    needed = JARGON_TERMS_NEEDED + (0 if known else 1) + (1 if _EXPLAINED.search(draft.text) else 0)
    if score >= needed and hits:
        return [tone_finding("JARGON", "warn", "clinical_shorthand", (hits[0].start(), hits[0].end()))]
    grade = reading_grade(draft.text)
    if grade is not None and grade >= (HARD_READING_GRADE if hits else VERY_HARD_READING_GRADE):
        return [tone_finding("JARGON", "warn", "reading_level", None)]
    return []
