"""Disclosure detectors: RELATIONSHIP, CLINICAL and UNIQUE spans, with hard negatives for each."""

from __future__ import annotations

import time

import pytest

from sandbox.feedback import analyze
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


@pytest.mark.parametrize(
    "text, platform",
    [
        ("My dad had a stroke last year and the nurses were amazing. He's doing great now.", "social"),
        (
            "I have type 1 diabetes and I'm a nurse. Ask me anything about living with an insulin pump!",
            "social",
        ),
        ("The president said he has COVID and is working from home this week.", "microblog"),
        ("My grandmother was a nurse during the polio epidemic. She would be 100 today.", "social"),
        ("We want every patient to feel comfortable during their treatment.", "reviews"),
        ("Nurses, how do you handle patients who refuse their meds? Asking for tips!", "social"),
    ],
)
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


# --- round 2: general cues in new phrasing ------------------------------------------------------


@pytest.mark.parametrize(
    "text, platform, audience, words",
    [
        # a first-person carer doing a care act, or a relative clause "the X we <care verb>"
        (
            "Proud moment: I intubated a toddler for the first time tonight.",
            "social",
            "public",
            "I intubated",
        ),
        ("RIP to the cyclist we lost to a head bleed on Sunday.", "social", "public", "we lost"),
        ("The teen we pulled from the river is awake and asking for pizza.", "social", "public", "we pulled"),
        # a specific person placed inside the author's care setting
        ("You were in my chair on Monday and did great!", "reviews", "public", "You were in my chair"),
        ("There's a lovely old gent on my ward who sings every morning.", "social", "public", "on my ward"),
        ("My old maths teacher was in today with chest pain.", "social", "private", "was in today with"),
        ("Margo passed quietly during my shift last night.", "social", "connections", "during my shift"),
        (
            "When Ben first came to us after his stroke he couldn't lift a cup.",
            "social",
            "public",
            "came to us",
        ),
        # passive care with a specific subject
        (
            "The lad from the skate park has been treated and sent home.",
            "social",
            "public",
            "has been treated",
        ),
        ("I hear you; your wife was triaged as soon as she arrived.", "reviews", "public", "was triaged"),
        # the reader's notes, carer, visits
        ("I pulled up your chart and the referral was sent on the 3rd.", "reviews", "public", "your chart"),
        ("It was a joy to be your midwife, Kat!", "microblog", "public", "to be your midwife"),
        (
            "It was lovely looking after you on the maternity ward, Priya.",
            "reviews",
            "public",
            "looking after you",
        ),
        ("You skipped three physio sessions, so the plan changed.", "reviews", "public", "skipped three"),
        ("Hope the new inhaler is helping, Sam!", "reviews", "public", "Hope the new inhaler is helping"),
        ("One of my kiddos from the burns unit rang the bell today!", "social", "public", "One of my kiddos"),
    ],
)
def test_round2_relationship_cues(text, platform, audience, words):
    assert words.lower() in flagged_words(text, "RELATIONSHIP", platform, audience).lower()


@pytest.mark.parametrize(
    "text, platform",
    [
        ("We saw a big rise in flu cases this winter. Get your jab!", "social"),
        ("Things we see in the ER every day: sprains, colds and splinters.", "social"),
        ("Honestly we admitted our mistake and changed the booking process.", "reviews"),
        ("The guy we met at the conference was a great speaker.", "social"),
        ("Thank you for the kind words! We'd love to see you again at our next open day.", "reviews"),
        ("We lost the charity football match to the paramedics 4-2.", "social"),
        ("Reminder: the flu clinic is in for a busy week, book early.", "social"),
        ("We'd love to be your new dentist! Book online.", "microblog"),
        ("Most patients are seen within 20 minutes at our clinic.", "professional"),
        ("We can't confirm whether you were seen here, but please call us.", "reviews"),
    ],
)
def test_round2_relationship_hard_negatives(text, platform):
    assert "RELATIONSHIP" not in labels(text, platform)


@pytest.mark.parametrize(
    "text, platform, audience, words",
    [
        ("Mrs. Dunn's sugar is all over the place again this week.", "social", "private", "sugar"),
        ("He's back on the vent and his kidneys are packing up.", "social", "private", "kidneys"),
        ("Ms. Green in room 4 keeps hearing voices at night.", "social", "private", "hearing voices"),
        (
            "We hear you. Waiting four hours with a broken wrist is awful.",
            "reviews",
            "public",
            "broken wrist",
        ),
        (
            "Can you check on the stroke lady in 9? She keeps pulling her cannula.",
            "social",
            "private",
            "the stroke lady",
        ),
        (
            "Room 12 is upset because she can't see her kids while she's in isolation.",
            "social",
            "public",
            "isolation",
        ),
        ("Mr. Ruiz is three days post-op and walking laps already!", "social", "public", "post-op"),
        ("The guy in cubicle 3 swallowed a battery. Again.", "microblog", "public", "swallowed a battery"),
        ("Sorry the rash on your arm is still itchy, Lee.", "reviews", "public", "rash on your arm"),
        ("Glad the knee is settling after the op, Derek!", "reviews", "public", "the knee"),
        ("Our 26-weeker from the spring just turned one!", "social", "public", "26-weeker"),
    ],
)
def test_round2_clinical_cues(text, platform, audience, words):
    assert words.lower() in flagged_words(text, "CLINICAL", platform, audience).lower()


@pytest.mark.parametrize(
    "text, platform",
    [
        ("New grads: say 'your potassium' instead of 'your K' when you explain labs.", "social"),
        ("Retrospective cohort, n=900: no difference in readmission between arms.", "professional"),
        ("Naloxone is free at any pharmacy in the county.", "social"),
        ("Our Cedar Falls site opens on Monday with extended hours.", "social"),
        ("Flu jabs just £12 this week, best price in town!", "microblog"),
    ],
)
def test_round2_clinical_hard_negatives(text, platform):
    assert "CLINICAL" not in labels(text, platform)


@pytest.mark.parametrize(
    "text, platform, audience, words",
    [
        ("The baker from the high street came in with a nasty burn today.", "social", "public", "baker"),
        (
            "omg the vicar's daughter is in with alcohol poisoning",
            "social",
            "private",
            "the vicar's daughter",
        ),
        ("ugh your ex is in bay 2 with a dislocated shoulder", "social", "private", "your ex"),
        (
            "The girl who went viral for the dance video is on our ward with a fractured ankle.",
            "social",
            "public",
            "the girl who went viral",
        ),
        (
            "Treated the groom at the Riverside wedding for a nasty cut last night.",
            "social",
            "public",
            "the groom",
        ),
        (
            "The guy with the green tractor is back in with chest pain.",
            "social",
            "public",
            "the guy with the green tractor",
        ),
        (
            "Sad news: Kevin from the chip shop died of a heart attack on Friday.",
            "social",
            "public",
            "from the chip shop",
        ),
        (
            "Admitted a 45-year-old welder with a hand injury this morning.",
            "professional",
            "connections",
            "welder",
        ),
        ("The pt in bed 6 asked if his ankle tag would set off the MRI.", "microblog", "public", "ankle tag"),
        (
            "Only kid in the county with this condition and she's our patient.",
            "social",
            "public",
            "Only kid in the county",
        ),
    ],
)
def test_round2_unique_cues(text, platform, audience, words):
    assert words.lower() in flagged_words(text, "UNIQUE", platform, audience).lower()


@pytest.mark.parametrize(
    "text",
    [
        "Great to see so many teachers at our first aid course today!",
        "Our team had a great time at the hospital gala last night!",
        "Our mayor visited the hospital today to open the new cancer wing.",
        "For your cat's rash, try a local vet. For people, call 555-0133.",
        "Glad your cousin is feeling better! Ask your doctor about the evidence.",
        "Reading room at the medical library is open 24/7 during boards season.",
    ],
)
def test_round2_unique_hard_negatives(text):
    assert "UNIQUE" not in labels(text, "social")


@pytest.mark.parametrize(
    "text, words",
    [
        ("Thanks for coming in, Ellen. We hope to see you again soon.", "Thanks for coming in"),
        ("Sorry about the wait when you visited on Tuesday.", "when you visited"),
        ("We loved having you, and the whole team says hi!", "loved having you"),
        ("The care you received on 4 West should have been better.", "The care you received"),
        ("Next time you're in, ask for Jamie at the front desk!", "Next time you're in"),
        ("Pete, I gave you the antibiotics myself and explained how to take them.", "I gave you"),
        ("Dr. Obi, who did your knee, says hi!", "did your knee"),
        ("Thanks Mo, your son was a star at his booster appointment.", "at his booster appointment"),
    ],
)
def test_round2_reply_confirmations(text, words):
    assert words.lower() in flagged_words(text, "RELATIONSHIP", "reviews").lower()


@pytest.mark.parametrize(
    "text, words",
    [
        ("I had a patient today who told me I was the first nurse to sit with her.", "I had a patient"),
        ("I've been looking after Mr. Obi for three years and he still calls me 'young lady'.",
         "looking after"),
        ("Spent my whole shift with a lovely lady who'd just lost her husband.", "Spent my whole shift with"),
        ("Shoutout to the ICU crew who kept Mr. Lane alive all weekend.", "kept Mr. Lane alive"),
        ("She's been coming here every Tuesday for dialysis since 2019.", "been coming here every"),
        ("We sent him up to ICU at 4am. Fingers crossed.", "We sent him"),
    ],
)
def test_round2_story_confirmations(text, words):
    assert words.lower() in flagged_words(text, "RELATIONSHIP", "social").lower()


@pytest.mark.parametrize(
    "text, platform",
    [
        ("We've passed your feedback about the wait to our patient experience team.", "reviews"),
        ("We received your message about the bill and have replied by email.", "reviews"),
        ("We told them the clinic would close at 5 on Friday for the holiday.", "social"),
        ("She comes in every week to volunteer at the front desk.", "social"),
        ("Thanks for your feedback. When you visit next, parking is free after 5pm.", "reviews"),
        ("Did your knee hurt after the run? Stretch properly, folks.", "social"),
        ("Thank you for the review! We'd love to welcome you as a new patient.", "reviews"),
    ],
)
def test_round2_reply_and_story_hard_negatives(text, platform):
    assert "RELATIONSHIP" not in labels(text, platform)


@pytest.mark.parametrize(
    "text, audience, words",
    [
        ("Hi Greg, the numbness in your fingers should ease within a week.", "public",
         "numbness in your fingers"),
        ("Pt in 3 with a BAC of 0.31 just proposed to me. Again.", "public", "BAC of 0.31"),
        ("Bernie in 5 is finally off oxygen and cracking jokes.", "public", "off oxygen"),
        ("the new admit in 4 is a frequent overdoser, known to psych", "private", "known to psych"),
        ("Kim, Dr. Shah explained that the lump was a harmless cyst.", "public", "cyst"),
    ],
)
def test_round2_clinical_lay_and_support_wording(text, audience, words):
    assert words.lower() in flagged_words(text, "CLINICAL", "social", audience).lower()


def test_round2_passing_a_test_is_not_a_death():
    assert "passed" not in flagged_words("Mr. V passed his swallow test today!", "CLINICAL", "social")


@pytest.mark.parametrize(
    "text, words",
    [
        ("That TikTok guy with 2 million followers came in with a kidney stone", "2 million followers"),
        ("The 7ft basketball player from the college barely fit on our trolley.", "basketball player"),
        ("The triplets from the maternity unit went home today!", "The triplets"),
        ("Patched up the bride's dad after he fell off the stage at the Grange wedding.", "the bride's dad"),
    ],
)
def test_round2_unique_fame_and_occasions(text, words):
    assert words.lower() in flagged_words(text, "UNIQUE", "social").lower()


def test_round2_follower_count_without_care_is_not_unique():
    assert "UNIQUE" not in labels("Follow us for tips! We now have 10k followers, thank you all.", "social")


@pytest.mark.parametrize(
    "text, platform, words",
    [
        ("Just admitted a 3-week-old with RSV. Wash your hands, people.", "microblog", "Just admitted"),
        ("Long night. Discharged Mrs. Kaur after 40 days on the ward.", "social", "Discharged"),
        ("Colin, your mum has settled well into her room since the fall.", "reviews", "your mum"),
        ("Thanks Jen, I'll pass this on to your nurse, who will be thrilled.", "reviews", "your nurse"),
        ("Thank you for letting us be part of your care.", "reviews", "part of your care"),
        ("He arrived at our ED with a knife in his leg.", "social", "arrived at our ED"),
        ("Big Lou rolled in at 4am with chest pain again.", "social", "rolled in"),
    ],
)
def test_round2_dropped_subject_and_reply_relatives(text, platform, words):
    assert words.lower() in flagged_words(text, "RELATIONSHIP", platform).lower()


@pytest.mark.parametrize(
    "text, platform",
    [
        ("Had a great time at the charity gala. Delivered a speech on nurse burnout.", "social"),
        ("Got a grant to study sepsis in rural EDs!", "professional"),
        ("Please talk to your doctor about a referral; we can't give advice here.", "reviews"),
        ("Bring your kids to our free flu clinic every Saturday!", "reviews"),
        ("Our speaker arrived at our conference with a great talk on sepsis.", "social"),
    ],
)
def test_round2_dropped_subject_hard_negatives(text, platform):
    assert "RELATIONSHIP" not in labels(text, platform)


def test_a_dm_to_the_patient_about_their_own_care_warns_but_does_not_block():
    text = (
        "Hi Harold, your A1c came back at 9.1 so we need to adjust your metformin. DOB 02/11/1947 confirmed."
    )
    report = analyze(text, platform="social", audience="private")
    privacy = [f for f in report.findings if f.kind == "privacy"]
    assert {f.label for f in privacy} >= {"CLINICAL", "DATE"}  # still marked: a DM is not a secure channel
    assert all(f.severity == "warn" for f in privacy)
    assert any(f.severity == "block" for f in analyze(text, platform="social").findings)  # posted: blocks


def test_a_dm_about_someone_else_still_blocks():
    text = (
        "Can you pull up Harold Kim's chart? DOB 02/11/1947. His wife wants updates at mkim1950@example.org"
    )
    report = analyze(text, platform="social", audience="private")
    assert report.blocking
    assert {"DATE", "CONTACT"} <= {f.label for f in report.findings}
