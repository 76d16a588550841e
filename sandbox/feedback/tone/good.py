"""Good practices: empathy, a redirect to a private or official channel, and a disclaimer."""

from __future__ import annotations

import re

from ..model import Draft, Finding
from .common import GAP, Rule, best_match, compile_rules, from_match
from .lexicon import FEELINGS, alternation

_FEELING = alternation(FEELINGS)
EMPATHY_RULES: tuple[Rule, ...] = compile_rules((
    ("acknowledge", "good", r"\b(?:(?:i|we) (?:completely |totally |really |truly |can )?(?:understand|know|hear|"
                            r"(?:only )?imagine|realize|recognize)|(?:that|this|it)(?:'s| is)? (?:sounds|must (?:be|have been|"
                            r"feel)|can (?:be|feel)|is (?:so |really |incredibly |such )?|would (?:be|feel))|"
                            r"sounds|must have been|can feel|would frustrate)\b" + GAP % 60 + r"\b" + _FEELING
                            + r"\b"),
    ("acknowledge", "good", r"\b(?:that|this|it)(?:'s| is| was| has been)\b" + GAP % 25 + r"\b" + _FEELING + r"\b"),
    ("experience_is", "good", r"\b(?:is|are|was|were|been|sounds?|feels?|must be) (?:so |really |very |"
                              r"incredibly |understandably |completely |truly )?(?:frustrating|stressful|worrying|"
                              r"frightening|scary|upsetting|exhausting|devastating|painful|awful|terrible|"
                              r"distressing|overwhelming|disappointing|heartbreaking|miserable|unacceptable|a lot to "
                              r"(?:take in|carry|handle))\b"),
    ("sorry_for_feeling", "good", r"\bsorry to hear (?:how|that you|you)\b" + GAP % 30 + r"\b" + _FEELING + r"\b"),
    ("sorry_for_feeling", "good", r"\bsorry (?:for|about|to hear|that)?\s*(?:that )?(?:you(?:'re| are|'ve been| have "
                                  r"been| were)? ?(?:feeling|going through|dealing|struggling|felt|feel|left "
                                  r"feeling|had to)|the (?:frustration|distress|stress|worry|confusion|pain|"
                                  r"delays?|long wait)|(?:your|the) loss|(?:this|that|the) (?:\w+ )?news)\b"),
    ("sorry_for_feeling", "good", r"\bsorry\b" + GAP % 40 + r"\b(?:about|for) (?:the|your) (?:[\w-]+ ){0,3}?"
                                  r"(?:delays?|wait|frustration|distress|loss|experience)\b"),
    ("condolence", "good", r"\bcondolences\b|\b(?:so|very|deeply|truly|really),? (?:so,? |very )?sorry(?:\.|\s*"
                           "[\U0001F494\U0001F622\U0001F64F\U0001F49C\U0001F499])"),
    ("validate", "good", r"\byou(?:'re| are) not alone\b|\byou don'?t have to\b" + GAP % 40 + r"\balone\b|"
                         r"\b(?:so |really |very )?proud of (?:you|everything you|all you)\b|\bglad you reached out\b|"
                         r"\bthank you for (?:telling me|sharing (?:this|that|your))\b|\bit takes (?:real )?courage\b|"
                         r"\btook real (?:effort|courage)\b|\bwe hear you\b|\byou'?re right (?:that|to)\b"),
    ("validate", "good", r"\bnot embarrassing\b|\bdon'?t be embarrassed\b|\bnobody (?:there )?will judge\b|"
                         r"\b(?:completely|totally|perfectly|very) (?:normal|understandable|okay|ok|natural|valid) "
                         r"(?:to|response)\b|\btotally understandable\b|\bunderstandable (?:that|to)\b|"
                         r"\bsending (?:you |your (?:whole )?(?:family )?)?(?:love|strength|hugs|prayers)\b"),
    ("validate", "good", r"\bwe share your\b|\byou deserve(?:d)? (?:a|better|to|answers|care)\b|\bafter everything you'?ve been through\b|\bso hard on you\b|"
                         r"\bsuch a scary\b|\byour time matters\b|\bheartbroken\b|\bso honou?red\b|"
                         r"\bmeaningful to you\b|\bprivilege to care for\b"),
))
# "Sorry you felt rushed, but..." is not an acknowledgement: the clause is masked before matching.
_NON_APOLOGY = re.compile(
    r"\bsorry (?:you|that you|if you) (?:feel|felt) (?:that|this) way\b[^.!?\n]*|\b(?:sorry|understand)\b[^.!?\n]{0,60}?,? "
    r"but\b(?! (?:we|i)(?:'d| would| want))[^.!?\n]*",
    re.IGNORECASE,
)

_CLINICIAN = (r"(?:doctor|dr|pediatrician|gp|ob|midwife|oncologist|clinician|provider|care team|pharmacist|"
              r"dermatologist|dentist|therapist|physician|specialist|nurse|health department|clinic|primary care|"
              r"dietitian|anesthesiologist|surgeon|office|staff member|cardiologist|social worker|team|hospital)")
_OURS = (r"(?:our (?:[\w&'-]+ ){0,3}?(?:office|clinic|team|line|desk|manager|director|nurse|advocate|department|"
         r"liaison|relations|experience|services|unit|staff|center|pharmacy|pharmacist|station)|"
         r"the (?:[\w&'-]+ ){0,2}?(?:office|clinic|unit|desk|nurse|nurses|line|pharmacy|pharmacist|practice|"
         r"station|team|manager)|us)")
_THEIRS = r"(?:your|ur|her|his|their|a|the|any|your local|a local) (?:[\w-]+ ){0,2}?" + _CLINICIAN
_PHONE = r"(?:\(?\d{3}\)?[\s.-]?)?\d{3}[\s.-]\d{4}\b|\b(?:988|911)\b"
REDIRECT_RULES: tuple[Rule, ...] = compile_rules((
    ("contact_us", "good", r"\b(?:call|phone|ring|text|email|e-mail|message|contact|reach(?: out to)?|dm|write to|"
                           r"speak (?:with|to)|talk (?:with|to)|ask for|ask to speak (?:with|to))\s+"
                           r"(?:the (?:charge nurse|nurse line)|" + _OURS + r")\b"),
    ("contact_number", "good", r"\b(?:call|phone|text|reach|contact)(?! me\b| you\b)\b" + GAP % 40 + _PHONE),
    ("portal", "good", r"\b(?:through|via|in|on|use|using|check|into|in to|to) (?:the |our |your )?(?:patient )?"
                       r"portal\b|"
                       r"\bsend us a (?:private |direct )?message\b|\bmessage us\b"),
    ("private", "good", r"\b(?:follow up|talk|discuss|speak|sort (?:it|this) out|compare notes|hear from you|"
                        r"look into (?:it|this))\b" + GAP % 30 + r"\b(?:in private|privately|offline|directly)\b"),
    ("clinician", "good", r"\b(?:call|contact|ask|see|message|email|text|check (?:in )?(?:with|w/?)|book (?:in )?with|lean on|reach "
                          r"out to|follow up with|talk to|speak (?:to|with)|go through (?:it|this|them) with|"
                          r"mention (?:it|this) to)\s+" + _THEIRS + r"\b"),
    ("clinician", "good", r"\b" + _THEIRS + r"(?: or (?:[\w-]+ ){1,3}?)?\s*(?:\([^)]{0,30}\)\s*)?(?:can|will|would)"
                          r"\b" + GAP % 30 + r"\b(?:tell|walk|help|talk|arrange|point|check|see|answer|go through|"
                          r"give|connect|set up|call)\b"),
    ("emergency", "good", r"(?<!only )\b(?:go|head|get|take (?:her|him|them|your \w+)) (?:straight |right )?to (?:the |an |"
                          r"your nearest |the nearest )?(?:er|ed|emergency (?:room|department)|urgent care)\b"),
    ("next_visit", "good", r"\bat (?:our|your) next (?:appointment|session|visit)\b"),
    ("callback", "good", r"\b(?:our|the|a) (?:[\w-]+ ){0,2}?(?:manager|nurse|team|office|provider|director|"
                         r"advocate) will (?:call|contact|reach out to|follow up with|personally follow up)\b"),
))
# A clinic's announcement (sign up, book online, see if you qualify) is not a redirect of a conversation.
_ANNOUNCEMENT = re.compile(
    r"\bto (?:sign up|register|enroll|see if you qualify|rsvp)\b|\bbook online\b|\bfor urgent needs\b|"
    r"\d ?% off\b|\bdiscount\b|\bpromo\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")

_CANT = (r"(?:can'?t|cannot|can not|(?:am|are|is|i'?m|we'?re) not able to|aren'?t able to|unable to|not allowed "
         r"to|not supposed to|not permitted to|(?:keeps?|prevents?|stops?) (?:us|me) from)")
_CHANNEL = (r"(?:here|publicly|in public|online|on social media|over (?:social media|messages?|dms?|facebook|"
            r"messenger|text|the internet|email|instagram|twitter)|through (?:messages|dms?|messenger|social "
            r"media|facebook)|in a public forum|on this (?:platform|page|site)|in (?:the )?comments)")
DISCLAIMER_RULES: tuple[Rule, ...] = compile_rules((
    ("cant_here", "good", r"\b" + _CANT + r"\b" + GAP % 70 + r"\b" + _CHANNEL + r"(?!\w)"),
    ("cant_discuss", "good", r"\b" + _CANT + r"\s+(?:\w+\s)?(?:discuss(?:ing)?|confirm(?:ing)?|comment(?:ing)? on|"
                             r"shar(?:e|ing)|giv(?:e|ing)|offer|advise|weigh in|look up|say)\b" + GAP % 50
                             + r"\b(?:anyone|any (?:patient|child|person|individual|teen|one)|individual|specific|"
                             r"personal|whether|medical advice|a diagnosis|without)"),
    ("cant_discuss", "good", r"\b" + _CANT + r"\s+(?:\w+\s)?(?:diagnose|prescribe|assess|examine)\b"),
    ("general_info", "good", r"\bnot (?:personal |individual |professional )?(?:medical )?advice\b|\bnot (?:a|"
                             r"personal) (?:diagnosis|medical advice)\b|\bgeneral(?:ly)? (?:info|information|"
                             r"education|advice)(?: only)?\b|\bfor (?:general )?(?:information|educational) "
                             r"purposes\b|\bnothing (?:here|in this post) is (?:medical )?advice\b"),
    ("privacy_rules", "good", r"\b(?:privacy|confidentiality) (?:rules|laws?|reasons|regulations) (?:keeps?|"
                              r"prevents?|stops?|don'?t allow|do not allow)\b|\b(?:because of|due to) (?:patient )?"
                              r"(?:privacy|confidentiality)\b|\bto protect (?:your|patient|everyone'?s) privacy\b|"
                              r"\bconfirm (?:or|nor) deny\b|\bwithout (?:an? |examining |seeing )(?:exam\w*|you|visit|your (?:history|chart))\b"
                              + GAP % 40 + r"\b(?:can'?t|cannot)\b|\bcan'?t confirm (?:whether|if)\b"),
))


def find_empathy(draft: Draft) -> list[Finding]:
    """EMPATHY: an explicit acknowledgement of the person's feelings or experience."""
    masked = _NON_APOLOGY.sub(lambda m: " " * len(m.group()), draft.text)
    return from_match("EMPATHY", best_match(masked, EMPATHY_RULES))


def find_redirect(draft: Draft) -> list[Finding]:
    """REDIRECT: a real pointer to a private, secure or official channel."""
    for rule, severity, pattern in REDIRECT_RULES:
        for match in pattern.finditer(draft.text):
            if not _in_announcement(draft.text, match.start()):
                return from_match("REDIRECT", (rule, severity, match))
    return []


def _in_announcement(text: str, index: int) -> bool:
    """True when the sentence around index reads as a clinic announcement (looks 300 characters each way)."""
    low, high = max(0, index - 300), min(len(text), index + 300)
    start = low
    for boundary in _SENTENCE_END.finditer(text, low, index):
        start = boundary.end()
    after = _SENTENCE_END.search(text, index, high)
    return _ANNOUNCEMENT.search(text, start, after.start() if after else high) is not None


def find_disclaimer(draft: Draft) -> list[Finding]:
    """DISCLAIMER: can't discuss individual care here, or general information only."""
    return from_match("DISCLAIMER", best_match(draft.text, DISCLAIMER_RULES))
