"""Cheap context cues: sentences, whether a passage is about a specific person, the author's own details."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ...caseless import caseless
from ...model import Draft
from .care import CLINICAL_RE, RELATIONSHIP_RE, confirms_care
from .name_cues import PUBLIC_FIGURE_RE

# Sentence and clause boundaries. Sentences end at end punctuation, line breaks and semicolons; clauses
# are also cut at dashes, emoji, colons, brackets and ", but"/", and".
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+|;\s*")
_CLAUSE_END = re.compile(
    r",\s+(?=(?:and|but|so|while|although|though|then)\b)|\s+but\s+|\(|\)|\s[-\u2013\u2014]\s|"
    r"[\U0001F300-\U0001FAFF\u2600-\u27BF]+\s*|(?<=[a-z)])\s*:\s+(?=[A-Z])",
    re.IGNORECASE,
)
# A full stop after these is not the end of a sentence.
_ABBREVIATION_BEFORE = caseless(
    r"\b(?:mr|mrs|ms|dr|st|mt|ft|jr|sr|vs|pt|rm|no|approx|dept|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|"
    r"dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|e\.g|i\.e|(?<![\d\u00b0])[a-z])\.[\"')\]]*\s+$",
)

# Words that show a passage is about a specific patient or relative.
PERSON_WORDS = (
    r"patient|pt|baby|infant|newborn|toddler|kid|child|boy|girl|teen|lady|guy|man|"
    r"woman|gentleman|gent|son|daughter|mom|mum|mother|dad|father|wife|husband|grandma|grandmother|grandpa|"
    r"grandfather|grandson|granddaughter|family|sister|brother|aunt|uncle|participant|client|mr|mrs|ms|"
    r"fianc[eé]e?|twins?|grandchild|neighbou?r|y/?o|yo|year-old|month-old|week-old|[0-9]{1,3}[mf]|"
    r"rider|driver|cyclist|passenger|pedestrian|victim|regular|frequent flyer|resident|visitor|caller|lad|"
    r"lass|gent|fella|nan|gran|granny|grandad|mama|papa|bub|bubs|newborn"
)
# Events in a person's care or life that pin a date or room to them.
EVENT_WORDS = (
    r"admit(?:ted)?|admission|discharged?|readmi\w+|seen|saw|swabbed|treated|delivered|born|died|passed away|"
    r"code[ds]?|coding|surgery|surgical|scan|ct|mri|x-?rays?|biops(?:y|ies)|labs?|results?|appointments?|"
    r"visits?|procedure|operated|intubated|extubated|transfused|fell|fall|collapsed|crash|collision|"
    r"rollover|overdose|shot|stabbed|icu|nicu|picu|ccu|case|cath|scrub(?:bed)?|paged|rounds on|"
    r"triaged|cancell?ed|arrived|presented|brought in|rolled in|came in|checked in|went home|labor|"
    r"delivery|c-section|stroke|seizure|arrest|shunted|diagnosed|dx|ambulance|medic|ems|call to|spit|"
    r"punched|screamed|yelled|proposed|chart|records?|refill|prescription|"
    r"rehab|hospice|chemo|dialysis|infusion|transplant|ecmo|extubat\w+|vent|ventilator|tube|drip|"
    r"brought (?:\w+ )?in|implanted|scraped|resuscitated|revived|thrombolysed|shocked|rushed|extricated|"
    r"came back|walked in|"
    r"gave birth|caught|naloxone|narcan"
)
_NOT_A_PERSON_AFTER = (
    r"(?!\s+(?:portal|relations|experience|advocate|safety|services|education|care|line|"
    r"navigator|access|satisfaction))"
)
_PERSON_RE = caseless(rf"\b(?:{PERSON_WORDS})\b{_NOT_A_PERSON_AFTER}|\b(?:{EVENT_WORDS})\b")
_PATIENT_RE = re.compile(r"\b(?:patient|pt|mum|mom|dad|baby|son|daughter|wife|husband)\b", re.IGNORECASE)
_PRONOUN_RE = caseless(r"\b(?:he|she|him|her|his|hers)\b")
# Colleagues: a sentence whose only person is a doctor, nurse or coworker is not about a patient.
STAFF_RE = caseless(
    r"\b(?:dr|doctor|nurse|colleague|coworker|co-worker|preceptor|attending|intern|manager|director|team|"
    r"staff|"
    r"crew|tech|retir\w+|maternity leave|promot\w+|hired|award\w*|fellowship|residency)\b",
)
_YOU_EVENT_RE = caseless(
    r"\b(?:your (?:\w+ ){0,2}(?:visit|appointment|surgery|scan|results?|biopsy|test|labs?|prescription|"
    r"refill|procedure|treatment|delivery|admission|stay|session|x-?rays?|mri|ct)|(?:saw|seen|swabbed|"
    r"treated|"
    r"called|remember|delivered|admitted|discharged|checked) you|you (?:were|came|arrived|cancell?ed|had|"
    r"called|left|got|came in))\b",
)
_YOU_RE = caseless(r"\b(?:you|your|u|ur)\b")
# Passages about the practice's hours, events and instructions rather than a person.
SCHEDULE_RE = caseless(
    r"\b(?:(?:our|opening|office|clinic|business|visiting|holiday|extended|normal|usual|new|"
    r"pharmacy)\s+hours|"
    r"open|opens|(?<!an )(?<!a )opening|reopen\w*|launch\w*|"
    r"(?<!has )(?<!have )(?<!finally )(?<!wound )closed|closes|walk-ins?|available|tours?|"
    r"schedule(?!\s+(?:the|a|an|"
    r"your|his|her|their|it|him|them)\b)s?|booked|offers?|offering|starting|enroll\w*|conference|summit|"
    r"grand rounds|keynote|presenting|spoke|lecture|webinar|journal club|sim(?:ulation)? (?:lab|center)|"
    r"weekdays|weekends|deadline|sale|ballot|season|promo|discount|off your|maintenance|outage|free|can get|"
    r"can book|sign up|drop-?in|every\s+(?:\w+day|day|week|month|morning|evening|weekday))\b|"
    r"\b\d{1,2}(?::\d\d)?\s*(?:am|pm)?\s*[-\u2013]\s*\d{1,2}(?::\d\d)?\s*(?:am|pm|noon)\b",
)
# Advice or instructions about what should happen next: "she needs an x-ray today".
ADVICE_RE = caseless(
    r"\b(?:needs? (?:an?|to)|should|must|pls|please|go to|keep an eye|make sure)\b|"
    r"(?:^|[.!?]\s+)(?:give|keep|watch|try|bring|take|check|put|offer|let)\b",
)
# Instructions about getting in touch: "call the office today", "we'll recheck next week".
CONTACT_INSTRUCTION_RE = caseless(
    r"\b(?:call|calls|text|message|email|e-mail|contact|reach|recheck|check in|follow up|book|phone|"
    r"ring|will call|get back to)\b",
)
# Sentences that refuse to discuss care are not themselves about a person.
DISCLAIMER_RE = caseless(
    r"\b(?:can(?:no|')t|cannot|unable to|not able to|won't|not allowed to|never)\b[^.!?]{0,40}\b"
    r"(?:discuss|share|confirm|comment|give|assess|diagnose|weigh in|talk about|look up|handle|prescribe)",
)


@dataclass
class Scan:
    """A draft prepared once for all identifier detectors: text, sentence bounds and context flags."""

    draft: Draft
    text: str = ""
    sentence_starts: list[int] = field(default_factory=list)
    clause_starts: list[int] = field(default_factory=list)
    people: bool = False  # set once a named or aged person has been found in the draft
    _about: dict[int, bool] = field(default_factory=dict)
    _care: bool | None = None

    @property
    def care(self) -> bool:
        """True when the draft confirms care or repeats a health detail (computed once)."""
        if self._care is None:
            self._care = confirms_care(self.text)
        return self._care

    def __post_init__(self) -> None:
        self.text = self.draft.text
        self.sentence_starts = [0] + [
            m.end()
            for m in _SENTENCE_END.finditer(self.text)
            if not _ABBREVIATION_BEFORE.search(self.text[max(0, m.start() - 8) : m.end()])
        ]
        cuts = sorted(set(self.sentence_starts) | {m.end() for m in _CLAUSE_END.finditer(self.text)})
        self.clause_starts = cuts

    def sentence(self, pos: int) -> str:
        """Return the sentence containing position pos."""
        return self._piece(self.sentence_starts, pos)

    def clause(self, pos: int) -> str:
        """Return the clause (sentence split at 'but', ', and', brackets) containing pos."""
        return self._piece(self.clause_starts, pos)

    def _piece(self, starts: list[int], pos: int) -> str:
        index = bisect.bisect_right(starts, pos) - 1
        end = starts[index + 1] if index + 1 < len(starts) else len(self.text)
        return self.text[starts[index] : end]

    def about_person(self, pos: int) -> bool:
        """True when the sentence around pos talks about a specific patient, relative or care event."""
        key = bisect.bisect_right(self.sentence_starts, pos)
        if key not in self._about:
            self._about[key] = self._sentence_about_person(self.sentence(pos))
        return self._about[key]

    def _sentence_about_person(self, sentence: str) -> bool:
        disclaimer = DISCLAIMER_RE.search(sentence)
        if disclaimer:  # judge only what follows the refusal: "we can't discuss cases, but your dad ..."
            rest = re.search(r"[,;:\u2014]\s*|\bbut\b", sentence[disclaimer.end() :])
            sentence = sentence[disclaimer.end() + rest.end() :] if rest else ""
        if PUBLIC_FIGURE_RE.search(sentence) and not _PATIENT_RE.search(sentence):
            return False
        return mentions_person(sentence) or bool(
            _YOU_RE.search(sentence) and CLINICAL_RE.search(sentence) or RELATIONSHIP_RE.search(sentence)
        )


def mentions_person(text: str) -> bool:
    """True when text has a person or care-event cue (a bare he/she only when no staff is named)."""
    if _PERSON_RE.search(text) or _YOU_EVENT_RE.search(text):
        return True
    return bool(_PRONOUN_RE.search(text)) and not STAFF_RE.search(text)
