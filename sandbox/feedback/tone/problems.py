"""Tone problems about manner: hostile and defensive drafts."""

from __future__ import annotations

from ..model import Draft, Finding
from .common import GAP, Rule, best_match, compile_rules, from_match, lowered

_INSULT = (
    r"(?:idiots?|morons?|imbeciles?|frauds?|clowns?|losers?|lunatics?|psychos?|jerks?|scum|scumbags?|trash|"
    r"garbage|parasites?|liars?|quacks?|creeps?|disgrace|joke|dumbass|cretins?|animals|trolls?|cowards?|"
    r"hypocrites?|fools?|bull(?:y|ies)|brats?|lowlifes?|snowflakes?|muppets?|numpt(?:y|ies)|pillocks?|"
    r"plonkers?|prats?|twats?|wankers?|dipshits?|halfwits?|nitwits?|dimwits?|buffoons?|dolts?|dunces?|"
    r"tossers?|gits?|degenerates?|freaks?)"
)
_INSULT_ADJECTIVE = (
    r"(?:absolute|total|complete|utter|stupid|pathetic|ignorant|dumb|lazy|entitled|rude|"
    r"arrogant|clueless|useless|worthless|incompetent|miserable|sad|little|fucking)"
)
# Insults for a person (not "trash" or "a joke", which can describe a thing).
_PERSON_INSULT = (
    r"(?:idiots?|morons?|imbeciles?|losers?|lunatics?|psychos?|jerks?|scumbags?|parasites?|liars?|"
    r"quacks?|creeps?|dumbass|cretins?|cowards?|hypocrites?|muppets?|numpt(?:y|ies)|pillocks?|prats?|"
    r"twats?|wankers?|dipshits?|halfwits?|nitwits?|dimwits?|buffoons?|tossers?|trolls?|fakes?|frauds?|"
    r"bastards?|pricks?)"
)
# Swear words at a word start: "\bfuck", "\bshit", ... Each word's first letter comes before its "\b" check
# ("f(?<=\bf)...") so that the regex engine can skip straight to those letters instead of trying every
# word at every position (15x faster; the same matches).
_PROFANITY = (
    r"(?:f(?<=\bf)(?:f*u+c+k\w*|[*#][*#@]*k?\w*|ags?\b|aggots?\b)|"
    r"s(?<=\bs)(?:hit\w*|crew you|tfu\b|uck my\b|luts?\b)|"
    r"b(?<=\bb)(?:ullshit|itch\w*|astards?\b)|a(?<=\ba)ss(?:hole\w*|hats?\b|wipes?\b)|"
    r"d(?<=\bd)(?:ickhead|amn you|ouche\w*)|p(?<=\bp)(?:iss off|uss(?:y|ies)\b)|g(?<=\bg)(?:oddamn|tfo\b)|"
    r"c(?<=\bc)unts?\b|w(?<=\bw)hores?\b|h(?<=\bh)oes?\b|m(?<=\bm)otherf\w+|j(?<=\bj)ackass\w*|"
    r"k(?<=\bk)ys\b|n(?<=\bn)igg\w+|r(?<=\br)etard(?:s|ed)?\b|\U0001F92C|\U0001F595)"
)
# A person called something contemptuous: "she is useless", "you're a disgrace", "ur disgusting".
_CONTEMPT = (
    r"(?:dumb|stupid|useless|pathetic|worthless|disgusting|incompetent|clueless|ignorant|evil|vile|"
    r"brainless|spineless|gutless|delusional|deranged|a disgrace|trash|garbage|a liar|a fraud|a clown|"
    r"a joke|scum|an embarrassment)"
)

HOSTILE_RULES: tuple[Rule, ...] = compile_rules(
    (
        (
            "insult",
            "block",
            r"\byou(?:'re| are)?\s+(?:an?\s+)?(?:" + _INSULT_ADJECTIVE + r"\s+){0,2}" + _INSULT + r"\b",
        ),
        (
            "insult",
            "block",
            r",\s*(?:you\s+)?(?:" + _INSULT_ADJECTIVE + r"\s+){0,2}" + _INSULT + r"\s*[.!?]*\s*$",
        ),
        (
            "insult",
            "block",
            r"\b(?:he|she|they|(?:this|that) (?:guy|woman|man))(?:'s|'re| is| are)\s+(?:such\s+)?"
            r"(?:an?\s+|the\s+)?(?:(?:" + _INSULT_ADJECTIVE + r"|big|ugly|fat|crazy|drunk|old|black|cold|"
            r"[a-z]+-hearted|hearted)\s+){0,4}"
            + _PERSON_INSULT
            + r"\b",
        ),
        ("insult", "block", r"(?:^|[.!?]\s+)(?:shameful|disgraceful|pathetic|disgusting|despicable)[.!]"),
        ("insult", "block", r"\b(?:absolute|total|complete|utter)\s+(?:" + _INSULT[3:-1] + r"|idiocy)\b"),
        ("insult", "block", r"\b(?:absolutely|truly|just|such)\s+(?:vile|disgusting|pathetic|despicable)\b"),
        (
            "insult",
            "block",
            r"\b(?:vile|disgusting|pathetic|stupid|dumb|ignorant)\s+(?:people|person|family|"
            r"families|humans?|behaviou?r|man|woman)\b",
        ),
        (
            "insult",
            "block",
            r"\b(?:you(?:'re| are)|your \w+ (?:is|are)) (?:\w+ )?(?:garbage|trash|pathetic|"
            r"worthless|disgusting|a joke|a disgrace)\b",
        ),
        ("insult", "block", r"\bclown behaviou?r\b|\bpeople like you\b|\byou people\b"),
        ("insult", "block", r"(?:^|[.!?]\s+)(?:" + _INSULT_ADJECTIVE + r"\s+)?" + _PERSON_INSULT + r"[.!]"),
        (
            "insult",
            "block",
            r"(?:^|[.!?]\s+)(?:ok(?:ay)?|sure|yeah|yep|whatever|bye|listen|look|shut up|k|thanks|cool|right)"
            r",?\s+(?:" + _INSULT_ADJECTIVE + r"\s+)?" + _PERSON_INSULT + r"\b",
        ),
        (
            "insult",
            "block",
            r"(?:^|[.!?]\s+)(?:honestly,? |frankly,? |just |so )?(?:shameful|disgraceful|"
            r"pathetic|"
            r"disgusting|despicable|vile|revolting)[,.!]|\b(?:it'?s|that'?s|"
            r"this is) (?:honestly |"
            r"just |frankly |really |so |absolutely )?(?:pathetic|disgusting|despicable)[.!]",
        ),
        (
            "insult",
            "block",
            r"\b(?:the|this|that|some|to the) (?:"
            + _INSULT_ADJECTIVE
            + r"\s+)?"
            + _PERSON_INSULT
            + r" (?:who|that|at|in|on|with|from)\b|\byou (?:absolute|utter|complete|total) "
            r"(?!legend|star|hero|gem|angel|sweetheart|babe|unit|beast|champion|queen|king|icon|"
            r"saint|treasure|rock|darling|lifesaver|trooper|superstar|delight|joy|pro)[a-z]{3,}\b",
        ),
        (
            "threat",
            "block",
            r"\b(?:i'?ll|i will|i'?m going to|i'?m gonna) (?:\w+ ){0,3}?(?:on purpose|"
            r"deliberately)\b|\benjoy (?:the|your) (?:ventilator|vent|icu|morgue|coma|intubation|"
            r"funeral)\b|\bhope (?:you|your (?:\w+ ){0,2}?)(?:gets?|end up|"
            r"catch(?:es)?) (?:towed|"
            r"stolen|keyed|sued|fired|hit|run over|stuck|sick|measles|arrested|"
            r"what you deserve)\b",
        ),
        ("profanity", "block", _PROFANITY),
        (
            "insult",
            "block",
            r"\b(?:he|she|they|you|u|ur|youre)(?:'s|'re| is| are| r)?\s+(?:so |such |really |just |"
            r"completely |totally |fucking |absolutely |truly |clearly )?" + _CONTEMPT + r"\b",
        ),
        (
            "threat",
            "block",
            r"\bhope (?:you|your)\b" + GAP % 50 + r"\b(?:gets? you|kills? you|die|rot|suffer|"
            r"choke|burn)\b",
        ),
        ("threat", "block", r"\byou(?:'re| are) going to (?:kill|hurt) (?:someone|somebody|people)\b"),
        (
            "threat",
            "block",
            r"\b(?:forwarded|sent|referred|passed)\b" + GAP % 40 + r"\b(?:attorneys?|lawyers?|"
            r"legal (?:team|counsel|department))\b",
        ),
        (
            "threat",
            "block",
            r"\bsee you in court\b|\b(?:we|i) (?:will|'ll) sue\b|\blibel(?:ous)?\b|\bdefamat\w+",
        ),
        ("threat", "block", r"\bsee what happens\b|\bwatch (?:yourself|your back)\b|\byou'?ve been warned\b"),
        ("threat", "block", r"\byou(?:'re| are) the reason\b|\b(?:you'?ll|you will|make sure you) regret\b"),
        (
            "aggression",
            "warn",
            r"\b(?:shut up|shut your (?:mouth|face)|get lost|go away|crawl back|"
            r"get over yourself|grow up|drop dead|go to hell|get a life|"
            r"stop wasting (?:our|my) time)\b",
        ),
        (
            "threat",
            "block",
            r"\bif (?:you|i|we) ever\b"
            + GAP % 60
            + r"\bagain\b"
            + GAP % 40
            + r"\b(?:security|police|regret|banned|ban you|report you|escort\w*|kick\w*|"
            r"throw\w*)\b",
        ),
        ("threat", "block", r"\b(?:you'?ll|you will) be (?:escorted|thrown|kicked|banned|removed)\b"),
        (
            "aggression",
            "warn",
            r"\btake your (?:\w+[- ])?(?:stars?|reviews?|business|complaints?|attitude)\b"
            + GAP % 10
            + r"\b(?:somewhere|elsewhere)\b",
        ),
        (
            "aggression",
            "warn",
            r"\bdon'?t (?:bother |ever )?(?:coming|come) back\b|"
            r"\bnever (?:come|coming) back\b",
        ),
        (
            "aggression",
            "warn",
            r"\bdon'?t (?:ever )?(?:message|contact|call|text|email|dm) (?:me|us) again\b",
        ),
        ("aggression", "warn", r"\blearn (?:how )?to (?:spell|read|write|count)\b"),
        (
            "aggression",
            "warn",
            r"\bnobody (?:here )?has time for (?:people|you)\b|\bshame on you\b|"
            r"\bgood riddance\b|\b(?:we|i) won'?t miss (?:you|it)\b|\b(?:what|such) a joke\b|"
            r"\bjoke of an? \w+|,\s*(?:genius|einstein|sherlock)\b",
        ),
        ("jab", "warn", r"\bnext time,? (?:try|maybe)\b"),
        ("jab", "warn", r"\bmaybe (?:don'?t |try to |just )?\w+\b" + GAP % 50 + r"\bnext time\b"),
    )
)

DEFENSIVE_RULES: tuple[Rule, ...] = compile_rules(
    (
        (
            "record",
            "warn",
            r"\bfor the record\b|\bset(?:ting)? the record straight\b|"
            r"\bcorrect(?:ing)? the record\b",
        ),
        (
            "record",
            "warn",
            r"\bto clarify (?:for|to) (?:readers|everyone|others|the public)\b|"
            r"\blet me be clear\b|\bjust to be clear\b|\bwe (?:strongly )?disagree with\b",
        ),
        (
            "dispute",
            "warn",
            r"\b(?:simply|completely|totally|patently|and|are|is) (?:untrue|inaccurate|"
            r"not true)\b",
        ),
        (
            "dispute",
            "warn",
            r"\bstop (?:spreading|posting|telling)\b" + GAP % 30 + r"\b(?:lies|misinformation|"
            r"falsehoods|rumou?rs|untruths|false)\b|\bpost(?:ing)? false\b|"
            r"\bfalse (?:info|claims?|information|accusations?)\b",
        ),
        (
            "dispute",
            "warn",
            r"\b(?:this|the|your) review (?:is|was|seems) (?:fake|false|untrue|misleading|"
            r"inaccurate|dishonest)\b|\bfake reviews?\b",
        ),
        (
            "dispute",
            "warn",
            r"\b(?:this|the|your) review (?:claims|alleges|implies)\b|"
            r"\bjust so (?:everyone|you all|people|readers) knows?\b|\bagainst medical advice\b",
        ),
        (
            "stand_by",
            "warn",
            r"\b(?:we|i) (?:fully |still |firmly )?stand by\b|\bdid nothing wrong\b|"
            r"\bwill not be bullied\b|\bwon'?t be bullied\b",
        ),
        (
            "stand_by",
            "warn",
            r"\bfollowed (?:every|all|our|standard|proper|the) (?:\w+ )?(?:protocols?|"
            r"procedures?|guidelines?|polic(?:y|ies)|standard of care)\b|"
            r"\bwithin the standard of care\b",
        ),
        (
            "dispute",
            "warn",
            r"\bfails? to mention\b|\bfailed to mention\b|"
            r"\bconveniently (?:left|leaves|leaving) out\b|"
            r"\bconveniently (?:omits|omitted|forgot)\b",
        ),
        (
            "records",
            "warn",
            r"\b(?:our|the) (?:records?|charts?|logs?|notes|documentation|"
            r"system) (?:clearly )?(?:show|shows|indicate|confirm)s?\b|\bper our records\b|"
            r"\baccording to (?:our|the) (?:records?|charts?|logs?|notes)\b|\btime[- ]stamped\b",
        ),
        (
            "records",
            "warn",
            r"\b(?:we|i) (?:checked|reviewed|pulled|looked at) (?:the|your|"
            r"our) (?:[\w-]+ ){0,2}(?:chart|records?|logs?|account|file|notes|footage)\b|"
            r"\bi have (?:the |all the )?(?:documentation|receipts|proof)\b",
        ),
        (
            "blame",
            "warn",
            r"\byou signed\b|\b(?:i|we) (?:told|warned) you\b|"
            r"\b(?:which|as) (?:i|we)(?:'ve| have)? (?:told|explained|warned)\b|"
            r"\bi explained this\b",
        ),
        (
            "blame",
            "warn",
            r"\bif you had(?:n'?t)? (?:\w+ )?(?:arrived|come|shown|called|followed|listened|read|"
            r"taken|done|told|been)\b|\byou (?:arrived|showed up|came in) (?:at \d|late|\d+ min)",
        ),
        (
            "blame",
            "warn",
            r"\byou (?:refused|declined|cancell?ed|skipped|chose not|ignored)\b|"
            r"\b(?:she|he) (?:refused|declined|skipped)\b|"
            r"\bblame (?:her|his|your|their|yourself)\b|\bsomeone to blame\b",
        ),
        (
            "blame",
            "warn",
            r"\byou were (?:\w+ )?(?:intoxicated|drunk|high|rude|yelling|screaming|cursing|abusive|"
            r"aggressive)\b|\bthe problem (?:isn'?t|is not|wasn'?t|may not be)\b",
        ),
        ("blame", "warn", r"\b(?:maybe|perhaps|try|instead of)\b" + GAP % 60 + r"\bnext time\b"),
        (
            "denial",
            "warn",
            r"\b(?:i|we) (?:did not|didn'?t|never|do not|don'?t) (?:\w+ )?(?:refuse|dismiss|"
            r"ignore|rush|laugh|scam|overcharge|mistreat|neglect)\w*|"
            r"\b(?:nobody|no one) (?:was |here )?(?:laughing|ignoring|rushing|pushing|pushes|"
            r"laughed|ignored)\b",
        ),
        (
            "but",
            "warn",
            r"\bsorry (?:you|that you|if you) (?:feel|felt) (?:that|this) way\b|\bsorry\b"
            + GAP % 50
            + r",? but (?!(?:we|i)(?:'d| would)|please|we want|we'll)",
        ),
        (
            "dispute",
            "warn",
            r"\b(?:that'?s|that is|this is) not (?:what happened|true|accurate|the case|"
            r"how it happened)\b|\bnothing to apologi[sz]e for\b|\bnot our fault\b|"
            r"\bin fairness to\b|\b(?:this|your) (?:review|post|story) (?:leaves out|omits|"
            r"ignores|fails to mention)\b|\bthe (?:facts|truth) (?:is|are)\b|"
            r"\bcontrary to (?:this|your|what)\b",
        ),
        (
            "blame",
            "warn",
            r"\bso of course\b|\b(?:caused|delayed) by your\b|\byou agreed to\b|"
            r"\byou (?:were|had been) (?:told|informed|advised|warned)\b|"
            r"\byou (?:failed|neglected|forgot) to\b",
        ),
        ("but", "warn", r"\bcan'?t bend the rules\b|\brules are rules\b"),
        (
            "stand_by",
            "warn",
            r"\b(?:was|were) (?:simply |just |only )?following (?:our|the|hospital|"
            r"clinic) (?:[\w-]+ )?(?:policy|policies|protocols?|procedures?|rules)\b|"
            r"\bas (?:clearly )?(?:stated|posted|explained|noted) (?:on|in|at)\b|"
            r"(?:^|[.!?]\s+)for the (?:second|third|fourth|last) time[,:]",
        ),
        ("but", "warn", r"(?:^|[.!?]\s+)actually,"),
        (
            "justify",
            "warn",
            r"\bmore than (?:most|many|other|any) (?:\w+ )?(?:practices|clinics|hospitals|"
            r"dentists|"
            r"pharmacies|offices|providers|places|surgeries)(?: do| would| offer)?\b|\b(?:below|"
            r"under|"
            r"lower than) (?:the )?(?:regional|national|local|area|industry|market) (?:average|"
            r"rate|"
            r"norm)\b|\b(?:consider|regard) (?:this|the) matter closed\b",
        ),
        (
            "dispute",
            "warn",
            r"\bget (?:your|the) facts (?:straight|right)\b|\bbefore (?:posting|you post)\b|"
            r"\b(?:we|i|the \w+|our \w+|she|he|they|staff) did (?:in fact |actually )?(?:clean|"
            r"explain|call|check|tell|give|offer|send|examine|treat|follow|listen|ask|review|"
            r"inform|"
            r"return|discuss|mention|warn|advise|provide|document|order|refer|try)\b",
        ),
        (
            "records",
            "warn",
            r"\b(?:looking at|checking|reviewing|having (?:reviewed|checked)) (?:your|the|our) "
            r"(?:[\w-]+ ){0,2}(?:notes|chart|records?|file|logs?)\b",
        ),
        (
            "blame",
            "warn",
            r"(?:^|[.!?]\s+)(?:maybe|perhaps|could it be that|is it possible that?) (?:you|she|"
            r"he)\b"
            r"[^.!?\n]{0,60}\?",
        ),
        (
            "justify",
            "warn",
            r"\b\d[\d,]*\+? (?:five|5)[- ]star reviews\b|\bthis (?:clearly )?(?:isn'?t|is not) "
            r"(?:the norm|typical|representative)\b|\bby the book\b|\bdid (?:everything|nothing) "
            r"(?:right|correctly|wrong|by the book)\b|\b(?:trained|qualified|"
            r"experienced) professionals\b",
        ),
        (
            "justify",
            "warn",
            r"\bwhich you (?:couldn'?t|could not|wouldn'?t|would not) (?:see|have seen|know)\b|"
            r"\bwith (?:all due )?respect,|\bnot how (?:we|our \w+) (?:operates?|works?|"
            r"do things)\b|"
            r"\btake issue with\b",
        ),
        (
            "blame",
            "warn",
            r"\byou turned (?:\w+ )?down\b|\b(?:we|i) (?:don'?t|do not) appreciate\b|"
            r"\bbeing called (?:liars|rude|incompetent|lazy|uncaring|\w+ liars)\b|"
            r"\b(?:only|just) doing (?:our|my|their) jobs?\b",
        ),
        ("record", "warn", r"\bhas (?:done|performed) (?:over|more than) [\d,]+\b"),
        (
            "blame",
            "warn",
            r"\byou (?:should|could|might) have (?:\w+ )?(?:called|asked|told|come|mentioned|checked|read|"
            r"let us know|booked|brought)\b|\bhad you (?:\w+ )?(?:called|asked|told|come|mentioned|read|"
            r"followed|listened)\b|\bunfortunately,? you\b",
        ),
        (
            "justify",
            "warn",
            r"\b(?:it is|it'?s|this is) (?:our|standard|hospital|clinic|practice) "
            r"(?:policy|procedure|protocol)\b|"
            r"\bour hands (?:are|were) tied\b|\b(?:we|i) (?:had|have) no choice\b|\bplease understand that\b|"
            r"\bto be fair\b|\bsimply not the case\b",
        ),
    )
)

# Replying to a review with the reviewer's results or bill, or point by point, is arguing in public.
_REVIEW_RULES: tuple[Rule, ...] = compile_rules(
    (
        (
            "results",
            "warn",
            r"\byou were (?:seen|triaged|treated|called back|examined|roomed) (?:within|in|"
            r"after) \d+",
        ),
        (
            "results",
            "warn",
            r"\byour (?:[\w-]+ ){0,2}(?:tests?|results?|x-rays?|scans?|mri|ct|ecg|ekg|labs?|"
            r"culture|swab|strep|biopsy|troponins?|levels?|ultrasound|mammogram|"
            r"bloodwork)\b(?: and [\w-]+)? (?:was|were|came back|showed|is|are)\b",
        ),
        (
            "results",
            "warn",
            r"\bthe (?:balance|bill|charge|fee) (?:is|was) (?:correct|accurate|appropriate)\b",
        ),
        (
            "blame",
            "warn",
            r"\byou (?:\w+ )?(?:arrived|showed up|came in) (?:\w+ )?(?:late|after|without|past|\d)|"
            r"\byou (?:\w+ )?(?:left(?! feeling)|refused|declined|signed|"
            r"brought|complained|demanded|insisted|yelled|screamed|chose|missed|cancell?ed|"
            r"didn'?t (?:bring|show|call|follow|take|read))\b|"
            r"\b(?:spent|took) \d+ minutes with you\b|"
            r"\banswered (?:every|all (?:of )?your) questions?\b",
        ),
        (
            "dispute",
            "warn",
            r"\b(?:is|was|are|were|did|does|do|has|have) actually\b|"
            r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
            r"twenty|thirty) minutes (?:after|of) (?:the|your) (?:call|arrival|check-?in)\b",
        ),
        ("but", "warn", r"\bthat (?:being )?said,"),
        (
            "justify",
            "warn",
            r"\b(?:are|is) (?:all )?(?:highly trained|board[- ]certified|very experienced)\b|"
            r"\b\d+% (?:satisfaction|success)\b|"
            r"\b(?:this|your) experience (?:is|was) not typical\b",
        ),
        ("point_by_point", "warn", r"(?:^|\s)1[).]\s[^\n]{0,300}?\s2[).]\s"),
        (
            "justify",
            "warn",
            r"\b(?:we|our (?:\w+ )?(?:staff|team|nurses|doctors|dentists|clinicians|receptionists)) "
            r"(?:always|never|would never) (?:\w+ )?(?:explain|inform|tell|check|follow|ignore|treat|respect|"
            r"listen|take|give|discuss|ask|offer|document|call|wash|clean|sterili[sz]e|leave|rush|refuse)\w*\b",
        ),
    )
)

_DEFENSIVE_ON_REVIEWS = DEFENSIVE_RULES + _REVIEW_RULES


def find_hostile(draft: Draft) -> list[Finding]:
    """HOSTILE: insults, threats, swearing or aggression aimed at someone."""
    return from_match("HOSTILE", best_match(lowered(draft.text), HOSTILE_RULES))


def find_defensive(draft: Draft) -> list[Finding]:
    """DEFENSIVE: arguing, blaming the patient, justifying the practice or disputing a review."""
    rules = _DEFENSIVE_ON_REVIEWS if draft.platform == "reviews" else DEFENSIVE_RULES
    return from_match("DEFENSIVE", best_match(lowered(draft.text), rules))
