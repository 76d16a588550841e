"""Tone problems about manner: hostile, defensive, sarcastic, dismissive and promotional drafts."""

from __future__ import annotations

import re

from ..model import Draft, Finding
from .common import GAP, Rule, all_matches, best_match, compile_rules, from_match, tone_finding

_INSULT = (
    r"(?:idiots?|morons?|imbeciles?|frauds?|clowns?|losers?|lunatics?|psychos?|jerks?|scum|trash|garbage|"
    r"parasites?|liars?|quacks?|creeps?|disgrace|joke|dumbass|cretins?|animals)"
)
_PROFANITY = (
    r"(?:\bf+u+c+k\w*|\bf[*#@]+k?\w*|\bshit\w*|\bbullshit|\basshole\w*|\bbitch\w*|\bbastards?\b|\bdickhead|"
    r"\bpiss off|\bscrew you|\bdamn you|\bgoddamn|\U0001F92C|\U0001F595)"
)

HOSTILE_RULES: tuple[Rule, ...] = compile_rules((
    ("insult", "block", r"\byou(?:'re| are)?\s+(?:an?\s+)?(?:absolute|total|complete|utter|stupid|pathetic|"
                        r"fucking)?\s*" + _INSULT + r"\b"),
    ("insult", "block", r"\b(?:absolute|total|complete|utter)\s+(?:" + _INSULT[3:-1] + r"|idiocy)\b"),
    ("insult", "block", r"\b(?:absolutely|truly|just|such)\s+(?:vile|disgusting|pathetic|despicable)\b"),
    ("insult", "block", r"\b(?:vile|disgusting|pathetic|stupid|dumb|ignorant)\s+(?:people|person|family|"
                        r"families|humans?|behaviou?r|man|woman)\b"),
    ("insult", "block", r"\b(?:you(?:'re| are)|your \w+ (?:is|are)) (?:\w+ )?(?:garbage|trash|pathetic|worthless|"
                        r"disgusting|a joke|a disgrace)\b"),
    ("insult", "block", r"\bclown behaviou?r\b|\bpeople like you\b|\byou people\b"),
    ("profanity", "block", _PROFANITY),
    ("threat", "block", r"\bhope (?:you|your)\b" + GAP % 50 + r"\b(?:gets? you|kills? you|die|rot|suffer|"
                        r"choke|burn)\b"),
    ("threat", "block", r"\byou(?:'re| are) going to (?:kill|hurt) (?:someone|somebody|people)\b"),
    ("threat", "block", r"\b(?:forwarded|sent|referred|passed)\b" + GAP % 40 + r"\b(?:attorneys?|lawyers?|"
                        r"legal (?:team|counsel|department))\b"),
    ("threat", "block", r"\bsee you in court\b|\b(?:we|i) (?:will|'ll) sue\b|\blibel(?:ous)?\b|\bdefamat\w+"),
    ("threat", "block", r"\byou(?:'re| are) the reason\b"),
    ("aggression", "warn", r"\b(?:shut up|get lost|go away|crawl back|get over yourself|grow up|drop dead|"
                           r"go to hell)\b"),
    ("aggression", "warn", r"\btake your (?:\w+[- ])?(?:stars?|reviews?|business|complaints?|attitude)\b"
                           + GAP % 10 + r"\b(?:somewhere|elsewhere)\b"),
    ("aggression", "warn", r"\bdon'?t (?:bother|ever) (?:coming|come) back\b|\bnever (?:come|coming) back\b"),
    ("aggression", "warn", r"\bdon'?t (?:ever )?(?:message|contact|call|text|email|dm) (?:me|us) again\b"),
    ("aggression", "warn", r"\blearn (?:how )?to (?:spell|read|write|count)\b"),
    ("aggression", "warn", r"\bnobody (?:here )?has time for (?:people|you)\b"),
    ("jab", "warn", r"\bmaybe (?:don'?t |try to |just )?\w+\b" + GAP % 50 + r"\bnext time\b"),
))

DEFENSIVE_RULES: tuple[Rule, ...] = compile_rules((
    ("record", "warn", r"\bfor the record\b|\bset(?:ting)? the record straight\b|\bcorrect(?:ing)? the record\b"),
    ("record", "warn", r"\bto clarify (?:for|to) (?:readers|everyone|others|the public)\b|\blet me be clear\b|"
                       r"\bjust to be clear\b|\bwe (?:strongly )?disagree with\b"),
    ("dispute", "warn", r"\b(?:simply|completely|totally|patently|and|are|is) (?:untrue|inaccurate|not true)\b"),
    ("dispute", "warn", r"\bstop (?:spreading|posting|telling)\b" + GAP % 30 + r"\b(?:lies|misinformation|"
                        r"falsehoods|rumou?rs|untruths|false)\b|\bpost(?:ing)? false\b|\bfalse (?:info|claims?|"
                        r"information|accusations?)\b"),
    ("stand_by", "warn", r"\b(?:we|i) (?:fully |still |firmly )?stand by\b|\bdid nothing wrong\b|"
                         r"\bwill not be bullied\b|\bwon'?t be bullied\b"),
    ("stand_by", "warn", r"\bfollowed (?:every|all|our|standard|proper|the) (?:\w+ )?(?:protocols?|procedures?|"
                         r"guidelines?|polic(?:y|ies))\b"),
    ("records", "warn", r"\b(?:our|the) (?:records?|charts?|logs?|notes|documentation|system) (?:clearly )?"
                        r"(?:show|shows|indicate|confirm)s?\b|\bper our records\b|\btime[- ]stamped\b"),
    ("records", "warn", r"\b(?:we|i) (?:checked|reviewed|pulled|looked at) (?:the|your|our) (?:[\w-]+ ){0,2}"
                        r"(?:chart|records?|logs?|account|file|notes|footage)\b|\bi have (?:the |all the )?"
                        r"(?:documentation|receipts|proof)\b"),
    ("blame", "warn", r"\byou signed\b|\b(?:i|we) (?:told|warned) you\b|\b(?:which|as) (?:i|we)(?:'ve| have)? "
                      r"(?:told|explained|warned)\b|\bi explained this\b"),
    ("blame", "warn", r"\bif you had(?:n'?t)? (?:\w+ )?(?:arrived|come|shown|called|followed|listened|read|"
                      r"taken|done|told|been)\b|\byou (?:arrived|showed up|came in) (?:at \d|late|\d+ min)"),
    ("blame", "warn", r"\byou (?:refused|declined|cancell?ed|skipped|chose not|ignored)\b|\b(?:she|he) "
                      r"(?:refused|declined|skipped)\b|\bblame (?:her|his|your|their|yourself)\b|"
                      r"\bsomeone to blame\b"),
    ("blame", "warn", r"\byou were (?:\w+ )?(?:intoxicated|drunk|high|rude|yelling|screaming|cursing|abusive|"
                      r"aggressive)\b|\bthe problem (?:isn'?t|is not|wasn'?t|may not be)\b"),
    ("blame", "warn", r"\b(?:maybe|perhaps|try|instead of)\b" + GAP % 60 + r"\bnext time\b"),
    ("denial", "warn", r"\b(?:i|we) (?:did not|didn'?t|never|do not|don'?t) (?:\w+ )?(?:refuse|dismiss|ignore|"
                       r"rush|laugh|scam|overcharge|mistreat|neglect)\w*|\b(?:nobody|no one) (?:was |here )?"
                       r"(?:laughing|ignoring|rushing|pushing|pushes|laughed|ignored)\b"),
    ("but", "warn", r"\bsorry (?:you|that you|if you) (?:feel|felt) (?:that|this) way\b|\bsorry\b" + GAP % 50
                    + r",? but (?!(?:we|i)(?:'d| would)|please|we want|we'll)"),
    ("but", "warn", r"\bthat (?:being )?said,|\bcan'?t bend the rules\b|\brules are rules\b"),
    ("but", "warn", r"(?:^|[.!?]\s+)actually,"),
    ("record", "warn", r"\bhas (?:done|performed) (?:over|more than) [\d,]+\b"),
))

# Replying to a review with the reviewer's results or bill, or point by point, is arguing in public.
_REVIEW_RULES: tuple[Rule, ...] = compile_rules((
    ("results", "warn", r"\byour (?:[\w-]+ ){0,2}(?:tests?|results?|x-rays?|scans?|mri|ct|ecg|ekg|labs?|"
                        r"culture|swab|strep|biopsy|troponins?|levels?|ultrasound|mammogram|bloodwork)\b"
                        r"(?: and [\w-]+)? (?:was|were|came back|showed|is|are)\b"),
    ("results", "warn", r"\bthe (?:balance|bill|charge|fee) (?:is|was) (?:correct|accurate|appropriate)\b"),
    ("point_by_point", "warn", r"(?:^|\s)1[).]\s" + r"[^\n]{0,300}?\s2[).]\s"),
))

_SARCASM_STRONG: tuple[Rule, ...] = compile_rules((
    ("eye_roll", "warn", "\U0001F644"),
    ("irony", "warn", r"\b(?:oh|ah),? (?:sure|yes|yeah|right|great|joy)\b|\bsure,? (?:jan|buddy|bud|pal|"
                      r"thing|sweetie|honey|champ)\b|\bok(?:ay)?,? (?:bud|buddy|pal|boomer|champ)\b|"
                      r"\byeah,? right\b|\blol,? ok\b|\bsure,? let me just\b"),
    ("irony", "warn", r"\b(?:the|oh the) horror\b|\bgroundbreaking\b|\b(?:truly|how|so|wow,?) shocking\b|"
                      r"\bwhat a (?:shock|surprise|shocker)\b|\bfamously\b|, obviously[.!]|\bor anything[.!]|"
                      r"\bwho knew\b|\bjust for you\b"),
    ("irony", "warn", r"\bbecause we (?:enjoy|love) (?:it|this|that|making)\b|\b[\w-]+ much\?"),
    ("mockery", "warn", r"\b(?:google|internet|tiktok|youtube|facebook) (?:degree|diploma|md|fee|university)\b|"
                        r"\bcan'?t make this (?:stuff )?up\b|\bnever (?:a dull moment|boring)\b|"
                        r"\bliving the dream\b"),
    ("mockery", "warn", r"\blove (?:it )?when (?:a|an|someone|patients?|people|families|he|she|they)\b|"
                        r"\bnothing like (?:a|an|being|getting)\b|\bfrequent flyer\b|\bguess who'?s back\b"),
    ("mockery", "warn", r"\byears of (?:training|school|medical school|med school|education) for this\b|"
                        r"\bthanks for the (?:1|one)[- ]star\b|\bwe'?ll frame it\b|\b(?:aren'?t|are not|isn'?t) "
                        r"(?:psychic|mind ?readers?)\b"),
    ("mockery", "warn", r"\bhave you considered that\b|\bfunny, (?:we|i)\b|\bthe classic '|'did (?:his|her|"
                        r"their|your) (?:own )?research'|\bnot a medical emergency, (?:sir|ma'am)\b|"
                        r"\b(?:our|my) favou?rite (?:frequent|patient|regular|customer)"),
    ("mockery", "warn", r"\bso sorry (?:that )?(?:our|we|dentistry|medicine|doctors|nurses)\b" + GAP % 40
                        + r"(?:aren'?t|isn'?t|involves?|can'?t|don'?t)\b"),
))
_SARCASM_WEAK = re.compile(
    "[\U0001F643\U0001F937\U0001F914]|\\blo+l\\b|\\blm+a+o+\\b|\\bsir\\.|\\bbuddy\\b"
    "|(?<![\\w])'[a-z][^'\\n]{2,30}'(?![\\w])",
    re.IGNORECASE,
)
_PERSON_TARGET = re.compile(
    r"\b(?:patients?|guy|lady|man|woman|dude|sir|ma'am|mr|mrs|ms|family|he|she|his|her|you|your|u|ur|"
    r"people|\d+\s*(?:yo|y/o|year-old))\b",
    re.IGNORECASE,
)

DISMISSIVE_RULES: tuple[Rule, ...] = compile_rules((
    ("google_it", "warn", r"\bgoogle it\b|\bdr\.? google\b|\b(?:google|internet) fee\b|\b(?:get|stay) off "
                          r"(?:the internet|google|tiktok)\b"),
    ("calm_down", "warn", r"\bcalm down\b|\bjust relax\b|(?:^|[.!?]\s*)relax[,.!]|\bchill out\b"),
    ("belittle", "warn", r"\b(?:it'?s|this is|that'?s|is) not (?:a|that) big (?:of a )?deal\b|\bno big deal\b|"
                         r"\bnothing to (?:be )?(?:anxious|worried|worry|scared|afraid|nervous|stressed) about\b"),
    ("belittle", "warn", r"\bstop (?:worrying|whining|complaining|panicking|overreacting|being dramatic|"
                         r"demanding)\b|\btough it out\b|\bsuck it up\b|\b(?:you'?re|you are) (?:just )?"
                         r"overreacting\b|\b(?:it'?s|is),? (?:all |in fact,? )?in your head\b"),
    ("belittle", "warn", r"(?:^|[.!?]\s*)(?:nah|no),? (?:you'?re|ur|you are) (?:fine|ok|okay)\b|"
                         r"\bremember who went to (?:medical|med|nursing) school\b|\bdon'?t get your \w+"
                         r"(?: \w+)? (?:advice|science|information|info) from\b"),
    ("pet_name", "warn", r"(?:^|[,.!?]\s*)(?:sweetie|sweetheart|hun|honey)[,.!]|,\s*(?:sweetie|sweetheart|hun)\b"),
))

_GUARANTEE_NEGATED = r"(?<!\bno )(?<!\bnot )(?<!\bcan't )(?<!\bcannot )"
PROMOTION_RULES: tuple[Rule, ...] = compile_rules((
    ("guarantee", "warn", r"\b100\s?%\s?(?:[\w-]+\s){0,3}?(?:cure|cured|success|guaranteed?|effective|results?|"
                          r"satisfaction|of (?:our )?(?:patients|clients))\b"),
    ("guarantee", "warn", r"\b" + _GUARANTEE_NEGATED + r"(?:guarantee[ds]?|money[- ]back)\b|"
                          r"\bmiracle (?:cure|product|supplement|pill)\b|\bfix(?:es)? it all\b|\bcures? (?:it )?all\b"),
    ("discount_code", "warn", r"\b(?:use|with|w/) (?:my |our |the )?(?:promo |discount |coupon )?(?:code|link)\b|"
                              r"\bdiscount (?:code|link)\b|\b\d{1,2}\s?% off\b|\blink in (?:my )?bio\b|"
                              r"\baffiliate link\b"),
    ("discount_code", "warn", r"\bdm (?:me|us) for (?:a |the |your )?(?:discount|deal|code|price|offer|\d+ ?%)"),
    ("endorsement", "warn", r"\b(?:partnered|partnering|teamed up) with\b|\b(?:i|we) (?:personally |highly )?"
                            r"endorse\b|\bnot sponsored\b|\bthe only (?:[\w-]+ ){0,2}(?:i|we) (?:recommend|trust)\b"),
    ("superlative", "warn", r"#1 rated|\bnumber one rated\b|\bbest [\w-]+ in (?:town|the city|the state|"
                            r"the county)\b|\bthe only (?:[\w-]+ )?(?:dentists?|clinic|practice|doctors?|"
                            r"surgeons?|center) in (?:town|the (?:city|state|area|county))\b"),
))
_CODE_WORD = re.compile(r"\b[Cc]ode:? [A-Z][A-Z0-9]{3,}\b|\bbest [\w-]+ in [A-Z][a-z]+(?: [A-Z][a-z]+)?\b")


def find_hostile(draft: Draft) -> list[Finding]:
    """HOSTILE: insults, threats, swearing or aggression aimed at someone."""
    return from_match("HOSTILE", best_match(draft.text, HOSTILE_RULES))


def find_defensive(draft: Draft) -> list[Finding]:
    """DEFENSIVE: arguing, blaming the patient, justifying the practice or disputing a review."""
    rules = DEFENSIVE_RULES + (_REVIEW_RULES if draft.platform == "reviews" else ())
    return from_match("DEFENSIVE", best_match(draft.text, rules))


def find_sarcastic(draft: Draft) -> list[Finding]:
    """SARCASTIC: ironic praise, mockery, eye-rolls; weak cues count only in pairs aimed at people."""
    hit = best_match(draft.text, _SARCASM_STRONG)
    if hit is not None:
        return from_match("SARCASTIC", hit)
    weak = list(_SARCASM_WEAK.finditer(draft.text))
    if len(weak) >= 2 and _PERSON_TARGET.search(draft.text):
        return [tone_finding("SARCASTIC", "warn", "mocking_cues", weak[0].span())]
    return []


def find_dismissive(draft: Draft) -> list[Finding]:
    """DISMISSIVE: belittling a concern, 'just google it', 'calm down', pet names."""
    return from_match("DISMISSIVE", best_match(draft.text, DISMISSIVE_RULES))


def find_promotion(draft: Draft) -> list[Finding]:
    """PROMOTION: guarantees, discount codes, endorsements and superlatives."""
    hits = all_matches(draft.text, PROMOTION_RULES)
    code = _CODE_WORD.search(draft.text)
    if code is not None:
        hits.append(("discount_code", "warn", code))
    if not hits:
        return []
    return from_match("PROMOTION", min(hits, key=lambda hit: hit[2].start()))
