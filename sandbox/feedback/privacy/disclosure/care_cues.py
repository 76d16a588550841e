"""Broader RELATIONSHIP cues: grammar patterns (who does a care act to whom), not fixed phrases.

A care relationship is confirmed when a first-person carer (I, we, the team) does a care act to a
specific person, when a specific person is placed inside the author's care setting ("you were in my
chair", "he's on our ward"), when a passive care verb has a specific subject ("has been treated"), or
when a reply refers to the reader's own visit, notes or carer ("your notes", "your midwife").
"""

from __future__ import annotations

import re

from ...caseless import caseless

_NOT_A_PERSON = set(
    """
    what how when whenever if as than and but so because or then where why while today yesterday tonight also
    all both it's that's there here now once since after before until week night month year day morning
    evening afternoon shift weekend time season summer winter spring autumn fall way thing one everything
    everyone nothing something anything said say says think thought hope wish know knew guess glad sure
    lot much more less i me you he she they we us them it is was are were be been do did does can could
    will would should may might must let just not never ever even still only really honestly finally
""".split()
)


def relative_care_start(match: re.Match) -> int | None:
    """Where a 'who we admitted' clause starts, or None when the word before is not a person noun."""
    before = match.group("before").lower()
    if before in {"who", "whom", "that"}:
        return match.start("before")
    if (
        before in _NOT_A_PERSON
        or before.endswith(("ly", "s'", "ing"))
        or before.endswith("s")
        and not before.endswith(("ss", "'s"))
    ):
        return None
    return match.end("before") + 1


# Verbs that only a carer does to a patient: safe with a first-person subject and any object.
_STRONG_CARE = (
    r"admitted|re-?admitted|treated|intubated|extubated|resuscitated|discharged|triaged|stitched(?: up)?|"
    r"sutured|operated on|scoped|casted|splinted|swabbed|vaccinated|immunised|immunized|nursed|"
    r"cannulated|catheteri[sz]ed|sedated|defibrillated|thrombolysed|transfused|scraped (?:up|off)|"
    r"cut (?:out|free)|airlifted|blue-?lighted|looked after|cared for|took care of|patched up|coded|"
    r"brought back|revived|stabili[sz]ed|examined|x-?rayed|diagnosed"
)
# Verbs that are care only in a relative clause about a person ("the QB we saw Friday").
_WEAK_CARE = (
    r"saw|met|had|got|lost|delivered|sat with|stayed with|held|helped|transported|transferred|assessed"
    r"|scanned|picked up|brought in|"
    r"sent home|sent up|kept|know|worked on"
)
_RESCUE = r"pulled (?:out|from)|dragged (?:out|from)|fished out|rescued|carried out|found collapsed"
_FIRST = r"(?:I|we|I've|we've|I'd|we'd|I had|we had|the team|our team|the crew|our crew|the medics)"
_ADV = r"(?:(?:just|already|finally|also|all|both|then|eventually|personally|recently)\s+)?"

# "who we lost", "the QB we saw Friday": the word before the carer is checked by relationship.py.
CARE_SETTING_RE = caseless(
    r"\b(?:resus|ED|ER|A&E|ICU|NICU|PICU|HDU|ITU|ward|triage|theatre|trauma|bay|bed|cubicle|ambulance|"
    r"paramedics?|crew|shift|clinic|hospital|hospice|surgery|patient|pt|admitted|discharged)\b",
)
CARE_SCENE_RE = caseless(
    r"\b(?:resus|ED|ER|A&E|ICU|NICU|PICU|HDU|ITU|ward|triage|theatre|trauma|bay|bed|cubicle|ambulance|"
    r"paramedics?|hospice|patient|pt|admitted|discharged|chair)\b",
)
RELATIVE_CARE_RE = caseless(
    rf"\b(?P<before>[\w']+)\s+{_FIRST}\s+{_ADV}(?:{_STRONG_CARE}|{_RESCUE}|(?P<weak>{_WEAK_CARE}))\b"
    rf"(?!\s+(?:a\s+(?:lot|rise|spike|surge|bunch|few|number|trend)|an?\s+increase|more|many|lots|how|that"
    rf"|it|"
    rf"this|these|those|what|why|some|any|no|\d|to\s+(?!an?\s|the\s|(?:his|her|their)\s)|"
    rf"in\s+(?:the\s+)?(?:news|data|paper))\b)",
)
# A first-person carer does a strong care act to someone ("I admitted a 104-year-old", "we treated Ana").
FIRST_PERSON_CARE_RE = caseless(
    rf"\b(?<!\bif )(?<!\bwhen )(?-i:I|[Ww]e|I've|[Ww]e've|I'd|[Ww]e'd)\s+{_ADV}(?:{_STRONG_CARE})\b"
    rf"(?=\s+(?:a|an|the|this|that|my|our|your|his|her|him|them|you|u|(?-i:[A-Z][a-z.])|\d)\b)"
    rf"(?!\s+(?:\w+\s+)?(?:mistake|error|fault|wrong|defeat)s?\b)",
)
_PERSON = (
    r"(?:you|u|he|she|they|(?-i:[A-Z][a-z]++)(?<!It)(?<!This)(?<!That)(?<!There)(?<!Here)(?<!What)(?<!Who)"
    r"(?<!Which)(?<!Everything)(?<!Everyone)(?<!Nothing)(?<!Help)(?<!Care)(?<!Parking)(?<!Info)(?<!Flu)"
    r"(?<!Today)(?<!Now))"
)
_BE = r"(?:'re|'s|'d been|'ve been|\s+(?:were|was|are|is|have been|has been|had been|got|been))"
_CARE_PLACE = (
    r"(?:(?:my|our)\s+(?:\w+\s+)?(?:chair|ward|unit|floor|list|caseload|clinic|office|surgery|practice|"
    r"ED|ER|A&E|ICU|NICU|PICU|HDU|resus|bay|theatre|department|books|care|service)"
    r"|the\s+(?:ED|ER|A&E|ICU|NICU|PICU|HDU|ITU|CCU|resus|ward|cath lab|trauma bay))"
)
IN_OUR_CARE_RE = re.compile(
    rf"\b{_PERSON}{_BE}\s+(?:(?:back|still|already|here)\s+)?(?:in|on|under|with us in)\s+{_CARE_PLACE}\b"
    rf"|\b(?:{_PERSON}|who)\s+(?:\w+\s+)?(?:came|come|was brought|were brought|got brought|walked|"
    rf"rolled|wheeled|rushed)\s+(?:back\s+)?(?:in|into)\b(?=\s+(?:with|for|at|last|yesterday|today|this|"
    rf"that|on|our|the\s+(?:clinic|office|ER|ED|unit|ward|hospital|surgery|practice)|\w+\s+(?:clinic|"
    rf"office|ward|unit|surgery)))"
    rf"|\b(?:came|come|comes|was brought|were brought|brought|walked|rolled|wheeled|rushed)\s+(?:back\s+)?"
    rf"(?:in|into|to)\s+(?:our|my)\s+(?:\w+\s+)?(?:clinic|office|ER|ED|A&E|unit|ward|surgery|practice|"
    rf"department|pharmacy|hospital|resus|bay)\b"
    rf"|\b(?:lady|guy|man|woman|kid|kiddo|gentleman|gent|chap|fella|fellow|lad|lass|bloke|boy|girl|baby|"
    rf"toddler|teen|one)\s+"
    rf"(?:(?!(?:who|that|and|but)\b)\w+\s+){{0,2}}?(?:on|in)\s+"
    rf"(?:my|our)\s+(?:\w+\s+)?(?:ward|unit|floor|list|caseload|bay|chair|clinic|books)\b",
    re.IGNORECASE,
)
# "was in today with", "is in for": someone turning up for care; relationship.py tests the key words first.
BACK_IN_RE = caseless(
    r"\b(?<!clinic )(?<!office )(?<!practice )(?<!surgery )(?<!pharmacy )(?<!team )(?<!\bit )(?<!unit )"
    r"(?<!ward )(?:is|was|'s|are|were)\s+(?:back\s+)?in\s+(?:again\s+|today\s+|tonight\s+|yesterday\s+|"
    r"this morning\s+|last night\s+|overnight\s+)?(?:with|for)\b"
    r"(?!\s+(?:a|the)\s+(?:treat|surprise|shock|ride|wild|long|rough|real|meeting|chat|coffee|busy|big|"
    r"great|tough|hard|lot|bit|change|refresh|makeover|reason|minute)\b)",
)
BACK_IN_KEYS = (
    "in with",
    "in for",
    "in again",
    "in today",
    "in tonight",
    "in yesterday",
    "in this",
    "in last",
    "in overnight",
)
# Time spent in the author's care: "during my shift", "three weeks with us", "kept him alive".
WITH_US_RE = caseless(
    r"\b(?:on|during|at the end of|start of)\s+my\s+(?:\w+\s+)?shift\b"
    r"|\bspent\s+(?:my|the|our)\s+(?:\w+\s+)?(?:shift|night|day|morning|evening)\s+with\b"
    r"|\b(?:kept|keeping|keep)\s+(?:you|u|him|her|(?-i:[A-Z][a-z.]+(?:\s[A-Z][a-z]+)?))\s+alive\b"
    r"|\b(?:weeks?|days?|months?|nights?|time|stay)\s+with us\b"
    r"|\b(?:came|come|comes|was brought|were brought|brought|transferred|referred)\s+(?:back\s+)?to us\b",
)
WITH_US_KEYS = ("shift", "spent", "alive", "with us", "to us")
PASSIVE_CARE_RE = re.compile(
    r"\b(?:has|have|had)\s+been\s+(?:\w+\s+)?(?:seen|treated|admitted|discharged|assessed|examined|triaged|"
    r"stitched|operated on|reviewed|scanned|x-?rayed|transferred|sedated|intubated|vaccinated)\b"
    r"|(?<!\bare )(?<!\bbe )\b(?:was|were|got)\s+(?:\w+ly\s+)?(?:seen|treated|admitted|assessed|examined|"
    r"triaged|transferred|reviewed)\s+(?:by|in|at|on|here|yesterday|today|this|last|overnight|within)\b"
    r"|\b(?:you|u|he|she|they)(?:'re|'s| are| is| get| gets| got)\s+(?:being\s+)?(?:discharged|admitted|"
    r"transferred|sent home|stitched up|seen to)\b",
    re.IGNORECASE,
)
_NOTES = r"(?:notes|chart|file|records|results|scans?|x-?rays?|bloods|labs|history|referral|paperwork)"
LOOKED_UP_RE = caseless(
    rf"\b(?:looked|look|looking|pulled|pulling|checked|checking)\s+(?:you|u|him|her|them)\s+up\b"
    rf"|\b(?:look(?:ed|ing)? at|check(?:ed|ing)|review(?:ed|ing)|pull(?:ed|ing) up|read(?:ing)?|went through|"
    rf"going through|(?:I|we)(?:'ve| have)? reviewed)\s+(?:your|ur|his|her|(?-i:[A-Z][a-z]+)'s)\s+(?:\w+\s+)?"
    rf"{_NOTES}\b",
)
_CARER = (
    r"(?:nurse|doctor|dentist|therapist|surgeon|provider|physician|pharmacist|counsell?or|hygienist|midwife|"
    r"physio|physiotherapist|OT|GP|PCP|consultant|paramedic|medic|carer|caregiver|doula|tech|vet|"
    r"[a-z]{3,}+(?<=ist|ian)\b)"
)
YOUR_CARER_RE = caseless(
    rf"\b(?:to be|been|was|were|being|as)\s+(?:your|ur|his|her)\s+(?!(?:new|next|future|local|go-to)\b)"
    rf"(?:\w+'s\s+)?(?:\w+\s+)?{_CARER}\b"
    rf"|\b(?:your|ur)\s+(?:mom|mum|dad|mother|father|son|daughter|wife|husband|partner|baby|child|kid)'s\s+"
    rf"(?:\w+\s+)?{_CARER}\b"
    rf"|\b(?:the\s+)?{_CARER}s?\s+who\s+(?:\w+\s+){{0,2}}?(?:sat with|held|looked after|cared for|treated|"
    rf"delivered|stitched|saw|admitted|nursed|helped)\b",
)
_VISITS = r"(?:appointments?|appts?|sessions?|visits?|check-?ups?|follow-?ups?|consults?|classes)"
SEEN_YOU_RE = caseless(
    rf"\b(?:get|got|getting|fit|fitted|squeeze|squeezed)\s+(?:you|u)\s+in\b"
    rf"|\b(?:look(?:ing|ed)? after|car(?:ing|ed) for|nurs(?:ing|ed)|deliver(?:ing|ed)|sitting with|sat with|"
    rf"stitch(?:ing|ed))\s+(?:you|u|your\s+(?:little|baby|son|daughter|mum|mom|dad|husband|wife)\b)"
    rf"|\b(?:see|seeing|saw|meet|meeting|met|having|treat|treating|work(?:ing)? with|worked with)\s+(?:you"
    rf"|u)\b"
    rf"(?:\s+(?:again\s+)?(?:at|in)\s+(?:the\s+)?(?:\w+\s+){{0,2}}(?:clinic|surgery|practice|office|unit|"
    rf"ward|centre|center|hospital|pediatrics|paediatrics|health|medical|pharmacy|dental|rehab)\b"
    rf"|\s+(?:(?:back|again)(?=\s*(?:soon|for|in\b|next|[.!,]|$))|at (?:your|the"
    rf"|our) (?:next\s+)?(?:\w+[\s-]+){{0,2}}(?:scan|check|{_VISITS}|"
    rf"review|clinic|recall))\b)"
    rf"|\b(?:privilege|honou?r|pleasure|joy|treat)\s+(?:to|of)\s+(?:work(?:ing)? with|car(?:e|ing) for|"
    rf"look(?:ing)? after|treat(?:ing)?|nurs(?:e|ing)|be(?:ing)? (?:your|part of your))\b",
)
VISIT_HISTORY_RE = re.compile(
    rf"\b(?:you|u)\s+(?:\w+\s+)?(?:missed|cancell?ed|skipped|booked|rescheduled|attended|no-?showed|kept)\s+"
    rf"(?:\w+\s+){{0,2}}?{_VISITS}\b|\b(?:\w+\s+)?missed\s+{_VISITS}\b"
    rf"|\b(?:your|ur|our)\s+(?:\w+\s+)?(?:sessions|appointments|visits)\s+(?:ended|stopped|were)\b"
    rf"|\b(?:our|your)\s+(?:(?-i:[A-Z][a-z]+day)|weekly|morning|evening|regular)\s+{_VISITS}\b"
    rf"|\b(?:at|during|after|since|before|from)\s+(?:your|his|her|the)\s+"
    rf"(?!(?:next|upcoming|annual|yearly|routine|regular|first|any|every)\b)(?:[\w-]+\s+){{0,2}}?"
    rf"(?:visit|appointment|appt|follow-?up|check-?up|procedure|surgery|operation|op|session|consult)\b",
    re.IGNORECASE,
)
PATIENTS_OF_RE = caseless(
    r"\bone of (?:my|our) (?:\w+\s+){0,2}?(?:patients|pts|clients|residents|regulars|babies|kids|kiddos|"
    r"littles|little ones|ladies|gents|lads|mums|moms|families)\b"
    r"|\b(?:my|our) patient's\s+(?:family|mum|mom|dad|mother|father|parents|wife|husband|partner|son|"
    r"daughter|kids|children|sister|brother|relatives|friends?)\b"
    r"|\b(?:my|our|a)\s+(?:\w+\s+)?(?:NICU|ICU|PICU|SCBU|unit|ward|rehab|transplant|cardiac|burns?)\s+"
    r"(?:grad|graduate|alum|survivor|baby|babies|kid|warrior|regular)\b"
    r"|\b(?:a|one of our|our) regulars?\s+(?:who|we|that)\b"
    r"|\b(?:is|was|are|were|'s)\s+(?:a\s+|still\s+a\s+)?(?:patient|client|resident)s?\s+(?:here|of ours"
    r"|of mine|"
    r"at our|with us|in our|on our)\b"
    r"|\bI\s+(?:scrubbed in|assisted)\s+(?:on|with|for)\s+(?:his|her|your|their|the)\b"
    r"|\b(?:my|our)\s+(?:(?:\d{1,2}(?::\d\d)?\s?(?:am|pm)|morning|afternoon|night|first|last|latest|new|"
    r"overnight|late)\s+)(?:lady|guy|man|woman|patient|pt|kid|admit|admission|delivery|arrival|transfer|"
    r"referral|walk-in|trauma|arrest)\b",
)
CAME_BACK_RE = re.compile(
    r"\b(?:came|come|popped|stopped|dropped)\s+(?:back|in|by)\b[^.!?]{0,30}?\bto (?:thank|visit|see)\s+"
    r"(?:us|me|the\s+(?:\w+\s+)?(?:team|staff|nurses|crew|unit|ward))\b",
    re.IGNORECASE,
)
CREW_CARE_RE = caseless(
    r"\blost\s+(?:a|an|our|my|the|one|another)\s+(?:[\w-]+\s+){0,2}?(?:patient|man|woman|dad|mum|mom|"
    r"father|mother|son|daughter|kid|child|baby|boy|girl|teen|teenager|lady|guy|gentleman|grandad|grandma|"
    r"friend|regular|one)\s+to\b"
    r"|\b(?:before|until|by the time|when)\s+(?:we|the crew|the ambulance|paramedics|EMS)\s+(?:arrived"
    r"|got there)\b"
    r"|\brefus(?:ed|ing)\s+(?:transport|treatment|admission|the ambulance|(?:his|her|their) meds)\b"
    r"|\b(?:hope|hoping|glad|happy|pleased)\s+(?:to hear\s+)?(?:that\s+)?(?:the|your|ur)\s+(?:new\s+)?"
    r"(?:meds|medication|treatment|tablets|inhaler|brace|cast|boot|dose|plan|physio|exercises|glasses|"
    r"lenses|contacts|hearing aids?|dentures|crown|filling|implant|braces|retainer|splint|knee|hip|"
    r"shoulder|back|tooth|wound|stitches|scar)\s+(?:is|are|has|have)\s+(?:\w+\s+)?(?:helping|working|"
    r"settling|going well|doing|healing|improving)\b",
)
# Cheap pre-tests: a pattern cannot match unless one of these lower-case words occurs in the draft.
NOTES_KEYS = (
    " up",
    "notes",
    "chart",
    "file",
    "record",
    "result",
    "scan",
    "x-ray",
    "xray",
    "blood",
    "labs",
    "history",
    "referral",
    "paperwork",
)
SEEN_KEYS = ("you", " u ", "privilege", "honour", "honor", "pleasure", "joy", "treat")
VISIT_KEYS = (
    "appoint",
    "appt",
    "session",
    "visit",
    "check",
    "follow",
    "consult",
    "class",
    "procedure",
    "surgery",
    "operation",
    " op",
    "missed",
)
CREW_KEYS = ("lost", "arriv", "got there", "refus", "hope", "glad", "happy", "pleased")
STRONG_KEYS = (
    "admit", "treat", "intubat", "extubat", "resusc", "discharg", "triag", "stitch", "sutur", "operat",
    "scope", "casted", "splint", "swab", "vaccin", "immuni", "nursed", "cannul", "catheter", "sedat", "defib",
    "thromboly", "transfus", "scrap", "cut ", "airlift", "blue", "looked after", "cared for", "took care",
    "patched", "coded", "brought back", "revived", "stabili", "examin", "x-ray", "xray", "diagnos",
)
DROPPED_KEYS = STRONG_KEYS + ("pulled", "dragged", "fished", "rescued", "carried out", "found collapsed",
                              "sat with", "held", "spent the", "delivered")
BODY_KEYS = ("did", "fixed", "replaced", "repaired", "pulled", "took out", "removed", "scope", "set",
             "stitch", "glued", "patched", "cleaned", "filled", "whitened", "straightened", "splinted",
             "casted", "plastered", "x-ray", "xray", "scanned")
POSSESSIVE_KEYS = ("your", "ur ", "his", "her")
