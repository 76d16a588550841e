"""A health detail is about the person being advised or messaged, who is identifiable as the reader."""

from __future__ import annotations

import pytest

from sandbox.feedback import analyze

pytestmark = pytest.mark.usefixtures("rules_only")  # the rule that finds the advised condition


def _clinical(text: str, audience: str = "public") -> list[tuple[str, str]]:
    report = analyze(text, platform="microblog", audience=audience)
    return [(f.text, f.rule) for f in report.findings if f.label == "CLINICAL"]


def test_individual_advice_marks_the_condition_it_addresses():
    found = _clinical(
        "Gallbladder surgery is totally routine, nothing to be anxious about. Just relax and take "
        "the antibiotics."
    )
    assert found == [("antibiotics", "privacy.clinical.advised_person")]


def test_a_direct_message_about_a_condition_is_about_the_recipient():
    found = _clinical(
        "Chest pain with a numb arm can be a heart attack. Please call 911 now.", audience="private"
    )
    assert found


def test_safety_netting_in_a_direct_message_is_not_the_readers_condition():
    netted = "Please call your doctor's after-hours line today. If you get chest pain or weakness, call 911."
    assert _clinical(netted, audience="private") == []
    assert _clinical("Is the chest pain still there? If it spreads to your arm, call 911.", "private")


def test_general_education_in_public_stays_quiet():
    assert (
        _clinical("Flu shots are free at the library on Saturday. Chest pain is a reason to call 911.") == []
    )
    assert _clinical("Statins are one of the most studied medicines; side effects are usually mild.") == []


def test_a_dm_with_no_health_detail_stays_quiet():
    assert (
        _clinical("Thanks for the message! Our office line is 555-0142 if you want to talk.", "private") == []
    )


def _reply(text: str) -> list[tuple[str, str]]:
    report = analyze(text, platform="microblog", audience="public")
    return [(f.text, f.rule) for f in report.findings if f.label == "CLINICAL"]


def test_empathy_for_a_reader_about_their_treatment_marks_it_in_a_reply():
    found = _reply(
        "Totally understandable to feel nervous about starting insulin. Go through your questions with "
        "your own doctor. General info, not personal medical advice!"
    )
    assert found == [("insulin", "privacy.clinical.reader_reaction")]


def test_a_duration_makes_an_everyday_symptom_the_readers_history():
    found = _reply(
        "I'm sorry, three weeks of headaches with no answer is exhausting. I can't weigh in on your case "
        "here, but ask your doctor about a referral."
    )
    assert found == [("three weeks of headaches", "privacy.clinical.reader_reaction")]


def test_empathy_in_a_public_post_without_a_reply_sign_stays_quiet():
    assert _reply("Starting insulin can feel overwhelming, and that's okay. Our diabetes class helps.") == []


def test_empathy_about_a_condition_in_another_sentence_stays_quiet():
    assert (
        _reply(
            "That sounds so frustrating, and we hear you. Insulin pens are covered again from June. "
            "We can't discuss individual care here."
        )
        == []
    )


def test_everyday_words_without_a_duration_stay_quiet_in_a_reply():
    assert (
        _reply(
            "Waiting for results is awful, and we understand how stressful that is. We can't discuss "
            "individual care here, but a nurse can go through them with you."
        )
        == []
    )


def test_a_scolding_about_a_treatment_is_not_a_reaction_to_the_readers_feelings():
    text = "No. Stop demanding antibiotics for a cold, it's a virus. Tough it out like everyone else."
    assert _reply(text) == []
