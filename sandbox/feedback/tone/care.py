"""Tone problems about the care relationship: individual medical advice and personal boundaries."""

from __future__ import annotations

import re

from ..model import Draft, Finding
from .common import GAP, Rule, best_match, compile_rules, from_match, tone_finding
from .lexicon import CONDITIONS, DRUG_ENDINGS, DRUG_NAMES, SYMPTOMS, alternation

_I = re.IGNORECASE
DRUG = re.compile(r"\b(?:" + alternation(DRUG_NAMES) + r"|[a-z]{3,}" + alternation(DRUG_ENDINGS) + r")\b", _I)
DOSE = re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:mg|mcg|g|ml|units?|tsp|tbsp|teaspoons?|tablespoons?|drops?|tabs?|tablets?|pills?|"
    r"puffs?|caps?|capsules?)\b|\b(?:one|two|three|half|1|2|3) (?:of the|pills?|tabs?|tablets?|capsules?)\b",
    _I,
)
FREQUENCY = re.compile(
    r"\b(?:once|twice|three times|four times|\d+ ?(?:x|times))(?: a| per| each)? (?:day|daily|night)\b|"
    r"\bevery \d+(?:-\d+)? (?:hours?|hrs?|days?)\b|\b(?:daily|nightly)\b(?! (?:doses?|life|routine|basis|limit|"
    r"max\w*))|\b(?:qhs|bid|tid|qid|prn|q\d+h)\b|"
    r"\bx ?\d+ ?(?:days?|d)\b|\bbefore (?:bed|boarding)\b",
    _I,
)
# A treatment instruction: the verb starts a clause, or follows a softener or a modal.
TREAT_VERB = re.compile(
    r"(?:^|[.!?,;:\-]\s*|\b(?:just|so|and|then|please|pls|yes,?|should|must|can|(?:her|him|them|you) to|"
    r"(?:fine|ok|okay|safe|best|better) to|have (?:him|her|them))\s+)(?:take|restart|start|stop|double|triple|increase|decrease|bump|cut|go up|"
    r"go down|crush|ice|skip|switch|apply|hold|wean|taper|push through|keep (?:doing|taking)|don'?t stop|"
    r"don'?t take|give (?:her|him|them))\b",
    _I,
)
ADDRESSED = re.compile(r"\b(?:you|your|u|ur|yours|him|her|his|he|she|them)\b|(?:^|\s)@\w", _I)

_SYMPTOM = alternation(SYMPTOMS)
_CONDITION = alternation(CONDITIONS)
DIAGNOSIS_RULES: tuple[Rule, ...] = compile_rules((
    ("diagnosis", "warn", r"\bsounds like (?:a |an |you have |it'?s |you'?ve got )?(?:[\w-]+ ){0,2}?"
                          + _CONDITION + r"\b"),
    ("diagnosis", "warn", r"\b(?:your|his|her) (?:[\w-]+ ){0,2}?" + _SYMPTOM + r" (?:is|are|'s) (?:not|probably|"
                          r"just|likely|definitely|almost certainly)\b"),
    ("diagnosis", "warn", r"\b(?:it'?s|that'?s|that is) (?:probably|most likely|likely|definitely) (?:just )?"
                          r"(?:a |an |the |your )?" + r"(?:[\w-]+ ){0,2}?(?:" + _CONDITION[3:-1] + r"|"
                          + r"[a-z]+ergic|side effect)\b"),
    ("diagnosis", "warn", r"\bcould be (?:a |an )?[\w-]+(?: [\w-]+)? vs\.? |\br/o\b"),
    ("workup", "warn", r"\b(?:needs?|consider|would (?:check|get|order|start)|i'?d (?:check|get|order|start))"
                       r"\s+(?!an?\b)(?:[\w-]+\s){0,2}?(?-i:[A-Z][A-Za-z]*[A-Z][\w-]*)"),
    ("reassurance", "warn", r"\b(?:is|are) (?:totally |perfectly )?(?:fine|ok|okay|safe) (?:with|on|for a few "
                            r"days)\b|\bno need to (?:do anything|see anyone|come in|take)\b|\bworks (?:great|well|"
                            r"fine) for (?:a|an|your|his|her)\b"),
    ("reassurance", "warn", r"\bonly (?:go|come|head) (?:in |back )?to the (?:er|ed|hospital|doctor|clinic) if\b|"
                            r"\bhave (?:him|her|them) (?:stop|start|take|double|skip|cut)\b"),
))
_RESULTS_IN_DM = re.compile(
    r"\byour (?:[\w-]+ ){0,3}?(?:biopsy|test|results?|scan|labs?|bloodwork|culture|swab) (?:[\w-]+ ){0,2}?"
    r"(?:was|were|came back|is) (?:benign|negative|normal|fine|clear|positive)\b",
    _I,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")


def find_medical_advice(draft: Draft) -> list[Finding]:
    """MEDICAL_ADVICE: an individual's treatment (drug, dose, instruction) or diagnosis."""
    severity = "block" if draft.audience == "public" else "warn"
    span = _treatment_span(draft.text)
    if span is not None:
        return [tone_finding("MEDICAL_ADVICE", severity, "treatment", span)]
    hit = best_match(draft.text, DIAGNOSIS_RULES)
    if hit is None and draft.audience == "private":
        match = _RESULTS_IN_DM.search(draft.text)
        hit = ("results", "warn", match) if match else None
    if hit is None:
        return []
    return from_match("MEDICAL_ADVICE", (hit[0], severity, hit[2]))


def _treatment_span(text: str) -> tuple[int, int] | None:
    """The first sentence that pairs a medicine, dose, frequency or instruction, aimed at someone."""
    if not ADDRESSED.search(text) and not TREAT_VERB.search(text):
        return None
    for sentence in _SENTENCE.finditer(text):
        part = sentence.group()
        drug, dose = DRUG.search(part), DOSE.search(part)
        freq, verb = FREQUENCY.search(part), TREAT_VERB.search(part)
        if (drug and (dose or freq or verb)) or (dose and (freq or verb)) or (verb and freq):
            first = min((m for m in (drug, dose, freq, verb) if m), key=lambda m: m.start())
            start = sentence.start() + first.start()
            return (start + len(first.group()) - len(first.group().lstrip(" .!?,;:-")), sentence.end())
    return None


_CARE_CONTEXT = re.compile(
    r"\b(?:patients?|clinic|follow-?up|visit|appointment|recovery|surgery|scar|healing|heal\w*|inhaler|sober|"
    r"treatment|discharge|nicu|unit|sessions?|therapy|pancreatitis|fusion|ankle|stone|sealants?|scope)\b",
    _I,
)
BOUNDARY_RULES: tuple[Rule, ...] = compile_rules((
    ("personal_contact", "block", r"\bmy (?:personal |private |home )(?:email|e-mail|number|phone|cell|address)\b|"
                                  r"\bmy cell\b|\bhere'?s my (?:number|cell|email|personal)\b|\btext me\b|"
                                  r"\bi'?ll text (?:you|u)\b|\bcall me (?:at|on) (?:my|\d)"),
    ("personal_contact", "block", r"\bi'?m at \d+ [A-Z]?\w+ (?:st|street|ave|avenue|rd|road|lane|ln|dr|drive|"
                                  r"court|ct|way|blvd)\b|\bleave it (?:in|at) (?:my|the) (?:mailbox|door|porch)\b"),
    ("dating", "block", r"\bcutest patient\b|\b(?:a|the|my) (?:fun|cute|favou?rite) patient\b|\bgo (?:out )?on a "
                        r"date\b|\bask(?:ing)? (?:you|u) out\b|\bgo out (?:sometime|with me|together)\b"),
    ("meeting_up", "warn", r"\b(?:grab|get|have|go for) (?:a |some )?(?:drinks?|beers?|coffee|lunch|dinner|brunch|"
                           r"food)\b|\bhang out\b|\bmeet up\b|\bmeet (?:you |u )?for (?:coffee|drinks?|lunch|"
                           r"dinner)\b|\blunch sounds (?:good|great)\b|\bwe should (?:hang|get together|meet)\b"),
    ("meeting_up", "warn", r"\b(?:i'?d|i would) love to come\b|\bmy treat\b|\byou'?re buying\b"),
    ("friending", "warn", r"(?:^|[.!?]\s*|,\s*)(?:of course,? )?accepted\b|\baccept(?:ed|ing)? your (?:friend |follow )?"
                          r"request\b|\bfollow(?:ed)? (?:you|u) back\b|"
                          r"\badded (?:you|u)\b|\bconnect outside (?:of )?(?:clinic|work|the office|the hospital)\b"),
    ("gift", "block", r"\bgift(?: card)? is (?:totally |completely )?(?:fine|ok|okay|great|perfect)\b|"
                      r"\bi love the (?:necklace|gift|flowers|bracelet|scarf|mug|cookies|wine|earrings)\b|"
                      r"\bwearing it (?:right )?now\b"),
    ("gift", "warn", r"\bthank(?:s| you) (?:so much )?for the (?:lovely |beautiful |sweet )?(?:necklace|gift|bracelet|"
                     r"scarf|mug|earrings|gift card|tickets|bottle of wine)\b"),
))
_DECLINE = re.compile(
    r"\b(?:not able to|unable to|can'?t|cannot|don'?t|do not|won'?t) (?:accept|add|connect|friend|follow|date|"
    r"meet|socialize|have a friendship)\b|\bkeep (?:my )?(?:personal|private)\b|\bsit this one out\b|"
    r"\bkeep (?:a little |some )?separation\b|\bprofessional boundar",
    _I,
)


def find_boundary(draft: Draft) -> list[Finding]:
    """BOUNDARY: friending, dating, meeting up, gifts or personal contact details with a patient."""
    hit = best_match(draft.text, BOUNDARY_RULES)
    if hit is None:
        return []
    rule, severity, match = hit
    if rule not in ("personal_contact", "dating") and _DECLINE.search(draft.text):
        return []
    if severity == "warn":
        in_care = _CARE_CONTEXT.search(draft.text) is not None
        if not in_care and draft.audience != "private":
            return []
        severity = "block" if in_care else "warn"
    return from_match("BOUNDARY", (rule, severity, match))
