"""Medical advice and false reassurance to one person, in any channel; blocking after red-flag symptoms."""

from __future__ import annotations

import pytest

from sandbox.feedback import analyze
from sandbox.feedback.tone.red_flags import has_red_flag

KERRY = (
    "ok weird q for my fave nurse chest has felt tight for about an hour, left arm all tingly, bit sweaty "
    "and sick. it's just anxiety right?? I've had panic attacks before."
)


def _advice(text: str, audience: str = "public", context: str | None = None) -> list[str]:
    report = analyze(text, platform="social", audience=audience, context=context)
    return [f.severity for f in report.findings if f.label == "MEDICAL_ADVICE"]


@pytest.mark.parametrize(
    "text",
    [
        "Sounds like panic to me, try box breathing and lie down, you'll probably be fine!",
        "nah that's 100% anxiety, I get it every week. box breathing and cold water, you'll be fine",
        "just double your dose tonight and you'll be fine",
        # safety-netting beside a diagnosis does not make the diagnosis safe
        "Sounds like panic to me, try box breathing. If you get chest pain or trouble speaking, call 911.",
    ],
)
def test_diagnosis_or_reassurance_to_one_person_is_medical_advice(text):
    assert _advice(text) and _advice(text, audience="private")  # a DM is no exception


def test_advice_answering_red_flag_symptoms_blocks_and_says_why():
    reply = "Sounds like panic to me, try box breathing and lie down, you'll probably be fine!"
    assert _advice(reply, context=KERRY) == ["block"]
    finding = next(f for f in analyze(reply, context=KERRY).findings if f.label == "MEDICAL_ADVICE")
    assert "emergency" in finding.message and "call emergency services" in finding.suggestion.lower()


def test_the_scenarios_facts_count_as_red_flags_too():
    reply = "Probably just anxiety, have a lie down and you'll be fine"
    facts = [{"label": "CLINICAL", "value": "chest tightness"}]
    report = analyze(reply, platform="microblog", facts=facts)
    assert [f.severity for f in report.findings if f.label == "MEDICAL_ADVICE"] == ["block"]


def test_safety_netting_is_neither_advice_nor_a_health_detail():
    report = analyze("If the pain spreads to your arm or you get sweaty, call 911 now.", platform="social")
    assert not {"MEDICAL_ADVICE", "CLINICAL"} & set(report.labels)


def test_red_flags_named_only_in_the_drafts_own_safety_net_do_not_escalate():
    reply = "Sounds like panic to me, try box breathing. If you get chest pain or trouble speaking, call 911."
    assert _advice(reply, audience="private") == ["warn"]  # nobody described chest pain
    assert _advice(reply, audience="private", context=KERRY) == ["block"]  # Kerry did
    assert _advice("Your chest tightness is just anxiety, lie down.", audience="private") == ["block"]


def test_panic_buying_is_not_a_diagnosis():
    assert _advice("Sounds like panic buying at the pharmacy again, no masks left on the shelves.") == []


def test_sending_someone_to_emergency_services_is_not_escalated():
    reply = "I can't advise anyone online, but please call 911 now rather than waiting. Don't drive yourself."
    assert _advice(reply, context=KERRY) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("chest has felt tight for an hour", True),
        ("her face is drooping and her words are slurred", True),
        ("34 weeks and the baby is moving less today", True),
        ("I've been having suicidal thoughts", True),
        ("my knee hurts after the long run", False),
        ("clinic opens at 9 for flu jabs", False),
    ],
)
def test_red_flags_are_recognised(text, expected):
    assert has_red_flag(text) is expected
