"""Disclosure detectors: RELATIONSHIP, CLINICAL and UNIQUE spans, with hard negatives for each."""

from __future__ import annotations

import time

import pytest

from sandbox.feedback.model import Draft, Finding
from sandbox.feedback.privacy.disclosure import find_disclosures


def spans(
    text: str, platform: str = "microblog", audience: str = "public", identifiers: list[Finding] | None = None
) -> list[tuple[str, str]]:
    """Run the detectors and return (label, flagged words) pairs."""
    found = find_disclosures(Draft(text, platform, audience), identifiers or [])
    return [(f.label, text[f.start : f.end]) for f in found]


def labels(text: str, platform: str = "microblog", audience: str = "public") -> set[str]:
    return {label for label, _ in spans(text, platform, audience)}


def flagged_words(text: str, label: str, platform: str = "microblog", audience: str = "public") -> str:
    return " | ".join(words for found, words in spans(text, platform, audience) if found == label)


# --- RELATIONSHIP -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, platform, audience, words",
    [
        (
            "Sorry about the wait at your appointment on the 12th, we've fixed the schedule.",
            "reviews",
            "public",
            "your appointment",
        ),
        (
            "When I saw you in clinic on Tuesday you seemed much better.",
            "reviews",
            "public",
            "saw you in clinic",
        ),
        ("As your dentist, I can tell you the work was needed.", "reviews", "public", "As your dentist"),
        (
            "We treated your mom with the utmost respect and patience.",
            "reviews",
            "public",
            "treated your mom",
        ),
        ("Our patient in bed 3 finally went home this afternoon!", "social", "public", "Our patient"),
        (
            "I took care of her for three nights and she was a delight.",
            "social",
            "private",
            "took care of her",
        ),
        (
            "When we admitted your father he was already very unwell.",
            "reviews",
            "public",
            "admitted your father",
        ),
        ("You were such a sweet patient, come visit the unit anytime!", "social", "private", "patient"),
        ("Our records show you cancelled twice last month.", "reviews", "public", "Our records show"),
        ("We're sorry your visit felt rushed.", "reviews", "public", "your visit"),
    ],
)
def test_relationship_confirmations_are_flagged(text, platform, audience, words):
    assert words in flagged_words(text, "RELATIONSHIP", platform, audience)


@pytest.mark.parametrize(
    "text, platform",
    [
        ("We'd love to hear from you! Please call the office at 555-0100.", "reviews"),
        ("Our patients love the new waiting room. Thanks to everyone who gave feedback!", "social"),
        (
            "Because of privacy laws we can't confirm whether anyone is a patient here. "
            "Please call 555-0123.",
            "reviews",
        ),
        ("Thank you for the review. We strive to see every patient on time.", "reviews"),
        ("Bring your insurance card and a photo ID to your first visit.", "social"),
        ("Questions about a bill? Send a message through our patient portal.", "social"),
        ("Book your consult today and get 20% off with code SMILE.", "microblog"),
    ],
)
def test_generic_statements_do_not_confirm_a_relationship(text, platform):
    assert "RELATIONSHIP" not in labels(text, platform)


def test_relationship_in_a_review_reply_blocks_and_cites_ocr():
    found = find_disclosures(Draft("Thanks, we remember you from your visit!", "reviews", "public"), [])
    rel = [f for f in found if f.label == "RELATIONSHIP"]
    assert rel and all(f.severity == "block" for f in rel)
    assert rel[0].rule == "privacy.relationship.review_confirmation"
    assert "OCR" in rel[0].source and rel[0].message and rel[0].suggestion


# --- CLINICAL -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, platform, audience, words",
    [
        (
            "Your gums bled because it had been four years since your last cleaning.",
            "reviews",
            "public",
            "gums",
        ),
        (
            "Hi Dana, your cholesterol was 280 so the statin was the right call.",
            "reviews",
            "public",
            "cholesterol",
        ),
        ("@jlee_22 glad the new inhaler is helping with your asthma!", "microblog", "public", "asthma"),
        (
            "The 85yo in room 12 is on heparin and keeps pulling out her IV.",
            "social",
            "connections",
            "heparin",
        ),
        ("Good news, your biopsy came back benign!", "social", "private", "biopsy"),
        ("So sorry you've been dealing with migraines again.", "microblog", "public", "migraines"),
        ("The stroke patient in bay 2 is on heparin now.", "social", "connections", "heparin"),
        ("His A1c was 11 when he came in, and he had no idea.", "social", "public", "A1c"),
        ("Rough night. She died of an overdose two hours after we got her.", "social", "public", "overdose"),
        ("Mr. Ortega is finally off the ventilator after 12 days!", "social", "public", "ventilator"),
        (
            "Glad the knee replacement went well, see you at your follow-up!",
            "social",
            "private",
            "knee replacement",
        ),
    ],
)
def test_health_details_about_identifiable_people_are_flagged(text, platform, audience, words):
    assert words in flagged_words(text, "CLINICAL", platform, audience)


@pytest.mark.parametrize(
    "text, platform",
    [
        ("Flu shots are available at all our clinics this week, no appointment needed.", "microblog"),
        ("Metformin can upset your stomach at first; taking it with meals usually helps.", "social"),
        ("Did you know? 1 in 3 adults has high blood pressure and many don't know it.", "social"),
        (
            "Statins lower the risk of heart attack and stroke in people with high cholesterol.",
            "professional",
        ),
        ("If you have a fever over 103 or a stiff neck, go to the ER right away.", "microblog"),
        ("Antibiotics don't treat viruses like the common cold.", "microblog"),
        ("Ask your doctor whether a colonoscopy is right for you once you turn 45.", "social"),
        ("Schedule your mammogram today - early detection saves lives.", "social"),
        (
            "Teaching case (details changed): an adult with chest pain and a normal ECG still needs serial "
            "troponins.",
            "professional",
        ),
        (
            "Anyone who has had chickenpox can get shingles later. "
            "The shingles vaccine is recommended at 50.",
            "social",
        ),
        ("Our new cardiac rehab program starts next month. Ask your cardiologist for a referral.", "social"),
        ("Ketamine is used for treatment-resistant depression under close supervision.", "professional"),
        ("Remember to take your medications as prescribed and bring a list to every appointment.", "social"),
        ("Our ED sees about 200 patients a day. Thank you to every nurse and tech!", "social"),
        ("Get your flu shot before Halloween! Walk-ins welcome.", "microblog"),
        ("Sepsis kills thousands each year. Know the signs: fever, fast heart rate, confusion.", "microblog"),
        ("Clinic hours: Mon-Fri 8am-5pm, closed Saturday. Call 555-0100 for refills.", "social"),
        ("Grand rounds today on pediatric asthma with Dr. Lin in Room 210.", "professional"),
    ],
)
def test_general_health_education_is_not_clinical(text, platform):
    assert labels(text, platform) == set()


def test_clean_review_reply_with_disclaimer_is_not_flagged():
    text = (
        "We're sorry you had a frustrating experience. We can't discuss anyone's care online, but our "
        "patient advocate would like to help: please call 555-0144."
    )
    assert labels(text, "reviews") == set()


def test_details_in_a_dm_are_still_marked_and_say_so():
    found = find_disclosures(Draft("Your pap came back abnormal, call me.", "social", "private"), [])
    clinical = [f for f in found if f.label == "CLINICAL"]
    assert clinical and clinical[0].severity == "block"
    assert "not a secure channel" in clinical[0].message


def test_identifier_findings_make_a_person_identifiable():
    text = "Saw Pat today, still fighting pneumonia."
    assert "CLINICAL" not in labels(text, "social")
    name = Finding("privacy", "NAME", "block", 4, 7, "privacy.name", "", "", "")
    assert "CLINICAL" in {label for label, _ in spans(text, "social", identifiers=[name])}


def test_doctor_names_do_not_anchor_health_talk():
    text = "Dr. Rivera gave a great talk. Pneumonia season is here."
    name = Finding("privacy", "NAME", "block", 4, 10, "privacy.name", "", "", "")
    assert spans(text, "social", identifiers=[name]) == []


@pytest.mark.parametrize(
    "text, platform",
    [
        (
            "Know your numbers: your A1c, your blood pressure and your cholesterol. "
            "Ask at your next checkup!",
            "social",
        ),
        ("Thanks for the review! Our new MRI machine cuts scan times in half.", "reviews"),
        (
            "We're sorry about the billing confusion. "
            "Insurance rules for colonoscopy coverage changed this year.",
            "reviews",
        ),
        ("Your doctor may recommend a statin if your LDL is high. Here's what that means.", "microblog"),
        ("Your blood pressure reading is only accurate if you sit quietly for 5 minutes first.", "microblog"),
        ("Wondering whether your rash needs a doctor? Fever plus rash = get seen today.", "microblog"),
        ("Can't believe it's been a year since my knee replacement! Feeling amazing.", "social"),
        ("Staying active after a knee replacement helps you recover faster. Our PT team can help.", "social"),
        (
            "Excited to present our QI project on reducing CAUTI rates at the national conference!",
            "professional",
        ),
    ],
)
def test_reader_directed_education_and_admin_talk_is_not_clinical(text, platform):
    assert labels(text, platform) == set()


@pytest.mark.parametrize(
    "text, platform, audience, label, words",
    [
        (
            "Denise, your husband's colonoscopy found two polyps, so it took longer.",
            "reviews",
            "public",
            "CLINICAL",
            "colonoscopy",
        ),
        (
            "Hey! Just checking how your stitches look? Keep that incision dry.",
            "social",
            "private",
            "CLINICAL",
            "stitches",
        ),
        (
            "pt in bay 4 is back for chest pain, 3rd visit this week, negative trops again",
            "social",
            "connections",
            "CLINICAL",
            "chest pain",
        ),
        (
            "Congrats to @bella_runs on finishing chemo today! The infusion team is so proud",
            "microblog",
            "public",
            "CLINICAL",
            "chemo",
        ),
        (
            "Born at 26 weeks in our NICU, Baby Ruth went home today!",
            "social",
            "public",
            "CLINICAL",
            "26 weeks",
        ),
        ("Danny!! 90 days sober, so proud of you", "social", "private", "CLINICAL", "90 days sober"),
        (
            "I was the physician on duty that night and I stand by our decision.",
            "reviews",
            "public",
            "RELATIONSHIP",
            "physician on duty",
        ),
        (
            "Hi Gary, the nurse who drew your blood has been retrained.",
            "reviews",
            "public",
            "RELATIONSHIP",
            "nurse who drew your",
        ),
        (
            "I've been your daughter's pediatrician since she was born.",
            "social",
            "private",
            "RELATIONSHIP",
            "pediatrician",
        ),
        (
            "@tina_w great seeing you in clinic today! Keep it up",
            "microblog",
            "public",
            "RELATIONSHIP",
            "seeing you",
        ),
    ],
)
def test_more_ways_of_pointing_at_one_person_are_flagged(text, platform, audience, label, words):
    assert words in flagged_words(text, label, platform, audience)


@pytest.mark.parametrize("text, platform", [
    ("My dad had a stroke last year and the nurses were amazing. He's doing great now.", "social"),
    ("I have type 1 diabetes and I'm a nurse. Ask me anything about living with an insulin pump!", "social"),
    ("The president said he has COVID and is working from home this week.", "microblog"),
    ("My grandmother was a nurse during the polio epidemic. She would be 100 today.", "social"),
    ("We want every patient to feel comfortable during their treatment.", "reviews"),
    ("Nurses, how do you handle patients who refuse their meds? Asking for tips!", "social"),
])
def test_own_family_public_figures_and_plural_patients_are_not_clinical(text, platform):
    assert labels(text, platform) == set()


def test_service_apologies_and_staff_teams_are_not_flagged():
    assert labels("Sorry for the confusion! Our pharmacy closes at 6pm on weekdays.", "reviews") == set()
    assert labels("Big thanks to the ICU team for 12-hour shifts all winter. You are heroes.") == set()


def test_apology_about_a_health_event_is_still_flagged():
    text = "@pat_k so sorry about the miscarriage, thinking of you"
    assert "miscarriage" in flagged_words(text, "CLINICAL")


def test_injury_location_on_an_anchored_person_is_flagged():
    text = "To the couple who came in at 2am with the fishhook in his eyelid: you made our night"
    assert "eyelid" in flagged_words(text, "CLINICAL", "social")


# --- UNIQUE -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words",
    [
        ("Scrubbed in on the mayor's appendectomy this morning, he's fine!", "mayor"),
        ("Treated a local news anchor in our ED last night after a car crash.", "news anchor"),
        ("The fire on Elm Street last night sent three kids to our burn unit.", "fire on Elm Street"),
        ("We cared for the only kid in town with progeria for six years.", "only kid in town"),
        ("Everyone from the bus crash on Route 9 is stable tonight.", "bus crash on Route 9"),
    ],
)
def test_unique_details_tied_to_care_are_flagged(text, words):
    assert words in flagged_words(text, "UNIQUE", "social")


@pytest.mark.parametrize(
    "text",
    [
        "The governor's speech on public health funding was inspiring.",
        "The mayor visited our hospital today to thank the nurses for their work.",
        "We can't confirm or deny whether the senator is a patient here.",
        "Great game by the quarterback last night!",
    ],
)
def test_public_figures_without_care_are_not_unique(text):
    assert "UNIQUE" not in labels(text, "social")


def test_unique_is_blocking_when_care_is_also_disclosed():
    found = find_disclosures(Draft("Our patient, the quarterback, tore his ACL.", "social", "public"), [])
    unique = [f for f in found if f.label == "UNIQUE"]
    assert unique and unique[0].severity == "block" and "Safe Harbor" in unique[0].source


# --- robustness ---------------------------------------------------------------------------------


def test_every_finding_has_a_valid_span_and_text_fields():
    text = "Hi Jo, your MRI showed a torn meniscus. We treated your dad too. The mayor's surgery went well."
    for finding in find_disclosures(Draft(text, "reviews", "public"), []):
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.kind == "privacy" and finding.text == ""
        assert finding.rule.startswith("privacy.") and finding.message and finding.suggestion


@pytest.mark.parametrize("text", ["", "   ", "\u200b", "🙂🙂🙂", "a" * 5000, "your " * 3000])
def test_odd_input_does_not_crash(text):
    find_disclosures(Draft(text, "reviews", "private"), [])


def test_large_input_is_fast():
    sentence = "Your MRI was normal and we treated your mom in bed 4 after the crash on Route 9. "
    text = (sentence * 1200)[:100_000]
    started = time.perf_counter()
    find_disclosures(Draft(text, "reviews", "public"), [])
    assert time.perf_counter() - started < 5.0
