"""Cues around a candidate name: strong patient cues, staff and author's own people, public figures."""

from __future__ import annotations

import re

from ...caseless import caseless

_CAP = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_RELATIVES = (
    r"mum|mom|dad|mother|father|wife|husband|son|daughter|family|parents|sister|brother|nan|nana|"
    r"gran|granny|grandma|grandpa|grandad|partner|kids|children|baby|carer|caregiver|fianc[eé]e?"
)
_PERSON = (
    r"man|woman|lady|guy|gentleman|gent|boy|girl|kid|child|baby|patient|resident|fella|chap|lad|"
    r"lass|one"
)
# Patterns whose group 1 is a private person's name however common the word is.
STRONG_NAME_PATTERNS = tuple(
    re.compile(p)
    for p in (
        # "His name was Frank.", "a lovely lady named Rose"
        rf"\b(?i:his|her|their|the\s+\w+'s)\s+(?i:first\s+)?name\s+(?i:is|was)\s+({_CAP}(?:\s+{_CAP})?)",
        rf"\b(?i:{_PERSON})\s+(?i:named|called|by the name of)\s+({_CAP}(?:\s+{_CAP})?)",
        # "Hernandez, the knee lady", "Walt, our nonagenarian"
        rf"\b({_CAP}(?:\s+{_CAP})?),\s+(?i:the|our|my)\s+(?:[\w-]+\s+){{0,2}}(?i:{_PERSON}|nonagenarian|"
        rf"centenarian|"
        r"regular|frequent flyer)\b",
        # "Rosie D.", "Ethel G. from Birchwood"
        rf"\b({_CAP}\s+[A-Z]\.)(?!\s*[A-Z][a-z])",
        # "Walt in room twelve", "Jo in bed 4"
        rf"\b({_CAP})\s+(?i:in|on)\s+(?i:room|rm|bed|bay|cubicle|side room)\s*#?\w",
    )
)
# A cheap test per strong pattern: skip the pattern when its hint is absent.
STRONG_NAME_HINTS = tuple(
    re.compile(h)
    for h in (
        r"(?i)\bname\b",
        r"(?i)named|called|by the name",
        r"(?i),\s+(?:the|our|my)\s",
        r"[A-Z]\.",
        r"(?i)\b(?:room|rm|bed|bay|cubicle)\b",
    )
)
# "Sophie's mum", "Abby's dad": a name whose relative is being talked about.
POSSESSIVE_RELATIVE_RE = re.compile(rf"\b({_CAP})['\u2019]s\s+(?i:{_RELATIVES})\b")
# A name said to someone: at the start of the draft or sentence, or closing a clause.
VOCATIVE_BEFORE = re.compile(
    r"(?:^|[.!?\n]\s*|\b(?i:hi|hey|hello|dear|thanks|thank you|congrats|congratulations|well done|"
    r"love you|miss you|proud of you|bless you|rip)\s*,?\s*|,\s*)$"
)
VOCATIVE_AFTER = re.compile(r"\s*(?:[,!?)]|\.(?:\s|$)|[\U0001F300-\U0001FAFF\u2600-\u27BF]|$)")
_YOU_RE = re.compile(r"\b(?:you|your|you're|u|ur)\b", re.IGNORECASE)

# Staff doing a job: "let Dana know", "passed it to Ken so he can rebook", "it's Jess from the clinic".
_STAFF_AGENT_BEFORE = caseless(
    r"(?:\blet\s+|\bpassed\s+(?:[\w']+\s+){0,4}(?:on\s+)?to\s+|\bit['\u2019]s\s+|\bcc\s+|\bwith\s+"
    r"(?=\w+\s+(?:at|in|from)\s+(?:the\s+)?(?:front desk|reception|billing)))$",
)
_STAFF_AGENT_AFTER = re.compile(
    r"\s+(?:know\b|from\s+(?:the\s+|our\s+)?(?:clinic|office|surgery|practice|front desk|reception|"
    r"pharmacy|team|"
    r"ward|desk|billing|lab)\b|(?:at|on)\s+(?:the\s+)?(?:front desk|reception)\b|"
    r"(?:can|will|'ll|\u2019ll|is going to|would be happy to|is happy to)\s+(?:\w+\s+)?(?:call|ring|update|"
    r"rebook|book|contact|help|sort|arrange|text|email|reach|see you|get back|follow up|assist|go through)|"
    r"so\s+(?:he|she|they)\s+can\b)",
    re.IGNORECASE,
)
# The author's own family and friends, and trolls or commenters, are not patients.
_OWN_PEOPLE_BEFORE = caseless(
    r"(?:\bmy\s+(?:\w+\s+)?(?:husband|wife|son|daughter|mum|mom|dad|kids?|partner|boyfriend|girlfriend|"
    r"brother|sister|fianc\w*|nan|gran|grandma|grandpa|niece|nephew|cousin|friend|bestie|colleague|boss)|"
    r"\b(?:troll|trolls|commenter|commenters|heckler|keyboard warrior|reply guy|user|"
    r"poster)(?:\s+(?:named|called))?)\s*,?\s*$",
)
# Public figures: a title or role before the name, or something public after it.
_PUBLIC_BEFORE = caseless(
    r"\b(?:prince|princess|king|queen|president|senator|sen\.|rep\.|congressman|congresswoman|governor|"
    r"gov\.|mayor|pope|sir|dame|lord|minister|chancellor|secretary|judge|justice|actor|actress|singer|rapper|"
    r"comedian|athlete|footballer|quarterback|celebrity|star|author|novelist|influencer|musician|host|"
    r"presenter|broadcaster|former president|first lady|saint|st\.)\s+(?:[A-Z]\w+\s+)?$",
)
_PUBLIC_AFTER = re.compile(
    r"(?:['\u2019]s\s+(?:new\s+|latest\s+)?(?:album|song|film|movie|show|memoir|book|tour|speech|interview|"
    r"announcement|statement|tweet|campaign|administration|government|foundation|podcast)|"
    r"\s+(?:announced|revealed|went public|told reporters|said in an interview|shared publicly)|"
    r"\s+(?:has\s+|have\s+)?(?:spoke|spoken|talked|opened up|wrote|written)\s+(?:publicly|openly|out))\b",
    re.IGNORECASE,
)
PUBLIC_FIGURE_RE = re.compile(
    r"\b(?i:prince|princess|king|queen|president|senator|governor|mayor|pope|prime minister|first lady)\s+"
    r"[A-Z][a-z]+"
)
PUBLIC_FIGURES = frozenset(
    """swift biden trump obama fauci beyonce oprah elvis lebron kardashian musk
clinton kennedy lincoln washington einstein jolie biles gaga dion hawking reeve willis pelosi sanders
macron trudeau merkel ardern middleton markle mandela gandhi curie nightingale seacole zuckerberg bezos
springsteen madonna rihanna adele sheeran ronaldo messi federer nadal djokovic serena beckham attenborough
""".split()
)


def staff_or_own(text: str, start: int, end: int) -> bool:
    """True for staff at work, the author's own people, trolls and public figures."""
    before = text[max(0, start - 40) : start]
    return bool(
        _STAFF_AGENT_BEFORE.search(before)
        or _STAFF_AGENT_AFTER.match(text, end)
        or _OWN_PEOPLE_BEFORE.search(before)
        or _PUBLIC_BEFORE.search(before)
        or _PUBLIC_AFTER.match(text, end)
    )


_OPENERS = frozenset(
    """
yes no yeah yep nope hi hey hello dear thanks thank sorry well so also however honestly actually
today yesterday tonight friends folks everyone everybody team guys ladies gents please again first
sadly unfortunately congrats congratulations wow ok okay update reminder psa note look listen
remember agreed absolutely sure great lovely brilliant awesome ugh oof sigh oh ah aw aww omg lol
wait hmm morning evening afternoon night mate mum mom dad sir madam folks peeps guys all you welcome
bless amen cheers hiya hallo update warning heads confession question quick story fun fact real talk
true respect facts funny relax seriously calm chill careful correct exactly interesting weird
strange noted understood fair right wrong nice cool cute sweet hilarious sad tough rough wild crazy
yikes yay phew whoa gosh honey sweetie babe love darling buddy pal friend doc nurse girl boy man
dude bro sis luckily thankfully obviously clearly frankly basically literally anyway anyhow besides
btw fyi imo plus still yet though fine perfect excellent amazing wonderful fantastic beautiful
gorgeous adorable gross eww ouch oops whoops hooray ditto same indeed totally definitely certainly
apparently because since when whatever stop hold breathe easy slow quick hush shh patience listen
look see guess imagine trust believe promise huge major big small kudos bravo respectfully cheers
hun hon lady sweetheart bud kiddo champ chief boss doctor madam ma'am sister brother auntie uncle
grandma grandpa nan nana papa mama baby sorry apologies noted ahh eek hm meh nah nay ya
""".split()
)
_NOT_NAME_ENDING = re.compile(r"(?:ly|ing|ed|ness|ment|tion|ful|less|ous|ive|able|ity|ers|ies)$")


def opening_vocative(text: str, start: int, end: int) -> bool:
    """An unlisted name the draft opens by addressing: 'Oksana, thank you ...', 'Hi Teodora!'."""
    word = text[start:end]
    if not (word[:1].isupper() and word[1:].islower() and len(word) >= 3):
        return False
    lead = text[:start].strip(" \"'").lower().rstrip(",")
    if lead not in ("", "hi", "hey", "hello", "dear", "thanks", "thank you", "congrats", "congratulations"):
        return False
    if word.lower() in _OPENERS or _NOT_NAME_ENDING.search(word.lower()):
        return False
    return bool(re.match(r"\s*[,!]", text[end : end + 3]) and _YOU_RE.search(text))


def is_vocative(text: str, start: int, end: int) -> bool:
    """A name said to the reader ('Grant!! So glad ...', 'you know who you are, Sunny'), in a 'you' draft."""
    before = text[max(0, start - 20) : start]
    if not (VOCATIVE_BEFORE.search(before) and VOCATIVE_AFTER.match(text, end)):
        return False
    return not text[:start].strip(" \"'") or bool(_YOU_RE.search(text))
