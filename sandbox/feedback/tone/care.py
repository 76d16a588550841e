"""Tone problems about the care relationship: individual medical advice and personal boundaries."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model import Draft, Finding
from .common import Rule, best_match, compile_rules, from_match, lowered, tone_finding
from .lexicon import CONDITIONS, DRUG_ENDINGS, DRUG_NAMES, SYMPTOMS, alternation
from .matching import mask_quotes

# Medicines: a word from the list, or a word of six or more letters with a generic-name ending.
_DRUG_WORDS = frozenset(DRUG_NAMES)
_WORDLIKE = re.compile(r"[a-z][a-z-]{2,}")


def drug_spans(text: str) -> list[tuple[int, int]]:
    """Spans of medicine names in lowered text (word list or a generic-name ending)."""
    return [
        m.span()
        for m in _WORDLIKE.finditer(text)
        if m.group() in _DRUG_WORDS or (len(m.group()) >= 6 and m.group().endswith(DRUG_ENDINGS))
    ]


DOSE = re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:mg|mcg|g|ml|iu|units?|tsp|tbsp|teaspoons?|tablespoons?|drops?|tabs?|tablets?|"
    r"pills?|puffs?|caps?|capsules?)\b|\b(?:one|two|three|half|1|2|3|half an?) (?:of (?:the|your|my|those|"
    r"these) )?"
    r"(?:pills?|tabs?|tablets?|capsules?|oxys?|percs?|norcos?|xanax|doses?)\b|"
    r"\b(?:up|upping|increas\w+|rais\w+|lower\w*|drop\w*|bump\w*|cut\w*|taper\w*|wean\w*) (?:it|that|"
    r"the dose|your dose|(?:him|her|them)(?: down)?) (?:up |down )?(?:to|by) \d+(?:\.\d+)?\b",
)
FREQUENCY = re.compile(
    r"\b(?:once|twice|three times|four times|\d+ ?(?:x|times))(?: a| per| each)? (?:day|daily|night)\b|"
    r"\bevery \d+(?:-\d+)? (?:hours?|hrs?|days?)\b|\b(?:daily|"
    r"nightly)\b(?! (?:doses?|life|routine|basis|limit|max\w*))|\b(?:qhs|bid|tid|qid|prn|q\d+h)\b|"
    r"\bx ?\d+ ?(?:days?|d)\b|\bbefore (?:bed|boarding)\b|"
    r"\b(?:every|each) (?:morning|night|evening|day|other day)\b|\bat bedtime\b|\b(?:a|per) (?:day|night)\b|"
    r"\b(?:at night|in the morning|in the evening)\b",
)
# A treatment instruction: the verb starts a clause, or follows a softener or a modal (and an adverb).
_INSTRUCTION_START = (
    r"(?:^|[.!?,;:\-]\s*|@\w+\s+|\b(?:just|so|and|then|please|pls|yes,?|should|must|can|"
    r"(?:her|him|them|you) to|(?:fine|ok|okay|safe|best|better) to|i'?d|i would|could|might|need to|try|"
    r"you'?ll want to|have (?:him|her|them))\s+(?:[a-z]+ly\s+)?)"
)
# A suggestion phrased as a question or a soft proposal ("have you tried upping it", "could you try taking").
_SUGGESTION = (
    r"\b(?:have you (?:tried|thought about|considered)|(?:could|can|would|did) you (?:try )?|what about|"
    r"how about|why not (?:try )?|you could (?:try )?|you might (?:try|want to)|maybe try|worth trying|"
    r"i'?d (?:try|suggest|recommend)|consider)\s+(?:\w+ly\s+)?(?:taking|upping|increasing|raising|lowering|"
    r"decreasing|starting|stopping|switching|doubling|halving|skipping|cutting|adding|using|applying|"
    r"asking (?:for|about)|a trial of|trialling|trying|icing|dropping)\b"
)
_MEDICINE_VERBS = (
    r"take|restart|stop|double|triple|increase|decrease|bump|cut|go up|go down|crush|ice|skip|"
    r"wean|taper|push through|keep taking|don'?t stop|don'?t take|give (?:her|him|them)"
)
_OTHER_VERBS = r"start|switch|apply|hold|keep doing|up|lower|raise|add|use|put|get some|pick up|grab some"
MEDICINE_VERB = re.compile(_INSTRUCTION_START + r"(?:" + _MEDICINE_VERBS + r")\b")
TREAT_VERB = re.compile(
    _INSTRUCTION_START + r"(?:" + _MEDICINE_VERBS + "|" + _OTHER_VERBS + r")\b|" + _SUGGESTION
)
# First aid told to one person: a care verb on "it", a body part or a person ("ice it", "stay off it").
CARE_ORDER = re.compile(
    r"(?:^\s*|[.!?,;:\-]\s*|\b(?:just|and|then|so|please)\s+)(?:(?:buddy[- ]tape|tape|strap|splint|ice|"
    r"elevate|rest|"
    r"wrap|bandage|immobili[sz]e|soak|drain|pop|lance|squeeze|stretch|massage|stay off|keep off|walk on) "
    r"(?:it|them|that|(?:the|your|his|her|that) (?:[a-z]+ )?(?:toe|foot|ankle|knee|wrist|hand|finger|leg|arm|"
    r"back|shoulder|blister|cut|wound|area|joint|bump|burn))|sit (?:him|her|them) out|"
    r"keep (?:him|her|them) (?:home|off|out|in bed|up))\b"
)
# Generic medicine words that name one person's medicine ("the pill", "your meds").
MEDICINE_NOUN = re.compile(
    r"\b(?:the|your|his|her|their|a|some|this|that) (?:pill|pills|meds|medication|medicine|tablets?|inhaler|"
    r"cream|ointment|drops|patch|spray|antibiotics)\b"
)
# A sentence about people in general ("Most adults can take...") is health education, not advice.
_GENERAL_SUBJECT = re.compile(
    r"\s*(?:[\w ]{1,20}: )?(?:in general,? |generally,? |usually,? )?(?:(?:most|many|all) [\w-]+|(?:some |"
    r"healthy |older |young )?(?:adults|people|patients|children|kids|teens|women|men|everyone|anyone|"
    r"babies|infants))\b"
)
# "It's safe with your amoxicillin": reassurance about a medicine, told to someone.
REASSURANCE = re.compile(
    r"\b(?:is|it'?s|are) (?:totally |perfectly |completely )?(?:safe|fine|ok|okay|compatible)\b"
)
SECOND_PERSON = re.compile(r"\b(?:you|your|u|ur)\b")
ADDRESSED = re.compile(r"\b(?:you|your|u|ur|yours|him|her|his|he|she|them)\b|(?:^|\s)@\w")

_SYMPTOM = alternation(SYMPTOMS)
_CONDITION = alternation(CONDITIONS)
DIAGNOSIS_RULES: tuple[Rule, ...] = compile_rules(
    (
        (
            "diagnosis",
            "warn",
            r"\b(?:sounds|looks|seems) like (?:a |an |you have |it'?s |"
            r"you'?ve got )?(?:[\w-]+ ){0,2}?(?:"
            + _CONDITION[3:-1]
            + r"|[a-z]+(?:itis|osis|emia|pathy|algia))\b|"
            r"\b(?:sounds|looks|seems) like (?:you|he|she) (?:have|has|'ve got|need|needs)\b",
        ),
        (
            "diagnosis",
            "warn",
            r"\b(?:your|his|her) (?:[\w-]+ ){0,2}?" + _SYMPTOM + r" (?:is|are|'s) (?:not|"
            r"probably|just|likely|definitely|almost certainly)\b",
        ),
        (
            "diagnosis",
            "warn",
            r"\b(?:it'?s|that'?s|that is|this is) (?:textbook|classic|clearly|"
            r"definitely) (?:a |an )?[a-z]",
        ),
        (
            "diagnosis",
            "warn",
            r"\b(?:your|his|her) (?:[\w-]+ ){0,2}?" + _SYMPTOM + r" (?:sounds?|looks?|"
            r"seems?) like\b",
        ),
        (
            "diagnosis",
            "warn",
            r"\b(?:sounds|looks|seems) like (?:your|his|her) (?:[\w-]+ ){0,2}?" + _SYMPTOM + r" (?:is|are)\b",
        ),
        (
            "diagnosis",
            "warn",
            r"\b(?:it'?s|that'?s|that is) (?:probably|most likely|likely|definitely|just|"
            r"only) (?:just )?(?:a |an |the |your )?(?:[\w-]+ ){0,2}?(?:"
            + _CONDITION[3:-1]
            + r"|[a-z]+ergic|side effect)\b",
        ),
        ("diagnosis", "warn", r"\bcould be (?:a |an )?[\w-]+(?: [\w-]+)? vs\.? |\br/o\b"),
        (
            "diagnosis",
            "warn",
            r"(?:^|[-:,;]\s*|\bfine,? )(?:just|only|probably|likely) (?:a |an )?(?:mild |"
            r"minor |small |"
            r"little |bad )?(?:" + _CONDITION[3:-1] + r")\b(?=[^\n]{0,80}\b(?:him|her|he|she|"
            r"you|your|they)\b)|\bno need for (?:an? )?(?:x-?ray|scan|stitches|antibiotics|"
            r"a doctor|"
            r"the (?:er|ed|doctor)|a&e)\b|\b(?:s?he|you)(?:'s| is|'re| are) (?:probably|"
            r"likely) fine\b",
        ),
        (
            "reassurance",
            "warn",
            r"\b(?:is|are) (?:totally |perfectly )?(?:fine|ok|okay|safe) (?:with(?! (?:us|me|them)\b)|on|"
            r"for a few days)\b|\bno need to (?:do anything|see anyone|come in|take)\b|"
            r"\bworks (?:great|well|fine) for (?:a|an|your|his|her)\b",
        ),
        (
            "reassurance",
            "warn",
            r"\bonly (?:go|come|head) (?:in |back )?to the (?:er|ed|hospital|doctor|"
            r"clinic) if\b|\bhave (?:him|her|them) (?:stop|start|take|double|skip|cut)\b",
        ),
    )
)
# A work-up order in clinician shorthand ("Needs TTE", "consider RUQ US"): matched on the original case.
_CASED_RULES: tuple[Rule, ...] = compile_rules(
    (
        (
            "workup",
            "warn",
            r"(?:^|[.!?;:,]\s*|\b(?:he|she|you|they|pt|dad|mom|it) )(?:[Nn]eeds?|[Cc]onsider|"
            r"[Ww]ould (?:check|get|order|start)|"
            r"I'?d (?:check|get|order|start))\s+(?!an?\b)(?:[\w-]+\s){0,2}?[a-z]*[A-Z][A-Za-z]*[A-"
            r"Z][\w-]*",
        ),
    )
)
_RESULTS_IN_DM = re.compile(
    r"\byour (?:[\w-]+ ){0,3}?(?:biopsy|test|results?|scan|labs?|bloodwork|culture|"
    r"swab) (?:[\w-]+ ){0,2}?(?:was|were|came back|is) (?:benign|negative|normal|fine|clear|positive)\b",
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")


def find_medical_advice(draft: Draft) -> list[Finding]:
    """MEDICAL_ADVICE: an individual's treatment (drug, dose, instruction) or diagnosis."""
    severity = "block" if draft.audience == "public" else "warn"
    text = lowered(draft.text)
    colleagues = draft.platform == "professional" or draft.audience == "connections"
    span = _treatment_span(mask_quotes(text), colleagues)
    if span is not None:
        return [tone_finding("MEDICAL_ADVICE", severity, "treatment", span)]
    hit = best_match(text, DIAGNOSIS_RULES) or best_match(draft.text, _CASED_RULES)
    if hit is None and draft.audience == "private":
        match = _RESULTS_IN_DM.search(text)
        hit = ("results", "warn", match) if match else None
    if hit is None:
        return []
    return from_match("MEDICAL_ADVICE", (hit[0], severity, hit[2]))


def _treatment_span(text: str, colleagues: bool) -> tuple[int, int] | None:
    """The first sentence pairing a medicine, dose, frequency or instruction (for colleagues: addressed)."""
    if colleagues and not ADDRESSED.search(text) and not TREAT_VERB.search(text):
        return None
    drugs = sorted(drug_spans(text) + [m.span() for m in MEDICINE_NOUN.finditer(text)])
    drug_starts = [start for start, _ in drugs]
    addressed = SECOND_PERSON.search(text) is not None
    for sentence in _SENTENCE.finditer(text):
        low, high = sentence.span()
        index = bisect_left(drug_starts, low)
        drug = drugs[index] if index < len(drugs) and drugs[index][0] < high else None
        part = sentence.group()
        if _GENERAL_SUBJECT.match(part):
            continue
        care = CARE_ORDER.search(part)
        if care is not None:
            return (low + care.start(), high)
        dose, freq, verb = DOSE.search(part), FREQUENCY.search(part), TREAT_VERB.search(part)
        medicine_verb = freq is not None and (MEDICINE_VERB.search(part) or (verb and addressed)) is not None
        if drug and REASSURANCE.search(part) and SECOND_PERSON.search(part):
            verb = verb or REASSURANCE.search(part)
        if (drug and (dose or freq or verb)) or (dose and (freq or verb)) or medicine_verb:
            cues = [
                low + m.start() + len(m.group()) - len(m.group().lstrip(" .!?,;:-@"))
                for m in (dose, freq, verb)
                if m
            ]
            return (min([*cues, drug[0]] if drug else cues), high)
    return None


_CARE_CONTEXT = re.compile(
    r"\b(?:patients?|clinic|follow-?up|visit|appointment|recovery|surgery|scar|healing|heal\w*|inhaler|sober|"
    r"treatment|discharge|nicu|unit|sessions?|therapy|pancreatitis|fusion|ankle|stone|sealants?|scope)\b",
)
BOUNDARY_RULES: tuple[Rule, ...] = compile_rules(
    (
        (
            "personal_contact",
            "block",
            r"\b(?:call|text|message|ring|whatsapp|dm) me (?:anytime|any time|whenever|day or night|directly|"
            r"on my)\b|\bmy (?:personal )?number is\b|\bwhatsapp me\b|\bmy (?:personal )?whatsapp\b",
        ),
        (
            "meeting_up",
            "warn",
            r"\b(?:let'?s|we should|happy to|love to) (?:keep|stay) in touch\b|\bgive you a (?:lift|ride)\b|"
            r"\b(?:treat|see|fix|do) (?:you|it|that) (?:for free|off the books|on the side|"
            r"at my (?:place|house))\b",
        ),
        (
            "personal_contact",
            "block",
            r"(?<!not )(?<!never )\bmy (?:personal |private |home |own )(?:email|"
            r"e-mail|number|phone|cell|"
            r"mobile|whatsapp|line|landline|address)\b|\b(?:dm|send|give|text|message|"
            r"inbox) me your (?:number|digits|cell|mobile|phone|address|email)\b|"
            r"\bmy cell\b|\bhere'?s my (?:number|cell|email|personal|"
            r"whatsapp|insta\w*|snap\w*)\b|\btext me\b|\bi'?ll text (?:you|u)\b|"
            r"\bcall me (?:at|on) (?:my|\d)",
        ),
        (
            "personal_contact",
            "block",
            r"\bi'?m at \d+ [A-Z]?\w+ (?:st|street|ave|avenue|rd|road|lane|ln|dr|drive|"
            r"court|ct|way|blvd)\b|\bleave it (?:in|at) (?:my|the) (?:mailbox|door|"
            r"porch)\b",
        ),
        (
            "dating",
            "block",
            r"\bcutest patient\b|\b(?:a|the|my) (?:fun|cute|favou?rite) patient\b|"
            r"\bgo (?:out )?on a date\b|\bask(?:ing)? (?:you|u) out\b|"
            r"\bgo out (?:sometime|with me|together)\b",
        ),
        (
            "meeting_up",
            "warn",
            r"\b(?:grab|get|have|go for) (?:a |some )?(?:drinks?|beers?|coffee|lunch|dinner|"
            r"brunch|food)\b|\bhang out\b|\bmeet up\b|"
            r"\bmeet (?:you |u )?for (?:coffee|drinks?|lunch|dinner)\b|"
            r"\blunch sounds (?:good|great)\b|\bwe should (?:hang|get together|meet)\b",
        ),
        (
            "personal_contact",
            "block",
            r"\bi'?m on (?:insta\w*|ig|snap\w*|tiktok|facebook|fb) (?:as|at)\b|"
            r"\bfollow me\b[^.!?\n]{0,20}@\w|\bfollow me (?:there|back)\b|"
            r"\b(?:add|follow|find|dm) me (?:on|at) (?:snap\w*|insta\w*|ig|tiktok|"
            r"facebook|fb|whatsapp|my)\b|\bmy (?:username|user name|snap|insta) is\b",
        ),
        (
            "meeting_up",
            "warn",
            r"\blet'?s (?:meet|hang out|get together|catch up|go for|"
            r"do (?:a|lunch|dinner|drinks|coffee))\b|"
            r"\b(?:i'?d|i would) love to (?:meet|visit|see you)\b",
        ),
        (
            "meeting_up",
            "warn",
            r"\b(?:see|meet) you at the (?:party|bonfire|bbq|barbecue|wedding|game|bar|"
            r"concert|show|gym|pub)\b|\bcan'?t wait to (?:see|meet) you (?:at|on|this)\b",
        ),
        (
            "meeting_up",
            "warn",
            r"\bjust (?:the two of )?us\b|"
            r"\bi'?ll be at (?:the )?[\w' ]{0,30}?(?:coffee shop|bar|caf(?:e|\u00e9)|"
            r"restaurant|park|gym|pub)\b",
        ),
        ("meeting_up", "warn", r"\b(?:i'?d|i would) love to come\b|\bmy treat\b|\byou'?re buying\b"),
        (
            "personal_contact",
            "block",
            r"\bmy (?:personal |private )?(?:instagram|insta|ig|snapchat|snap|tiktok|"
            r"facebook|fb|whatsapp|handle)(?: is|:)\s*@?\w",
        ),
        (
            "meeting_up",
            "warn",
            r"\b(?:see|meet|hang out with|catch up with) (?:you|"
            r"u) outside (?:of )?(?:the office|work|clinic|the clinic|the hospital)\b|"
            r"\b(?:dinner|drinks|lunch|coffee)(?: on)? (?:friday|saturday|sunday|monday|"
            r"tuesday|wednesday|thursday|tonight|this weekend|sometime|soon)\?|"
            r"\b(?:swing|stop|come) (?:by|over to) (?:your|my) (?:place|house|home)\b|"
            r"\b(?:at|to) (?:your|my) place\b",
        ),
        (
            "friending",
            "warn",
            r"\bsend me a (?:friend |follow )?request\b|\b(?:be|stay|"
            r"become) friends (?:outside|"
            r"after|beyond)\b|\bconnect(?:ed|ing)? with (?:\w+ ){0,3}?(?:my|our) (?:former |"
            r"past |"
            r"old )?patients\b|\binsist(?:ed|ing|s)? (?:that )?(?:i|we) (?:take|have|keep|"
            r"accept)\b",
        ),
        (
            "meeting_up",
            "warn",
            r"\b(?:come|pop|swing|stop|drop) (?:round|over|by)(?: to)? (?:mine|my (?:place|"
            r"house|"
            r"flat|home))\b|\b(?:at|to) mine\b|\bfancy an? (?:pint|drink|coffee|bite|beer)\b|"
            r"\bi'?m free (?:this|on|tonight|tomorrow)\b",
        ),
        (
            "friending",
            "warn",
            r"\bsent (?:you|u) a (?:friend|follow) request\b|"
            r"(?:^|[.!?]\s*|,\s*)(?:of course,? )?accepted\b|"
            r"\baccept(?:ed|ing)? your (?:friend |follow )?request\b|"
            r"\bfollow(?:ed)? (?:you|u) back\b|\badded (?:you|u)\b|"
            r"\bconnect outside (?:of )?(?:clinic|work|the office|the hospital)\b",
        ),
        (
            "gift",
            "block",
            r"\bgift(?: card)? is (?:totally |completely )?(?:fine|ok|okay|great|perfect)\b|"
            r"\bi love the (?:necklace|gift|flowers|bracelet|scarf|mug|cookies|wine|earrings)\b|"
            r"\bwearing it (?:right )?now\b",
        ),
        (
            "gift",
            "warn",
            r"\bthank(?:s| you) (?:so much )?for the (?:lovely |beautiful |sweet )?(?:necklace|gift|"
            r"bracelet|scarf|mug|earrings|gift card|tickets|bottle of wine|wine|chocolates|cookies|"
            r"flowers|candle)\b|\byou (?:really )?(?:didn'?t|shouldn'?t) have to\b",
        ),
    ),
)
_DECLINE = re.compile(
    r"\b(?:not able to|unable to|can'?t|cannot|don'?t|do not|won'?t) (?:accept|add|connect|friend|follow|"
    r"date|meet|socialize|have a friendship)\b|\bkeep (?:my )?(?:personal|private)\b|\bsit this one out\b|"
    r"\bkeep (?:a little |some )?separation\b|\bprofessional boundar",
)


def find_boundary(draft: Draft) -> list[Finding]:
    """BOUNDARY: friending, dating, meeting up, gifts or personal contact details with a patient."""
    text = lowered(draft.text)
    hit = best_match(text, BOUNDARY_RULES)
    if hit is None:
        return []
    rule, severity, match = hit
    if rule not in ("personal_contact", "dating") and _DECLINE.search(text):
        return []
    if severity == "warn":
        in_care = _CARE_CONTEXT.search(text) is not None
        if not in_care and draft.audience != "private":
            return []
        severity = "block" if in_care else "warn"
    return from_match("BOUNDARY", (rule, severity, match))
