"""The draft judge weighs the gate's and the tagger's views of whether a draft holds any privacy detail."""

from __future__ import annotations

import math

import pytest

from sandbox.feedback import analyze
from sandbox.feedback.learned import registry
from sandbox.feedback.learned.draft_judge import EVIDENCE, DraftJudge, draft_evidence

DRAFT = "ur mom was combative again tonight, we gave her the haldol"  # no rule the gate always trusts


def _with_judge(bias: float) -> registry.Models:
    shipped = registry.current()
    judge = DraftJudge(tuple(0.0 for _ in EVIDENCE), bias)
    return registry.Models(tone=shipped.tone, privacy=shipped.privacy, gate=shipped.gate, judge=judge)


def _privacy_labels(models: registry.Models) -> set[str]:
    with registry.use(models):
        report = analyze(DRAFT, platform="microblog", audience="public")
    return {f.label for f in report.findings if f.kind == "privacy"}


def test_the_shipped_models_carry_a_judge_fitted_on_todays_evidence():
    judge = registry.current().judge
    assert judge is not None and len(judge.weights) == len(EVIDENCE)
    assert 0.0 < judge.threshold < 1.0


def test_a_judge_round_trips_through_its_settings_and_refuses_other_evidence():
    judge = DraftJudge(tuple(float(i) for i in range(len(EVIDENCE))), -1.5, 0.6)
    assert DraftJudge.from_dict(judge.as_dict()) == judge
    stale = {**judge.as_dict(), "evidence": ["gate log-odds"]}
    with pytest.raises(ValueError, match="make train"):
        DraftJudge.from_dict(stale)
    with pytest.raises(ValueError, match="make train"):
        DraftJudge.from_dict({})  # settings written before there was a judge


def test_the_evidence_reads_the_gate_and_the_tokens_by_kind_of_label():
    tokens = [
        {"O": 0.95},  # below the floor: no labels were read
        {"O": 0.1, "B-NAME": 0.85, "B-CLINICAL": 0.05},
        {"O": 0.6, "B-NAME": 0.1, "B-CLINICAL": 0.3},
        {"O": 0.45, "B-NAME": 0.05, "I-DATE": 0.5},
    ]
    evidence = dict(zip(EVIDENCE, draft_evidence(0.8, tokens, "private"), strict=True))
    assert evidence["gate log-odds"] == pytest.approx(math.log(0.8 / 0.2))
    assert evidence["most likely token"] == pytest.approx(0.9)
    assert evidence["most likely identifier token"] == pytest.approx(0.9)
    assert evidence["most likely disclosure token"] == pytest.approx(0.55)  # DATE, then CLINICAL's 0.4
    assert [evidence[f"tokens >= {level}"] for level in (0.3, 0.5, 0.8)] == [3.0, 2.0, 1.0]
    assert evidence["private message"] == 1.0
    assert draft_evidence(0.5, [], "public")[1:] == [0.0] * (len(EVIDENCE) - 1)


def test_what_the_tagger_found_stands_only_in_a_draft_the_judge_says_holds_privacy_details():
    assert {"RELATIONSHIP", "CLINICAL"} <= _privacy_labels(_with_judge(40.0))
    assert _privacy_labels(_with_judge(-40.0)) == set()
