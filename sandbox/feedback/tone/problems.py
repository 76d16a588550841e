"""Tone problems about manner: hostile, defensive, sarcastic and dismissive drafts."""

from __future__ import annotations

import re
from itertools import islice

from ..model import Draft, Finding
from .common import GAP, Rule, best_match, compile_rules, from_match, lowered, tone_finding

_INSULT = (
    r"(?:idiots?|morons?|imbeciles?|frauds?|clowns?|losers?|lunatics?|psychos?|jerks?|scum|scumbags?|trash|"
    r"garbage|parasites?|liars?|quacks?|creeps?|disgrace|joke|dumbass|cretins?|animals|trolls?|cowards?|"
    r"hypocrites?|fools?|bull(?:y|ies)|brats?|lowlifes?|snowflakes?)"
)
_INSULT_ADJECTIVE = (r"(?:absolute|total|complete|utter|stupid|pathetic|ignorant|dumb|lazy|entitled|rude|"
                     r"arrogant|clueless|useless|worthless|incompetent|miserable|sad|little|fucking)")
_PROFANITY = (
    r"(?:\bf+u+c+k\w*|\bf[*#@]+k?\w*|\bshit\w*|\bbullshit|\basshole\w*|\bbitch\w*|\bbastards?\b|\bdickhead|"
    r"\bpiss off|\bscrew you|\bdamn you|\bgoddamn|\U0001F92C|\U0001F595)"
)

HOSTILE_RULES: tuple[Rule, ...] = compile_rules((
    ("insult", "block", r"\byou(?:'re| are)?\s+(?:an?\s+)?(?:" + _INSULT_ADJECTIVE
                        + r"\s+){0,2}" + _INSULT + r"\b"),
    ("insult", "block", r",\s*(?:you\s+)?(?:" + _INSULT_ADJECTIVE + r"\s+){0,2}" + _INSULT
                        + r"\s*[.!?]*\s*$"),
    ("insult", "block", r"(?:^|[.!?]\s+)(?:shameful|disgraceful|pathetic|disgusting|despicable)[.!]"),
    ("insult", "block", r"\b(?:absolute|total|complete|utter)\s+(?:" + _INSULT[3:-1]
                        + r"|idiocy)\b"),
    ("insult", "block", r"\b(?:absolutely|truly|just|such)\s+(?:vile|disgusting|pathetic|despicable)\b"),
    ("insult", "block", r"\b(?:vile|disgusting|pathetic|stupid|dumb|ignorant)\s+(?:people|person|family|"
                        r"families|humans?|behaviou?r|man|woman)\b"),
    ("insult", "block", r"\b(?:you(?:'re| are)|your \w+ (?:is|are)) (?:\w+ )?(?:garbage|trash|pathetic|"
                        r"worthless|disgusting|a joke|a disgrace)\b"),
    ("insult", "block", r"\bclown behaviou?r\b|\bpeople like you\b|\byou people\b"),
    ("profanity", "block", _PROFANITY),
    ("threat", "block", r"\bhope (?:you|your)\b" + GAP % 50 + r"\b(?:gets? you|kills? you|die|rot|suffer|"
                        r"choke|burn)\b"),
    ("threat", "block", r"\byou(?:'re| are) going to (?:kill|hurt) (?:someone|somebody|people)\b"),
    ("threat", "block", r"\b(?:forwarded|sent|referred|passed)\b" + GAP % 40 + r"\b(?:attorneys?|lawyers?|"
                        r"legal (?:team|counsel|department))\b"),
    ("threat", "block", r"\bsee you in court\b|\b(?:we|i) (?:will|'ll) sue\b|\blibel(?:ous)?\b|\bdefamat\w+"),
    ("threat", "block", r"\bsee what happens\b|\bwatch (?:yourself|your back)\b|\byou'?ve been warned\b"),
    ("threat", "block", r"\byou(?:'re| are) the reason\b|\b(?:you'?ll|you will|make sure you) regret\b"),
    ("aggression", "warn", r"\b(?:shut up|shut your (?:mouth|face)|get lost|go away|crawl back|"
                           r"get over yourself|grow up|drop dead|go to hell|get a life|"
                           r"stop wasting (?:our|my) time)\b"),
    ("threat", "block", r"\bif (?:you|i|we) ever\b" + GAP % 60 + r"\bagain\b" + GAP % 40
                        + r"\b(?:security|police|regret|banned|ban you|report you|escort\w*|kick\w*|"
                        r"throw\w*)\b"),
    ("threat", "block", r"\b(?:you'?ll|you will) be (?:escorted|thrown|kicked|banned|removed)\b"),
    ("aggression", "warn", r"\btake your (?:\w+[- ])?(?:stars?|reviews?|business|complaints?|attitude)\b"
                           + GAP % 10 + r"\b(?:somewhere|elsewhere)\b"),
    ("aggression", "warn", r"\bdon'?t (?:bother |ever )?(?:coming|come) back\b|"
                           r"\bnever (?:come|coming) back\b"),
    ("aggression", "warn", r"\bdon'?t (?:ever )?(?:message|contact|call|text|email|dm) (?:me|us) again\b"),
    ("aggression", "warn", r"\blearn (?:how )?to (?:spell|read|write|count)\b"),
    ("aggression", "warn", r"\bnobody (?:here )?has time for (?:people|you)\b|\bshame on you\b|"
                           r"\bgood riddance\b|\b(?:we|i) won'?t miss (?:you|it)\b|\b(?:what|such) a joke\b|"
                           r"\bjoke of an? \w+|,\s*(?:genius|einstein|sherlock)\b"),
    ("jab", "warn", r"\bnext time,? (?:try|maybe)\b"),
    ("jab", "warn", r"\bmaybe (?:don'?t |try to |just )?\w+\b" + GAP % 50 + r"\bnext time\b"),
))

DEFENSIVE_RULES: tuple[Rule, ...] = compile_rules((
    ("record", "warn", r"\bfor the record\b|\bset(?:ting)? the record straight\b|"
                       r"\bcorrect(?:ing)? the record\b"),
    ("record", "warn", r"\bto clarify (?:for|to) (?:readers|everyone|others|the public)\b|"
                       r"\blet me be clear\b|\bjust to be clear\b|\bwe (?:strongly )?disagree with\b"),
    ("dispute", "warn", r"\b(?:simply|completely|totally|patently|and|are|is) (?:untrue|inaccurate|"
                        r"not true)\b"),
    ("dispute", "warn", r"\bstop (?:spreading|posting|telling)\b" + GAP % 30 + r"\b(?:lies|misinformation|"
                        r"falsehoods|rumou?rs|untruths|false)\b|\bpost(?:ing)? false\b|"
                        r"\bfalse (?:info|claims?|information|accusations?)\b"),
    ("dispute", "warn", r"\b(?:this|the|your) review (?:is|was|seems) (?:fake|false|untrue|misleading|"
                        r"inaccurate|dishonest)\b|\bfake reviews?\b"),
    ("dispute", "warn", r"\b(?:this|the|your) review (?:claims|alleges|implies)\b|"
                        r"\bjust so (?:everyone|you all|people|readers) knows?\b|\bagainst medical advice\b"),
    ("stand_by", "warn", r"\b(?:we|i) (?:fully |still |firmly )?stand by\b|\bdid nothing wrong\b|"
                         r"\bwill not be bullied\b|\bwon'?t be bullied\b"),
    ("stand_by", "warn", r"\bfollowed (?:every|all|our|standard|proper|the) (?:\w+ )?(?:protocols?|"
                         r"procedures?|guidelines?|polic(?:y|ies)|standard of care)\b|"
                         r"\bwithin the standard of care\b"),
    ("dispute", "warn", r"\bfails? to mention\b|\bfailed to mention\b|"
                        r"\bconveniently (?:left|leaves|leaving) out\b|"
                        r"\bconveniently (?:omits|omitted|forgot)\b"),
    ("records", "warn", r"\b(?:our|the) (?:records?|charts?|logs?|notes|documentation|"
                        r"system) (?:clearly )?(?:show|shows|indicate|confirm)s?\b|\bper our records\b|"
                        r"\baccording to (?:our|the) (?:records?|charts?|logs?|notes)\b|\btime[- ]stamped\b"),
    ("records", "warn", r"\b(?:we|i) (?:checked|reviewed|pulled|looked at) (?:the|your|"
                        r"our) (?:[\w-]+ ){0,2}(?:chart|records?|logs?|account|file|notes|footage)\b|"
                        r"\bi have (?:the |all the )?(?:documentation|receipts|proof)\b"),
    ("blame", "warn", r"\byou signed\b|\b(?:i|we) (?:told|warned) you\b|"
                      r"\b(?:which|as) (?:i|we)(?:'ve| have)? (?:told|explained|warned)\b|"
                      r"\bi explained this\b"),
    ("blame", "warn", r"\bif you had(?:n'?t)? (?:\w+ )?(?:arrived|come|shown|called|followed|listened|read|"
                      r"taken|done|told|been)\b|\byou (?:arrived|showed up|came in) (?:at \d|late|\d+ min)"),
    ("blame", "warn", r"\byou (?:refused|declined|cancell?ed|skipped|chose not|ignored)\b|"
                      r"\b(?:she|he) (?:refused|declined|skipped)\b|"
                      r"\bblame (?:her|his|your|their|yourself)\b|\bsomeone to blame\b"),
    ("blame", "warn", r"\byou were (?:\w+ )?(?:intoxicated|drunk|high|rude|yelling|screaming|cursing|abusive|"
                      r"aggressive)\b|\bthe problem (?:isn'?t|is not|wasn'?t|may not be)\b"),
    ("blame", "warn", r"\b(?:maybe|perhaps|try|instead of)\b" + GAP % 60 + r"\bnext time\b"),
    ("denial", "warn", r"\b(?:i|we) (?:did not|didn'?t|never|do not|don'?t) (?:\w+ )?(?:refuse|dismiss|"
                       r"ignore|rush|laugh|scam|overcharge|mistreat|neglect)\w*|"
                       r"\b(?:nobody|no one) (?:was |here )?(?:laughing|ignoring|rushing|pushing|pushes|"
                       r"laughed|ignored)\b"),
    ("but", "warn", r"\bsorry (?:you|that you|if you) (?:feel|felt) (?:that|this) way\b|\bsorry\b" + GAP % 50
                    + r",? but (?!(?:we|i)(?:'d| would)|please|we want|we'll)"),
    ("dispute", "warn", r"\b(?:that'?s|that is|this is) not (?:what happened|true|accurate|the case|"
                        r"how it happened)\b|\bnothing to apologi[sz]e for\b|\bnot our fault\b|"
                        r"\bin fairness to\b|\b(?:this|your) (?:review|post|story) (?:leaves out|omits|"
                        r"ignores|fails to mention)\b|\bthe (?:facts|truth) (?:is|are)\b|"
                        r"\bcontrary to (?:this|your|what)\b"),
    ("blame", "warn", r"\bso of course\b|\b(?:caused|delayed) by your\b|\byou agreed to\b|"
                      r"\byou (?:were|had been) (?:told|informed|advised|warned)\b|"
                      r"\byou (?:failed|neglected|forgot) to\b"),
    ("but", "warn", r"\bcan'?t bend the rules\b|\brules are rules\b"),
    ("stand_by", "warn", r"\b(?:was|were) (?:simply |just |only )?following (?:our|the|hospital|"
                         r"clinic) (?:[\w-]+ )?(?:policy|policies|protocols?|procedures?|rules)\b|"
                         r"\bas (?:clearly )?(?:stated|posted|explained|noted) (?:on|in|at)\b|"
                         r"(?:^|[.!?]\s+)for the (?:second|third|fourth|last) time[,:]"),
    ("but", "warn", r"(?:^|[.!?]\s+)actually,"),
    ("record", "warn", r"\bhas (?:done|performed) (?:over|more than) [\d,]+\b"),
))

# Replying to a review with the reviewer's results or bill, or point by point, is arguing in public.
_REVIEW_RULES: tuple[Rule, ...] = compile_rules((
    ("results", "warn", r"\byou were (?:seen|triaged|treated|called back|examined|roomed) (?:within|in|"
                        r"after) \d+"),
    ("results", "warn", r"\byour (?:[\w-]+ ){0,2}(?:tests?|results?|x-rays?|scans?|mri|ct|ecg|ekg|labs?|"
                        r"culture|swab|strep|biopsy|troponins?|levels?|ultrasound|mammogram|"
                        r"bloodwork)\b(?: and [\w-]+)? (?:was|were|came back|showed|is|are)\b"),
    ("results", "warn", r"\bthe (?:balance|bill|charge|fee) (?:is|was) (?:correct|accurate|appropriate)\b"),
    ("blame", "warn", r"\byou (?:\w+ )?(?:arrived|showed up|came in|left(?! feeling)|refused|declined|signed|"
                      r"brought|complained|demanded|insisted|yelled|screamed|chose|missed|cancell?ed|"
                      r"didn'?t (?:bring|show|call|follow|take|read))\b|"
                      r"\b(?:spent|took) \d+ minutes with you\b|"
                      r"\banswered (?:every|all (?:of )?your) questions?\b"),
    ("but", "warn", r"\bthat (?:being )?said,"),
    ("justify", "warn", r"\b(?:are|is) (?:all )?(?:highly trained|board[- ]certified|very experienced)\b|"
                        r"\b\d+% (?:satisfaction|success)\b|"
                        r"\b(?:this|your) experience (?:is|was) not typical\b"),
    ("point_by_point", "warn", r"(?:^|\s)1[).]\s[^\n]{0,300}?\s2[).]\s"),
))

_SARCASM_STRONG: tuple[Rule, ...] = compile_rules((
    ("eye_roll", "warn", "\U0001F644"),
    ("irony", "warn", r"\b(?:oh|ah),? (?:sure|yes|yeah|right|great|joy)\b|"
                      r"\bsure,? (?:jan|buddy|bud|pal|thing|sweetie|honey|champ)\b|"
                      r"\bok(?:ay)?,? (?:bud|buddy|pal|boomer|champ)\b|\byeah,? right\b|\blol,? ok\b|"
                      r"\bsure,? let me just\b"),
    ("irony", "warn", r"\b(?:the|oh the) horror\b|\bgroundbreaking\b|\b(?:truly|how|so|wow,?) shocking\b|"
                      r"\bwhat a (?:shock|surprise|shocker)\b|\bfamously\b|, obviously[.!]|\bor anything[.!]|"
                      r"\bwho knew\b|\bjust for you\b"),
    ("irony", "warn", r"\bbecause we (?:enjoy|love) (?:it|this|that|making)\b|\b[\w-]+ much\?"),
    ("irony", "warn", r"(?:^|[.!?]\s+)(?:great|fantastic|wonderful|perfect|lovely|awesome|"
                      r"brilliant),? another\b|\btruly (?:thrilling|riveting|fascinating|inspiring|"
                      r"a delight)[.!]"),
    ("irony", "warn", r"\bthanks a lot[.!]|\bcool story\b|\bwhatever you say\b|\bnothing says\b|"
                      r"(?:^|[.!?]\s+)(?:classy|real mature|very mature|how original|bold move|nice try|"
                      r"good luck with that)[.!]|\byour (?:majesty|highness|royal)|\bmagically\b|"
                      r"(?:^|[.!?]\s+)(?:right|sure|yeah|yes),? because\b|"
                      r"(?:^|[.!?]\s+)(?:weird|funny|interesting|strange) how\b|"
                      r"\bsure,? (?:i'?ll|we'?ll) just\b|\bapparently\b[^.!?\n]{0,80}\bnow[.!]"),
    ("mockery", "warn", r"\b(?:google|internet|tiktok|youtube|facebook) (?:degree|diploma|md|fee|"
                        r"university)\b|\bcan'?t make this (?:stuff )?up\b|"
                        r"\bnever (?:a dull moment|boring)\b|\bliving the dream\b"),
    ("mockery", "warn", r"\blove (?:it )?when (?:a|an|someone|patients?|people|families|he|she|they)\b|"
                        r"\bnothing like (?:a|an|being|getting)\b|\bfrequent flyer\b|\bguess who'?s back\b"),
    ("mockery", "warn", r"\byears of (?:training|school|medical school|med school|education) for this\b|"
                        r"\bthanks for the (?:1|one)[- ]star\b|\bwe'?ll frame it\b|"
                        r"\b(?:aren'?t|are not|isn'?t) (?:psychic|mind ?readers?)\b"),
    ("mockery", "warn", r"\bhow(?:ever)? (?:will|did|would|do) you (?:ever )?(?:survive|recover|cope|go on|"
                        r"manage)\b|\ba whole \d+[- ]?(?:minute|min|hour|second)s?\b|"
                        r"\bhave you considered that\b|\bfunny, (?:we|i)\b|\bthe classic '|"
                        r"'did (?:his|her|their|your) (?:own )?research'|"
                        r"\bnot a medical emergency, (?:sir|ma'am)\b|"
                        r"\bour favou?rite (?:frequent|regular|customer)\b|"
                        r"\b(?:read|reading) (?:your|their|his|her) minds?\b|"
                        r"\blove\b[^.!?\n]{0,30}\b(?:1|one)[- ]star\b"),
    ("mockery", "warn", r"\bso sorry (?:that )?(?:our|we|dentistry|medicine|doctors|nurses)\b" + GAP % 40
                        + r"(?:aren'?t|isn'?t|involves?|can'?t|don'?t)\b"),
))
_SARCASM_WEAK = re.compile(
    "[\U0001F643\U0001F937\U0001F914]|\\blo+l\\b|\\blm+a+o+\\b|\\bsir\\.|\\bbuddy\\b"
    "|(?<![\\w])'[a-z][^'\\n]{2,30}'(?![\\w])",
)
_PERSON_TARGET = re.compile(
    r"\b(?:patients?|guy|lady|man|woman|dude|sir|ma'am|mr|mrs|ms|family|he|she|his|her|you|your|u|ur|people|"
    r"\d+\s*(?:yo|y/o|year-old))\b",
)

DISMISSIVE_RULES: tuple[Rule, ...] = compile_rules((
    ("google_it", "warn", r"\bgoogle it\b|\bdr\.? google\b|\b(?:google|internet) fee\b|"
                          r"\b(?:get|stay) off (?:the internet|google|tiktok)\b"),
    ("calm_down", "warn", r"\bcalm down\b|\bjust relax\b|(?:^|[.!?]\s*)(?:relax|chill)[,.!]|\bchill out\b"),
    ("belittle", "warn", r"\b(?:it'?s|this is|that'?s|is) not (?:a|that) big (?:of a )?deal\b|"
                         r"\bno big deal\b|\bnothing to (?:be )?(?:anxious|worried|worry|scared|afraid|"
                         r"nervous|stressed) about\b"),
    ("belittle", "warn", r"\bstop (?:worrying|whining|complaining|panicking|overreacting|being dramatic|"
                         r"demanding)\b|\btough it out\b|\bsuck it up\b|"
                         r"\b(?:you'?re|you are) (?:just )?overreacting\b|"
                         r"\b(?:it'?s|is),? (?:all |in fact,? )?in your head\b"),
    ("belittle", "warn", r"(?:^|[.!?]\s*)(?:nah|no),? (?:you'?re|ur|you are) (?:fine|ok|okay)\b|"
                         r"\bremember who went to (?:medical|med|nursing) school\b|"
                         r"\bdon'?t get your \w+(?: \w+)? (?:advice|science|information|info) from\b"),
    ("belittle", "warn", r"\byou'?ll live\b|\b(?:stop )?being (?:so )?dramatic\b|\bdrama queen\b|"
                         r"\boverthinking\b|\b(?:toughen|man) up\b|\bget over it\b|"
                         r"\bquit (?:whining|complaining)\b|"
                         r"\bnot every (?:little )?(?:ache|pain|cough|sniffle|twinge|bump|symptom) needs\b"),
    ("belittle", "warn", r"\b(?:it'?s|it is) not (?:cancer|a tumou?r|serious|an emergency|"
                         r"life[- ]threatening)\b|\bfor every (?:little )?(?:sniffle|cough|ache|pain|bump|"
                         r"scratch|twinge|headache)\b|\buse (?:your )?common sense\b|"
                         r"\byou (?:clearly |obviously )?have no (?:idea|clue)\b"),
    ("belittle", "warn", r"\b(?:such a|being a|be a|a big|what a) (?:big )?(?:baby|wimp)\b|\bhypochondriac\b|"
                         r"\bthat'?s (?:just )?life\b|\beveryone (?:feels|gets|"
                         r"has)\b[^.!?\n]{0,30}\b(?:sometimes|these|that)\b|"
                         r"\beveryone gets (?:it|them|those|these)\b|"
                         r"\b(?:it'?s|its) (?:just|only) (?:a |an )?(?:anxiety|stress|nerves|"
                         r"your imagination|growing pains|in your head)\b"),
    ("belittle", "warn", r"\byou (?:clearly |obviously )?(?:don'?t|do not) (?:understand|know) (?:how|what|"
                         r"anything)\b|\bwaste my (?:breath|time)\b|\b(?:and|just) chill\b|"
                         r"\b(?:your|ur) (?:kid|child|baby|son|daughter) is (?:fine|ok|okay)\b"),
    ("belittle", "warn", r"\byou'?re (?:being )?(?:ridiculous|silly|paranoid|hysterical|overdramatic)\b"),
    ("google_it", "warn", r"\blook it up (?:yourself|online)\b|"
                          r"\bnot your (?:personal )?(?:search engine|google)\b"),
    ("belittle", "warn", r"\b(?:it'?s|it is) (?:just|only) (?:a|an) (?:little |tiny |simple )?(?:cold|bruise|"
                         r"scratch|virus|bug|headache|rash|sniffle|cough|pimple|sprain)\b|"
                         r"\bonly a (?:little|tiny) (?:blood|bit|bump|scratch)\b|"
                         r"\bdon'?t be (?:so )?(?:silly|ridiculous|dramatic|such a baby|a baby)\b"),
    ("belittle", "warn", r"\bnot (?:our|my) problem\b|\bstop bothering\b|"
                         r"\bnobody needs (?:an? |the )?(?:er|ed|doctor|appointment|antibiotics)\b|"
                         r"\bevery little (?:question|thing|ache|twinge|symptom)\b"),
    ("pet_name", "warn", r"(?:^|[,.!?]\s*)(?:sweetie|sweetheart|hun|honey)[,.!]|"
                         r"\boh,? (?:honey|sweetie|sweetheart|hun|dear)\b|,\s*(?:sweetie|sweetheart|hun)\b"),
))



_DEFENSIVE_ON_REVIEWS = DEFENSIVE_RULES + _REVIEW_RULES


def find_hostile(draft: Draft) -> list[Finding]:
    """HOSTILE: insults, threats, swearing or aggression aimed at someone."""
    return from_match("HOSTILE", best_match(lowered(draft.text), HOSTILE_RULES))


def find_defensive(draft: Draft) -> list[Finding]:
    """DEFENSIVE: arguing, blaming the patient, justifying the practice or disputing a review."""
    rules = _DEFENSIVE_ON_REVIEWS if draft.platform == "reviews" else DEFENSIVE_RULES
    return from_match("DEFENSIVE", best_match(lowered(draft.text), rules))


def find_sarcastic(draft: Draft) -> list[Finding]:
    """SARCASTIC: ironic praise, mockery, eye-rolls; weak cues count only in pairs aimed at people."""
    text = lowered(draft.text)
    hit = best_match(text, _SARCASM_STRONG)
    if hit is not None:
        return from_match("SARCASTIC", hit)
    weak = list(islice(_SARCASM_WEAK.finditer(text), 2))
    quotes_only = all(match.group().startswith("'") for match in weak)
    if len(weak) == 2 and not quotes_only and _PERSON_TARGET.search(text):
        return [tone_finding("SARCASTIC", "warn", "mocking_cues", weak[0].span())]
    return []


def find_dismissive(draft: Draft) -> list[Finding]:
    """DISMISSIVE: belittling a concern, 'just google it', 'calm down', pet names."""
    return from_match("DISMISSIVE", best_match(lowered(draft.text), DISMISSIVE_RULES))
