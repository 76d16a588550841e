"""Training the privacy side: a CRF tagger on BIO tags, a gate model for whole drafts, the judge that weighs
the two, and their thresholds.

The tagger and the gate are first fitted without every HELD_BACK-th author. On the held-back authors'
drafts, which neither model has seen, the judge learns how far to trust each (learned/draft_judge.py), and
the thresholds (how probable a token must be, how probable it must be that a draft holds any privacy detail
at all) are chosen. Then the tagger and the gate are fitted again on every row.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pycrfsuite
from sklearn.linear_model import LogisticRegression

from ..learned.decide import gate_inputs
from ..learned.draft_judge import EVIDENCE_FLOOR, DraftJudge, draft_evidence
from ..learned.hashing import SIZE
from ..learned.linear import LinearModel
from ..learned.privacy_features import sequence_features
from ..learned.privacy_tagger import OUTSIDE, PrivacyTagger
from ..learned.tokens import Token
from . import data
from .rows import Prepared
from .tone import feature_matrix
from .trust import trusted_privacy_rules

PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
TAU = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
GAMMA = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
SURE = (0.8, 0.9, 0.95, 1.01)
MAX_FALSE_ALARMS = 0.10
MIN_PRECISION = 0.85
HELD_BACK = 4  # every 4th training author calibrates the thresholds


@dataclass
class PrivacyModels:
    """The tagger, the gate, the judge and the thresholds they were calibrated with."""

    tagger: PrivacyTagger
    gate: LinearModel
    judge: DraftJudge
    threshold: float
    sure: float


def tags(tokens: list[Token], spans: list[dict]) -> list[str]:
    """BIO tags for the tokens from the row's gold spans."""
    out = []
    for token in tokens:
        tag = OUTSIDE
        for span in spans:
            if token.start < span["end"] and span["start"] < token.end:
                tag = ("B-" if token.start <= span["start"] else "I-") + span["label"]
                break
        out.append(tag)
    return out


def sequence(prepared: Prepared) -> tuple[list[Token], list[dict[str, object]], list[str]]:
    """The row's tokens, features and tags, on the normalised text the engine sees."""
    draft = prepared.draft
    tokens, features = sequence_features(
        draft.text,
        draft.platform,
        draft.audience,
        prepared.privacy,
        sorted({f.label for f in prepared.rule_tone}),
    )
    return tokens, features, tags(tokens, prepared.spans_in_draft())


def _fit_tagger(rows: list[Prepared], target: Path | None) -> PrivacyTagger:
    trainer = pycrfsuite.Trainer(verbose=False)
    for prepared in rows:
        _tokens, features, row_tags = sequence(prepared)
        trainer.append(features, row_tags)
    trainer.set_params(PARAMS)
    if target is None:
        handle, name = tempfile.mkstemp(suffix=".crfsuite", prefix="privacy-")
        Path(name).unlink()
        target = Path(name)
    trainer.train(str(target))
    return PrivacyTagger(target)


def _gate_matrix(rows: list[Prepared]):
    return feature_matrix([gate_inputs(p.draft, p.rule_tone, p.privacy) for p in rows])


def _fit_gate(rows: list[Prepared]) -> LinearModel:
    x = _gate_matrix(rows)
    y = np.array([bool(p.row["spans"]) for p in rows], dtype=np.int8)
    model = LogisticRegression(
        C=0.5, solver="liblinear", class_weight="balanced", max_iter=200, random_state=0
    )
    model.fit(x, y)
    weights = model.coef_.astype(np.float32).reshape(1, SIZE)
    return LinearModel(
        ("PRIVACY",), weights, model.intercept_.astype(np.float32), np.array([0.5], np.float32)
    )


def _overlap(a, b) -> bool:
    return a.start < b["end"] and b["start"] < a.end


def _tagged(rows, tagger: PrivacyTagger, tau: float) -> list[list]:
    """The tagger's spans for each row at token threshold tau, from the tokens' probabilities."""
    tagger.threshold = tau
    return [tagger.spans(tokens, probabilities) for _prepared, tokens, probabilities, _judged in rows]


def _measure(rows, tagged: list[list], tagger: PrivacyTagger, gamma: float, sure: float) -> tuple[float, ...]:
    """Span recall, span precision, post recall and false alarms on rows, given their tagged spans."""
    total = found = predicted = hits = with_phi = flagged = clean = alarms = 0
    for (prepared, _tokens, _probabilities, probability), spans in zip(rows, tagged, strict=True):
        if probability < gamma:
            tagger.sure = sure
            spans = tagger.sure_identifiers(spans)
        gold = prepared.spans_in_draft()
        total += len(gold)
        found += sum(any(_overlap(s, g) for s in spans) for g in gold)
        predicted += len(spans)
        hits += sum(any(_overlap(s, g) for g in gold) for s in spans)
        if gold:
            with_phi, flagged = with_phi + 1, flagged + bool(spans)
        else:
            clean, alarms = clean + 1, alarms + bool(spans)
    return found / max(total, 1), hits / max(predicted, 1), flagged / max(with_phi, 1), alarms / max(clean, 1)


def _tokens_and_probabilities(tagger: PrivacyTagger, prepared: Prepared) -> tuple[list[Token], list[dict]]:
    tokens, features, _tags = sequence(prepared)
    return tokens, tagger.probabilities(features, floor=EVIDENCE_FLOOR)


def _fit_judge(evidence: list[list[float]], holds: list[bool]) -> DraftJudge:
    """The judge fitted on drafts neither the tagger nor the gate was trained on."""
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=1000)
    model.fit(np.array(evidence, dtype=np.float64), np.array(holds, dtype=np.int8))
    return DraftJudge(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]))


def _choose(measured: dict[tuple[float, float, float], tuple[float, ...]]) -> tuple[float, float, float]:
    """The thresholds with the best recall among those within the false-alarm and precision limits."""

    def worth(item):
        _thresholds, (recall, precision, post, alarms) = item
        penalty = 3 * max(0.0, alarms - MAX_FALSE_ALARMS) + 3 * max(0.0, MIN_PRECISION - precision)
        return recall + post - penalty

    return max(measured.items(), key=worth)[0]


def calibrate(rows: list[Prepared]) -> tuple[float, DraftJudge, float]:
    """Fit the judge and choose the thresholds on every HELD_BACK-th author, with the tagger and the gate
    fitted on the others: (token threshold, judge with its threshold, sure)."""
    authors = data.authors([p.row for p in rows])
    held = set(authors[::HELD_BACK])
    fit = [p for p in rows if p.author not in held]
    check = [p for p in rows if p.author in held]
    tagger, gate = _fit_tagger(fit, None), _fit_gate(fit)
    gate_probs = 1 / (1 + np.exp(-(_gate_matrix(check) @ gate.weights.T + gate.biases)))[:, 0]
    # Read once with labels from EVIDENCE_FLOOR up, which is no higher than any TAU: the judge's evidence
    # and every tau's spans come from the same probabilities.
    read = [_tokens_and_probabilities(tagger, p) for p in check]
    evidence = [
        draft_evidence(float(prob), probabilities, p.draft.audience)
        for p, prob, (_tokens, probabilities) in zip(check, gate_probs, read, strict=True)
    ]
    judge = _fit_judge(evidence, [bool(p.spans_in_draft()) for p in check])
    prepared = [
        (p, tokens, probabilities, judge.probability(numbers))
        for p, (tokens, probabilities), numbers in zip(check, read, evidence, strict=True)
    ]
    measured = {}
    for t in TAU:
        tagged = _tagged(prepared, tagger, t)
        measured.update({(t, g, s): _measure(prepared, tagged, tagger, g, s) for g in GAMMA for s in SURE})
    tagger.path.unlink(missing_ok=True)
    threshold, judge_threshold, sure = _choose(measured)
    return threshold, replace(judge, threshold=judge_threshold), sure


def train_privacy(rows: list[Prepared], target: Path | None = None) -> PrivacyModels:
    """Fit the judge and calibrate the thresholds, then fit the tagger and the gate on every row."""
    threshold, judge, sure = calibrate(rows)
    tagger, gate = _fit_tagger(rows, target), _fit_gate(rows)
    tagger.threshold, tagger.sure = threshold, sure
    gate.trusted_rules = trusted_privacy_rules(rows)
    return PrivacyModels(tagger, gate, judge, threshold, sure)
