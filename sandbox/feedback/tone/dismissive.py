"""DISMISSIVE: belittling a person or a worry, minimising, brushing off, telling people to look it up."""

from __future__ import annotations

from ..model import Draft, Finding
from .common import Rule, best_match, compile_rules, from_match, lowered

DISMISSIVE_RULES: tuple[Rule, ...] = compile_rules(
    (
        (
            "google_it",
            "warn",
            r"\bgoogle it\b|\bdr\.? google\b|\b(?:google|internet) fee\b|"
            r"\b(?:get|stay) off (?:the internet|google|tiktok)\b",
        ),
        (
            "calm_down",
            "warn",
            r"\bcalm down\b|\bjust relax\b|(?:^|[.!?]\s*)(?:relax|chill)[,.!]|\bchill out\b",
        ),
        (
            "belittle",
            "warn",
            r"\b(?:it'?s|this is|that'?s|is) not (?:a|that) big (?:of a )?deal\b|"
            r"\bno big deal\b|\bnothing to (?:be )?(?:anxious|worried|worry|scared|afraid|"
            r"nervous|stressed) about\b",
        ),
        (
            "belittle",
            "warn",
            r"\bstop (?:worrying|whining|complaining|panicking|overreacting|being dramatic|"
            r"demanding)\b|\btough it out\b|\bsuck it up\b|"
            r"\b(?:you'?re|you are) (?:just )?overreacting\b|"
            r"\b(?:it'?s|is),? (?:all |in fact,? )?in your head\b",
        ),
        (
            "belittle",
            "warn",
            r"(?:^|[.!?]\s*)(?:nah|no),? (?:you'?re|ur|you are) (?:fine|ok|okay)\b|"
            r"\bremember who went to (?:medical|med|nursing) school\b|"
            r"\bdon'?t get your \w+(?: \w+)? (?:advice|science|information|info) from\b",
        ),
        (
            "belittle",
            "warn",
            r"\byou'?ll live\b|\b(?:stop )?being (?:so )?dramatic\b|\bdrama queen\b|"
            r"\boverthinking\b|\b(?:toughen|man) up\b|\bget over it\b|"
            r"\bquit (?:whining|complaining)\b|"
            r"\bnot every (?:little )?(?:ache|pain|cough|sniffle|twinge|bump|symptom) needs\b",
        ),
        (
            "belittle",
            "warn",
            r"\b(?:it'?s|it is) not (?:cancer|a tumou?r|serious|an emergency|"
            r"life[- ]threatening)\b|\bfor every (?:little )?(?:sniffle|cough|ache|pain|bump|"
            r"scratch|twinge|headache)\b|\buse (?:your )?common sense\b|"
            r"\byou (?:clearly |obviously )?have no (?:idea|clue)\b",
        ),
        (
            "belittle",
            "warn",
            r"\b(?:such a|being a|be a|a big|what a) (?:big )?(?:baby|wimp)\b|\bhypochondriac\b|"
            r"\bthat'?s (?:just )?life\b|\beveryone (?:feels|gets|"
            r"has)\b[^.!?\n]{0,30}\b(?:sometimes|these|that)\b|"
            r"\beveryone gets (?:it|them|those|these)\b|"
            r"\b(?:it'?s|its) (?:just|only) (?:a |an )?(?:anxiety|stress|nerves|"
            r"your imagination|growing pains|in your head)\b",
        ),
        (
            "belittle",
            "warn",
            r"\byou (?:clearly |obviously )?(?:don'?t|do not) (?:understand|know) (?:how|what|"
            r"anything)\b|\bwaste my (?:breath|time)\b|\b(?:and|just) chill\b|"
            r"\b(?:your|ur) (?:kid|child|baby|son|daughter) is (?:fine|ok|okay)\b",
        ),
        ("belittle", "warn", r"\byou'?re (?:being )?(?:ridiculous|silly|paranoid|hysterical|overdramatic)\b"),
        (
            "google_it",
            "warn",
            r"\blook it up (?:yourself|online)\b|"
            r"\bnot your (?:personal )?(?:search engine|google)\b",
        ),
        (
            "belittle",
            "warn",
            r"\b(?:it'?s|it is) (?:just|only) (?:a|an) (?:little |tiny |simple )?(?:cold|bruise|"
            r"scratch|virus|bug|headache|rash|sniffle|cough|pimple|sprain)\b|"
            r"\bonly a (?:little|tiny) (?:blood|bit|bump|scratch)\b|"
            r"\bdon'?t be (?:so )?(?:silly|ridiculous|dramatic|such a baby|a baby)\b",
        ),
        (
            "belittle",
            "warn",
            r"\bnot (?:our|my) problem\b|\bstop bothering\b|"
            r"\bnobody needs (?:an? |the )?(?:er|ed|doctor|appointment|antibiotics)\b|"
            r"\bevery little (?:question|thing|ache|twinge|symptom)\b",
        ),
        (
            "pet_name",
            "warn",
            r"(?:^|[,.!?]\s*)(?:sweetie|sweetheart|hun|honey)[,.!]|"
            r"\boh,? (?:honey|sweetie|sweetheart|hun|dear)\b|,\s*(?:sweetie|sweetheart|hun)\b",
        ),
        (
            "closed",
            "warn",
            r"\b(?:this|the) (?:matter|discussion|conversation|issue|subject) (?:is |"
            r"as )?closed\b|"
            r"\bend of (?:discussion|story)\b|\bnot (?:my|our|the) only (?:patient|concern|"
            r"priority)\b|\b(?:i|we) have (?:other|real|sicker) patients\b",
        ),
        (
            "look_it_up",
            "warn",
            r"\bget (?:your|the) facts (?:straight|right)\b|\bdo (?:your|"
            r"some) (?:own )?research\b|"
            r"\beducate yourself\b|\bread the (?:sign|leaflet|instructions|"
            r"website|label|form)\b",
        ),
        (
            "belittle",
            "warn",
            r"\b(?:can'?t (?:handle|cope with|take)|(?:cry|crie[sd]|crying|fuss\w*|moan\w*|"
            r"whin\w+|complain\w*|freak\w* out|panick?\w*)(?: about| over| at)?) (?:a|one|"
            r"such a|"
            r"this|every) (?:little|tiny|teeny|small|simple|quick|routine|single)\b|"
            r"\b(?:maybe|then|so) (?:just )?don'?t (?:come|bother|call|book|visit|show up)\b",
        ),
        (
            "minimise",
            "warn",
            r"\b(?:it'?s|that'?s|this is|it was|that was|it is) (?:just|only|literally|merely|"
            r"simply|"
            r"hardly|nothing but|nothing more than) (?:a |an )?(?:little |tiny |small |bit of |"
            r"minor |"
            r"mild |couple of |few )?(?:[\w-]+ )?(?:cold|cut|paper cut|scratch|bruise|splinter|"
            r"jab|shot|"
            r"needle|blood test|filling|wait|delay|minutes|hours|procedure|bump|sniffle|rash|"
            r"cough|"
            r"headache|sprain|virus|bug|graze|pimple|nerves|anxiety|stress)\b",
        ),
        (
            "minimise",
            "warn",
            r"\bworr(?:y|ying|ied) (?:about|over) nothing\b|\b(?:making|make|made) (?:such |"
            r"so much "
            r"of |a |a big |a huge )*(?:fuss|drama|scene)\b|\bmountain out of a molehill\b|"
            r"\bnot that (?:deep|serious|bad|hard)\b|\bhardly worth\b|"
            r"\bfirst[- ]world problems?\b|"
            r"\bnot rocket science\b|\bstop (?:googling|reading (?:about|up on))\b|"
            r"\bnothing to write home about\b|(?:^|[.!?]\s+)meh\b",
        ),
        (
            "minimise",
            "warn",
            r"\b(?:some of us|we|i) (?:have|deal with|see) (?:actual|real|genuinely sick|"
            r"sicker)\b|"
            r"\bhold everyone'?s hands?\b|\b(?:not|won'?t|can'?t|don'?t|"
            r"no time to) (?:\w+ ){0,3}?hold (?:your|their|"
            r"his|her) hands?\b|\b(?:i'?m sure|may have|might have) "
            r"(?:it )?(?:felt|seemed) like\b|\bas (?:i|we) (?:(?:have |'ve )?already |"
            r"clearly )(?:said|"
            r"explained|mentioned|stated|told you)\b|\bas (?:i|we) (?:have |'ve )?told you\b|"
            r"\b(?:not sure|no idea|don'?t (?:know|understand|"
            r"see)) why (?:you'?re|you are|people are|anyone is|everyone is) (?:so )?(?:upset|"
            r"worried|"
            r"making|complaining|angry|bothered|stressed|fussing|freaking)\b",
        ),
        (
            "belittle",
            "warn",
            r"\blike everyone else\b|\b(?:maybe|perhaps) next time\b|"
            r"\bnext time,? (?:maybe|perhaps|try)\b|\bweird flex\b|"
            r"\bthe problem (?:isn'?t|is not|might not be|may not be) (?:us|me|the (?:staff|"
            r"clinic|hospital|nurses|doctors|practice))\b|\b(?:maybe|"
            r"perhaps) the problem is you\b",
        ),
        (
            "belittle",
            "warn",
            r"\b(?:s?he|you|they|it)(?:'s| is|'re| are) (?:probably|likely|almost certainly|"
            r"totally|perfectly) (?:fine|ok|okay)\b|\b(?:it'?s|that'?s) (?:probably |likely |"
            r"honestly )?nothing[.!,]|\bstop (?:messaging|texting|pestering|emailing|tagging|"
            r"calling|bugging) (?:me|us)\b",
        ),
        (
            "brush_off",
            "warn",
            r"\bsome people (?:will|just|always|can'?t|never|love to)\b|"
            r"\bno pleasing (?:some|certain) people\b|\b(?:no ?one|nobody) died\b|"
            r"\b(?:deal with it|get used to it|tough luck|that'?s how it works|"
            r"welcome to adulthood)\b|"
            r"(?:^|[.!?]\s+)(?:whatever|noted|ok then|moving on)[.!]|\bbless (?:your|his|her|"
            r"their) "
            r"(?:heart|little heart|cotton socks)\b|\bnot (?:that|so) (?:complicated|difficult|"
            r"hard)\b|"
            r"\b(?:it'?s|it was|you) only (?:waited|had to wait|\d+ (?:minutes|mins))\b",
        ),
        (
            "brush_off",
            "warn",
            r"\bnot every (?:little |single )?[\w-]+ (?:is|means|needs)\b|\b(?:not going to|"
            r"won'?t|"
            r"refuse to) (?:explain|repeat|say) (?:this|it|myself) again\b|\b(?:maybe|perhaps) "
            r"(?:try )?reading\b|\banother (?:\w+ )?(?:person|"
            r"patient|mom|mum|dad|parent|family) (?:asking|who|demanding|wanting|insisting|"
            r"convinced)\b|"
            r"\bwast(?:e|ing) (?:our |the |my |everyone'?s )?(?:[\w&]+ )?time (?:with|on|"
            r"over)\b|"
            r"\bthe (?:amount|number) of (?:people|patients|parents) who\b|"
            r"(?:^|[.!?]\s+)it'?s called (?:an? )?[\w-]+[.!]|\bit'?s what (?:they|kids|babies|"
            r"toddlers) do\b|\bwelcome to (?:parenthood|adulthood|getting old|the real world|"
            r"your \d+s)\b",
        ),
        (
            "brush_off",
            "warn",
            r"\bthat'?s (?:just )?(?:getting old|old age|age|ageing|aging|how it is|"
            r"how it goes)\b|"
            r"\b(?:is|was) nothing\b(?! (?:to|like|but|compared|new|short|less|more|we|i|you|"
            r"they|"
            r"that|this|he|she|serious|wrong))|\b(?:your|his|her) pain (?:is|was) (?:not|"
            r"more like|"
            r"a \d)\b|\bdo you (?:even )?(?:know|realise|realize|understand) how (?:busy|many|"
            r"hard)\b",
        ),
    )
)


def find_dismissive(draft: Draft) -> list[Finding]:
    """DISMISSIVE: belittling a concern, 'just google it', 'calm down', telling people to look it up."""
    return from_match("DISMISSIVE", best_match(lowered(draft.text), DISMISSIVE_RULES))
