"""RELATIONSHIP cues in replies and care stories: the reader's relatives and carers, visits, past acts.

Split from care_cues.py, which holds the core grammar patterns (carer + care verb + person).
"""

from __future__ import annotations

import re

from ...caseless import caseless
from .care_cues import _CARER, _RESCUE, _STRONG_CARE

_RELATIVE = (
    r"(?:mom|mum|mother|dad|father|son|daughter|wife|husband|partner|baby|child|kid|grandma|grandpa|"
    r"grandmother|grandfather|nan|gran|little one|little boy|little girl|boy|girl|kids|children|twins)"
)
# In a review reply, "your mum" next to her care or health confirms she was a patient.
YOUR_RELATIVE_RE = re.compile(rf"\b(?:your|ur)\s+(?:little\s+|\w+-year-old\s+)?{_RELATIVE}\b", re.IGNORECASE)
ARRIVED_RE = caseless(
    r"\b(?:arrived|turned up|showed up|was brought|got brought|was rushed|got rushed|was wheeled|"
    r"was blue-?lighted)\s+(?:in\s+|back\s+)?(?:by ambulance|by helicopter|in resus|in with|with|"
    r"(?:in|at|to) (?:the\s+)?(?:ED|ER|A&E|triage|resus)|to us|(?:at|to) (?:our|my)\s+(?:\w+\s+)?(?:clinic|"
    r"surgery|practice|unit|ward|ED|ER|hospital|pharmacy|door))\b",
)
YOUR_RELATIVE_CARED_RE = re.compile(
    rf"\b(?:your|ur)\s+(?:little\s+|two-year-old\s+|\w+-year-old\s+)?{_RELATIVE}\b"
    rf"(?=[^.!?]{{0,80}}\b(?:was|were|has|had|is)\b[^.!?]{{0,40}}\b(?:seen|treated|settled|admitted|"
    rf"discharged|stable|comfortable|managed|assessed|given|recovering|doing)\b)",
    re.IGNORECASE,
)

# Reply formulas that confirm the reader was seen: "thanks for coming in", "when you visited on Tuesday".
REPLY_CARE_RE = caseless(
    r"\bthank(?:s| you)\s+(?:so much\s+)?for\s+(?:coming in|coming to see us|visiting us|"
    r"trusting (?:us|me)|letting (?:us|me) (?:care|look after|treat)|"
    r"bringing (?:\w+\s+){0,2}?in\b|being (?:such )?(?:a|our) (?:\w+\s+)?patient)"
    r"|\b(?:when|while|since|after|before)\s+(?:you|u)\s+(?:visited|came (?:by|in|to see us)|stopped by|"
    r"were (?:here|with us|in (?:with|for|to see))|saw (?:us|(?:Dr|Doctor)\.?\s*\w+))\b"
    r"|\b(?:the\s+)?(?:care|treatment|service)\s+(?:you|your\s+\w+)\s+(?:received|got|had)\b"
    r"|\b(?:your|ur)\s+(?:experience|stay|time|treatment)\s+(?:with us|here|at our|in our)\b"
    r"|\b(?:loved|enjoyed|love|enjoy|great|nice|lovely|good|pleasure)\s+(?:having|seeing|meeting|treating)\s+"
    r"(?:you|u|your\s+\w+)\b"
    r"|\bnext time (?:you're|you are|you come|u come)\s+(?:in|by)\b",
)
# "she's been coming here every Tuesday": a regular visitor, care only when health is mentioned nearby.
REGULAR_VISIT_RE = caseless(
    r"\b(?:been coming|comes|came|coming)\s+(?:here|to us|to our \w+|in)\s+(?:for (?:years|months|ages)|"
    r"every|each|twice|since)\b",
)
REPLY_KEYS = (
    "thank",
    "when",
    "while",
    "since",
    "after",
    "before",
    "care",
    "treatment",
    "service",
    "experience",
    "stay",
    "time",
    "having",
    "seeing",
    "meeting",
    "treating",
)
# A carer looking after someone over time: "I've been looking after Mr. O", "I had a patient today who".
ONGOING_CARE_RE = caseless(
    r"\b(?:I|we)(?:'ve|'d| have| had)?(?:'m|'re| am| are| was| were| been)\s+(?:\w+\s+)?(?:looking after|"
    r"caring for|treating|nursing|sitting with)\s+(?:him|her|them|you|u|your|his|(?-i:[A-Z])\w*|this|the|a"
    r"|an)\b"
    r"|\bI\s+(?:had|got)\s+a\s+(?:\w+\s+)?(?:patient|pt|kid|lady|man|woman|guy|mum|mom|dad|baby|teen)\b"
    r"(?=[^.!?]{0,30}\b(?:who|today|tonight|yesterday|this|last)\b)",
)

# A first-person carer did something, in the past, to a specific person: "I told you", "we sent him up".
# Only counted where health or care is mentioned nearby (relationship.py checks that).
_NOT_CARE_PAST = (
    r"thanked|loved|appreciated|welcomed|contacted|emailed|called|messaged|invited|encouraged|hired|"
    r"forwarded|shared|passed|received|read|noted|followed|blocked|tagged|liked|wanted|needed|asked|"
    r"reached|used|added|missed|learned|trained|interviewed|paid|charged|billed|refunded|joined|"
    r"celebrated|congratulated|featured|promoted|nominated|voted|raised|elected"
)
_GIVEN_THINGS = (
    r"feedback|review|comments?|concerns?|message|email|call|complaint|kind words|letter|post|question|"
    r"words|suggestion|patience|understanding|business|support|time|kindness|honesty|loyalty|custom|"
    r"donation|gift|cards?|flowers|team|staff|colleagues?|own|way|best"
)
FIRST_PERSON_PAST_RE = caseless(
    rf"\b(?:I|we)(?:'ve| have| had|'d)?\s+(?:(?:just|all|still|both|also|finally|then|\w+ly)\s+)?"
    rf"(?!(?:{_NOT_CARE_PAST})\b)(?:(?-i:[a-z]{{3,}}ed)|saw|told|met|had|gave|took|sent|put|held|kept|got"
    rf"|made|"
    rf"brought|found|heard|knew|fed|caught|sat with|stayed with|talked (?:to|with)|spoke (?:to|with))\s+"
    rf"(?:(?:you|u|him|her)\b(?!\s+(?:know|guys|all)\b)|(?:your|ur|his|their)\s+(?!(?:{_GIVEN_THINGS})\b)"
    rf"[\w-]+|(?-i:[A-Z][a-z]+)\b(?<!The)(?<!This)(?<!That)(?<!Our)(?<!My))",
)

# A carer's act on a body part: "who did your knee", "I stitched his chin".
BODY_WORK_RE = caseless(
    r"\b(?:did(?:(?<=\bwho did)|(?<=\bI did)|(?<=\bwe did)|(?<=\bhe did)|(?<=\bshe did))|fixed|replaced"
    r"|repaired|pulled|took out|removed|scoped|set|stitched|glued|patched up|"
    r"cleaned|filled|whitened|straightened|reset|splinted|casted|plastered|x-?rayed|scanned)\s+(?:your|ur"
    r"|his|"
    r"her)\s+(?:left\s+|right\s+|other\s+|new\s+)?(?:knee|hip|shoulder|wrist|ankle|elbow|back|neck|spine|"
    r"tooth|teeth|molar|wisdom teeth|filling|crown|chin|head|hand|finger|thumb|foot|toe|arm|leg|eye|eyes|"
    r"ear|nose|lip|jaw|heart|hernia|bunion|cataracts?|tonsils|appendix|gallbladder|stitches|cast|dressing)\b",
)

# Diary style with the subject dropped: "Just admitted a 3-week-old", "Discharged Mrs. K today".
DROPPED_SUBJECT_RE = re.compile(
    rf"(?:^|(?<=[.!?:]\s)|(?<=\n)|(?<=[.!?:]\s\s))\s*(?:(?:just|finally|today|tonight|also|then|so|and|"
    rf"literally|officially)\s+)?(?:{_STRONG_CARE}|{_RESCUE}|sat with|held|discharged|"
    rf"spent the (?:night|day|shift) with|delivered (?=twins|triplets|a baby|baby|a \w+ (?:boy|girl)))\s*"
    rf"(?:a|an|the|this|that|my|our|his|her|him|you|twins|triplets|\d|(?-i:[A-Z]))\b",
    re.IGNORECASE,
)
# "part of your care", and a reply naming the reader's carer: "your nurse", "your surgeon".
PART_OF_CARE_RE = re.compile(
    r"\b(?:part of|involved in|in charge of|responsible for)\s+(?:your|his|her|their)\s+(?:\w+\s+)?"
    r"(?:care|treatment|recovery|journey|birth|delivery|surgery|rehab)\b",
    re.IGNORECASE,
)
YOUR_CARER_REPLY_RE = re.compile(rf"\b(?:your|ur)\s+(?:\w+\s+)?{_CARER}\b", re.IGNORECASE)
ADVICE_BEFORE_RE = caseless(
    r"\b(?:ask|tell|call|see|with|talk to|speak to|go to|out to|back to|contact|consult|visit)\s+$",
)
