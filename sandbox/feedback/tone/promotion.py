"""PROMOTION: self-promotion, guarantees, discount codes and endorsements without disclosure."""

from __future__ import annotations

import re

from ..model import Draft, Finding
from .common import Rule, all_matches, compile_rules, from_match, lowered

# What a practice sells: "best <service> in town" is an advertising claim, "best team" is praise.
_SERVICE = (
    r"(?:[\w-]+ )?(?:dentists?|doctors?|clinics?|care|smiles?|surgeons?|practices?|dermatologists?|"
    r"results|prices?|deals?|treatments?|spa|med ?spa|physicians?|chiropractors?|pediatricians?|"
    r"hospital|botox|fillers?|facials?|lasers?)"
)
_GUARANTEE_NEGATED = r"(?<!\bno )(?<!\bnot )(?<!\bcan't )(?<!\bcannot )"
PROMOTION_RULES: tuple[Rule, ...] = compile_rules(
    (
        (
            "guarantee",
            "warn",
            r"\b100\s?%\s?(?:[\w-]+\s){0,3}?(?:cure|cured|success|guaranteed?|effective|"
            r"results?|satisfaction|of (?:our )?(?:patients|clients))\b",
        ),
        (
            "guarantee",
            "warn",
            r"\b" + _GUARANTEE_NEGATED + r"(?:guarantee[ds]?|money[- ]back)\b|"
            r"\bmiracle (?:cure|product|supplement|pill)\b|\bfix(?:es)? it all\b|"
            r"\bcures? (?:it )?all\b",
        ),
        (
            "discount_code",
            "warn",
            r"\$\d+ off\b|\brefer a friend\b|\breferral (?:special|bonus|discount|deal)\b",
        ),
        (
            "discount_code",
            "warn",
            r"\b(?:use|with|w/) (?:my |our |the )?(?:promo |discount |coupon )?(?:code|"
            r"link)\b|\bdiscount (?:code|link)\b|\b\d{1,2}\s?% off\b|"
            r"\blink in (?:my )?bio\b|\baffiliate link\b",
        ),
        (
            "discount_code",
            "warn",
            r"\bdm (?:me |us )?for (?:pricing|prices|details|rates|a quote)\b|"
            r"\b(?:clients|customers|patients) lose\b|\blose \d+ ?(?:lbs|pounds|kg)\b",
        ),
        (
            "discount_code",
            "warn",
            r"\bdm (?:me|us) for (?:a |the |your )?(?:discount|deal|code|price|offer|"
            r"\d+ ?%)",
        ),
        (
            "guarantee",
            "warn",
            r"\b(?:removes|flushes|eliminates) (?:all )?(?:the )?toxins\b|"
            r"\bcures? [\w ]{1,30}forever\b|\bdetox (?:tea|cleanse|program|kit|juice|drops)\b",
        ),
        (
            "endorsement",
            "warn",
            r"#(?:gifted|ad|sponsored|partner|affiliate|spon)\b|"
            r"\bi (?:swear by|can'?t live without)\b|\bmention this (?:post|ad)\b|"
            r"\bfree (?:consult(?:ation)?|whitening|trial|gift)\b",
        ),
        (
            "endorsement",
            "warn",
            r"\bofficial (?:[\w-]+ )?partner\b|"
            r"\b(?:for|get|with) (?:a |your |an extra )?discount\b",
        ),
        (
            "endorsement",
            "warn",
            r"\b(?:proud |brand )?ambassador (?:for|of)\b|"
            r"\bmy patients (?:all )?love (?:it|this|them|these)\b",
        ),
        (
            "endorsement",
            "warn",
            r"\b(?:partnered|partnering|teamed up) with\b|"
            r"\b(?:i|we) (?:personally |highly )?endorse\b|\bnot sponsored\b|"
            r"\bthe only (?:[\w-]+ ){0,2}(?:i|we) (?:recommend|trust)\b",
        ),
        (
            "self_promotion",
            "warn",
            r"\bi'?m an? (?:local |qualified |licensed )?(?:dentist|doctor|gp|nurse|"
            r"physio|physiotherapist|chiropractor|dermatologist|surgeon|pharmacist|"
            r"nutritionist|"
            r"dietitian|therapist|hygienist) (?:in town|nearby|in the area|locally|"
            r"near you|"
            r"around here)\b",
        ),
        (
            "superlative",
            "warn",
            r"#1 rated|\bnumber one rated\b|\bbest " + _SERVICE + r" in (?:town|the city|"
            r"the state|the county)\b|\bthe only (?:[\w-]+ )?(?:dentists?|clinic|practice|"
            r"doctors?|surgeons?|center) in (?:town|the (?:city|state|area|county))\b",
        ),
    )
)
_CODE_WORD = re.compile(r"\b[Cc]ode:? [A-Z][A-Z0-9]{3,}\b|\b[Bb]est " + _SERVICE + r" in [A-Z][a-z]+\b")


def find_promotion(draft: Draft) -> list[Finding]:
    """PROMOTION: guarantees, discount codes, endorsements and superlatives."""
    hits = all_matches(lowered(draft.text), PROMOTION_RULES)
    code = _CODE_WORD.search(draft.text)
    if code is not None:
        hits.append(("discount_code", "warn", code))
    if not hits:
        return []
    return from_match("PROMOTION", min(hits, key=lambda hit: hit[2].start()))
