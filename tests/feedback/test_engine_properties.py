"""Properties of the whole engine (analyze, Report, CLI) that must hold for any input."""

from __future__ import annotations

import io
import json
import sys
import time
import unicodedata
from collections import defaultdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sandbox.feedback import analyze
from sandbox.feedback.__main__ import main
from sandbox.feedback.model import AUDIENCES, PLATFORMS, Report
from sandbox.feedback.normalize import _INVISIBLE, _REPLACE, normalize

# Drafts that wake many detectors up: names, dates, numbers, tone cues.
SEEDS = [
    "Saw Mrs. Ortega in room 12 at 3am on 03/14, she's 93 and her MRN is 4471023. Call 555-0142.",
    "Calm down, just google it. Take 400 mg ibuprofen twice a day, you'll be fine \U0001f644",
    "We're so sorry, that sounds frightening. We can't discuss care here; please use the patient portal.",
    "For the record, you arrived late and you signed the consent. Use code SAVE20 for 20% off!",
    "Here's my cell 555-0177, let's grab a drink after your follow-up \U0001f609",
    "Update for families: s/p CABG POD2, NPO, DVT ppx, f/u KUB.",
    "@jo_runs sounds like a meniscus tear tbh, ice it. Email me at jo.rn@example.com or see example.org/x",
]
# Characters that break naive text handling: emoji with joiners and skin tones, zero-width and
# directional marks, right-to-left scripts, combining marks, look-alike digits and quotes.
AWKWARD = [
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\U0001f44d\U0001f3fd",
    "\u200b",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u202e",
    "\u202c",
    "\u2066",
    "\u200f",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u0645\u0631\u062d\u0628\u0627",
    "e\u0301",
    "a\u0308\u0323",
    "\u0663\u0664",
    "\uff15\uff15\uff15",
    "\u2019",
    "\u201c",
    "\u2014",
    "\u00a0",
    "\u00ad",
    "\ufb01",
    "\u2163",
    "\U0001d400",
    "\r\n",
    "\t",
    "\x00",
    "\ud7ff",
]
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.one_of(st.sampled_from(SEEDS), st.sampled_from(AWKWARD), st.text(max_size=20)), max_size=12
    ).map("".join),
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=TEXT, platform=st.sampled_from(PLATFORMS), audience=st.sampled_from(AUDIENCES))
def test_offsets_are_inside_the_text_and_match_it(text: str, platform: str, audience: str) -> None:
    report = analyze(text, platform=platform, audience=audience)
    assert isinstance(report, Report)
    for finding in report.findings:
        if finding.start is None:
            assert finding.end is None
            continue
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.text == text[finding.start : finding.end]


@SETTINGS
@given(text=TEXT, platform=st.sampled_from(PLATFORMS), audience=st.sampled_from(AUDIENCES))
def test_findings_of_one_label_never_overlap(text: str, platform: str, audience: str) -> None:
    spans = defaultdict(list)
    for finding in analyze(text, platform=platform, audience=audience).findings:
        if finding.start is not None:
            spans[(finding.kind, finding.label)].append((finding.start, finding.end))
    for label_spans in spans.values():
        label_spans.sort()
        for (_, end), (start, _) in zip(label_spans, label_spans[1:], strict=False):
            assert end <= start


@SETTINGS
@given(text=TEXT)
def test_at_most_one_tone_finding_per_label(text: str) -> None:
    labels = [f.label for f in analyze(text).findings if f.kind == "tone"]
    assert len(labels) == len(set(labels))


@SETTINGS
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_unicode_gives_a_report(text: str) -> None:
    assert isinstance(analyze(text, platform="social", audience="private"), Report)


@SETTINGS
@given(text=TEXT, platform=st.sampled_from(PLATFORMS), audience=st.sampled_from(AUDIENCES))
def test_report_survives_a_json_round_trip(text: str, platform: str, audience: str) -> None:
    report = analyze(text, platform=platform, audience=audience).to_dict()
    assert json.loads(json.dumps(report)) == report
    assert {f["label"] for f in report["findings"]} == set(report["labels"])


def test_100_kb_draft_gives_a_report_in_reasonable_time() -> None:
    pieces = SEEDS + AWKWARD
    text = " ".join(pieces[i % len(pieces)] for i in range(4000))[:100_000]
    started = time.perf_counter()
    report = analyze(text, platform="reviews", audience="public")
    elapsed = time.perf_counter() - started
    assert isinstance(report, Report)
    assert elapsed < 10, f"100 KB took {elapsed:.1f}s"


def test_100_kb_of_one_repeated_character_gives_a_report() -> None:
    for char in ("a", " ", "\U0001f600"):
        assert isinstance(analyze(char * 100_000), Report)


def run_jsonl(monkeypatch, lines: list[str]) -> list[dict]:
    """Run the CLI in --jsonl mode on the given input lines and parse its output lines."""
    stdout = io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main(["--jsonl"]) == 0
    return [json.loads(line) for line in stdout.getvalue().splitlines()]


def test_jsonl_keeps_order_and_answers_an_error_for_a_bad_line(monkeypatch) -> None:
    lines = [
        json.dumps({"id": "a", "text": SEEDS[0], "platform": "reviews", "audience": "public"}),
        "{not json",
        json.dumps({"id": 7, "text": "Thanks for the kind words!"}),
        json.dumps(["a list, not an object"]),
        json.dumps({"id": "c", "text": "\u202e\U0001f644 calm down"}),
    ]
    out = run_jsonl(monkeypatch, lines)
    assert [row["id"] for row in out] == ["a", None, 7, None, "c"]
    assert "error" in out[1] and "findings" not in out[1]
    assert "error" in out[3]
    assert all("findings" in out[i] for i in (0, 2, 4))
    assert (
        out[0]["findings"] == analyze(SEEDS[0], platform="reviews", audience="public").to_dict()["findings"]
    )


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=1, max_size=5))
def test_jsonl_answers_one_line_per_draft_in_order(monkeypatch, texts: list[str]) -> None:
    lines = [json.dumps({"id": i, "text": text}) for i, text in enumerate(texts)]
    out = run_jsonl(monkeypatch, lines)
    assert [row["id"] for row in out] == list(range(len(texts)))


def test_plain_ascii_normalises_to_itself_with_an_identity_map() -> None:
    norm = normalize("Saw Mrs. Ortega at 3am\t(room 4)")
    assert norm.text == "Saw Mrs. Ortega at 3am\t(room 4)"
    assert norm.origin == tuple(range(len(norm.text)))
    assert normalize("caf\u00e9\u200b ok").text == "caf\u00e9 ok"


def _normalize_one_char_at_a_time(text: str) -> tuple[str, tuple[int, ...]]:
    """The plain reference: fold or drop each character on its own."""
    chars, origin = [], []
    for index, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        folded = _REPLACE.get(char) or (unicodedata.normalize("NFKC", char) if ord(char) > 127 else char)
        for piece in folded or " ":
            chars.append(piece)
            origin.append(index)
    return "".join(chars), tuple(origin)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_normalize_copies_ascii_runs_exactly_as_char_by_char_folding(text: str) -> None:
    norm = normalize(text)
    assert (norm.text, norm.origin) == _normalize_one_char_at_a_time(text)
