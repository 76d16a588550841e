"""The natural safer version (sandbox/feedback/rewrite/): drafts rewritten so they still read as posts.

The examples mark their privacy spans inline, `[[LABEL|words]]` or `[[LABEL.rule|words]]`, so they test
the rewrite alone, whatever the detectors find; the properties run over generated drafts and spans and
over analyze() itself.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sandbox.feedback import analyze, engine, natural_version, safer_version
from sandbox.feedback.model import PRIVACY_LABELS, Finding
from sandbox.feedback.rewrite import words

MARK = re.compile(r"\[\[(?P<label>[A-Z]+)(?:\.(?P<rule>[a-z0-9_]+))?\|(?P<words>.*?)\]\]", re.DOTALL)


def privacy(label: str, start: int, end: int, rule: str = "", text: str = "") -> Finding:
    """A blocking privacy finding over [start, end)."""
    rule = f"privacy.{label.lower()}" + (f".{rule}" if rule else "")
    return Finding("privacy", label, "block", start, end, rule, "", "", "", text)


def unmark(marked: str) -> tuple[str, list[Finding]]:
    """The plain draft and its findings from a draft with [[LABEL|words]] marks."""
    plain: list[str] = []
    findings: list[Finding] = []
    last = length = 0
    for match in MARK.finditer(marked):
        plain.append(marked[last : match.start()])
        length += match.start() - last
        found = match["words"]
        findings.append(privacy(match["label"], length, length + len(found), match["rule"] or "", found))
        plain.append(found)
        length += len(found)
        last = match.end()
    plain.append(marked[last:])
    return "".join(plain), findings


# Hand-checked: each expected rewrite was read as a post, not just compared.
EXAMPLES = [
    # NAME: addressed, titled, possessive, after a relative, repeated, two people, lower-case style
    ("[[NAME|Karen]], we're sorry your wait was so long.", "We're sorry your wait was so long."),
    ("Hi [[NAME|Jen]], thanks for the kind words!", "Hi, thanks for the kind words!"),
    ("Thank you, [[NAME|Angela]] 💗", "Thank you 💗"),
    ("No one hung up on you [[NAME|Darren]].", "No one hung up on you."),
    (
        "[[NAME|Marty]], if you ever read this, we're glad you're here.",
        "If you ever read this, we're glad you're here.",
    ),
    ("Please pass [[NAME|Karen]]'s results to the team.", "Please pass a patient's results to the team."),
    ("Her daughter [[NAME.relative|Lisa]] called twice.", "Her daughter called twice."),
    ("Her son, [[NAME|Tom]], came by.", "Her son came by."),
    ("A longtime patient, [[NAME|Mrs. Yolanda Pierce]], came in.", "A longtime patient came in."),
    (
        "[[NAME|Tom]] came in again, and [[NAME|Tom]]'s wife was with him.",
        "A patient came in again, and the patient's wife was with him.",
    ),
    ("[[NAME|Bob]] and [[NAME|Karen]] both came in.", "A patient and another patient both came in."),
    ("Tell Don [[NAME|Isidro]] I said hi.", "Tell a patient I said hi."),
    ("Dinner with the [[NAME.family|Hendersons]] tonight.", "Dinner with the family tonight."),
    ("saw [[NAME|mrs. ortiz]] today lol", "saw a patient today lol"),
    ("[[NAME|Jamie Coyle]], DOB [[DATE.birth|21/07/2001]]? He's on my list.", "A patient? He's on my list."),
    # DATE: the preposition goes with it; plans read "soon"; a date describing a noun goes
    ("We saw her [[DATE|on March 14th]] and she was fine.", "We saw her recently and she was fine."),
    ("We saw her at [[DATE|3am]].", "We saw her recently."),
    ("See you [[DATE|tomorrow]]!", "See you soon!"),
    ("[[DATE|This morning]] the clinic was packed.", "Recently the clinic was packed."),
    ("[[DATE|yesterday]] was wild", "recently was wild"),
    ("Notes from [[DATE|today]]'s huddle are up.", "Notes from a recent huddle are up."),
    ("Got a [[DATE|Christmas]] card from her.", "Got a card from her."),
    # AGE: a noun, an adjective, after "is", an aside, a decade, a/an
    ("She is [[AGE.over_89|a 92-year-old]] with dementia.", "She is an older adult with dementia."),
    ("She's a [[AGE|67-year-old]] with diabetes.", "She's an older adult with diabetes."),
    ("Had [[AGE|a 34-year-old]] pharmacist tell me off.", "Had a pharmacist tell me off."),
    ("[[AGE.over_89|A 97-year-old]] veteran came in.", "An older veteran came in."),
    ("[[NAME|Mr. Jones]] [[AGE.over_89|is 93]] and still gardens.", "A patient is older and still gardens."),
    ("[[NAME|Tammy R.]], [[AGE|52]], came in for a check.", "A patient came in for a check."),
    ("A lady [[AGE.over_89|in her 90s]] waved at us.", "A lady in her later years waved at us."),
    ("[[NAME|Mr. Okafor]] [[AGE.over_89|turned 102]] on the ward!", "A patient had a birthday on the ward!"),
    ("[[AGE|34F]], [[CLINICAL|ruptured ectopic]], stable now.", "A woman, a health issue, stable now."),
    # LOCATION
    ("He lives [[LOCATION|in Springfield]].", "He lives nearby."),
    ("She drove over from [[LOCATION|Kelby]] this week.", "She drove over from nearby this week."),
    ("Tell her the [[LOCATION|room 1]] crew says hi.", "Tell her the room crew says hi."),
    # CONTACT: the practice's line when the reader is told to get in touch, else someone else's
    (
        "Please call me at [[CONTACT|555-0164]] so we can talk.",
        "Please call me at our office line so we can talk.",
    ),
    ("Her cell is [[CONTACT|555-0129]] if she gets lost.", "Her cell is on file if she gets lost."),
    ("Email [[CONTACT|jo@example.com]] for the forms.", "Email our office for the forms."),
    ("Can you ring her son on [[CONTACT|07700 900482]]?", "Can you ring her son on their contact details?"),
    # ID
    ("Your claim #[[ID|CLM-7730215]] was coded as routine.", "Your claim was coded as routine."),
    ("Her MRN is [[ID|4471023]].", "Her MRN is on file."),
    ("Use [[ID|A7F2-99]] when you log in.", "Use their account when you log in."),
    # WEB
    ("[[WEB|@jo_runs]] so glad you're back running!", "So glad you're back running!"),
    ("Read her story at [[WEB|example.org/jane]].", "Read her story at a link."),
    ("Massive thanks to [[WEB|@kilbrack_jen]] for the cake.", "Massive thanks to someone for the cake."),
    # RELATIONSHIP: a person phrase, a care act with its glue, a visit, a thank-you
    ("[[RELATIONSHIP|Our patient]] in [[LOCATION|bed 3]] is doing well.", "Someone is doing well."),
    (
        "Long night. [[RELATIONSHIP|Our patient]] in [[LOCATION|bed 3]] finally slept.",
        "Long night. Someone finally slept.",
    ),
    ("So glad she is home, [[RELATIONSHIP|we treated your mom]] too.", "So glad she is home."),
    (
        "We're sorry [[RELATIONSHIP|your visit]] was frustrating.",
        "We're sorry your experience was frustrating.",
    ),
    ("Sorry [[RELATIONSHIP|your visit]] with us went badly.", "Sorry your experience went badly."),
    (
        "Hi! [[RELATIONSHIP|Thanks so much for coming in]], it was lovely.",
        "Hi! Thanks so much for reaching out, it was lovely.",
    ),
    (
        "Colin, [[RELATIONSHIP.my_patient|my patient]] from rehab, walked a mile.",
        "Colin from rehab walked a mile.",
    ),
    # CLINICAL
    ("Hope [[CLINICAL|your chemo]] goes smoothly.", "Hope your care goes smoothly."),
    ("Turns out it was a [[CLINICAL|sprain]] after all.", "Turns out it was a health issue after all."),
    ("Is she still on [[CLINICAL|the fluoxetine]]?", "Is she still on treatment?"),
    ("[[CLINICAL|Your last bloods]] were perfect.", "Your results were perfect."),
    # UNIQUE
    ("Great to see [[UNIQUE|the mayor]] at the clinic.", "Great to see someone at the clinic."),
    (
        "Thinking of everyone hurt in [[UNIQUE|the bus crash on Route 9]].",
        "Thinking of everyone hurt in an incident.",
    ),
    # several spans in one sentence, adjacent spans, spans at the very start and end, emoji and line breaks
    (
        "Saw [[NAME|Mrs. Ortega]] in [[LOCATION|room 12]] [[DATE|at 3am]] [[DATE|on 03/14]].",
        "Saw a patient on the unit recently.",
    ),
    (
        "Visit [[NAME|Mr Dyson]] [[LOCATION|in room 4]] [[DATE|tomorrow]].",
        "Visit a patient on the unit soon.",
    ),
    ("[[NAME|Karen]] called about [[CLINICAL|her insulin]]", "A patient called about her care"),
    (
        "Shoutout to [[NAME|Mrs. Delgado]] 🥹🥐\n\nYou are the sweetest!!",
        "Shoutout to a patient 🥹🥐\n\nYou are the sweetest!!",
    ),
    (
        "pick-up for [[NAME|Mrs Hanlon]] at [[DATE|7am tomorrow]], "
        "her daughter's number is [[CONTACT|021 555 0154]].",
        "pick-up for a patient soon, her daughter's number is on file.",
    ),
]


@pytest.mark.parametrize("marked, expected", EXAMPLES, ids=[marked[:48] for marked, _ in EXAMPLES])
def test_example_draft_is_rewritten_as_a_post_that_reads(marked: str, expected: str) -> None:
    text, findings = unmark(marked)
    assert natural_version(text, findings) == expected


def test_examples_cover_every_privacy_label() -> None:
    labels = {f.label for marked, _ in EXAMPLES for f in unmark(marked)[1]}
    assert labels == set(PRIVACY_LABELS)


def test_overlapping_spans_of_two_labels_get_one_replacement() -> None:
    text = "Karen's surgery went well."
    findings = [privacy("CLINICAL", 0, 15), privacy("NAME", 0, 5)]
    assert natural_version(text, findings) == "A patient's care went well."


def test_health_words_owned_by_a_flagged_relative_read_their_care() -> None:
    text = "Sorry to hear about your dad's chemo being late."
    start = text.index("your dad")
    findings = [privacy("CLINICAL", start, start + 16), privacy("RELATIONSHIP", start, start + 8)]
    assert natural_version(text, findings) == "Sorry to hear about their care being late."


def test_tone_findings_and_spans_outside_the_text_change_nothing() -> None:
    text = "Calm down, it is fine."
    tone = Finding("tone", "DISMISSIVE", "warn", 0, 9, "tone.dismissive", "", "", "", "Calm down")
    outside = [privacy("NAME", 40, 45), privacy("DATE", 5, 5), privacy("AGE", 9, 3)]
    assert natural_version(text, [tone, *outside]) == text


def test_bracketed_version_is_still_the_placeholder_rewrite() -> None:
    text, findings = unmark("Saw [[NAME|Mrs. Ortega]] [[DATE|on 03/14]], call [[CONTACT|555-0142]].")
    assert safer_version(text, findings) == "Saw [name] [date], call [contact]."


# Properties over generated drafts: phrases a detector would flag, set among ordinary words.
FLAGGED = {
    "NAME": ["Karen", "Mrs. Ortega", "Jamie Coyle", "Tom", "Rosie D."],
    "DATE": ["on March 14th", "yesterday", "at 3am", "tomorrow", "last Tuesday"],
    "AGE": ["a 92-year-old", "is 93", "52", "in her 90s", "34F"],
    "LOCATION": ["room 12", "in Springfield", "Elm Street", "bed 3"],
    "CONTACT": ["555-0164", "jo@example.com", "07700 900482"],
    "ID": ["4471023", "CLM-7730215"],
    "WEB": ["@jo_runs", "example.org/jane"],
    "RELATIONSHIP": ["our patient", "we treated your mom", "your visit", "Thanks for coming in"],
    "CLINICAL": ["dementia", "your chemo", "the fluoxetine", "Alport syndrome"],
    "UNIQUE": ["the mayor", "the bus crash on Route 9"],
}
ORDINARY = [
    "the",
    "team",
    "was",
    "great",
    ",",
    ".",
    "!",
    "?",
    "\n",
    "\n\n",
    "🥹",
    "👍🏽",
    "so",
    "glad",
    "we",
    "hope",
    "she",
    "is",
    "fine",
    "Thanks",
    "hi",
    "(",
    ")",
    "'s",
    "\u2014",
    "and",
    "a",
    "an",
    "to",
    "in",
    "on",
    "your",
    "call",
    "\u200b",
    "e\u0301",
    "\u05e9\u05dc\u05d5\u05dd",
    "  ",
    "\t",
    "Dear",
    "Sorry",
    "if",
    "you",
    "read",
    "this",
]
PIECE = st.one_of(
    st.sampled_from(ORDINARY),
    st.sampled_from(sorted(FLAGGED)).flatmap(
        lambda label: st.tuples(st.just(label), st.sampled_from(FLAGGED[label]))
    ),
)
SEPARATOR = st.sampled_from([" ", " ", " ", "", "\n"])
VOCABULARY = " ".join(
    str(value)
    for table in (
        words.PERSON_WORDS,
        words.DATE_WORDS,
        words.LOCATION_WORDS,
        words.CONTACT_WORDS,
        words.ID_WORDS,
        words.WEB_WORDS,
        words.RELATIONSHIP_WORDS,
        words.CLINICAL_WORDS,
        words.UNIQUE_WORDS,
        words.GREETING_SWAP,
        words.AGE_BIRTHDAY_VERB,
        words.FACILITY_NOUNS,
        *words.AGE_WORDS.values(),
        *words.AGE_SEX.values(),
    )
    for value in table.values()
)
# Words a whole-phrase rewrite carries over from the draft ("Thanks so much for coming in" -> "Thanks so much
# for reaching out"): a made-up finding nested inside such a phrase may be made of nothing else.
KEPT_BY_PHRASE_REWRITES = {"thanks", "thank", "you", "u", "ty", "so", "much", "for", "please"}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def drafts(draw) -> tuple[str, list[Finding]]:
    """A draft of ordinary words and flagged phrases, with a finding for each flagged phrase."""
    text, findings = "", []
    for piece in draw(st.lists(PIECE, max_size=30)):
        text += draw(SEPARATOR)
        if isinstance(piece, tuple):
            label, phrase = piece
            findings.append(privacy(label, len(text), len(text) + len(phrase), text=phrase))
            piece = phrase
        text += piece
    if findings and draw(st.booleans()):  # a second label over part of a flagged phrase
        host = draw(st.sampled_from(findings))
        start = draw(st.integers(host.start, host.end - 1))
        end = draw(st.integers(start + 1, host.end))
        findings.append(privacy(draw(st.sampled_from(PRIVACY_LABELS)), start, end, text=text[start:end]))
    return text, findings


def far_runs(text: str, findings: list[Finding]) -> list[str]:
    """Runs of the draft farther than two WINDOWs from the whole words any privacy span touches."""
    near = [False] * len(text)
    for f in findings:
        if f.kind != "privacy" or f.start is None or f.end is None:
            continue
        start, end = max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))
        if end <= start:
            continue
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        for i in range(max(0, start - 2 * words.WINDOW), min(len(text), end + 2 * words.WINDOW)):
            near[i] = True
    runs, current = [], []
    for char, close in zip(text, near, strict=True):
        if close:
            if current:
                runs.append("".join(current))
            current = []
        else:
            current.append(char)
    return runs + (["".join(current)] if current else [])


def assert_keeps_far_text(text: str, findings: list[Finding], rewritten: str) -> None:
    cursor = 0
    for run in far_runs(text, findings):
        found = rewritten.find(run, cursor)
        assert found >= 0, f"{run!r} is missing or out of order in {rewritten!r}"
        cursor = found + len(run)


def assert_no_flagged_words(text: str, findings: list[Finding], rewritten: str) -> None:
    blanked = list(text)
    spans = [(f.start, f.end) for f in findings if f.kind == "privacy" and f.start is not None]
    for start, end in spans:
        blanked[start:end] = ["\0"] * (end - start)
    outside = "".join(blanked)
    for start, end in spans:
        flagged = text[start:end].strip()
        whole = re.compile(rf"(?<!\w){re.escape(flagged)}(?!\w)")
        if len(flagged) < 3 or whole.search(outside) or flagged in VOCABULARY:
            continue  # also said where nothing was flagged, or one of the rewrite's own words
        if set(flagged.lower().split()) <= KEPT_BY_PHRASE_REWRITES:
            continue
        assert not whole.search(rewritten), f"{flagged!r} is still in {rewritten!r}"


@SETTINGS
@given(drafts())
def test_rewrite_never_contains_a_flagged_phrase(draft: tuple[str, list[Finding]]) -> None:
    text, findings = draft
    assert_no_flagged_words(text, findings, natural_version(text, findings))


@SETTINGS
@given(drafts())
def test_rewrite_keeps_every_character_away_from_the_flagged_words(draft: tuple[str, list[Finding]]) -> None:
    text, findings = draft
    assert_keeps_far_text(text, findings, natural_version(text, findings))


ANY_FINDING = st.builds(
    Finding,
    kind=st.sampled_from(["privacy", "privacy", "tone"]),
    label=st.sampled_from([*PRIVACY_LABELS, "EMPATHY", "BOGUS"]),
    severity=st.sampled_from(["block", "warn", "good"]),
    start=st.one_of(st.none(), st.integers(-5, 120)),
    end=st.one_of(st.none(), st.integers(-5, 120)),
    rule=st.sampled_from(["", "privacy.name.relative", "privacy.date.birth", "privacy.age_over_89", "x"]),
    message=st.just(""),
    suggestion=st.just(""),
    source=st.just(""),
)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=120), findings=st.lists(ANY_FINDING, max_size=8))
def test_rewrite_of_any_text_and_any_spans_never_raises_and_keeps_far_text(text: str, findings: list) -> None:
    findings = [f for f in findings if (f.start is None) == (f.end is None)]
    rewritten = natural_version(text, findings)
    assert isinstance(rewritten, str)
    assert_keeps_far_text(text, findings, rewritten)


SEEDS = [
    "Saw Mrs. Ortega in room 12 at 3am on 03/14, she's 93 and her MRN is 4471023.",
    "Karen, we're sorry your visit on March 14th was frustrating. Please call our office.",
    "Hi Jen, thanks for coming in on Monday for your chemo. See you tomorrow!",
    "Our patient in bed 3 is a 92-year-old with dementia, lives on Elm Street in Springfield.",
    "@jo_runs your MRI showed a torn meniscus, we treated your mom too 💪",
    "Great to see the mayor in clinic yesterday after his knee replacement!",
    "Lovely team lunch today.\n\nNothing to see here, just sandwiches 🥪",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SEEDS), min_size=1, max_size=4).map(" ".join))
def test_analyze_safer_text_drops_every_flagged_phrase_and_keeps_far_text(text: str) -> None:
    report = analyze(text, platform="reviews")
    assert_no_flagged_words(text, report.findings, report.safer_text)
    assert_keeps_far_text(text, report.findings, report.safer_text)


def test_report_carries_the_natural_and_the_bracketed_versions() -> None:
    text = SEEDS[0]
    report = analyze(text, platform="social")
    assert report.safer_text == natural_version(text, report.findings)
    assert report.safer_placeholders == safer_version(text, report.findings)
    assert "[" not in report.safer_text and "[" in report.safer_placeholders
    shown = report.to_dict()
    assert (
        shown["safer_text"] == report.safer_text and shown["safer_placeholders"] == report.safer_placeholders
    )


# No "Good" on words that are blocked in the same draft.
REDIRECT_TO_A_BLOCKED_NUMBER = (
    "I understand you are worried. Messenger is not safe for medical details, "
    "please call nurse Trina at 555-0100."
)


def _good_on_blocked(findings: list[Finding]) -> list[Finding]:
    blocked = [f for f in findings if f.kind == "privacy" and f.severity == "block"]
    return [
        g
        for g in findings
        if g.kind == "tone"
        and g.severity == "good"
        and g.start is not None
        and any(g.start < b.end and b.start < g.end for b in blocked)
    ]


@pytest.mark.usefixtures("rules_only")  # the rules block this number; the rule under test is the drop
def test_analyze_drops_a_good_finding_whose_words_are_blocked(monkeypatch) -> None:
    report = analyze(REDIRECT_TO_A_BLOCKED_NUMBER, platform="social", audience="private")
    assert _good_on_blocked(report.findings) == []
    assert "REDIRECT" not in report.labels
    monkeypatch.setattr(engine, "_drop_good_on_blocked", lambda findings: findings)
    monkeypatch.setattr(engine, "_to_the_person_themselves", lambda text, findings: False)
    unfiltered = analyze(REDIRECT_TO_A_BLOCKED_NUMBER, platform="social", audience="private")
    assert [f.label for f in _good_on_blocked(unfiltered.findings)] == ["REDIRECT"]  # what the rule removed


@pytest.mark.usefixtures("rules_only")
def test_analyze_keeps_a_good_finding_away_from_blocked_words() -> None:
    report = analyze(REDIRECT_TO_A_BLOCKED_NUMBER, platform="social", audience="private")
    assert any(f.label == "EMPATHY" and f.severity == "good" for f in report.findings)


def test_only_good_tone_findings_on_blocking_spans_are_dropped() -> None:
    number = privacy("CONTACT", 20, 28)
    warned = Finding("privacy", "DATE", "warn", 0, 5, "privacy.date", "", "", "")
    findings = [
        number,
        warned,
        Finding("tone", "REDIRECT", "good", 10, 28, "tone.redirect", "", "", ""),  # on the number: dropped
        Finding("tone", "EMPATHY", "good", 0, 5, "tone.empathy", "", "", ""),  # on a warning only: kept
        Finding("tone", "DISCLAIMER", "good", None, None, "tone.disclaimer", "", "", ""),  # no span: kept
        Finding("tone", "BOUNDARY", "warn", 18, 28, "tone.boundary", "", "", ""),  # a problem: kept
        Finding("tone", "REDIRECT", "good", 28, 40, "tone.redirect", "", "", ""),  # right after it: kept
    ]
    kept = engine._drop_good_on_blocked(findings)
    assert [f for f in findings if f not in kept] == [findings[2]]
