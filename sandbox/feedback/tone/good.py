"""Good practices: empathy, a redirect to a private or official channel, and a disclaimer."""

from __future__ import annotations

import re

from ..model import Draft, Finding
from .common import GAP, Rule, best_match, compile_rules, from_match, lowered
from .lexicon import FEELINGS, alternation
from .matching import mask_quotes

_FEELING = alternation(FEELINGS)
EMPATHY_RULES: tuple[Rule, ...] = compile_rules(
    (
        (
            "acknowledge",
            "good",
            r"\bno one should (?:have to )?(?:feel|go through|wait|experience|leave)\b|"
            r"\b(?:i|we) (?:totally |completely |really )?get (?:how|why|that)\b"
            + GAP % 40
            + r"\b"
            + _FEELING
            + r"\b",
        ),
        (
            "acknowledge",
            "good",
            r"\b(?:(?:i|we) (?:completely |totally |really |truly |can )?(?:understand|know|"
            r"hear|(?:only )?imagine|realize|recognize|see (?:why|how)(?= (?:that|this|it|you|ur|the)\b))|"
            r"can'?t (?:even )?imagine|"
            r"(?:that|this|it)(?:'s| is)? (?:sounds|must (?:be|have been|feel)|"
            r"can (?:be|feel)|is (?:so |really |incredibly |such )?|would (?:be|feel))|"
            r"sounds|must have been|can feel|would frustrate)\b" + GAP % 60 + r"\b" + _FEELING + r"\b",
        ),
        (
            "acknowledge",
            "good",
            r"\b(?:that|this|it)(?:'s| is| was| has been)\b" + GAP % 25 + r"\b" + _FEELING + r"\b",
        ),
        (
            "experience_is",
            "good",
            r"\b(?:is|are|was|were|been|sounds?|feels?|must be) (?:so |really |very |"
            r"incredibly |understandably |completely |truly )?(?:frustrating|stressful|"
            r"worrying|frightening|scary|upsetting|exhausting|devastating|painful|awful|"
            r"terrible|distressing|overwhelming|disappointing|heartbreaking|miserable|"
            r"unacceptable|a lot to (?:take in|carry|handle|process))\b",
        ),
        (
            "sorry_for_feeling",
            "good",
            r"\bsorry (?:for|about)? ?(?:what|everything|all) you(?:'re| are|'ve been|"
            r" have been) (?:going through|dealing with|facing|through)\b",
        ),
        (
            "sorry_for_feeling",
            "good",
            r"\bsorry to hear (?:how|that you|you)\b" + GAP % 30 + r"\b" + _FEELING + r"\b",
        ),
        (
            "sorry_for_feeling",
            "good",
            r"\bsorry (?:for|about|to hear|"
            r"that)?\s*(?:that )?(?:you(?:'re| are|'ve been| have been|"
            r" were)? ?(?:feeling|going through|dealing|struggling|felt|feel|"
            r"left feeling|had to (?:go through|deal with|face)|hurting|suffering|"
            r"in pain|scared|worried|unwell)|"
            r"the (?:frustration|distress|stress|worry|confusion|pain|delays?|"
            r"long wait)|(?:your|the) loss|(?:this|that|the) (?:\w+ )?news)\b",
        ),
        (
            "sorry_for_feeling",
            "good",
            r"\bsorry\b" + GAP % 40 + r"\b(?:about|for) (?:the|"
            r"your) (?:[\w-]+ ){0,3}?(?:delays?|wait|frustration|distress|loss|"
            r"experience|diagnosis|news|situation|struggles?)\b|\bsorry (?:about|"
            r"for) your "
            r"(?:late |dear )?(?:dad|mom|mum|mother|father|husband|wife|son|daughter|"
            r"grandma|"
            r"grandmother|grandpa|grandfather|brother|sister|baby|friend)\b(?!'s)",
        ),
        (
            "condolence",
            "good",
            r"\bcondolences\b|\b(?:so|very|deeply|truly|really),? (?:so,? |very )?sorry"
            "(?:\\.|\\s*[\U0001f494\U0001f622\U0001f64f\U0001f49c\U0001f499])",
        ),
        (
            "validate",
            "good",
            r"\bwhat you(?:'re| are)? (?:feeling|going through|experiencing|felt) (?:is|was) "
            r"(?:real|valid|normal|understandable|common)\b|\b(?:doesn'?t|does not|won'?t) make "
            r"you (?:weak|a failure|a bad \w+|broken|crazy|less)\b|\bit'?s (?:okay|"
            r"ok) not to be "
            r"(?:okay|ok)\b|\byou(?:'re| are) not alone\b|\byou don'?t have to\b" + GAP % 40 + r"\balone\b",
        ),
        (
            "validate",
            "good",
            r"\b(?:so |really |very )?proud of (?:you|everything you|all you)\b|"
            r"\bglad you reached out\b|\bthank you for (?:telling me|"
            r"sharing (?:this|that|your))\b|\bit takes (?:real )?courage\b|"
            r"\btook real (?:effort|courage)\b|\bwe hear you\b|\byou'?re right (?:that|to)\b",
        ),
        (
            "validate",
            "good",
            r"\byour (?:frustration|concerns?|worry|worries|anger|fears?|feelings?|"
            r"disappointment|upset) (?:is|are|makes?) (?:complete |total |perfect |completely |"
            r"totally |entirely |so )?(?:valid|understandable|sense|fair|justified|"
            r"legitimate)\b|\bwhat an? (?:\w+ )?(?:scary|frightening|hard|difficult|stressful|"
            r"awful|terrible|painful|exhausting|frustrating|upsetting|rough|tough)\b",
        ),
        (
            "validate",
            "good",
            r"\bnot embarrassing\b|\bdon'?t be embarrassed\b|\bnobody (?:there )?will judge\b|"
            r"\b(?:completely|totally|perfectly|very) (?:normal|understandable|okay|ok|natural|"
            r"valid) (?:to|response)\b|\btotally understandable\b|"
            r"\bunderstandable (?:that|to)\b",
        ),
        (
            "validate",
            "good",
            r"\bwe hear (?:you|your)\b|\bsuch a (?:hard|difficult|tough|scary|stressful|"
            r"painful) time\b|\bthank you for trusting us\b",
        ),
        (
            "validate",
            "good",
            r"\bwe share your\b|\byou deserve(?:d)? (?:a|better|to|answers|care)\b|"
            r"\bafter everything you'?ve been through\b|\bso hard on you\b|\bsuch a scary\b|"
            r"\byour time matters\b|\bmeaningful to you\b",
        ),
    )
)
# "Sorry you felt rushed, but..." is not an acknowledgement: the clause is masked before matching.
_NON_APOLOGY = re.compile(
    r"\bsorry (?:you|that you|if you) (?:feel|felt) (?:that|this) way\b[^.!?\n]*|"
    r"\b(?:sorry|understand)\b[^.!?\n]{0,60}?,? but\b(?! (?:we|i)(?:'d| would| want))[^.!?\n]*",
)

_CLINICIAN = (
    r"(?:doctor|dr|pediatrician|gp|ob|midwife|oncologist|clinician|provider|care team|pharmacist|"
    r"dermatologist|dentist|therapist|physician|specialist|nurse|health department|clinic|"
    r"primary care|dietitian|anesthesiologist|surgeon|office|staff member|cardiologist|"
    r"social worker|team|hospital|navigator)"
)
_OURS = (
    r"(?:our (?:[\w&'-]+ ){0,3}?(?:office|clinic|team|line|desk|manager|director|nurse|advocate|"
    r"department|liaison|relations|experience|services|unit|staff|center|pharmacy|pharmacist|station|"
    r"administrator|supervisor|coordinator|representative|chaplain|social worker|officer|lead)|"
    r"the (?:[\w&'-]+ ){0,2}?(?:office|clinic|unit|desk|nurse|nurses|line|pharmacy|pharmacist|practice|"
    r"station|team|manager)|us)"
)
# "See your own doctor" in a disclaimer or bio is general advice, not a channel for this conversation.
_THEIRS = r"(?:your|ur|her|his|their|a|the|any|your local|a local) (?!own\b)(?:[\w'-]+ ){0,2}?" + _CLINICIAN
_PHONE = r"(?:\(?\d{3}\)?[\s.-]?)?\d{3}[\s.-]\d{4}\b|\b(?:988|911)\b"
REDIRECT_RULES: tuple[Rule, ...] = compile_rules(
    (
        (
            "contact_us",
            "good",
            r"\b(?:call|phone|ring|text|email|e-mail|message|contact|reach(?: out to)?|dm|"
            r"write to|speak (?:with|to)|talk (?:with|to)|ask for|"
            r"ask to speak (?:with|to))\s+(?:the (?:charge nurse|nurse line)|" + _OURS + r")\b",
        ),
        (
            "contact_number",
            "good",
            r"\b(?:call|phone|text|reach|contact)(?! me\b| you\b)(?!:)(?! \w+'s\b)"
            r"(?! (?:\w+ )?back\b)\b" + GAP % 40 + _PHONE,
        ),
        (
            "contact_email",
            "good",
            r"\b(?:email|e-mail|write to|contact|reach)(?: us)? (?:at|"
            r"on)\s+[\w.+-]+@[\w-]+\.\w",
        ),
        (
            "portal",
            "good",
            r"\bsecure (?:messag\w*|email|chat)\b|\bmychart\b|\bcontact form\b|"
            r"\b(?:sent|send|sending) (?:you )?(?:a )?(?:private|direct) message\b",
        ),
        (
            "portal",
            "good",
            r"\b(?:through|via|in|on|use|using|check|into|in to|to) (?:the |our |"
            r"your )?(?:patient )?portal\b|\bsend us a (?:private |direct )?message\b|"
            r"\bmessage us\b",
        ),
        (
            "private",
            "good",
            r"\b(?:follow up|talk|discuss|speak|respond|reply|help|sort (?:it|this) out|"
            r"compare notes|hear from you|look into (?:it|this))\b"
            + GAP % 30
            + r"\b(?:in private|privately|offline|directly)\b",
        ),
        (
            "clinician",
            "good",
            r"\b(?:call|contact|ask|see|message|email|text|check (?:in )?(?:with|w/?)|"
            r"book (?:in )?with|lean on|reach out to|follow up with|talk(?:ing)? (?:to|with)|"
            r"speak(?:ing)? (?:to|with)|go through (?:it|this|them) with|"
            r"mention (?:it|this) to)\s+" + _THEIRS + r"\b",
        ),
        (
            "clinician",
            "good",
            r"\b(?:" + _THEIRS + r"|our (?:[\w-]+ ){0,2}?(?:line|team|office|desk|nurses?|"
            r"staff|manager))(?: or (?:[\w-]+ ){1,3}?)?\s*(?:\([^)]{0,30}\)\s*)?(?:can|will|"
            r"would)\b" + GAP % 30 + r"\b(?:tell|walk|help|talk|arrange|point|check|see|answer|"
            r"go through|give|connect|set up|call)\b",
        ),
        (
            "call_them",
            "good",
            r"\bgive (?:us|them|her|him|the (?:[\w-]+ ){0,2}?(?:office|clinic|line|team|desk)|"
            r"our (?:[\w-]+ ){0,3}?(?:office|clinic|line|team|desk|manager)) a (?:call|ring)\b|"
            r"\btake (?:this|it|the conversation) (?:offline|private)\b|\b"
            + _THEIRS
            + r"(?: is| are) the (?:best|right) (?:person|people|place)\b",
        ),
        (
            "emergency",
            "good",
            r"(?<!only )\b(?:go|head|get|take (?:her|him|them|your \w+)) (?:straight |"
            r"right )?to (?:the |an |your nearest |the nearest )?(?:er|ed|"
            r"emergency (?:room|department)|urgent care)\b",
        ),
        (
            "available",
            "good",
            r"\b"
            + _OURS
            + r" (?:is|are) (?:available|reachable|here|happy to help)\b|\b"
            + _OURS
            + GAP % 50
            + r"(?:\b(?:at|on) |: ?)"
            + _PHONE,
        ),
        (
            "next_visit",
            "good",
            r"\b(?:at|to|during) (?:our|your) next (?:appointment|session|visit|check-?up)\b",
        ),
        (
            "callback",
            "good",
            r"\b(?:our|the|a) (?:[\w-]+ ){0,2}?(?:manager|nurse|team|office|provider|director|"
            r"advocate) will (?:call|contact|reach out to|follow up with|"
            r"personally follow up)\b|\bwe(?:'ll| will) (?:reach out|call you|contact you|"
            r"be in touch|follow up)\b",
        ),
    )
)
# A clinic's announcement (sign up, book online, see if you qualify) is not a redirect of a conversation.
_ANNOUNCEMENT = re.compile(
    r"\bto (?:sign up|register|enroll|see if you qualify|rsvp)\b|\bbook online\b|\bfor urgent needs\b|"
    r"\d ?% off\b|\bdiscount\b|\bpromo\b|\bto (?:book|schedule|make an appointment)\b|\bfor urgent \w+|"
    r"\b(?:is|are|will be) closed\b|\bclosed (?:on|for|until)\b|\bwe'?ve moved\b|\bnow (?:offers?|open)\b|"
    r"\bbook (?:through|via|online|on)\b|\bopening hours\b|\bsame (?:phone|number)\b",
)
# Signs the draft answers someone (a reply or DM), not a broadcast tip.
_CONVERSATION = re.compile(
    r"(?:^|\s)@\w|\b(?:i|i'm|i'd|i've|we|we're|we'd|we've|me|us|please|pls)\b|\bsorry\b|\bthank|"
    r"\b(?:great|good|fair|excellent|reasonable) question\b|\b(?:her|his|him|she|he)\b|"
    r"\byour (?:son|daughter|mom|mother|dad|father|child|kid|"
    r"baby|cousin|husband|wife|partner|grandma|grandpa)\b|\bur\b",
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")

_REFUSE = r"(?:(?:we|i) (?:won'?t|will not|do not|don'?t|never))"
_CANT = (
    r"(?:can'?t|cannot|can not|(?:am|are|is|i'?m|we'?re) not able to|aren'?t able to|unable to|"
    r"won'?t be able to|will not be able to|not allowed to|not supposed to|not permitted to|"
    r"not in a position to|(?:keeps?|prevents?|stops?) (?:us|me) from)"
)
_CHANNEL = (
    r"(?:here|publicly|in public|online|on social media|"
    r"over (?:social media|messages?|dms?|facebook|messenger|text|the internet|email|instagram|"
    r"twitter)|through (?:messages|dms?|messenger|social media|facebook)|in a public forum|"
    r"on this (?:platform|page|site)|in (?:the )?comments)"
)
DISCLAIMER_RULES: tuple[Rule, ...] = compile_rules(
    (
        ("cant_here", "good", r"\b" + _CANT + r"\b" + GAP % 70 + r"\b" + _CHANNEL + r"(?!\w)"),
        (
            "cant_discuss",
            "good",
            r"\b(?:" + _CANT + r"|" + _REFUSE + r")\s+(?:\w+\s)?(?:discuss(?:ing)?|"
            r"confirm(?:ing)?|comment(?:ing)? on|shar(?:e|ing)|giv(?:e|ing)|offer|provide|"
            r"advise|weigh in|look up|say|answer|respond to|address)\b"
            + GAP
            % 50
            + r"\b(?:anyone|any (?:patient|child|person|individual|teen|one)|individual|"
            r"specific|personal|whether|medical advice|a diagnosis|without)",
        ),
        ("cant_discuss", "good", r"\b" + _CANT + r"\s+(?:\w+\s)?(?:diagnose|prescribe|assess|examine)\b"),
        (
            "cant_discuss",
            "good",
            r"\b" + _REFUSE + r" (?:\w+ )?(?:discuss|comment on|"
            r"give (?:out )?(?:medical )?advice|diagnose|prescribe)\b"
            + GAP % 40
            + r"\b"
            + _CHANNEL
            + r"(?!\w)",
        ),
        (
            "general_info",
            "good",
            r"\b(?:educational|informational) (?:content|purposes|post)(?: only)?\b|"
            r"\bfor education(?:al purposes)? only\b|"
            r"\bi'?m not your (?:doctor|nurse|provider|clinician|physician|pharmacist)\b|\b"
            + _CANT
            + r" tell you (?:what|whether|if|how much)\b",
        ),
        (
            "general_info",
            "good",
            r"\bnot (?:personal |individual |professional )?(?:medical )?advice\b|"
            r"\bnot a substitute for\b|\b(?:no|nothing)\b[^.!?\n]{0,40}\bsubstitute for\b|"
            r"\b(?:is|are) for (?:general )?education(?:al purposes)?\b|"
            r"\bnot (?:a|personal) (?:diagnosis|medical advice)\b|"
            r"\bgeneral(?:ly)? (?:info|information|education|advice)(?: only)?\b|"
            r"\bfor (?:general )?(?:information|educational) purposes\b|"
            r"\bnothing (?:here|in this post) is (?:medical )?advice\b",
        ),
        (
            "privacy_rules",
            "good",
            r"\b(?:hipaa|privacy|confidentiality|"
            r"(?:federal|state) law)(?: [\w-]+){0,2} (?:keeps?|prevents?|stops?|bars?|"
            r"forbids?|limits?|don'?t allow|do not allow|doesn'?t allow|"
            r"does not allow) (?:us|me)\b|"
            r"\bfor (?:patient )?(?:privacy|confidentiality) reasons\b|"
            r"\bout of respect for (?:patient |everyone'?s |their |your )?privacy\b|"
            r"\b(?:because of|due to) (?:patient )?(?:privacy|confidentiality|hipaa)\b|"
            r"\bto protect (?:your|patient|everyone'?s) privacy\b|"
            r"\bconfirm (?:or|nor) deny\b|"
            r"\bwithout (?:an? |examining |seeing )(?:exam\w*|you|visit|"
            r"your (?:history|chart))\b" + GAP % 40 + r"\b(?:can'?t|cannot)\b|"
            r"\bcan'?t confirm (?:whether|if)\b",
        ),
    )
)


def find_empathy(draft: Draft) -> list[Finding]:
    """EMPATHY: an explicit acknowledgement of the person's feelings or experience."""
    masked = _NON_APOLOGY.sub(lambda m: " " * len(m.group()), mask_quotes(lowered(draft.text)))
    return from_match("EMPATHY", best_match(masked, EMPATHY_RULES))


def find_redirect(draft: Draft) -> list[Finding]:
    """REDIRECT: a real pointer to a private, secure or official channel."""
    text = lowered(draft.text)
    refusal = best_match(text, DISCLAIMER_RULES)  # declining to discuss someone's care answers someone
    conversation = bool(_CONVERSATION.search(text) or (refusal and refusal[0] != "general_info"))
    for rule, severity, pattern in REDIRECT_RULES:
        if rule == "clinician" and not conversation:
            continue  # "ask your doctor" in a broadcast health tip does not move a conversation
        for match in pattern.finditer(text):
            if not _in_announcement(text, match.start()):
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
    return from_match("DISCLAIMER", best_match(lowered(draft.text), DISCLAIMER_RULES))
