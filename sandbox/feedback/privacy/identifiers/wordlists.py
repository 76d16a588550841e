"""Word lists shared by the identifier detectors: names, calendar words, number words."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

_HERE = Path(__file__).parent


def _load(filename: str) -> frozenset[str]:
    lines = (_HERE / filename).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def fold(word: str) -> str:
    """Lower-case a word and strip accents, for list look-ups."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


# Common nicknames -> the given names they come from (used for scenario facts and as extra names).
NICKNAMES: dict[str, tuple[str, ...]] = {
    "robert": ("bob", "bobby", "rob", "robbie", "bert"),
    "william": ("will", "bill", "billy", "liam", "willie"),
    "elizabeth": ("liz", "lizzie", "beth", "betty", "eliza", "libby", "betsy"),
    "margaret": ("maggie", "peggy", "meg", "marge", "greta"),
    "richard": ("rick", "ricky", "dick", "rich"),
    "james": ("jim", "jimmy", "jamie"),
    "john": ("jack", "johnny"),
    "michael": ("mike", "mikey", "mick"),
    "joseph": ("joe", "joey"),
    "thomas": ("tom", "tommy"),
    "charles": ("charlie", "chuck", "chas"),
    "daniel": ("dan", "danny"),
    "david": ("dave", "davey"),
    "edward": ("ed", "eddie", "ted", "ned"),
    "katherine": ("kate", "katie", "kathy", "kat", "kit"),
    "catherine": ("cathy", "kate", "cat"),
    "patricia": ("pat", "patty", "trish", "tricia"),
    "jennifer": ("jen", "jenny"),
    "christopher": ("chris", "kit"),
    "christine": ("chris", "chrissy", "tina"),
    "kristina": ("tina", "kris"),
    "anthony": ("tony",),
    "nicholas": ("nick", "nicky"),
    "alexander": ("alex", "sasha", "xander"),
    "alexandra": ("alex", "lexi", "sandra"),
    "samuel": ("sam", "sammy"),
    "samantha": ("sam", "sammy"),
    "benjamin": ("ben", "benny"),
    "matthew": ("matt",),
    "andrew": ("andy", "drew"),
    "steven": ("steve",),
    "stephen": ("steve",),
    "timothy": ("tim", "timmy"),
    "jonathan": ("jon", "jonny"),
    "joshua": ("josh",),
    "gregory": ("greg",),
    "kenneth": ("ken", "kenny"),
    "ronald": ("ron", "ronnie"),
    "donald": ("don", "donnie"),
    "lawrence": ("larry",),
    "gerald": ("gerry", "jerry"),
    "raymond": ("ray",),
    "louis": ("lou",),
    "francis": ("frank", "fran"),
    "frances": ("fran", "frankie"),
    "frederick": ("fred", "freddie"),
    "harold": ("harry", "hal"),
    "henry": ("hank", "harry"),
    "albert": ("al", "bert"),
    "alfred": ("al", "alfie"),
    "susan": ("sue", "susie"),
    "deborah": ("deb", "debbie"),
    "rebecca": ("becky", "becca"),
    "victoria": ("vicky", "tori"),
    "jessica": ("jess", "jessie"),
    "barbara": ("barb", "babs"),
    "dorothy": ("dot", "dottie", "dolly"),
    "virginia": ("ginny",),
    "theodore": ("ted", "teddy", "theo"),
    "abigail": ("abby",),
    "isabella": ("bella", "izzy"),
    "gabriel": ("gabe",),
    "zachary": ("zach", "zack"),
    "nathaniel": ("nate", "nat"),
    "nathan": ("nate",),
    "mathew": ("matt",),
    "leonard": ("leo", "len", "lenny"),
    "eleanor": ("ellie", "nora", "nell"),
    "helen": ("nell", "nellie"),
    "josephine": ("jo", "josie"),
    "jacqueline": ("jackie",),
    "pamela": ("pam",),
    "cynthia": ("cindy",),
    "kimberly": ("kim",),
    "maria": ("mari",),
    "jose": ("pepe",),
    "francisco": ("paco", "pancho"),
    "guadalupe": ("lupe",),
    "dolores": ("lola",),
    "ignacio": ("nacho",),
    "manuel": ("manny",),
    "enrique": ("kike",),
    "oluwaseun": ("seun",),
    "olufemi": ("femi",),
    "chukwuemeka": ("emeka",),
}

# Given names that are also everyday words, brands or places: need a strong cue (a title, "baby ...").
AMBIGUOUS_NAMES = frozenset(
    """
angel april august autumn bill blessing bob chase comfort cord daisy dawn diamond drew eve faith fancy
guy harm hope hunter ivy jay job joy june lucky mark misty peace penny robin rose said sandy sole summer
till valentine violet wolf will may grace mercy trinity precious sunny rusty buddy bud major king rich art
pat sue gene jean don van reed miles max cash price chance page paige sky star crystal amber ruby jade
pearl holly ginger honey melody harmony heaven destiny sterling carol carter parker hunter mason cooper
baker taylor tyler porter austin dallas houston paris florence georgia virginia carolina madison lincoln
jordan jackson washington chelsea sydney india china brooklyn phoenix justice royal christian faith
cat kit dot dolly will bill rich drew chuck dick ted ned nat hal al ed jo babs bert sandra cash forum patience
margarita america tia allegra ella lyrica celeste liberty unity charity prudence felicity verity constance
africa angeles aurora brandy dakota duke earl eden jesus kennedy mercedes orlando sierra sol sherry luna noel
iris dean glen dale stella genesis savannah frank grant earnest ernest gay
""".split()
)

# Eponyms in disease, sign and procedure names: never a private person's name.
EPONYMS = frozenset(
    """
addison alzheimer apgar asperger barrett bell courvoisier crohn cushing down foley glasgow graves guillain
hashimoto heimlich hodgkin horner huntington kawasaki kernig lyme marfan meniere murphy osgood paget parkinson
raynaud reye sjogren tourette trendelenburg whipple wilson kussmaul babinski brudzinski hirschsprung
""".split()
)

# Given names common in the US that the locale lists miss (all generations and communities).
_EXTRA_NAMES = """
lily ava jess lou ethel rhea jen shay noor eli mateo theo keisha latoya tyrone deshawn jamal aaliyah imani
jaylen malik darnell shanice tamika ebony marquis terrell andre rashad xavier jalen kiara nia zion latasha
shaniqua dashawn demetrius lakisha tanisha jamar kendrick trevon ximena valentina camila sofia santiago diego
alejandro yesenia yolanda maribel araceli itzel jazmin lupe esteban rafael ramon arturo hector ignacio beatriz
ines anjali rohan arjun ravi deepak sanjay neha pooja wei ming mei jin hyun yuki hiroshi kenji haruto aiko
thanh linh minh huong duc chinedu ngozi oluwaseun adebayo amara kwame kofi ama abena femi tunde chioma emeka
nkechi ahmed mohammed fatima aisha omar yusuf layla zainab hassan hussein khalid samir rania liam oliver
elijah lucas logan jackson sebastian olivia isabella sophia charlotte amelia harper evelyn abigail emily avery
scarlett chloe penelope riley zoey nora eleanor hannah lillian aubrey ellie natalie zoe leah savannah audrey
bella claire skylar lucy paisley everly anna caroline genesis emilia maya kinsley naomi ariana allison
gabriella alice madelyn cora eva adeline hailey gianna isla eliana quinn nevaeh sadie piper lydia alexa
josephine emery julia delilah arianna vivian kaylee sophie brielle madeline mildred gertrude edna myrtle
bernice agnes mabel opal irma doris gladys lorraine marjorie bernard harold walter eugene herbert clarence
floyd leroy vernon wilbur otis elmer cletus delbert merle lloyd virgil homer bea bubba junior
jayden aiden brayden kayden caden hayden grayson jaxon jace ryder easton colton landon carson hudson brody
bentley kingston maddox nolan declan rowan finn milo silas ezra asher ezekiel levi micah jonah owen caleb
isaiah josiah jeremiah elias axel luca kai enzo nico rocco tristan damian adrian julian hugo rory cormac
niamh siobhan aoife ciara saoirse sinead orla roisin maeve darragh oisin padraig seamus eoin tadhg callum
lachlan hamish fraser ewan kirsty mhairi ailsa morag hamza zara amir idris tariq bilal imran nadia yasmin
leila kavya ishaan aarav vikram rajesh sunita lakshmi suresh ramesh anil vijay kiran priya divya priyanka
aditi ananya arnav aryan diya ishita kabir meera nikhil rahul riya rohit sanjana shreya tanvi varun yash
pete marty walt gwen deb debs debbie marcy hal flo lou ty reggie ronnie frankie stevie georgie archie alfie
freddie ollie harry teddy danny benny jimmy tommy sammy bobby billy eddie ricky mickey nicky rosie josie
maggie peggy polly molly milly tilly lizzy libby abby gabby becky vicky nikki tash tasha misha cass cassie
bex mel mandy cindy wendy trudy judy rudy andy randy bev val viv pam kath jackie trish kev dave steve phil
rob tony jon gav mo bert ernie stan gus vinny sal lenny manny jojo kiki lulu fifi gigi dee bev midge
marge madge nell nellie winnie minnie hattie lottie dottie effie elsie ivy bessie fanny hettie kitty
sunny dolores rosa rosita conchita lupita paco chuy beto memo tere lety paty chela nena
""".split()
FIRST_NAMES = frozenset(
    (
        _load("first_names.txt")
        | {n for nicks in NICKNAMES.values() for n in nicks}
        | set(NICKNAMES)
        | set(_EXTRA_NAMES)
    )
    - EPONYMS
)
SURNAMES = _load("surnames.txt") - EPONYMS

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CALENDAR_WORDS = frozenset(
    set(MONTHS)
    | set(MONTH_ABBR)
    | set(WEEKDAYS)
    | {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "christmas", "easter"}
)

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_UNIT_RE = "|".join(_UNITS[1:])
_TEEN_RE = "|".join(_TEENS)
_TENS_RE = "|".join(t for t in _TENS if t)
_BELOW_100 = rf"(?:(?:{_TENS_RE})(?:[\s-](?:{_UNIT_RE}))?|{_TEEN_RE}|{_UNIT_RE})"
NUMBER_WORDS = rf"(?:(?:one|a)[\s-]hundred(?:[\s-](?:and[\s-])?{_BELOW_100})?|{_BELOW_100})"
NUMBER_WORDS_RE = re.compile(rf"\b{NUMBER_WORDS}\b", re.IGNORECASE)


def words_to_number(phrase: str) -> int | None:
    """Return the value of a spelled-out number up to 199 ('ninety-two' -> 92), or None."""
    total = 0
    seen = False
    for word in re.split(r"[\s-]+", phrase.lower()):
        if word in ("and", "a", ""):
            continue
        if word == "hundred":
            total = max(total, 1) * 100
        elif word in _UNITS:
            total += _UNITS.index(word)
        elif word in _TEENS:
            total += 10 + _TEENS.index(word)
        elif word in _TENS:
            total += 10 * _TENS.index(word)
        else:
            return None
        seen = True
    return total if seen else None


def number_to_words(value: int) -> str:
    """Spell out 0-199 the way people write ages ('ninety-two', 'one hundred and three')."""
    if value >= 100:
        rest = value - 100
        return "one hundred" + (f" and {number_to_words(rest)}" if rest else "")
    if value < 10:
        return _UNITS[value]
    if value < 20:
        return _TEENS[value - 10]
    tens, unit = divmod(value, 10)
    return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
