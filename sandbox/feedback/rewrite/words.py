"""Word choices for the natural safer version: what each kind of private detail becomes.

Tables only (words and the small patterns that pick among them); the other modules of this package
apply them. Every pattern here is matched case-insensitively.
"""

from __future__ import annotations

from ..privacy.identifiers.ages import DECADE_WORDS

# How far either side of a flagged span the rewrite may change the draft, and how far it may read to
# decide (characters).
WINDOW = 32
CONTEXT = 96

# NAME: who a name becomes, by how the draft uses it.
PERSON_WORDS = {
    "first": "a patient",  # the first person named
    "again": "the patient",  # the same person named again
    "other": "another patient",  # a second, different person
    "relative": "a family member",  # a relative's name that cannot simply be dropped
    "relative_again": "the family member",
    "family": "a family",  # "the Hendersons", "the Okonkwo family"
    "baby": "a baby",  # "baby Saoirse"
    "owner": "someone",  # "Sophie's mum" -> "someone's mum"
}
TITLE = (
    r"(?:mr|mrs|ms|miss|mx|dr|mister|master|pastor|father|sister|aunty|auntie|uncle|nana|nan|grandma|"
    r"grandpa|don|do\u00f1a|dona|se\u00f1or|senor|se\u00f1ora|senora|sr|sra|srta|tito|tita|lolo|lola|ma'am|sir)"
)
BABY_TITLE = r"(?:baby|bub)"
# Words a name may follow and simply be dropped after: "her daughter Lisa", "our patient Lily".
NAME_AFTER_NOUN = (
    r"(?:patient|pt|client|resident|regular|son|daughter|wife|husband|partner|mum|mom|mam|mother|dad|father|"
    r"brother|sister|grandson|granddaughter|grandma|grandpa|gran|nan|niece|nephew|aunt|uncle|cousin|boyfriend|"
    r"girlfriend|fiance|fiancee|fiancé|fiancée|carer|caregiver|baby|kid|child|twins?)"
)
RELATIVE_NOUN = NAME_AFTER_NOUN.replace("patient|pt|client|resident|regular|", "")
# Openers after which a name is the person addressed ("Hi Jen,", "Thanks Dave!").
GREETING = (
    r"(?:hi|hiya|hello|hey|heya|dear|ah|aye|och|morning|good morning|evening|thanks|thank you|thank u|thx|"
    r"ty|cheers|congrats|congratulations|welcome|welcome back|sorry|oh|aw+|omg|yes|yep|no|nope|sure|ok|okay|"
    r"no bother|no worries|well done|bless you|love you|miss you|happy birthday|get well soon|good luck|go|"
    r"hang in there)"
)
GREETING_SWAP = {"dear": "Hello"}  # "Dear Karen," -> "Hello,"
# After "Karen," these words show Karen is being addressed ("Karen, we're sorry"), not described
# ("Jamie Coyle, DOB 21/07/2001").
ADDRESS_NEXT = (
    r"(?:i|i'm|i've|i'll|i'd|we|we're|we've|we'll|we'd|you|you're|you've|you'll|you'd|u|your|thanks|thank|"
    r"sorry|so|please|pls|it|it's|this|that|that's|the|hope|just|yes|yeah|yep|no|nope|ok|okay|congrats|"
    r"welcome|good|great|glad|lovely|happy|don't|do|can|could|would|how|what|why|nobody|no one|my|our|hi|"
    r"hello|aw+|ah|oh|wow|well|sure|honestly|listen|look|remember|let|let's|keep|take|get|stay|rest|"
    r"tell|give|call|ring|come|see|if|when|as|there|here|is|are|was)"
)

# DATE: past or future; a preposition just before goes with the date ("on March 14th" -> "recently").
DATE_WORDS = {
    "past": "recently",
    "future": "soon",
    "possessive": "a recent",  # "today's huddle" -> "a recent huddle"
    "future_possessive": "an upcoming",  # "tomorrow's list" -> "an upcoming list"
}
DATE_PREPOSITION = (
    r"(?:on|at|since|from|during|by|around|about|before|after|until|till|through|as of|later|earlier)"
)
# Words earlier in the sentence that make a date a plan: "I'd take her in today" -> "soon".
FUTURE_CONTEXT = (
    r"\b(?:will|'ll|\u2019ll|would|'d|\u2019d|going to|gonna|please|can you|could you|should|need to|must|"
    r"next|see (?:you|u|her|him|them))\b"
)
FUTURE_DATE = (
    r"\b(?:tomorrow|tomorow|tmrw|tmr|2moro|tonight|tonite|2nite|next|until|till|by|coming|later today|"
    r"due)\b"
)
BIRTH_BEFORE = r"(?:\b(?:dob|d\.o\.b\.?|date of birth|born(?: on)?|birthday(?: is)?)\s*[:\-]?\s*)"

# AGE: bands, and the words for each band by grammar: a noun ("an older adult"), an adjective before
# a noun ("an older man"), or after "is" ("is older").
AGE_BANDS = ((1, "baby"), (13, "child"), (18, "teen"), (65, "adult"), (999, "older"))
AGE_WORDS = {
    "baby": {"noun": "a baby", "adj": "young", "pred": "very young"},
    "child": {"noun": "a child", "adj": "young", "pred": "a child"},
    "teen": {"noun": "a teenager", "adj": "teenage", "pred": "a teenager"},
    "adult": {"noun": "an adult", "adj": "", "pred": "an adult"},
    "older": {"noun": "an older adult", "adj": "older", "pred": "older"},
}
AGE_SEX = {
    "f": {
        "baby": "a baby girl",
        "child": "a girl",
        "teen": "a teenage girl",
        "adult": "a woman",
        "older": "an older woman",
    },
    "m": {
        "baby": "a baby boy",
        "child": "a boy",
        "teen": "a teenage boy",
        "adult": "a man",
        "older": "an older man",
    },
}
AGE_BIRTHDAY_VERB = {
    "turned": "had a birthday",
    "turning": "having a birthday",
    "turns": "has a birthday",
    "will be": "will have a birthday",
}
AGE_LATER_YEARS = "later years"  # "in her 90s" -> "in her later years"; younger decades are dropped
TENS_WORDS = {**DECADE_WORDS, "hundred": 100}  # "in her nineties" -> 90, read by substring
TEEN_WORDS = ("thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "teen")
# Words after an age that are not a noun it describes ("a 92-year-old with dementia").
NOT_NOUN_AFTER = (
    r"(?:with|in|from|who|whose|that|which|at|on|of|for|to|and|or|but|is|was|has|had|have|came|comes|got|"
    r"we|i|you|he|she|they|it|"
    r"gets|went|just|today|yesterday|this|last|said|says|told|tells|asked|needs|needed|presented|arrived|"
    r"admitted|collapsed|fell|died|passed|being|been|after|before|by|into|out|back|here|there|w|s/p)"
)
# After an aside that is dropped ("Tammy, 52, came"), these words show the sentence goes on without
# the second comma; otherwise it stays ("Bo, 68, longtime patient" -> "Bo, longtime patient").
VERB_AFTER_ASIDE = (
    r"(?:is|was|are|were|has|had|have|came|comes|went|goes|got|gets|needs|needed|who|and|but|said|says|told|"
    r"passed|died|did|does|will|would|can|could|just|still|never|always|[a-z]+ed)"
)
AGE_BARE_AFTER = (  # words after which an age noun needs no article ("the 94yo" -> "the older adult")
    r"(?:the|this|that|our|my|your|his|her|their|favourite|favorite|fave|sweet|lovely|little|dear|brave|"
    r"oldest|youngest|latest|first|last|beloved|resident)"
)

# LOCATION: a place inside a facility, or an area outside one.
LOCATION_WORDS = {
    "unit": "on the unit",
    "near": "nearby",
    "from": "from nearby",
    "area": "their area",
    "modifier": "local",  # "on the Mount Corrie range road" -> "on the local range road"
}
FACILITY_NOUNS = {"rm": "room", "or": "operating room", "er": "emergency room"}
FACILITY = (
    r"(?:(?:hall(?:way)?|exam|isolation|procedure|treatment|consult|recovery|triage|ct|mri|x-?ray)\s+)?"
    r"(?P<noun>room|rm|bed|bay|stall|cubicle|pod|suite|ward|incubator|isolette|cot|crib|chair|trolley|"
    r"resus|trauma|OR|ER)\b"
)
LOCATION_PREPOSITION = r"(?:in|at|on|near|off|by|around|outside|from|into|over in|down in|up in|out in)"

# CONTACT: the practice's line when the draft tells the reader to get in touch, else someone else's.
CONTACT_WORDS = {
    "ours": "our office line",
    "ours_email": "our office email",
    "ours_email_direct": "our office",  # "Email jo@example.com" -> "Email our office"
    "theirs": "their contact details",
    "on_file": "on file",
}
CONTACT_VERB = r"(?:call|ring|phone|text|txt|reach|contact|email|e-mail|fax|dial|message|try|tried|whatsapp)"
CONTACT_NOUN = r"(?:number|no\.?|cell|mobile|phone|email|e-mail|landline|contact|fax|line|address)"
PRACTICE_WORD = (  # the number belongs to the practice: "Brightwater Dental (555-0133)"
    r"(?:clinic|practice|surgery|pharmacy|dental|dentistry|office|hospital|medical|health cent(?:re|er)|"
    r"reception|front desk|department|ward|helpline|switchboard|nurse|doctor|dr|manager|team|staff|"
    r"pharmacist|midwife|physio|receptionist|us|me)"
)
CONTACT_EXTENSION = r"[ \t]*(?:ext\.?|x|extension)\s*\d{1,6}"

# ID: a number; the word naming it usually stays ("your claim was coded", "her MRN is on file").
ID_WORDS = {"default": "their account", "on_file": "on file"}
ID_NOUN = (
    r"(?:mrn|ur|urn|nhs (?:number|no\.?)|chi|medicare(?: (?:number|no\.?))?|medicaid(?: id)?|ssn|sin|"
    r"social security(?: number)?|member(?: id| number| no\.?)?|id|claim|policy|account|acct|reference|ref|"
    r"plate|reg|registration|licen[cs]e(?: number)?|serial(?: sn)?|sn|vin|card(?: ending)?|prescription|"
    r"token|number|no\.?|group|case|file|chart|record)"
)

# WEB
WEB_WORDS = {"url": "a link", "ip": "an IP address", "handle": "someone"}

# RELATIONSHIP: a person phrase becomes "someone"; a care act or visit is dropped with its glue words.
RELATIONSHIP_WORDS = {"person": "someone", "visit": "experience"}
PERSON_NOUN_END = (
    r"\b(?:patients?|pts?|clients?|residents?|regulars?|lad(?:y|ies)|gents?|gentleman|guy|man|woman|famil(?:y|ies)|"
    r"father|mother|dad|mum|mom|wife|husband|son|daughter|grand(?:ma|pa|mother|father|son|daughter)|sister|"
    r"brother|child|kid|baby|partner|ex|friend)$"
)
CARER_PHRASE = (  # "Your hygienist that day" -> "Our hygienist that day"
    r"^(?:your|ur|his|her|their)\s+(?P<carer>(?:[\w-]+\s+)?(?:nurse|doctor|dentist|therapist|surgeon|"
    r"provider|physician|pharmacist|counsell?or|hygienist|midwife|physio|radiographer|paramedic|crew|team|"
    r"[a-z]+(?:ist|ian)))$"
)
RELATIONSHIP_REWRITES = (  # whole phrases with a plain equivalent
    (
        r"^(?P<thanks>thanks|thank you|thank u|ty)(?P<much>\s+so much)?\s+for\s+(?:coming in|"
        r"coming to see us|visiting(?: us)?|seeing us|choosing us|trusting us)$",
        r"\g<thanks>\g<much> for reaching out",
    ),
    (r"^(?P<please>please\s+)?(?:come|pop|call)\s+(?:back\s+)?in$", r"\g<please>get in touch"),
)
VISIT_NOUN_END = r"\b(?:visit|visits|stay|experience|appointment|appt|time with us|time here)$"
VISIT_FEELING = (
    r"(?:\b(?:about|with|during|regarding|of|hear|that|sorry|sad|upset|frustrated|disappointed)\s+$)"
)
VISIT_VERB_AFTER = r"[ \t]+(?:was|wasn't|wasnt|were|weren't|went|didn't|did not|fell|left)\b"

# CLINICAL: "their care" when the words say whose; otherwise "a health issue". Before one of these
# nouns the health words only describe it, so they go: "her dialysis transport" -> "her transport".
DESCRIBED_NOUN = (
    r"(?:side|transport|letter|appointment|appt|clinic|team|plan|results?|notes?|summary|referral|nurse|ward|"
    r"unit|bay|bed|room|class|program|programme|group|line|service|check|follow-up|review|journey|blog|"
    r"story|recovery|dx|diagnosis|meds|medication|supplies|charity|fundraiser|bill|save|dose|levels?|scan|"
    r"tests?)\b"
)
# Condition names that follow a person's name: "Alport syndrome" is one health issue, not two words.
EPONYM_NOUN = r"(?:syndrome|disease|palsy|sarcoma|lymphoma|disorder|deficiency|anomaly|fever|virus)"
# A describing word just before health words: "frontotemporal dementia" -> "frontotemporal health issue".
ADJECTIVE_BEFORE = (
    r"(?:[a-z]+(?:al|ic|ive|ous|ary|ful|ant|ent|ular)|acute|chronic|severe|mild|new|old|early|late|rare|bad|"
    r"terrible|minor|major|serious|daily|possible|suspected|bilateral|left|right)"
)
CLINICAL_WORDS = {
    "owned": "care",  # "your chemo" -> "your care"
    "owned_plural": "results",  # "your last bloods were perfect" -> "your results were perfect"
    "bare": "a health issue",
    "bare_plural": "health issues",  # "X-rays are a waste" -> "health issues are a waste"
    "on": "treatment",  # "still on the fluoxetine" -> "still on treatment"
}
POSSESSIVE_DETERMINER = r"(?:your|ur|his|her|their|my)"

# UNIQUE: an identifying event becomes "an incident"; a person, "someone" (a phrase that names a
# person as well as an event, "the fire chief", is a person).
UNIQUE_WORDS = {"event": "an incident", "person": "someone"}
EVENT_NOUN = (
    r"\b(?:crash|accident|collision|wreck|pile-?up|fire|blaze|shooting|stabbing|drowning|collapse|explosion|"
    r"outbreak|incident|hit-and-run|attack|flood|derailment|rollover|riot|siege|storm)\b"
)
PERSON_WORD = (
    r"\b(?:chief|captain|driver|rider|man|woman|lady|guy|kid|boy|girl|survivor|victim|player|footballer|"
    r"rower|worker|teacher|officer|mayor|senator|councillor|judge|photographer|weatherman|contestant|star|"
    r"celebrity|athlete|coach|pilot|firefighter|he|she|him|her|who)\b"
)

# Joining: words left dangling when what followed them is gone ("for ." -> ".").
DANGLING = (
    r"(?:at|on|in|for|from|to|of|with|by|about|after|before|during|since|until|till|into|onto|via|and|or|"
    r"but|so|when|while|because|as|that|which|who|whose|where|the|a|an|your|ur|his|her|their|our|my|is|was|"
    r"are|were)"
)
# Glue words that go with a dropped care act: "met when he came in" -> "met", "bouncing after her stay
# with us" -> "bouncing".
GLUE_BEFORE = (
    r"(?:\b(?:when|while|as|because|since|that|which|where|once|and|but|so)\s+|"
    r"\b(?:after|before|during|at|from|for|about|with|of|to|per|in|on|according to)\s+"
    r"(?:(?:your|ur|his|her|their|my|our)\s+)?|"
    r"\b(?:your|ur|his|her|their|my|our|a|an)\s+)"
)
TRAILING_ADVERB = r"[ \t]+(?:too|as well|also|again)\b(?=\s*(?:[.!?,;)]|$))"
DETERMINERS = r"(?:the|this|that|these|those|our|my|your|his|her|their|its|a|an|every|each|any)"
# Replacements that take no article: "a someone" -> "someone", "the their area" -> "their area".
NO_ARTICLE_WORDS = r"(?:someone|their|our|your|his|her|recently|soon|nearby|on|from|in)\b"
VOWEL_SOUND_EXCEPTIONS = {
    "an": ("hour", "honest", "honou", "heir", "x-ray", "xray"),
    "a": ("one", "once", "uni", "use", "usu", "eu", "ewe", "ure", "uro", "ute"),
}
VOWEL_SOUND_LETTERS = "AEFHILMNORSX"  # abbreviations read letter by letter: "an MRI", "an NHS number"
