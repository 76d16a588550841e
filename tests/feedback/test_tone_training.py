"""Training the tone model on public rows labelled for one label only, kept apart from their check split."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sandbox.feedback.learned.hashing import SIZE, column
from sandbox.feedback.learned.tone_features import TEXT_WEIGHT, model_columns, split_columns, tone_features
from sandbox.feedback.model import TONE_LABELS
from sandbox.feedback.training import data
from sandbox.feedback.training.rows import prepare
from sandbox.feedback.training.tone import _fit, annotated, matrix, targets
from sandbox.feedback.training.trust import trusted_tone_rules


def _row(index: int, text: str, tone: list[str], labelled: list[str] | None = None) -> dict:
    row = {
        "id": f"t{index}",
        "author": "a",
        "text": text,
        "platform": "microblog",
        "audience": "public",
        "spans": [],
        "tone": tone,
    }
    if labelled is not None:
        row["tone_labelled"] = labelled
    return row


def test_rows_labelled_for_one_label_do_not_teach_the_others():
    full = [
        _row(0, "So sorry you are going through this, that sounds exhausting.", ["EMPATHY"]),
        _row(1, "Opening hours change on Monday.", []),
        _row(2, "Oh great, another Monday. Love that for me.", ["SARCASTIC"]),
        _row(3, "We are sorry to hear how worried you felt.", ["EMPATHY"]),
    ]
    public = [_row(10 + i, "so sorry you are going through this lol", [], ["SARCASTIC"]) for i in range(6)]
    rows = [prepare(r) for r in full + public]
    x, y, known = matrix(rows), targets(rows), annotated(rows)
    empathy, sarcastic = TONE_LABELS.index("EMPATHY"), TONE_LABELS.index("SARCASTIC")
    assert known[:4].all() and known[4:, sarcastic].all() and not known[4:, empathy].any()
    weights, _biases = _fit(x, y, known)
    alone, _ = _fit(x[:4], y[:4], known[:4])
    assert np.array_equal(weights[empathy], alone[empathy])  # the public rows left EMPATHY alone
    assert not np.array_equal(weights[sarcastic], alone[sarcastic])  # and taught SARCASTIC


def test_a_rule_is_not_judged_on_rows_not_labelled_for_its_label():
    row = _row(0, "Thank you so much for your kind words, we are sorry for your loss.", [], ["SARCASTIC"])
    prepared = [prepare(row) for _ in range(10)]
    assert any(f.label == "EMPATHY" for f in prepared[0].rule_tone)
    assert not any(rule.startswith("tone.empathy.") for rule in trusted_tone_rules(prepared))


def test_the_public_sarcasm_check_split_is_never_trained_on():
    train, check = data.isarcasm("train"), data.isarcasm("check")
    assert len(check) > 800 and len(train) > 3000
    check_sources = {row["id"] for row in check}
    train_sources = {row["id"].removesuffix("-rephrase") for row in data.tone_only_sets()}
    assert not check_sources & train_sources
    assert all(row["tone_labelled"] == ["SARCASTIC"] and row["spans"] == [] for row in train + check)


def test_generic_pii_sentences_teach_no_tone_label():
    rows = [prepare(row) for row in data.generic_pii(300)]
    assert any(f.label == "REDIRECT" for p in rows for f in p.rule_tone)  # "Please call us so we can..."
    assert not annotated(rows).any()


def test_a_long_drafts_words_weigh_no_more_than_a_short_ones():
    short = tone_features("Call our team.", "social", "public", ["REDIRECT"])
    long = tone_features(
        "Update on the ward closure and what helps. " * 30 + "Call our team.",
        "social",
        "public",
        ["REDIRECT"],
    )
    norms = []
    for features in (short, long):
        textual, other = split_columns(features, SIZE)
        columns = model_columns(textual, (), SIZE)
        norms.append(math.sqrt(sum(v * v for v in columns.values())))
        # the rule's vote is kept whole
        assert model_columns(textual, other, SIZE)[column("rule:REDIRECT")] >= 1.0
    assert norms == pytest.approx([TEXT_WEIGHT, TEXT_WEIGHT])
