"""Word classes and patterns for UNIQUE details: jobs, ties to a known person, distinctive traits, events.

These describe the shape of an identifying description ("the <person> who runs the bakery", "the
<job>'s wife", "the rider of the red motorbike", "at the <Name> Festival") rather than fixed phrases.
unique.py decides when one counts (health or care must be nearby).
"""

from __future__ import annotations

import re

from ...caseless import caseless

# Ordinary jobs: in a small place "the welder" or "a 45-year-old accountant" points to a few people.
# Health jobs are left out: they are usually the author's colleagues.
_JOBS = (
    r"accountant|welder|plumber|electrician|carpenter|joiner|builder|bricklayer|roofer|mechanic|lawyer|"
    r"solicitor|barrister|attorney|architect|engineer|fisherman|fishmonger|baker|butcher|barber|hairdresser|"
    r"stylist|barista|bartender|barman|barmaid|publican|landlord|landlady|waiter|waitress|cashier|librarian|"
    r"postman|postwoman|postie|mail carrier|mailman|courier|bus driver|taxi driver|cab driver|cabbie|"
    r"lorry driver|truck driver|trucker|delivery driver|driver|lifeguard|soldier|marine|sailor|veteran|"
    r"veterinarian|professor|lecturer|headteacher|head teacher|headmaster|headmistress|nanny|"
    r"childminder|janitor|caretaker|groundskeeper|security guard|bouncer|DJ|musician|drummer|guitarist|"
    r"singer|artist|painter|sculptor|photographer|journalist|reporter|editor|banker|realtor|estate agent|"
    r"shopkeeper|shop owner|store owner|florist|tailor|jeweller|jeweler|locksmith|gardener|"
    r"landscaper|beekeeper|zookeeper|ranger|park ranger|game warden|firefighter|fireman|police officer|"
    r"policeman|policewoman|cop|detective|prison officer|crossing guard|"
    r"lollipop lady|lollipop man|dinner lady|vicar|minister|reverend|pastor|priest|nun|monk|"
    r"councillor|councilor|alderman|magistrate|teacher|schoolteacher|coach|principal|farmer|chef|pilot|"
    r"(?:basketball|football|soccer|rugby|hockey|tennis|baseball|netball|cricket|darts|snooker) player|"
    r"golfer|boxer|wrestler|jockey|lead singer|frontman|bandleader|tiktoker|youtuber|streamer|influencer"
)
_KIN = (
    r"wife|husband|son|daughter|mum|mom|mother|dad|father|kid|kids|boy|girl|baby|brother|sister|"
    r"boyfriend|girlfriend|partner|fiance|fiancee|ex|nephew|niece|grandson|granddaughter|mother-in-law|"
    r"father-in-law|nan|gran|cousin|twins"
)
# Someone defined through another known person: "the dentist's wife", "my neighbour's son", "your ex".
KNOWN_PERSON_RE = caseless(
    rf"\b(?:the|my|your|ur|our|his|her)\s+(?!(?:patient|pt|client|baby|child|kid)'s)[\w-]+'s\s+(?:{_KIN})\b"
    rf"|\b(?:my|your|ur|our)\s+(?:ex|ex-\w+|neighbou?r|next-door neighbou?r|landlord|landlady|boss|"
    rf"roommate|flatmate|housemate|kid's teacher|son's teacher|daughter's teacher|babysitter|childminder|"
    rf"pastor|vicar|priest|old teacher|old coach|teacher|coach|mail carrier|postman)\b(?!s\b|'s)",
)
_PERSON = (
    r"(?:one|guy|lady|man|woman|kid|boy|girl|teen|teenager|toddler|family|couple|dad|mum|mom|bloke|fella|"
    r"dude)"
)
_THING = (
    r"car|truck|van|pickup|bike|motorbike|motorcycle|scooter|moped|tractor|boat|horse|dog|parrot|snake|"
    r"tattoos?|hair|beard|mohawk|dreads|piercings?|accent|limp|eyepatch|wheelchair|mobility scooter|"
    r"[A-Z][a-z]+"
)
TRAIT_RE = caseless(
    rf"\b(?:the|that)\s+(?:same\s+)?{_PERSON}\s+(?:with|in|on|who drives|who rides|who owns)\s+(?:the|a|that|"
    rf"those|his|her)\s+(?:[\w-]+\s+){{0,2}}?(?-i:{_THING})\b"
    rf"|\bthe\s+(?:rider|driver|owner|pilot|skipper|captain)\s+of\s+the\s+(?:[\w-]+\s+){{0,2}}[\w-]+"
    rf"|\b(?:the|that)\s+(?:same\s+)?{_PERSON}\s+who\s+(?:runs|owns|bakes|sells|drives|teaches|coaches|"
    rf"preaches|sings|plays|works (?:at|in|for)|manages|delivers|serves|fixes|cuts|organi[sz]es|hosts|"
    rf"brought|walks|feeds|busks|lives (?:in|on|at|above|behind|next to))\b[^.,;:!?]{{3,50}}"
    rf"|\b(?:the|that)\s+{_PERSON}\s+(?:who\s+(?:went|goes) viral|who was on the news|"
    rf"from (?:the|that)\s+(?:[\w'-]+\s+){{0,4}}?(?:video|tiktok|clip|news|story|post|reel|headlines))\b"
    rf"(?:\s+(?:for|about|after|on)\s+(?:the|that|a|her|his)\s+[\w'-]+)?"
    rf"|\b(?:tiktok|instagram|youtube|twitch|insta)\s+(?:guy|girl|star|famous|influencer|mum|mom|dad|kid)\b"
    rf"|\b(?:with|has|had)\s+(?:over\s+)?\d[\d.,]*\s?(?:k|m|million|thousand)?\s+followers\b"
    rf"|\b(?:the|our|a|that)\s+(?:\w+\s+)?(?:tallest|oldest|youngest|heaviest|smallest|biggest)\s+"
    rf"(?:man|woman|person|resident|patient|baby|kid|guy|lady)\b(?:\s+(?:in|on)\s+(?:town|the county|"
    rf"the island|the state|the ward|record))?"
    rf"|\b\d\s?(?:ft|foot|feet)(?:\s?\d{{1,2}}(?:in|\"))?\s+(?:\w+\s+)?(?:man|woman|guy|lady|player|"
    rf"teen|kid)\b",
)
_BUSINESS = (
    r"shop|store|bakery|pub|bar|garage|diner|cafe|café|chippy|chip shop|newsagent|newsagents|post office|"
    r"salon|barbers?|barber's|gym|library|deli|takeaway|market|farm|chapel|church|mosque|temple|synagogue|"
    r"petrol station|gas station|laundrette|laundromat|corner shop|food bank|shelter|hostel|school"
)
LOCAL_FIGURE_RE = caseless(
    rf"(?:\b(?-i:[A-Z][a-z]+)\s+|\b(?:guy|lady|man|woman|kid|bloke|fella|one|regular|someone|girl|boy)\s+)"
    rf"(?:from|who runs|who owns|who works at)\s+the\s+(?:[\w'-]+\s+){{0,2}}?(?:{_BUSINESS})\b"
    rf"(?=\s*(?:,|who|was|is|has|had|came|passed|died|-|\(|$))",
)
_FAME_EXTRA = (
    r"councillor|councilor|alderman|MP|MLA|assemblyman|assemblywoman|weather (?:guy|girl|man|woman"
    r"|presenter)|"
    r"weatherwoman|news (?:guy|girl|presenter|reader)|newsreader|radio (?:host|DJ)|talk show host|TV chef|"
    r"drag queen|footballer|striker|goalie|goalkeeper|QB|linebacker|reality star|tiktok star|tiktoker|"
    r"holocaust survivor|(?:ww2|wwii|world war (?:ii|2|two)|war) veteran|centenarian|former POW|"
    r"fire chief|police chief"
)
JOB_RE = caseless(
    rf"\b(?:(?:a|an|the|our|my|your|his|her|their|this|that|retired|former|local|old|town's|village's|"
    rf"\d{{1,3}}[- ]?(?:year[- ]old|yo|y/o|[MF]))\s+|(?-i:[A-Z][\w'-]*'s)\s+)"
    rf"(?:[\w'-]+\s+){{0,2}}?(?:{_JOBS}|{_FAME_EXTRA})\b(?!s\b|\s+(?:shortage|training|program|day|week"
    rf"|appreciation))"
    rf"(?:\s+(?:for\s+\d+\s+years|(?:at|from"
    rf"|in)\s+(?-i:(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,3}})))?",
)
_ADVICE_BEFORE_RE = caseless(
    r"\b(?:try|see|ask|find|call|visit|contact|consult|become|be|hire|want|need|like|every|any|no)\s+$",
)


def is_advice(text: str, start: int) -> bool:
    """'try a local vet', 'ask your teacher': a kind of person recommended, not a person described."""
    return bool(_ADVICE_BEFORE_RE.search(text, max(0, start - 12), start))


REGULAR_RE = caseless(
    r"\b(?:(?:our|the|a|my)\s+)?frequent fl[iy]er\b(?!s?\s+(?:miles|points|program|card|club|scheme))",
)
LEGAL_RE = caseless(
    r"\b(?:his|her|their|the|an|(?:he|she)(?:'s| is| was))\s+(?:on\s+)?(?:ankle (?:monitor|tag|bracelet)|"
    r"electronic tag|parole|probation|bail|police escort|prison escort)\b"
    r"|\b(?:in|from)\s+(?:police\s+)?custody\b|\b(?:an?|the)\s+(?:inmate|prisoner)\b"
    r"|\b(?:handcuffed|cuffed)\s+to\s+the\s+(?:bed|trolley|stretcher|gurney)\b",
)
_EVENT_NOUNS = (
    r"Festival|Fair|Parade|Marathon|Half Marathon|Show|Concert|Gala|Games|Derby|Rally|Carnival|Fete|Fête|"
    r"Match|Final|Tournament|Regatta|Rodeo|Fun Run|Triathlon|Homecoming|Prom|Bonfire|Fireworks"
)
_OCCASIONS = (
    r"graduation|prom|homecoming|wedding|funeral|reunion|parade|marathon|bonfire|fireworks|festival|gala|"
    r"concert|fun run|party|christening|bar mitzvah|bat mitzvah|match|game|race|rally|fair|rodeo|derby"
)
NAMED_EVENT_RE = re.compile(
    rf"\b(?:at|during|after|from|before)\s+(?:the\s+|this year's\s+|last year's\s+)"
    rf"(?-i:(?:[A-Z][\w'-]*\s+){{1,3}}(?:{_EVENT_NOUNS}|(?i:{_OCCASIONS})))\b"
)
# "at his graduation", "the groom at the wedding": a one-off occasion that names the person to everyone there.
OCCASION_RE = caseless(
    rf"\b(?:at|during|after)\s+(?:the|his|her|their|a|last night's|saturday's|friday's)\s+"
    rf"(?:[\w'-]+\s+){{0,2}}?(?:{_OCCASIONS})\b"
    rf"|\bthe\s+(?:bride|groom|best man|maid of honou?r|birthday (?:boy|girl)|prom queen|prom king|"
    rf"homecoming queen|valedictorian|head boy|head girl|team captain|mascot)\b",
)
RARE_EVENT_RE = caseless(
    r"\b(?:the|that|last night's|yesterday's|this morning's|saturday's|friday's|sunday's)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:bonfire|pile-?up|quarry jump|cliff jump|bridge jump|jump|plunge|brawl|riot|"
    r"stampede|crush|siege|stand-?off|hit-and-run|hit and run|carjacking|dog attack|mauling|lightning strike|"
    r"derailment|explosion|blast|rollover|shooting|stabbing|rescue)s?\b(?!\s+(?:rope|test|drill|training|"
    r"station|button|season|pads?|kit))",
)

# Cheap pre-tests: a pattern cannot match unless one of these lower-case words occurs in the draft.
LEGAL_KEYS = (
    "ankle",
    "tag",
    "parole",
    "probation",
    "bail",
    "escort",
    "custody",
    "inmate",
    "prisoner",
    "cuffed",
)
OCCASION_KEYS = (
    "graduat",
    "prom",
    "homecoming",
    "wedding",
    "funeral",
    "reunion",
    "parade",
    "marathon",
    "bonfire",
    "firework",
    "festival",
    "gala",
    "concert",
    "fun run",
    "party",
    "christening",
    "mitzvah",
    "match",
    "game",
    "race",
    "rally",
    "fair",
    "rodeo",
    "derby",
    "bride",
    "groom",
    "best man",
    "maid of",
    "birthday",
    "queen",
    "king",
    "valedictorian",
    "head boy",
    "head girl",
    "captain",
    "mascot",
    "show",
    "carnival",
    "fete",
    "f\u00eate",
    "final",
    "tournament",
    "regatta",
    "triathlon",
)
EVENT_KEYS = (
    "bonfire",
    "pile",
    "jump",
    "plunge",
    "brawl",
    "riot",
    "stampede",
    "crush",
    "siege",
    "stand",
    "hit",
    "carjack",
    "attack",
    "mauling",
    "lightning",
    "derail",
    "explos",
    "blast",
    "rollover",
    "shooting",
    "stabbing",
    "rescue",
)
