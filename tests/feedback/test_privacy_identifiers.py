"""Identifier detectors: NAME, LOCATION, DATE, AGE, CONTACT, ID, WEB and scenario facts.

All people, numbers and places here are synthetic (phones 555-01xx).
"""

from __future__ import annotations

import time

import pytest

from sandbox.feedback import analyze
from sandbox.feedback.model import Draft
from sandbox.feedback.privacy.identifiers import find_identifiers
from sandbox.feedback.privacy.identifiers.wordlists import number_to_words, words_to_number


def fact_hits(text: str, facts: tuple[tuple[str, str], ...]) -> list:
    """The scenario-fact findings only."""
    return [f for f in find_identifiers(Draft(text, facts=facts)) if f.rule == "privacy.scenario_fact"]


def found(text: str, facts: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    """(label, flagged words) for each identifier span in the draft."""
    return [(f.label, text[f.start : f.end]) for f in find_identifiers(Draft(text, facts=facts))]


def labels_of(text: str, label: str, facts: tuple[tuple[str, str], ...] = ()) -> list[str]:
    """The flagged words with one label."""
    return [words for lab, words in found(text, facts) if lab == label]


def covers(text: str, label: str, words: str) -> bool:
    """True when some span of that label overlaps the given words."""
    start = text.index(words)
    end = start + len(words)
    return any(f.label == label and f.start < end and start < f.end for f in find_identifiers(Draft(text)))


# ---------------------------------------------------------------- NAME
@pytest.mark.parametrize(
    "text, words",
    [
        ("Mrs. Whitfield in bed 4 finally slept through the night after her hip surgery.", "Mrs. Whitfield"),
        ("mr kowalczyk is refusing his insulin again lol", "mr kowalczyk"),
        ("Happy 100th to Miss Opal, our sweetest resident!", "Miss Opal"),
        ("Hi Derek, your MRI results are back and your knee replacement looks great.", "Derek"),
        ("So proud of little Jonah for finishing his last round of chemo!", "little Jonah"),
        ("Baby Amara went home from the NICU today after 80 days.", "Baby Amara"),
        ("pt T.W., 58M, s/p CABG, doing well on the floor.", "T.W."),
        ("Whiteboard says Rm 7 OSEI, K - fall risk.", "OSEI, K"),
        ("The Pembertons refused the transfusion for their son.", "Pembertons"),
        ("We had the Castillo boy back again with another asthma flare.", "Castillo"),
        ("Board: C4-Whitlock-sepsis, C5-Abara-post-op.", "Whitlock"),
        ("Grace Okonjo's wound vac alarmed all night.", "Grace Okonjo"),
        ("Please update K. Delacroix's daughter about the CT.", "K. Delacroix"),
        ("RIP Tony, you fought your cancer so hard.", "Tony"),
        ("Her daughter Keisha called three times asking about the biopsy.", "Keisha"),
        ("shoutout to jenny in bed 4 who finally walked today", "jenny"),
        ("We're so glad your husband's stent went well, Linda! See you at his follow-up.", "Linda"),
    ],
)
def test_names_are_found(text: str, words: str) -> None:
    assert covers(text, "NAME", words)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks so much, Brianna! Reviews like yours make our day.",  # greeting without care details
        "We're sorry about the wait. Please call 555-0142 and ask for Denise in billing.",
        "Congrats to Dr. Samuel Ortiz on 25 years at Valley Children's!",
        "Welcome our new nurse practitioner, Maria Santos, NP, to the team. She loves asthma education.",
        "Tylenol and Advil are both fine for most adults with a fever.",
        "Join us Saturday at Harlow Springs Park for free blood pressure checks.",
        "Addison's disease and Cushing's syndrome are both adrenal disorders.",
        "We're open on Memorial Day from 9 to noon for flu shots.",
        "(L to R: me, Priscilla, Dominic and Dr. P.) after a wild night of codes in the ICU.",
        "Thank you for your feedback, Michael. Please call our patient relations team at 555-0133.",
        "Our Forum on diabetes care drew 200 people; Patience is key with new insulin users.",
        "Relapsing ms symptoms can flare with heat. We miss seeing everyone at the MS walk.",
        "New @CDC data on flu hospitalizations; praise Jesus for vaccines and for @MayoClinic.",
    ],
)
def test_names_hard_negatives(text: str) -> None:
    assert labels_of(text, "NAME") == []


def test_author_sign_off_is_not_a_name() -> None:
    text = "We fixed the duplicate charge on your account. — Dr. Anand Rao, Medical Director"
    assert labels_of(text, "NAME") == []


def test_staff_title_marks_the_name_elsewhere_as_staff() -> None:
    text = "Dr. Harriet Voss taught us to listen. Rest well, Harriet. Your patients with cancer adored you."
    assert labels_of(text, "NAME") == []


def test_names_block() -> None:
    finding = find_identifiers(Draft("Mrs. Abernathy in room 12 is a fall risk."))[0]
    assert (finding.label, finding.severity) == ("NAME", "block")


# ---------------------------------------------------------------- LOCATION
@pytest.mark.parametrize(
    "text, words",
    [
        ("The lady in room 14 keeps asking for her husband.", "room 14"),
        ("Mr. Vance in 308 pulled his IV again.", "308"),
        ("Covering bed 22 tonight, she's on a heparin drip.", "bed 22"),
        ("The 30 yo in trauma 1 after the crash is stable.", "trauma 1"),
        ("Medic 4 responded to 77 Quarry Road for a man who fell off a ladder.", "77 Quarry Road"),
        ("Our patient from Springfield thanked the night shift for saving his life.", "Springfield"),
        ("She lives alone on Juniper Court and can't manage the stairs after her stroke.", "Juniper Court"),
        ("A 3-year-old from the Hillcrest neighborhood came in with lead poisoning.", "Hillcrest"),
        ("He is a retired teacher from Maple Heights with early dementia.", "Maple Heights"),
        ("Our patient in Fairview lost everything in the fire and is recovering from burns.", "Fairview"),
        ("The centenarian in Rm. 12 is asking for you.", "Rm. 12"),
    ],
)
def test_locations_are_found(text: str, words: str) -> None:
    assert covers(text, "LOCATION", words)


@pytest.mark.parametrize(
    "text",
    [
        "Room 101 of the Sim Center is booked for ACLS all week; please use Room 104.",
        "Tonight's schedule: Bay 2 sim lab 1800-2000, Room 12 journal club at 2030.",
        "Walk-ins Saturday 9am-1pm at our Main St clinic, no appointment needed.",
        "We're hiring nurses to join our growing team in Cedar Springs!",
        "Flu shots at the Elm Street office starting Monday.",
        "Presenting our sepsis data at the summit next week (Room 210B, Friday 2:15pm).",
        "Thanks! I'm at 14 Larkwood Ave, just drop it in the mailbox.",  # the author's own address
        "Texas and California lead the country in new measles cases.",
        "Our Harbor View clinic is moving to 400 Bay Street on June 1. Same phone number!",
        "This fall we're offering free flu shots for kids in Oakdale schools.",
    ],
)
def test_locations_hard_negatives(text: str) -> None:
    assert labels_of(text, "LOCATION") == []


# ---------------------------------------------------------------- DATE
@pytest.mark.parametrize(
    "text, words",
    [
        ("Your biopsy from Friday came back benign.", "Friday"),
        ("Mr. Lund was admitted on 3/14 with pneumonia.", "3/14"),
        ("DOB 07/04/1958, presenting with chest pain.", "07/04/1958"),
        ("We saw your son in the ER on sunday for his asthma.", "sunday"),
        ("Paged at 3:40am because the patient in 9 wanted juice.", "at 3:40am"),
        ("She coded at 0300 and we got her back.", "at 0300"),
        ("Her surgery is next Thursday at 7:30, we'll text the details to her daughter.", "next Thursday"),
        ("He was discharged yesterday after two weeks on the ward.", "yesterday"),
        ("Delivered twins this morning, mom and babies doing great!", "this morning"),
        ("Ten years ago today I lost my first patient.", "today"),
        ("Your mammogram on March 9th showed nothing worrying.", "March 9th"),
        ("The baby was born the fourteenth of February, 3 weeks early.", "fourteenth of February"),
        ("A man with a stab wound came in around 2am last Saturday.", "last Saturday"),
        ("Her fever of 103 since Tuesday in a 2 yo needs a same-day check.", "since Tuesday"),
        ("He came in over the weekend with chest pain.", "over the weekend"),
        ("The baby was born on the 3rd of May at 26 weeks.", "3rd"),
        ("She came in at 3 in the morning with chest pain.", "at 3 in the morning"),
    ],
)
def test_dates_are_found(text: str, words: str) -> None:
    assert covers(text, "DATE", words)


@pytest.mark.parametrize(
    "text",
    [
        "Our clinic is open Mon-Fri 8am-5pm and Saturdays 9-noon.",
        "Flu shots every Tuesday and Thursday this month, walk-ins welcome.",
        "In 2019 about 1 in 3 adults had high blood pressure.",
        "Take ibuprofen every 6 hours with food; BP goal under 130/80; pain 7/10 is a reason to call.",
        "Our pharmacy will be closed Monday, May 26 for Memorial Day.",
        "Grand rounds this Thursday at noon in the auditorium. Lunch provided.",
        "Please call the office today and a nurse will call you back this afternoon.",
        "Merry Christmas from all of us at Cedar Family Practice!",
        "Today I passed my boards. Three years of work!",
        "The patient portal will be down for maintenance Sunday night from 1am to 4am.",
        "Our lab is open 24/7 for inpatients.",
        "Congrats to Dr. Lee on her retirement today! 30 years of caring for this community.",
        "My preceptor told me yesterday that I'm ready to take a full assignment.",
        "If you or someone you love is struggling tonight, call or text 988.",
        "Sat with a lovely patient who taught me to knit; sun exposure is her favorite topic.",
    ],
)
def test_dates_hard_negatives(text: str) -> None:
    assert labels_of(text, "DATE") == []


def test_dates_warn() -> None:
    findings = [f for f in find_identifiers(Draft("Your scan on Tuesday was normal.")) if f.label == "DATE"]
    assert findings and findings[0].severity == "warn"


# ---------------------------------------------------------------- AGE
@pytest.mark.parametrize(
    "text, words, severity",
    [
        ("Lost a sweet 92 y/o in bed 3 last night.", "92 y/o", "block"),
        ("Admitted a 34-year-old with DKA again.", "34-year-old", "warn"),
        ("She's in her 90s and still does the crossword.", "in her 90s", "block"),
        ("He turned ninety-one on Sunday and asked for cake.", "ninety-one", "block"),
        ("M&M pearl: 71F, POD2 after a Whipple, became hypotensive.", "71F", "warn"),
        ("Our patient, aged 57, is recovering well.", "aged 57", "warn"),
        ("Mr. Ortiz, 88, finished cardiac rehab today.", "88", "warn"),
        ("The twins are 7 weeks old and finally home.", "7 weeks old", "warn"),
        ("Eli (11) beat his leukemia!", "11", "warn"),
        ("He was one hundred and two and sharp as a tack.", "one hundred and two", "block"),
        (
            "A sweet lady in her late eighties told me her secret after her hip surgery.",
            "late eighties",
            "warn",
        ),
        ("Met a nonagenarian at the clinic today who still runs 5Ks.", "nonagenarian", "block"),
        ("Happy 95th birthday to our favourite dialysis patient!", "95th birthday", "block"),
        ("Age: 47, presenting with crushing chest pain.", "47", "warn"),
    ],
)
def test_ages_are_found(text: str, words: str, severity: str) -> None:
    ages = [f for f in find_identifiers(Draft(text)) if f.label == "AGE"]
    start = text.index(words)
    hits = [f for f in ages if f.start < start + len(words) and start < f.end]
    assert hits and hits[0].severity == severity
    assert hits[0].rule == ("privacy.age_over_89" if severity == "block" else "privacy.age")


@pytest.mark.parametrize(
    "text",
    [
        "Adults over 65 should get the high-dose flu vaccine.",
        "Now enrolling adults aged 18-65 with migraines.",
        "Screening starts at 45 for people at average risk.",
        "I turned 40 this week and booked my own mammogram.",
        "People over 90 are the fastest-growing age group.",
        "Give 400 mg every 6 hours; the BP was 140/90.",
        "No honey until she's 1, it can cause botulism.",
        "Kids should see a dentist by age 1 or within 6 months of the first tooth.",
        "Happy 10th birthday to our clinic!",
    ],
)
def test_ages_hard_negatives(text: str) -> None:
    assert labels_of(text, "AGE") == []


# ---------------------------------------------------------------- CONTACT
@pytest.mark.parametrize(
    "text, words",
    [
        ("We left two voicemails at 555-0181 about your lab results.", "555-0181"),
        ("Her daughter's cell is (617) 555-0134 if nights needs to reach her.", "555-0134"),
        ("Can someone call Mr. Reed's wife at 555.0177? She wants an update on his INR.", "555.0177"),
        ("We sent the forms to jpark77@example.com last week.", "jpark77@example.com"),
        (
            "Dana Whitley (dwhit1980@example.net) keeps asking for her pathology report.",
            "dwhit1980@example.net",
        ),
        ("We've been trying to reach you at +1 413 555 0102 about your referral.", "555 0102"),
    ],
)
def test_contacts_are_found(text: str, words: str) -> None:
    assert covers(text, "CONTACT", words)


@pytest.mark.parametrize(
    "text",
    [
        "Please call our office at 555-0142 or email care@northside.example.",
        "Call 555-0190 and ask to be put on our cancellation list.",
        "Text me at 555-0196 if it still hurts.",  # the author's own number: a boundary issue, not privacy
        "The hospital's main number is (555) 555-0100 and our fax is 555-0199.",
        "If you're in crisis, call or text 988 any time.",
        "Send the details to my personal email, sam.l.home@example.com!",
    ],
)
def test_contacts_hard_negatives(text: str) -> None:
    assert labels_of(text, "CONTACT") == []


# ---------------------------------------------------------------- ID
@pytest.mark.parametrize(
    "text, words",
    [
        ("Pt MRN 5521904 needs a repeat potassium.", "5521904"),
        ("Her SSN 900-12-0456 was on the fax cover sheet.", "900-12-0456"),
        ("Claim #4410-882-19 for your MRI was denied.", "4410-882-19"),
        ("His member ID is QXJ77120034.", "QXJ77120034"),
        ("Whoever parked with plate 7KDM-219 in the ambulance bay, move it.", "7KDM-219"),
        ("Pump serial SN 4B2-771-09X alarmed overnight.", "4B2-771-09X"),
        ("Account #A-55102 shows two visits.", "#A-55102"),
        ("Accession #B99102733 is in the corner of the image.", "#B99102733"),
    ],
)
def test_ids_are_found(text: str, words: str) -> None:
    assert covers(text, "ID", words)


@pytest.mark.parametrize(
    "text",
    [
        "O2 sat 94% on 2L, vitals q4h, Zofran 4 mg PRN x3.",
        "BP 128/82, HR 76, temp 98.6.",
        "Use code SMILE20 for 20% off whitening!",
        "Bring your insurance card and a photo ID to your first visit.",
        "Our unit is #1 in patient satisfaction! #NursesWeek #Match2025",
    ],
)
def test_ids_hard_negatives(text: str) -> None:
    assert labels_of(text, "ID") == []


# ---------------------------------------------------------------- WEB
@pytest.mark.parametrize(
    "text, words",
    [
        ("@runner_jo_88 that sounds like a stress fracture, rest it for six weeks.", "@runner_jo_88"),
        (
            "Please share her page: gofundme.com/f/help-nadia-beat-cancer",
            "gofundme.com/f/help-nadia-beat-cancer",
        ),
        ("Her telehealth kept dropping (IP 198.51.100.23) during her psych visit.", "198.51.100.23"),
    ],
)
def test_web_is_found(text: str, words: str) -> None:
    assert covers(text, "WEB", words)


@pytest.mark.parametrize(
    "text",
    [
        "Book online at brightsmile.example or call us.",
        "Follow our practice on @NorthsidePeds for tips!",
        "Thanks @DrOkaforPeds for the great talk on sleep!",
        "@fit_and_fab some soreness after a new workout is common; a trainer can help.",
    ],
)
def test_web_hard_negatives(text: str) -> None:
    assert labels_of(text, "WEB") == []


# ---------------------------------------------------------------- scenario facts
NAME_FACT = (("NAME", "Maria Lopez"),)


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez was so brave today.",
        "maria   lopez was so brave today.",
        "Maria was so brave today.",
        "Please check on Mrs. Lopez when you can.",
        "Please check on Mrs. L. when you can.",
        "Whiteboard: M.L. - NPO after midnight.",
        "M. Lopez is in the lounge.",
        "LOPEZ, M is on the board.",
    ],
)
def test_fact_name_spellings(text: str) -> None:
    findings = find_identifiers(Draft(text, facts=NAME_FACT))
    facts = [f for f in findings if f.rule == "privacy.scenario_fact"]
    assert facts and all(f.label == "NAME" and f.severity == "block" for f in facts)
    assert "Scenario facts" in facts[0].source


@pytest.mark.parametrize(
    "value, text",
    [
        ("Robert Hale", "Bob was in good spirits after the fall."),
        ("Elizabeth Moreno", "Liz says hi to the night crew!"),
        ("Bill Tran", "William finally got his walker."),
    ],
)
def test_fact_name_nicknames(value: str, text: str) -> None:
    assert fact_hits(text, (("NAME", value),))


def test_fact_name_does_not_match_other_words() -> None:
    text = "Marianne brought lopezite samples to the lab."
    assert fact_hits(text, NAME_FACT) == []


@pytest.mark.parametrize("text", ["She is 92 now.", "She turned ninety-two!", "a ninety two year old lady"])
def test_fact_age(text: str) -> None:
    facts = fact_hits(text, (("AGE", "92"),))
    assert facts and facts[0].label == "AGE"


def test_fact_age_ignores_doses_and_longer_numbers() -> None:
    text = "Give 92 mg now; room 192 is empty."
    assert fact_hits(text, (("AGE", "92"),)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Her surgery was on March 3.",
        "Her surgery was on Mar. 3rd, 2026.",
        "Her surgery was Tuesday the 3rd.",
        "Her surgery was on 3/3.",
        "Her surgery was on 03/03/26.",
        "Her surgery was on 2026-03-03.",
        "Her surgery was on the 3rd of March.",
    ],
)
def test_fact_date_spellings(text: str) -> None:
    findings = find_identifiers(Draft(text, facts=(("DATE", "2026-03-03"),)))
    assert any(f.rule == "privacy.scenario_fact" and f.label == "DATE" for f in findings)


def test_fact_date_other_day_is_not_the_fact() -> None:
    findings = find_identifiers(Draft("See you March 13 for the 3rd time.", facts=(("DATE", "2026-03-03"),)))
    assert not any(f.rule == "privacy.scenario_fact" for f in findings)


@pytest.mark.parametrize(
    "label, value, text",
    [
        ("CLINICAL", "hip fracture", "Poor thing, her Hip-Fracture is healing slowly."),
        ("CLINICAL", "hip fracture", "Two hip fractures in one year!"),
        ("LOCATION", "room 4", "She's in rm 4 by the window."),
        ("LOCATION", "12 Birch Street", "Drop it at 12 Birch St. please."),
        ("CONTACT", "(555) 555-0123", "Her number is 555.555.0123."),
        ("CONTACT", "jo.smith@example.com", "Email JO.SMITH@example.com for the forms."),
        ("ID", "MRN 4471023", "Chart 447-1023 is hers."),
        ("WEB", "@lopez_family", "Tagging lopez_family so they see this!"),
        ("UNIQUE", "retired fire chief", "Our retired  fire chief patient says hi."),
    ],
)
def test_fact_other_labels(label: str, value: str, text: str) -> None:
    findings = find_identifiers(Draft(text, facts=((label, value),)))
    assert any(f.rule == "privacy.scenario_fact" and f.label == label for f in findings)


def test_fact_with_unknown_label_is_unique() -> None:
    findings = find_identifiers(Draft("The pianist is here.", facts=(("JOB", "pianist"),)))
    assert [(f.label, f.rule) for f in findings] == [("UNIQUE", "privacy.scenario_fact")]


def test_facts_flow_through_the_engine_with_original_offsets() -> None:
    from sandbox.feedback import analyze

    text = "Poor Mrs. L. \u2014 her hip\u2011fracture still hurts."
    facts_given = [{"label": "NAME", "value": "Maria Lopez"}, {"label": "clinical", "value": "hip fracture"}]
    report = analyze(text, facts=facts_given)
    assert any(f.label == "NAME" and f.text == "Mrs. L." and f.severity == "block" for f in report.findings)
    # the engine merges same-label overlaps, so another detector's CLINICAL span may carry the fact
    assert any(
        f.label == "CLINICAL" and "hip\u2011fracture" in f.text and f.severity == "block"
        for f in report.findings
    )


def test_empty_or_odd_facts_are_ignored() -> None:
    assert find_identifiers(Draft("Nothing here.", facts=(("NAME", ""), ("DATE", "   "), ("AGE", "?")))) == []


# ---------------------------------------------------------------- whole-detector properties
def test_number_words_round_trip() -> None:
    for value in (1, 13, 20, 34, 89, 92, 100, 103, 119):
        assert words_to_number(number_to_words(value)) == value


def test_clean_general_post_has_no_identifiers() -> None:
    text = (
        "Sepsis kills about 350,000 adults in the US each year. Know the signs: fever, fast heart rate, "
        "confusion. Early treatment saves lives. #SepsisAwareness"
    )
    assert found(text) == []


def test_findings_are_well_formed() -> None:
    text = "Mrs. Ames, 93, in room 5 since Tuesday; call her son at 555-0117. MRN 7712004."
    findings = find_identifiers(Draft(text))
    assert {f.label for f in findings} >= {"NAME", "AGE", "LOCATION", "DATE", "CONTACT", "ID"}
    for f in findings:
        assert f.kind == "privacy" and f.text == ""
        assert 0 <= f.start < f.end <= len(text)
        assert f.severity in ("block", "warn") and f.rule.startswith("privacy.")
        assert f.message and f.suggestion and f.source


def test_survives_large_and_odd_input() -> None:
    nasty = ("Mr. " * 3000) + ("1/2/3 " * 2000) + ("ninety-" * 2000) + ("@" * 500) + ("\u202e\u200b" * 100)
    started = time.perf_counter()
    find_identifiers(Draft(nasty))
    find_identifiers(Draft("a" * 100_000))
    assert time.perf_counter() - started < 5.0
    assert find_identifiers(Draft("")) == []
    assert find_identifiers(Draft("   \n ")) == []


# ---------------------------------------------------------------- round 2: cues that generalise
@pytest.mark.parametrize(
    "text, words, severity",
    [
        ("Mrs. Alvarez in room 4 is 92 and still does her own hair.", "is 92", "block"),
        ("Bernard is 92 today, so the ward made him a cake.", "is 92", "block"),
        ("The gentleman in 6 was 97 and still flirting with the HCAs.", "was 97", "block"),
        ("Dot, ninety-one, still bakes for the whole unit.", "ninety-one", "block"),
        ("Gwen (eighty-eight and stubborn) refused her tablets.", "eighty-eight", "warn"),
        ("The man in bed 2, early seventies, keeps pulling his cannula.", "early seventies", "warn"),
        ("A teenage dad came in with his newborn at midnight.", "teenage dad", "warn"),
        ("Patient in bed 7, 89 years young, asked me out for dinner.", "89 years young", "warn"),
        ("A lovely lady of 95 taught me to knit during her dialysis.", "lady of 95", "block"),
        ("He was admitted at the age of 92 with a broken hip.", "age of 92", "block"),
        ("Sending love to Mrs. Obi on her 90th from all of us on the ward.", "her 90th", "block"),
    ],
)
def test_ages_tied_to_a_person(text: str, words: str, severity: str) -> None:
    start = text.index(words)
    ages = [
        f
        for f in find_identifiers(Draft(text))
        if f.label == "AGE" and f.start < start + len(words) and start < f.end
    ]
    assert ages and ages[0].severity == severity


@pytest.mark.parametrize(
    "text",
    [
        "Turned 40 today and celebrated by doing my own bloods.",
        "My daughter Ella turned 5 today and wants to be a nurse.",
        "My mum is 92 and still does the crossword every morning.",
        "Bed 4 is 3 hours late for meds and the pump is 2 short.",
        "Room 7 is 92% on air; the patient is 5 days post-op.",
        "We tried one, two, three times before the line went in.",
        "It was her 3rd admission this month and her 20th visit.",
        "A man of 6 feet walked in asking for directions.",
    ],
)
def test_ages_hard_negatives_round2(text: str) -> None:
    assert labels_of(text, "AGE") == []


@pytest.mark.parametrize(
    "text, words",
    [
        ("Today I sat with a man dying alone. His name was Ernest. Remember him.", "Ernest"),
        ("A lovely lady named Rose taught me to crochet during her chemo.", "Rose"),
        ("Can you pull the chart for Okafor, the hip lady, before rounds?", "Okafor"),
        ("Caught twins tonight for Marisol T.! Mama and babies doing great.", "Marisol T."),
        ("Walt in room twelve is a nonagenarian with better banter than me.", "Walt"),
        ("Kayden's mum asked me to post this: he is finally off oxygen!", "Kayden"),
        ("Grant!! So glad the rotator cuff is behaving.", "Grant"),
        ("Praying for my patient (you know who you are, Sunny) before her mastectomy.", "Sunny"),
        ("Pete, your notes show the bite on your right hand was cleaned.", "Pete"),
        ("fyi ty's back on the vent, they tried extubating and he tanked", "ty"),
        ("mrs. b from the salon came in with her BP through the roof", "mrs. b"),
    ],
)
def test_names_from_context_cues(text: str, words: str) -> None:
    assert covers(text, "NAME", words)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Deb, about your husband's physio: I passed his details to Ken so he can rebook the hip rehab.",
        "Thanks Marcy! Next time just let Dana know and we can skip the fluoride for you.",
        "Hi Mrs Okafor, it's Jess from the clinic, your smear results are normal.",
        "My husband Tom had his colonoscopy today and survived the prep.",
        "Singer Celine Dion's stiff person syndrome brought attention to a rare disease.",
        "Did you know Ben Stiller spoke publicly about his prostate cancer? Screening saves lives.",
        "To the troll named Kevin in the comments: vaccines do not cause autism.",
    ],
)
def test_staff_own_people_and_public_figures_are_not_names(text: str) -> None:
    names = labels_of(text, "NAME")
    people = ("Ken", "Dana", "Jess", "Tom", "Celine Dion", "Ben Stiller", "Kevin")
    assert not [n for n in names if n in people]


@pytest.mark.parametrize(
    "text, words",
    [
        ("She came in a fortnight ago with chest pain.", "a fortnight ago"),
        ("Mr. Reyes was admitted an hour ago with sepsis.", "an hour ago"),
        ("The baby arrived in the early hours, mum is doing well.", "in the early hours"),
        ("The lady in bay 2 coded at half past four.", "at half past four"),
        ("Her fall happened on Boxing Day and she waited 9 hours.", "on Boxing Day"),
        ("Our patient had his stroke at the weekend.", "at the weekend"),
        ("I held her hand the night she died.", "the night"),
        ("She passed at 6.40 this morning with her daughters around her.", "at 6.40"),
        ("'Allergic to everything but the strong stuff' - bed 3, 8:15pm, tonight's comedy.", "8:15pm"),
        ("While we can't discuss cases, the crew reached your father at 4:12pm.", "at 4:12pm"),
        ("Admitted Weds with DKA, our frequent flyer is back again.", "Weds"),
    ],
)
def test_dates_in_new_phrasing(text: str, words: str) -> None:
    assert covers(text, "DATE", words)


@pytest.mark.parametrize(
    "text",
    [
        "Flu clinic this Saturday 9am-1pm at our Maple Avenue surgery. Walk-ins welcome.",
        "My shift today: 12 hours, 3 codes, 1 cold pizza. Still love this job.",
        "Give her some bread and keep an eye on her tonight.",
        "Prince Edward's visit to our hospital yesterday was a lovely boost for staff.",
        "The new CT scanner in room 3 arrives Tuesday, so bookings are paused.",
        "Reminder: hydrate and eat before the 7pm handover.",
        "Heat advisory today: temperatures will hit 104°F. Check on older neighbors.",
    ],
)
def test_dates_hard_negatives_round2(text: str) -> None:
    assert labels_of(text, "DATE") == []


@pytest.mark.parametrize(
    "text, words",
    [
        ("The lady from the bakery on Church Street came in with another fall.", "Church Street"),
        ("omw to the corner house on birch lane again, her sugar is all over the place", "birch lane"),
        ("To the guy on Elm & 4th who refused transport: your sugar was 38.", "Elm & 4th"),
        ("The rider we scraped off the A38 on Friday is alive, mate.", "A38"),
        ("Proud of Mr. O from the Brambles estate, his leg ulcer has closed!", "Brambles estate"),
        ("Teddy at Riverside just turned 100 and asked for a pint.", "Riverside"),
        ("Home visit: Dot at 14 Willow Cres still makes her own marmalade at 91.", "14 Willow Cres"),
        ("The twins in incubator 3 are gaining weight, mum is over the moon.", "incubator 3"),
        ("We transferred the gentleman from Pine Ridge Care Home back today.", "Pine Ridge"),
        ("fyi she's back in 9 on the vent, tell her husband gently", "9"),
    ],
)
def test_places_in_new_phrasing(text: str, words: str) -> None:
    assert covers(text, "LOCATION", words)


@pytest.mark.parametrize(
    "text",
    [
        "Bay 3 in our ED is now a dedicated sensory-friendly room. Thank you to the donors!",
        "Pop round to mine for tea any time, 12 Wren Close, I'm off on Sundays!",
        "Free parking behind the building at 45 Larch Street, with 4 accessible bays.",
        "Visit our 24-hour location at 1200 Harbor Blvd. for urgent prescriptions.",
        "Happy to share I've joined St. Catherine's oncology team!",
        "We've moved! Our dental practice is now at 17 Orchard Row, Suite 2.",
        "Happy retirement to Sister Bernadette after 40 years on Ward 6!",
        "Flu jabs for over-65s every Saturday at the church hall on Mill Lane.",
    ],
)
def test_places_hard_negatives_round2(text: str) -> None:
    assert labels_of(text, "LOCATION") == []


@pytest.mark.parametrize(
    "text, words",
    [
        ("can u text Abby's mum back on 555-0188 and tell her the CT is clear", "555-0188"),
        ("I've passed his mobile, 07700 900456, to the physio team.", "07700 900456"),
        ("pls email the daughter of the guy in 14, lara.mint@example.com, re the scan", "lara.mint@"),
        ("I'll call you at 555-0193 tonight to check your sugars.", "555-0193"),
    ],
)
def test_contacts_in_new_phrasing(text: str, words: str) -> None:
    assert covers(text, "CONTACT", words)


@pytest.mark.parametrize(
    "text",
    [
        "Nurse Tamsin can update you on +44 20 7946 0981.",
        "Please contact PALS on +44 20 7946 0123.",
        "Ring the ward on 0161 496 0011 for updates.",
    ],
)
def test_contacts_hard_negatives_round2(text: str) -> None:
    assert labels_of(text, "CONTACT") == []


def test_web_and_id_new_forms() -> None:
    assert covers(
        "@tina.bakes.cakes congrats on the new baby! it was an honour to be your midwife x",
        "WEB",
        "@tina.bakes.cakes",
    )
    assert covers("Please share: example.com/help-tommy-walk-again for their 14yo.", "WEB", "help-tommy")
    assert covers("The rider with plate KX19 PLM was lucky.", "ID", "KX19 PLM")


@pytest.mark.parametrize(
    "label, value, text, words",
    [
        ("NAME", "Walter Pemberton", "Walt says hi to the night crew.", "Walt"),
        ("NAME", "Martin Ilves", "Marty, if you read this, we're glad you're here.", "Marty"),
        ("NAME", "Tyrone Bishop", "ty's back on the vent", "ty"),
        ("AGE", "88", "the lady in bay 3, late eighties, keeps proposing", "late eighties"),
        ("DATE", "2026-11-20", "the rider we saw on Friday", "Friday"),
        ("DATE", "September 2026", "after your knee op in September", "September"),
        ("DATE", "2026-11-20 03:00", "came in at 3am, straight to theatre", "3am"),
        ("LOCATION", "Riverside Care Home", "Teddy at Riverside turned 100", "Riverside"),
        ("LOCATION", "Room 12, Oakridge House", "he's in room twelve", "room twelve"),
        ("LOCATION", "14 Willow Crescent", "Dot at 14 Willow Cres", "14 Willow Cres"),
        ("CLINICAL", "appendectomy", "his appy went fine", "appy"),
        ("CLINICAL", "acute lymphoblastic leukemia", "chemo for her leukaemia", "leukaemia"),
        ("CLINICAL", "dog bite, right hand", "the bite on your right hand", "right hand"),
        ("ID", "MBR-4471-0233", "member number 4471 0233 on the form", "4471 0233"),
    ],
)
def test_fact_variants(label: str, value: str, text: str, words: str) -> None:
    start = text.index(words)
    hits = [f for f in fact_hits(text, ((label, value),)) if f.start < start + len(words) and start < f.end]
    assert hits and hits[0].label == label


def test_fact_clinical_service_names_are_not_the_fact() -> None:
    text = "Proud of our stroke team and our new stroke centre!"
    assert fact_hits(text, (("CLINICAL", "ischaemic stroke"),)) == []


@pytest.mark.parametrize(
    "text, label, words",
    [
        ("J.D. in bed 4 pulled his NG tube out again.", "NAME", "J.D."),
        ("Oksana, thank you for trusting us with your knee surgery.", "NAME", "Oksana"),
        ("She lives in Flat 4, Tower Court, LS1 4AP; carers missed her insulin.", "LOCATION", "LS1 4AP"),
        ("She lives in Flat 4 and the carers missed her insulin again.", "LOCATION", "Flat 4"),
        ("He grew up just outside Kendal and still farms there despite his COPD.", "LOCATION", "Kendal"),
        ("Can't believe it's been a year since we lost Mr. Hale.", "DATE", "a year since"),
        ("The crew brought her in just after midnight with a broken hip.", "DATE", "after midnight"),
        ("She came in 2 wks ago with a rash and her mum.", "DATE", "2 wks ago"),
        ("Her last scan was in March 2025, before the relapse.", "DATE", "March 2025"),
        ("@maisie_b so sorry for your loss, your dad was a gentleman.", "WEB", "@maisie_b"),
    ],
)
def test_more_new_phrasings(text: str, label: str, words: str) -> None:
    assert covers(text, label, words)


@pytest.mark.parametrize(
    "text",
    [
        "Funny, we remember you too. Maybe don't threaten our receptionist next time.",
        "Relax, your mild degenerative changes are like gray hair for your spine.",
        "Visit our clinic at 12 High St, LS1 4AP for walk-in flu jabs.",
        "The U.S. and the U.K. both recommend an I.V. line for this.",
        "It's been two years since the last measles case in our county.",
    ],
)
def test_more_hard_negatives(text: str) -> None:
    assert [lab for lab, _ in found(text) if lab in ("NAME", "LOCATION", "DATE")] == []


def test_short_forms_of_a_name_fact_never_match_everyday_words():
    from sandbox.feedback import analyze

    theo = [{"label": "NAME", "value": "Theo"}]
    assert not [
        f
        for f in analyze("They said the wait was long. Then we called.", facts=theo).findings
        if f.rule == "privacy.scenario_fact"
    ]
    assert [
        f.text
        for f in analyze("Theo was brave today", facts=theo).findings
        if f.rule == "privacy.scenario_fact"
    ] == ["Theo"]


def test_a_one_letter_surname_fact_does_not_match_a_lone_letter():
    from sandbox.feedback import analyze

    ellie = [{"label": "NAME", "value": "Ellie M"}]
    assert not [
        f
        for f in analyze("M and I will call back.", facts=ellie).findings
        if f.rule == "privacy.scenario_fact"
    ]
    assert [
        f.text
        for f in analyze("Ellie M. was on the ward", facts=ellie).findings
        if f.rule == "privacy.scenario_fact"
    ] == ["Ellie M."]


@pytest.mark.parametrize("platform", ["microblog", "social", "reviews"])
def test_a_bare_phone_without_a_cue_is_flagged_with_its_brackets(platform):
    text = "The driver's sister is trying to reach whoever has him: (402) 555-0164."
    contacts = [f for f in analyze(text, platform=platform).findings if f.label == "CONTACT"]
    assert [f.text for f in contacts] == ["(402) 555-0164"]
    assert "555-0164" not in analyze(text, platform=platform).safer_text


def test_the_organisations_own_line_is_not_flagged():
    assert not [f for f in analyze("Call us on 555-0100 to book, open 8-6.").findings if f.kind == "privacy"]
