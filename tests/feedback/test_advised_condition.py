"""A health detail is about the person being advised or messaged, who is identifiable as the reader."""

from __future__ import annotations

from sandbox.feedback import analyze


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


def test_general_education_in_public_stays_quiet():
    assert (
        _clinical("Flu shots are free at the library on Saturday. Chest pain is a reason to call 911.") == []
    )
    assert _clinical("Statins are one of the most studied medicines; side effects are usually mild.") == []


def test_a_dm_with_no_health_detail_stays_quiet():
    assert (
        _clinical("Thanks for the message! Our office line is 555-0142 if you want to talk.", "private") == []
    )
