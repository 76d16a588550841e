"""Who a draft is about: sentences, clauses, and the cues that make a person identifiable."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ...caseless import caseless
from ...model import Draft, Finding
from .vocab import CLINICAL_TERM_RE

_MAX_SENTENCE = 400
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "vs", "jr", "sr", "no", "rm", "pt", "approx", "dept", "ave"}
_BOUNDARY_RE = re.compile(r"[.!?]+(?=\s|$)|\n+|\s[-]{1,2}\s|;|:\s|[\u2600-\u27bf\U0001f300-\U0001faff]+")
_CLAUSE_RE = re.compile(
    r",\s(?:but|and|so|though|although|because|while)\s|\(|\)|\s-\s|,\s(?=(?:which|who|whose|including)\b)"
)

ADDRESS_START_RE = re.compile(
    r"^\s*(?:@\w+|(?i:hi|hey|hello|dear|oh|omg hi|aww|congrat\w*)\b[^.!?\n]{0,25}[,!]"
    r"|(?!(?:Nurses|Friends|Folks|Everyone|Parents|Team|Docs|Colleagues|Guys|Ladies|Reminder|Update|Note|"
    r"Yes|No|Well|So|Sorry|Thanks|Wow|Also|Today|Honestly|Look|Listen|Okay|Ok|Again|First|Finally|Remember|"
    r"Residents|Students|Patients|Moms|Dads|Everybody|People|Y'all|Seriously|Anyway|However|Instead)\b)"
    r"[A-Z][a-z]+,\s)"
)
YOU_RE = caseless(r"\b(?:you|your|yours|you're|you've|you'd|you'll|u|ur|urs|yourself)\b")
CONDITIONAL_RE = caseless(
    r"\b(?:if|unless|whenever|in case|whether|wondering)\b|\bwhen (?:you|your|kids|people|someone)\b",
)
GENERIC_RE = caseless(
    r"\b(?<!\bher )(?<!\bhis )(?<!\byour )(?<!\btheir )(?<!\bmy )(?<!\bboth )(?<!\btwo )(?<!\bthree )"
    r"(?:people|adults|kids|children|babies|infants|teens|women|men)\b"
    r"|\b(?:patients|anyone|everyone|everybody|most|many|some|usually|generally|in general|typically|often"
    r"|common|commonly|"
    r"each year|per year|a year(?!\s?\d)|on average|percent|studies|guidelines|general info\w*|"
    r"general education|not (?:personal |individual )?medical advice|did you know|tip|psa|"
    r"can be|can cause|may cause|can happen|is available|are available|(?:is|are) free|guarantee\w*|"
    r"any (?:pharmacy|chemist|clinic|gp|doctor|hospital|drugstore|walk-in)|cohort|retrospective|"
    r"prospective|randomi[sz]ed|between arms|best (?:price|prices|outcomes|results|rates))\b|%|\b1 in \d"
    r"|[£$€]\s?\d|\bn\s?=\s?\d",
)
DEIDENTIFIED_RE = caseless(
    r"details (?:have been |were )?changed|de-?identified|composite case|hypothetical|fictional",
)
TITLE_NAME_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Za-z][\w'-]*", re.IGNORECASE)
PERSON_AGE_RE = caseless(
    r"\b\d{1,3}\s?(?:yo|y/o|y\.o\.?|yrs? old|years? old|-year-old|year-old|month-old|-month-old|wk-old)(?!\w)"
    r"|\b\d{1,3}\s?[MF]\b|\b(?:age|aged)\s\d{1,3}\b|\b(?:in (?:his|her) (?:\d0s|nineties|eighties))\b"
    r"|\b[a-z]+(?:-[a-z]+)?[- ](?:year|month)[- ]old\b|\b[a-z]+(?:ty|teen)(?:-[a-z]+)? (?:yo|y/o)\b"
    r"|\b\d{1,2}\s(?:days?|weeks?|months?)\sold\b|\b(?:he|she)\s(?:was|is|'s)\s\d{1,3}\b",
)
# Cheap person cues of our own, so the detector helps even before the identifier detectors find names.
OWN_CUES_RE = re.compile(
    r"(?<![\w.])@\w{2,}(?<!@gmail)|\b[\w.+-]+@[\w-]+\.[\w.]+\b"
    r"|\b(?:[Bb]aby|[Ll]ittle|[Bb]aby (?:girl|boy))\s(?-i:[A-Z][a-z]+)\b"
    r"|(?-i:\b[A-Z][a-z]+),\s\d{1,3}(?:,|\s(?:and|who|with))|(?-i:\b[A-Z][a-z]+)\s\(\d{1,3}\)"
    r"|\bthe\s(?-i:[A-Z][a-z]+)\s(?:boy|girl|kid|baby|twins|family)\b|\bpt\s(?-i:[A-Z]\.\s?[A-Z]\.?)"
    r"|(?:\b(?-i:[A-Z][a-z]+)|\b(?i:admit|pt|patient|lady|guy|man|woman|kid|gent|girl|boy))\s+in\s+"
    r"(?i:bed\s+|room\s+|bay\s+|cubicle\s+)?\d{1,3}[A-Za-z]?\b(?!\s*(?:%|days?|weeks?|hours?|mins?|years?))",
)
_ORG_HANDLE_RE = caseless(r"\b(?:on|at|follow|via|visit|from|@)\s*$")
TIME_CUE_RE = caseless(
    r"\b(?:today|tonight|yesterday|this morning|this afternoon|last night|overnight)\b"
    r"|\bat \d{1,2}(?::\d\d)?\s?(?:am|pm)\b",
)
PLACE_IN_FACILITY_RE = caseless(
    r"\b(?:room|rm|bed|bay|trauma|exam room|stall|cubicle|OR)\s?#?\d{1,4}[a-z]?\b",
)
PERSON_NOUN_RE = caseless(
    r"\b(?:the|this|that|our|my|a|one)\s(?:[\w-]+\s)?(?:patient|(?-i:pt|Pt)|guy|gentleman|man|lady|woman|kid|"
    r"boy|girl|baby|toddler|teen|teenager|infant|newborn|dude|"
    r"gal|fella|participant|dad|mum|mom|father|mother|grandad|grandpa|grandma|gran|nan|wife|husband|"
    r"son|daughter|cyclist|rider|driver|pedestrian|runner|hiker|climber|swimmer|diver|skier|jogger|"
    r"biker|motorcyclist|passenger|worker|student)\b(?!s|\s+(?:team|staff|portal|relations|advocate"
    r"|experience|safety|care|families))"
    r"|(?-i:\b(?:pt|Pt)\b)|\bbaby (?:girl|boy)\b|\b(?:he|she|him|his|her|hers|himself|herself)\b",
)
THIRD_PERSON_RE = caseless(r"\b(?:he|she|him|his|her|he's|she's)\b")
ANCHOR_LABELS = {"NAME", "AGE", "ID", "CONTACT", "WEB"}
SOFT_ANCHOR_LABELS = {"LOCATION", "DATE"}


@dataclass
class Context:
    """A draft cut into sentences and clauses, with the positions of person cues."""

    draft: Draft
    sentences: list[tuple[int, int]]
    sentence_starts: list[int]
    addressed: bool
    deidentified: bool
    anchors: list[int] = field(default_factory=list)
    anchor_sentences: set[int] = field(default_factory=set)

    @property
    def text(self) -> str:
        """The normalised draft text."""
        return self.draft.text

    def sentence_index(self, pos: int) -> int:
        """Return the index of the sentence that holds position pos."""
        return max(bisect_right(self.sentence_starts, pos) - 1, 0)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """Return the (start, end) of the sentence holding pos."""
        return self.sentences[self.sentence_index(pos)]

    def clause_at(self, pos: int) -> tuple[int, int]:
        """Return the (start, end) of the clause holding pos, inside its sentence."""
        start, end = self.sentence_at(pos)
        clause_start, clause_end = start, end
        for match in _CLAUSE_RE.finditer(self.text, start, end):
            if match.end() <= pos:
                clause_start = match.end()
            elif match.start() >= pos:
                clause_end = match.start()
                break
        return clause_start, clause_end

    def add_anchors(self, positions: list[int]) -> None:
        """Add more person cues (e.g. the start of a UNIQUE detail) and keep them sorted."""
        self.anchors = sorted(self.anchors + positions)
        self.anchor_sentences = {self.sentence_index(a) for a in self.anchors}

    def anchored(self, pos: int, reach: int = 0) -> bool:
        """True when a person cue sits in the sentence of pos (or within reach sentences of it)."""
        index = self.sentence_index(pos)
        return any(index + step in self.anchor_sentences for step in range(-reach, reach + 1))


_INDIRECT_QUESTION_RE = caseless(r"\b(?:ask\w*|wonder\w*|know|see|check|sure|whether)\b[^.!?]{0,24}$")


def quote(text: str, start: int, end: int, limit: int = 48) -> str:
    """Return the flagged words in quotes for a message, shortened when long."""
    words = " ".join(text[start:end].split())
    return f'"{words}"' if len(words) <= limit else f'"{words[: limit - 3].rstrip()}..."'


def is_conditional(text: str) -> bool:
    """True when the text holds a condition ('if you...', 'unless'), not an indirect question ('asked if')."""
    return any(
        not (m.group().lower() == "if" and _INDIRECT_QUESTION_RE.search(text, 0, m.start()))
        for m in CONDITIONAL_RE.finditer(text)
    )


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Cut text into sentence spans, not breaking after titles like Mr. or Dr."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        if match.group().startswith(".") and _ends_with_abbreviation(text, match.start()):
            continue
        if spans and not any(ch.isalnum() for ch in text[start : match.end()]):
            spans[-1] = (spans[-1][0], match.end())  # an emoji or stray mark belongs to the sentence before
        elif match.end() > start:
            spans.append((start, match.end()))
        start = match.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return [piece for span in spans for piece in _chop(text, *span)]


def _chop(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an overlong run without punctuation into pieces, so every later search stays local."""
    pieces = []
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start + _MAX_SENTENCE // 2, start + _MAX_SENTENCE)
        cut = cut + 1 if cut > start else start + _MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"(\w+)$", text[max(0, dot - 8) : dot])
    return bool(word) and (
        word.group(1).lower() in _ABBREVIATIONS or word.group(1).isalpha() and len(word.group(1)) == 1
    )


def build_context(draft: Draft, identifiers: list[Finding]) -> Context:
    """Cut the draft into sentences and collect the positions of person cues."""
    text = draft.text
    sentences = split_sentences(text)
    addressed = draft.platform == "reviews" or draft.audience == "private"
    addressed = addressed or bool(ADDRESS_START_RE.match(text))
    ctx = Context(draft, sentences, [s for s, _ in sentences], addressed, bool(DEIDENTIFIED_RE.search(text)))
    ctx.add_anchors(_anchor_positions(ctx, identifiers))
    return ctx


def _anchor_positions(ctx: Context, identifiers: list[Finding]) -> list[int]:
    """Positions of cues that pin a draft to one person: names, titles, ages, beds, patient nouns."""
    text = ctx.text
    found = [m.start() for m in TITLE_NAME_RE.finditer(text)]
    found += [
        m.start()
        for m in OWN_CUES_RE.finditer(text)
        if not _ORG_HANDLE_RE.search(text[max(0, m.start() - 12) : m.start()])
    ]
    found += [m.start() for m in TIME_CUE_RE.finditer(text) if _has_person_noun(ctx, m.start())]
    found += [m.start() for m in PERSON_AGE_RE.finditer(text) if not _is_author_age(text, m.start())]
    for finding in identifiers:
        if finding.start is None or finding.kind != "privacy":
            continue
        if finding.label in ANCHOR_LABELS and not _is_doctor(text, finding.start):
            found.append(finding.start)
        elif finding.label in SOFT_ANCHOR_LABELS and _has_person_noun(ctx, finding.start):
            found.append(finding.start)
    for match in PLACE_IN_FACILITY_RE.finditer(text):
        index = ctx.sentence_index(match.start())
        start = ctx.sentences[max(index - 1, 0)][0]
        end = ctx.sentences[min(index + 1, len(ctx.sentences) - 1)][1]
        if _has_person_noun(ctx, match.start()) or CLINICAL_TERM_RE.search(text, start, end):
            found.append(match.start())
    if not ctx.deidentified:
        found += [m.start() for m in PERSON_NOUN_RE.finditer(text) if _specific_person_noun(text, m)]
    return sorted(found)


def _is_author_age(text: str, pos: int) -> bool:
    return bool(re.search(r"\b(?:I|I'm|I am|me|my)\b[^.!?]{0,12}$", text[max(0, pos - 16) : pos]))


def _is_doctor(text: str, pos: int) -> bool:
    return bool(re.search(r"\b(?:Dr|Doctor|Nurse|Prof)\.?\s*$", text[max(0, pos - 8) : pos], re.IGNORECASE))


def _has_person_noun(ctx: Context, pos: int) -> bool:
    start, end = ctx.sentence_at(pos)
    return bool(PERSON_NOUN_RE.search(ctx.text, start, end) or TITLE_NAME_RE.search(ctx.text, start, end))


def _specific_person_noun(text: str, match: re.Match) -> bool:
    """A patient noun with a definite or possessive article ('the guy in 6', 'my patient'), not a pronoun."""
    word = match.group().lower()
    if word in {"he", "she", "him", "his", "her", "hers", "himself", "herself"}:
        return False
    if word.startswith("my ") and _OWN_RELATIVE_RE.search(word):
        return False  # the author's own family
    return not word.startswith(("a ", "one "))


_OWN_RELATIVE_RE = re.compile(
    r"(?:dad|mum|mom|father|mother|grandad|grandpa|grandma|gran|nan|wife|husband|son|daughter|baby|kid|"
    r"boy|girl|toddler|teen|teenager|infant|newborn)$"
)
