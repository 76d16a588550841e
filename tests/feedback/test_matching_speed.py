"""Speed-ups that must never change a match: case-folded search, tone rule gates, the profanity word list."""

from __future__ import annotations

import importlib
import pkgutil
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import sandbox.feedback as feedback
from sandbox.feedback.caseless import CaselessPattern, caseless, fold
from sandbox.feedback.tone.gating import GatedPattern, required_sets
from sandbox.feedback.tone.matching import lowered
from sandbox.feedback.tone.problems import _PROFANITY


def _engine_objects(kind: type) -> list:
    """Every module-level object of the given type in the feedback package (also inside tuples)."""
    found: dict[int, object] = {}
    for info in pkgutil.walk_packages(feedback.__path__, "sandbox.feedback."):
        for value in vars(importlib.import_module(info.name)).values():
            items = value if isinstance(value, tuple) else (value,)
            for item in items:
                item = item[2] if isinstance(item, tuple) and len(item) == 3 else item
                if isinstance(item, kind):
                    found[id(item)] = item
    return list(found.values())


CASELESS = _engine_objects(CaselessPattern)
GATED = _engine_objects(GatedPattern)
# Words that wake rules up, in mixed case, plus characters with unusual case rules.
WORDS = [
    "you", "your", "patient", "Mrs", "room", "4", "bed", "ER", "ED", "er", "we", "I", "saw", "treated",
    "surgery", "chemo", "fever", "diabetes", "nurse", "the", "of", "mom", "baby", "Lily", "called",
    "yesterday", "in", "our", "clinic", "care", "pt", "Pt", "92", "y/o", "It", "is", "not", "just",
    "\u0130", "\u0131", "\u017f", "\u212a", "\u00c9", "\u00e9", "\u00df", "\u03a3", "\u03c2", "\U0001f600",
]
TEXTS = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", ", ", ". ", "'s ", "-", ""]), st.booleans()),
    max_size=25,
).map(lambda parts: "".join((w.upper() if up else w) + sep for w, sep, up in parts))


def _spans(matches) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in matches]


def test_fold_keeps_length_and_folds_like_ignorecase():
    assert fold("ER Room \u0130stanbul \u0131\u017f") == "er room istanbul is"
    assert len(fold("\u0130" * 70)) == 70


def test_caseless_word_lists_get_the_fast_path_and_match_like_ignorecase():
    pattern = caseless(r"\b(?:chemo|dialysis|icu)\b")
    assert isinstance(pattern, CaselessPattern)
    assert [m.group() for m in pattern.finditer("Chemo then ICU, not dialysisX")] == ["Chemo", "ICU"]
    assert pattern.search("no care here") is None


def test_case_sensitive_parts_stay_case_sensitive():
    pattern = caseless(r"\bin (?-i:ER|ED)\b|(?-i:[A-Z][a-z]+)(?<!It) was seen")
    assert isinstance(pattern, CaselessPattern)
    assert pattern.search("she was in er") is None
    assert pattern.search("she was IN ER").group() == "IN ER"
    assert pattern.search("It was seen") is None
    assert pattern.search("Sam was seen").group() == "Sam was seen"


def test_search_window_and_empty_matches_behave_like_re():
    pattern = caseless(r"\bpain\b|(?=x)")
    exact = re.compile(pattern.pattern, re.IGNORECASE)
    text = "PAIN x pain xx"
    assert _spans(pattern.finditer(text)) == _spans(exact.finditer(text))
    assert pattern.search(text, 1, 9).span() == exact.search(text, 1, 9).span()


def test_patterns_with_unusual_case_rules_keep_the_plain_regex():
    assert isinstance(caseless(r"\u03bcg|\u00b5g"), re.Pattern)


def test_every_engine_caseless_pattern_was_sped_up():
    assert len(CASELESS) > 100


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_caseless_patterns_find_exactly_what_ignorecase_finds(text: str) -> None:
    for pattern in CASELESS:
        assert _spans(pattern.finditer(text)) == _spans(pattern.exact.finditer(text)), pattern.pattern[:80]
        found, expected = pattern.search(text, 2), pattern.exact.search(text, 2)
        assert (found and found.span()) == (expected and expected.span())


def test_second_gate_needs_every_run_of_an_alternative():
    assert required_sets(r"(?:^|[.!?]\s+)the (?:audacity|nerve)[.!]|\bas one does\b") == (
        (("the ",), ("audacity", "nerve")),
        (("as one does",),),
    )
    assert required_sets(r"\b\w+\b") is None
    gate = GatedPattern(r"(?:^|[.!?]\s+)the (?:audacity|nerve)[.!]")
    assert gate.search("the plan was fine.") is None
    assert gate.search("so. the nerve!").group() == ". the nerve!"


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_gates_never_hide_a_match(text: str) -> None:
    low = lowered(text)
    for pattern in GATED:
        assert (pattern.search(low) is None) == (pattern.regex.search(low) is None), pattern.pattern[:80]


SWEARING = ["fuck", "ffuuck", "f**k", "shit", "bullshit", "bastards", "dickhead", "piss off", "screw you"]


@given(st.lists(st.sampled_from([*SWEARING, "goddamn", "\U0001f92c", "un", "a", " ", ".", "_"])))
def test_profanity_list_matches_like_the_plain_word_list(parts: list[str]) -> None:
    plain = re.compile(
        r"(?:\bf+u+c+k\w*|\bf[*#@]+k?\w*|\bshit\w*|\bbullshit|\basshole\w*|\bbitch\w*|\bbastards?\b|"
        r"\bdickhead|\bpiss off|\bscrew you|\bdamn you|\bgoddamn|\U0001F92C|\U0001F595)"
    )
    text = "".join(parts)
    assert _spans(re.finditer(_PROFANITY, text)) == _spans(plain.finditer(text))
