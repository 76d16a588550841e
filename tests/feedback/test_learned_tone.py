"""The tone model has the last word over the rules: it keeps, adds and drops tone labels."""

from __future__ import annotations

import numpy as np

from sandbox.feedback import analyze
from sandbox.feedback.learned import registry
from sandbox.feedback.learned.hashing import column
from sandbox.feedback.learned.linear import LinearModel, empty
from sandbox.feedback.model import TONE_LABELS


def _model(biases: dict[str, float], words: dict[tuple[str, str], float] = ()) -> LinearModel:
    model = empty(TONE_LABELS)
    model.thresholds = np.full(len(TONE_LABELS), 0.5, dtype=np.float32)
    model.biases = np.array([biases.get(label, -20.0) for label in TONE_LABELS], dtype=np.float32)
    for (label, feature), weight in dict(words).items():
        model.weights[TONE_LABELS.index(label), column(feature, model.size)] = weight
    return model


def test_a_label_the_model_accepts_keeps_the_rules_finding_with_its_words():
    model = _model({"DISMISSIVE": -5.0}, {("DISMISSIVE", "w:google"): 10.0})
    with registry.use(registry.Models(tone=model)):
        report = analyze("Calm down and just google it.")
    found = [f for f in report.findings if f.label == "DISMISSIVE"]
    assert (
        len(found) == 1
        and found[0].rule.startswith("tone.dismissive.")
        and found[0].rule != "tone.dismissive.learned"
    )
    assert found[0].start is not None


def test_a_label_only_the_model_finds_gets_the_labels_own_advice():
    with registry.use(registry.Models(tone=_model({"EMPATHY": 5.0}))):
        report = analyze("Ok.")
    empathy = [f for f in report.findings if f.label == "EMPATHY"]
    assert [(f.rule, f.severity, f.start) for f in empathy] == [("tone.empathy.learned", "good", None)]
    assert empathy[0].message and empathy[0].suggestion


def test_a_rules_label_the_model_rejects_is_dropped():
    text = "Calm down and just google it."
    with registry.use(registry.Models(tone=_model({}))):
        assert [f.label for f in analyze(text).findings if f.kind == "tone"] == []


def test_without_a_model_the_rules_decide():
    with registry.use(registry.Models(tone=None)):
        assert "DISMISSIVE" in analyze("Calm down and just google it.").labels


def test_the_model_survives_a_huge_draft():
    with registry.use(registry.Models(tone=_model({"HOSTILE": 0.0}, {("HOSTILE", "w:idiot"): 1.0}))):
        assert "HOSTILE" in analyze("idiot " * 20000).labels
