"""SARCASTIC: ironic praise, mock awards and honorifics, scare quotes and smirks aimed at people."""

from __future__ import annotations

import re

from ..model import Draft, Finding
from .common import GAP, Rule, best_match, compile_rules, from_match, lowered, tone_finding
from .gating import GatedPattern
from .matching import QUOTED

_NEGATIVE_THING = (
    r"(?:ventilator|vent|icu|morgue|measles|coma|hospital bill|er bill|intubation|"
    r"ambulance ride|"
    r"waiting room|wait|ward|a&e|er|flu|covid|consequences|hangover)"
)

_SARCASM_STRONG: tuple[Rule, ...] = compile_rules(
    (
        ("eye_roll", "warn", "\U0001f644"),
        (
            "irony",
            "warn",
            r"\b(?:oh|ah),? (?:sure|yes|yeah|right|great|joy|wonderful|fantastic|perfect|lovely|"
            r"brilliant|marvell?ous|fabulous|awesome|goody|fun)\b|\bliving my best life\b|"
            r"\bsure,? (?:jan|buddy|bud|pal|thing|sweetie|honey|champ)\b|"
            r"\bok(?:ay)?,? (?:bud|buddy|pal|boomer|champ)\b|\byeah,? right\b|\blol,? ok\b|"
            r"\bsure,? let me just\b",
        ),
        (
            "irony",
            "warn",
            r"\b(?:the|oh the) horror\b|\bgroundbreaking\b|\b(?:truly|how|so|wow,?) shocking\b|"
            r"\bwhat a (?:shock|surprise|shocker)\b|\bfamously\b|, obviously[.!]|\bor anything[.!]|"
            r"\bwho knew\b|\bjust for you\b",
        ),
        ("irony", "warn", r"\bbecause we (?:enjoy|love) (?:it|this|that|making)\b|\b[\w-]+ much\?"),
        (
            "irony",
            "warn",
            r"(?:^|[.!?]\s+)(?:great|fantastic|wonderful|perfect|lovely|awesome|"
            r"brilliant),? another\b|\btruly (?:thrilling|riveting|fascinating|inspiring|"
            r"a delight)[.!]",
        ),
        (
            "irony",
            "warn",
            r"\bthanks a lot[.!]|\bcool story\b|\bwhatever you say\b|\bnothing says\b|"
            r"(?:^|[.!?]\s+)(?:classy|real mature|very mature|how original|bold move|nice try|"
            r"good luck with that)[.!]|\byour (?:majesty|highness|royal)|\bmagically\b|"
            r"(?:^|[.!?]\s+)(?:right|sure|yeah|yes),? because\b|"
            r"(?:^|[.!?]\s+)(?:weird|funny|interesting|strange) how\b|"
            r"\bsure,? (?:i'?ll|we'?ll) just\b|\bapparently\b[^.!?\n]{0,80}\bnow[.!]",
        ),
        (
            "mockery",
            "warn",
            r"\b(?:google|internet|tiktok|youtube|facebook) (?:degree|diploma|md|fee|"
            r"university)\b|\bcan'?t make this (?:stuff )?up\b|"
            r"\bnever (?:a dull moment|boring)\b|\bliving the dream\b",
        ),
        (
            "mockery",
            "warn",
            r"\blove (?:it )?when (?:a|an|someone|patients?|people|families|he|she|they)\b|"
            r"\bnothing like (?:a|an|being|getting)\b|\bfrequent flyer\b|\bguess who'?s back\b",
        ),
        (
            "mockery",
            "warn",
            r"\byears of (?:training|school|medical school|med school|education) for this\b|"
            r"\bthanks for the (?:1|one)[- ]star\b|\bwe'?ll frame it\b|"
            r"\b(?:aren'?t|are not|isn'?t) (?:psychic|mind ?readers?)\b",
        ),
        (
            "mockery",
            "warn",
            r"\bhow(?:ever)? (?:will|did|would|do) you (?:ever )?(?:survive|recover|cope|go on|"
            r"manage)\b|\ba whole \d+[- ]?(?:minute|min|hour|second)s?\b|"
            r"\bhave you considered that\b|\bfunny, (?:we|i)\b|\bthe classic '|"
            r"'did (?:his|her|their|your) (?:own )?research'|"
            r"\bnot a medical emergency, (?:sir|ma'am)\b|"
            r"\bour favou?rite (?:frequent|regular|customer)\b|"
            r"\b(?:read|reading) (?:your|their|his|her) minds?\b|"
            r"\blove\b[^.!?\n]{0,30}\b(?:1|one)[- ]star\b",
        ),
        (
            "mockery",
            "warn",
            r"\bso sorry (?:that )?(?:our|we|dentistry|medicine|doctors|nurses)\b"
            + GAP % 40
            + r"(?:aren'?t|isn'?t|involves?|can'?t|don'?t)\b",
        ),
        (
            "irony",
            "warn",
            r"(?:^|[.!?]\s+|\s)also (?:management|admin|hr|leadership|the (?:hospital|trust|board|"
            r"government|boss)|my (?:manager|boss)|patients?|[a-z]+):",
        ),
        (
            "irony",
            "warn",
            r",\s*(?:genius|einstein|sherlock|smart guy|mastermind|hotshot|princess|"
            r"your (?:majesty|highness))\b|\blike a normal (?:person|human|adult|patient)\b",
        ),
        (
            "irony",
            "warn",
            r"\b(?:award|prize|medal|trophy) for (?:the )?(?:most|best|biggest|worst)\b|"
            r"\benjoy (?:the|your) " + _NEGATIVE_THING + r"\b|"
            r"(?:^|[.!?]\s+)(?:sir|ma'am|madam|bro|dude)[.!?]+\s*$",
        ),
        (
            "irony",
            "warn",
            r"\bnothing makes my (?:day|night|shift|week) like\b|"
            r"(?:^|[.!?]\s+)(?:really|very|so|super) (?:helpful|useful|mature|original|clever|"
            r"considerate|thoughtful)[.!]|(?:^|[.!?]\s+)(?:great|brilliant|genius|fantastic|"
            r"wonderful|"
            r"lovely|perfect) (?:idea|plan|move|thinking)[.!]|\bhow dare (?:they|she|he|we|i|"
            r"the)\b|"
            r"(?:^|[.!?]\s+)because (?:obviously|clearly|of course|apparently)\b|"
            r"\b(?:gee|gosh|golly|hmm+|shocking),? i wonder\b|\blove that for (?:you|him|her|"
            r"them)\b|"
            r"(?:^|[.!?]\s+)sure,? (?:let'?s|why not|go ahead)\b",
        ),
        (
            "mockery",
            "warn",
            r"\b(?:google|internet|tiktok|youtube|facebook|instagram|reddit|wikipedia|whatsapp) "
            r"(?:medical |nursing )?(?:degree|diploma|md|university|doctorate|phd)\b",
        ),
        (
            "irony",
            "warn",
            r"\b(?:tonight'?s|today'?s|this week'?s|free|live) (?:comedy|entertainment|"
            r"stand-?up)\b|"
            r"\b(?:sure|totally|clearly|obviously),? (?:that'?s|it'?s|you'?re) (?:the|a|an) "
            r"(?:doctor|expert|nurse|professional|emergency|genius)\b",
        ),
        (
            "irony",
            "warn",
            r"\b(?:mother|father|parent|dad|mum|mom|employee|patient|husband|wife|boss|manager|"
            r"customer) of the (?:year|month|decade)\b|\b(?:a\+|10/10|gold star|chef'?s kiss) "
            r"(?:parenting|work|logic|planning|effort|decision|behaviou?r|thinking)\b|"
            r"(?:^|[.!?]\s+)the (?:audacity|confidence|nerve|entitlement|delusion)[.!]|"
            r"\bwhat could (?:possibly )?go wrong\b|\bsaid no ?one ever\b|\bas one does\b|"
            r"\b(?:colou?r me|imagine my) (?:shocked|surprised|surprise|shock)\b|"
            r"\bthanks for nothing\b|"
            r"\bwho could have (?:predicted|guessed|seen (?:that|this) coming)\b|"
            r"\bshocked,? i tell you\b",
        ),
        (
            "mockery",
            "warn",
            r"\b(?:a|an) (?:hospital|clinic|surgery|er|a&e|practice|pharmacy|icu|"
            r"ward),? not (?:a|an) "
            r"(?:hotel|restaurant|spa|cafe|taxi|babysitter|daycare|drive-?thru|fast food)\b",
        ),
        (
            "irony",
            "warn",
            r"\bwhat an? (?:great|fantastic|brilliant|wonderful|genius|amazing) idea\b|\boh look,|"
            r"\bbecause that'?s (?:exactly )?(?:what|how)\b|\bmy fav(?:ou?rite)? (?:kind|type|"
            r"sort) of "
            r"(?:patient|person|parent|family|call|review|question|complaint)\b|"
            r"\b(?:round of applause|"
            r"slow clap|standing ovation) for\b|(?:^|\s)/s\b|\bjust what (?:i|we) needed\b|"
            r"(?:^|[.!?]\s+)of course (?:he|she|they|you) (?:did|does|do|was|were|is)[.!]|"
            r"\bwho needs\b[^.!?\n]{0,40}\bright\?|\bgott?a love\b|\bhave you tried not\b|"
            r"\b(great|awesome|fantastic|perfect|wonderful|brilliant|amazing)[.!]+ just \1\b",
        ),
    )
)

# Weak cues of mockery. A smirking emoji or a venting hashtag sets the mood; the words carry the irony.
_SMIRK = re.compile(
    "[\U0001f643\U0001f937\U0001f914\U0001f485\U0001f3c6\U0001f921\U0001f926\U0001f612\U0001fae0\U0001f609\U0001f44f]|"
    "\U0001f642\\s*$|#(?:er|ed|nurse|nursing|hospital|medical|nightshift|icu|ems|medic|paramedic|dental|"
    "pharmacy|gp|doctor|resident)(?:life|humou?r|problems|nurse|memes|shift)\\b|\\blo+l\\b|\\blm+a+o+\\b"
)
_IRONY_CUES: tuple[GatedPattern, ...] = tuple(
    GatedPattern(p)
    for p in (
        r"\bsir\.|\bbuddy\b|\bcute\b|\bcomedy\b|\bliterally\b|\bapparently\b",
        r"(?:^|[.!?]\s+)dear (?:\w+ ){0,2}?(?:man|woman|lady|guy|gentleman|person|people|parents?|mum|mom|"
        r"dad|"
        r"family|patient|driver|someone|whoever)\b",
        r"\b(?:i|we) (?:really |truly )?(?:admire|applaud|salute|respect|love) (?:the|your|his|her|their) "
        r"(?:commitment|dedication|confidence|optimism|creativity|enthusiasm|persistence|logic|priorities|"
        r"audacity|effort|honesty|research)\b|\b(?:deserves?|earned|earns|wins?|gets?) (?:a|an|the) "
        r"(?:\w+ )?(?:award|medal|prize|trophy|gold star)\b",
        r"\b(?:truly|so|very|really|just) (?:inspiring|impressive|brilliant|amazing|stellar|heroic|"
        r"visionary) ?\w*[.!]|\bstill (?:wanted|asked|insisted|expected|demanded|tried|managed|stopped|"
        r"found time)\b|"
        r"\b(?:cried|screamed|whined|complained|moaned|yelled) (?:harder|louder|more) than\b",
        r"(?:^|[.!?]\s+)(?:maybe|perhaps) (?:you|he|she|they) [^.!?\n]{0,50}\?|\blike everyone else\b|"
        r"(?:^|[.!?]\s+)(?:sure|totally|clearly|obviously|of course)[,.!]|\bi wonder why\b",
        r"\b(?:personal attack|end of the world|crime against humanity|human rights violation|torture|"
        r"war crime|"
        r"worst (?:thing|day) (?:ever|of (?:your|his|her|their) li(?:fe|ves)))\b|\bhope (?:the|your|"
        r"those) [\w ]{0,30}"
        r"(?:fix|cure|heal)(?:es|s)? (?:your|the|his|her)\b",
        r"(?:^|[.!?]\s+)(?:oh no|oh dear|oh wow|wow),|\b(?:clearly|obviously|surely|specifically|totally)\b",
    )
)
# A short burst of praise as its own sentence ("Love it.", "Truly inspiring.") after a frustration
# ("again", "no break", "cancelled") reads as irony.
_PRAISE_FRAGMENT = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:just |simply |truly |really |absolutely |so )?(?:love (?:it|this|that)|loving it|"
    r"amazing|fantastic|brilliant|wonderful|perfect|marvell?ous|fabulous|inspiring|stellar|classy|"
    r"thrilled|delighted|great (?:job|work|stuff|planning)|well done|bravo|what a (?:treat|time|joy))"
    r"(?:,? (?:everyone|all|team|folks|guys))?)[.!]+(?:\s|$)"
)
_GRATITUDE = re.compile(r"\b(?:thank\w*|grateful|gratitude|proud|congrat\w*|kudos|shout-?out)\b")
_FRUSTRATION = re.compile(
    r"\b(?:again|yet again|another \d+[- ]?hour|no (?:break|lunch|breaks|staff|beds)|unpaid|cancell?ed|"
    r"short[- ]staffed|understaffed|mandatory overtime|double shift|\d+(?:th|rd|nd|st) time|broken (?:again|"
    r"still)|still (?:broken|waiting|no)|cuts?\b)"
)
_PERSON_TARGET = re.compile(
    r"\b(?:patients?|pt|guy|lady|man|woman|dude|sir|ma'am|mr|mrs|ms|family|he|she|his|her|you|your|u|ur|"
    r"people|someone|parents?|management|folks|whoever|bed \d+|room \d+|\d+\s*(?:yo|y/o|year-old))\b",
)


def find_sarcastic(draft: Draft) -> list[Finding]:
    """SARCASTIC: ironic praise, mockery, eye-rolls; weak cues count in pairs (one in words)."""
    text = lowered(draft.text)
    hit = best_match(text, _SARCASM_STRONG)
    if hit is not None:
        return from_match("SARCASTIC", hit)
    praise = _PRAISE_FRAGMENT.search(text)
    sincere = _GRATITUDE.search(text) is not None
    if praise is not None and not sincere and _FRUSTRATION.search(text, 0, praise.start()):
        return [tone_finding("SARCASTIC", "warn", "praise_for_a_frustration", praise.span())]
    irony = [match for match in (pattern.search(text) for pattern in _IRONY_CUES) if match is not None]
    if not irony or not _PERSON_TARGET.search(text):
        return []
    mood = [match for match in (_SMIRK.search(text), QUOTED.search(text)) if match is not None]
    cues = sorted(irony + mood, key=lambda match: match.start())
    if len(cues) < 2:
        return []
    return [tone_finding("SARCASTIC", "warn", "mocking_cues", cues[0].span())]
