"""Red-flag symptoms: when advice or reassurance answers one of these, it is a hard stop, not a warning.

Sources for the list: CDC heart attack and stroke warning signs; NHS "when to call 999" guidance
(chest pain, stroke FAST signs, breathing, sepsis, meningitis rash, heavy bleeding, suicidal thoughts);
NICE and RCOG red flags in pregnancy (bleeding, reduced fetal movements, pre-eclampsia symptoms).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Finding
from ..safety_net import without_safety_nets

_SIGNS = (
    r"chest (?:has |is |'s )?(?:been )?(?:felt |feeling |feels? )?"
    r"(?:pain\w*|tight\w*|pressure|heav\w*|hurt\w*)",
    r"tight(?:ness)? (?:in (?:my|her|his|the) )?chest",
    r"(?:left |right )?arm (?:is |feels? |all |gone )?(?:numb|tingl\w*|heavy|dead|weak)",
    r"(?:numb|tingl\w*) (?:left |right )?arm",
    r"jaw (?:pain|ache)",
    r"can'?t (?:breathe|catch (?:my|her|his) breath)|short(?:ness)? of breath|struggling to breathe",
    r"face (?:is )?(?:droop\w*|lopsided)|slurr\w* (?:speech|words)|can'?t (?:lift|raise) (?:my|her|his) arm",
    r"worst headache|thunderclap|stiff neck|rash (?:that )?(?:doesn'?t|does not|won'?t) fade|non-blanching",
    r"(?:coughing|vomiting|throwing) up blood|black (?:poo|stools?)",
    r"blood in (?:my|her|his) (?:poo|stool|vomit)",
    r"seiz(?:ure|ing)|fitting|passed out|unconscious|unresponsive|won'?t wake",
    r"bleeding (?:heavily|a lot|won'?t stop)|heavy bleeding|(?:pregnan\w*|weeks)[^.!?]{0,40}bleed\w*",
    r"(?:baby|bub|pēpi)[^.!?]{0,30}(?:not moving|moving less|hasn'?t moved|reduced movements?)",
    r"reduced (?:fetal |foetal )?movements?",
    r"(?:blurred|flashing) (?:vision|lights)[^.!?]{0,40}(?:pregnan\w*|weeks)",
    r"suicid\w*|kill (?:my|him|her)self|end (?:it all|my life)|overdos\w*",
    r"took (?:the whole|all (?:the|my)) (?:packet|bottle|pills)",
    r"swallowed (?:a )?(?:button )?batter\w*|(?:lips?|tongue|throat) (?:is |are )?swell\w*|anaphyla\w*",
    r"sweaty and (?:sick|clammy)|clammy",
)
RED_FLAGS = re.compile(r"\b(?:" + "|".join(_SIGNS) + ")", re.IGNORECASE)


def has_red_flag(*texts: str) -> bool:
    """Whether any of these texts (the draft, what it answers, the scenario's facts) names a red flag."""
    return any(RED_FLAGS.search(text) for text in texts if text)


RED_FLAG_NOTE = (
    " The person describes warning signs of an emergency: reassurance or home advice here can stop them "
    "getting help in time."
)
RED_FLAG_SUGGESTION = "Tell them to call emergency services (911, 999, 000 or 112) now, and say nothing more."


def escalate(findings: list[Finding], draft: str, *texts: str) -> list[Finding]:
    """Make medical advice a blocking finding when the draft, what it answers or the facts name a red flag.

    The draft's own safety-netting ("if you get chest pain, call 911") names red flags nobody described.
    """
    if not any(f.kind == "tone" and f.label == "MEDICAL_ADVICE" for f in findings):
        return findings
    if not has_red_flag(without_safety_nets(draft), *texts):
        return findings
    return [
        replace(
            f,
            severity="block",
            rule=f"{f.rule}.red_flag",
            message=f.message + RED_FLAG_NOTE,
            suggestion=RED_FLAG_SUGGESTION,
        )
        if f.kind == "tone" and f.label == "MEDICAL_ADVICE"
        else f
        for f in findings
    ]
