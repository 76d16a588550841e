"""Where the trained models have the last word over the rules' candidates."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..model import TONE_GOOD, Draft, Finding
from ..tone.common import tone_finding
from . import registry
from .draft_judge import EVIDENCE_FLOOR, DraftJudge, draft_evidence
from .guidance import learned_finding
from .hashing import hashed
from .privacy_features import lexical_marks, sequence_features
from .privacy_tagger import TaggedSpan
from .tokens import tokenize
from .tone_features import model_columns, split_columns, tone_features

FACT_RULE = "privacy.scenario_fact"
SURE = 0.75  # a tagged span at least this probable blocks in a post others can read
# Identifiers with a shape of their own (phones, emails, links, record numbers) are flagged wherever the
# tagger is this sure of them, as a warning where the gate sees no privacy detail in the rest of the draft.
PATTERNED = frozenset({"CONTACT", "ID", "WEB"})
CANDIDATE = 0.9


def _overlapping(span: TaggedSpan, findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.start is not None and f.start < span.end and span.start < (f.end or 0)]


def _judged(span: TaggedSpan, draft: Draft, rule_privacy: list[Finding]) -> Finding:
    """The rule's finding where a rule of the same label agrees (its words and advice), else the label's."""
    same = [f for f in _overlapping(span, rule_privacy) if f.label == span.label]
    if same:
        rule = max(same, key=lambda f: (f.severity == "block", (f.end or 0) - (f.start or 0)))
        return replace(rule, start=min(rule.start, span.start), end=max(rule.end, span.end))
    severity = "block" if span.confidence >= SURE and draft.audience != "private" else "warn"
    return learned_finding(span.label, severity, span.start, span.end)


def gate_inputs(draft: Draft, rule_tone: list[Finding], rule_privacy: list[Finding]) -> list[str]:
    """The gate model's features: the tone model's, plus what the word lists say about the words."""
    return tone_inputs(draft, rule_tone, rule_privacy) + _lexical_inputs(draft)


def _lexical_inputs(draft: Draft) -> list[str]:
    """What the word lists say about the draft's words, as the gate's own features."""
    return [f"lex:{mark}" for mark in lexical_marks(tokenize(draft.text))]


def privacy_likelihood(draft: Draft, rule_tone: list[Finding], rule_privacy: list[Finding]) -> float:
    """How likely the gate model thinks it is that the draft holds any privacy detail (1.0 without one)."""
    gate = registry.current().gate
    if gate is None:
        return 1.0
    # The same columns as hashing gate_inputs(): the tone features' (hashed once per draft), then the rest.
    columns = dict(_tone_columns(_tone_key(draft, rule_tone, rule_privacy), gate.size))
    return gate.column_probabilities(hashed(_lexical_inputs(draft), gate.size, columns))["PRIVACY"]


def decide_privacy(draft: Draft, rule_privacy: list[Finding], rule_tone: list[Finding]) -> list[Finding]:
    """The privacy findings the tagger accepts in a draft the gate lets through; facts are always kept."""
    models = registry.current()
    facts = [f for f in rule_privacy if f.rule == FACT_RULE]
    if models.privacy is None:
        return rule_privacy
    tokens, features = sequence_features(
        draft.text,
        draft.platform,
        draft.audience,
        rule_privacy,
        sorted({f.label for f in rule_tone}),
        zeros=False,  # the tagger's scores are the same without them, and it reads them faster
    )
    probabilities = models.privacy.probabilities(
        features, floor=min(EVIDENCE_FLOOR, models.privacy.threshold)
    )
    spans = models.privacy.spans(tokens, probabilities)
    gate, judge = models.gate, models.judge
    candidates: list[Finding] = []
    if (
        gate is not None
        and judge is not None
        and not _holds_privacy(judge, draft, rule_tone, rule_privacy, probabilities)
    ):
        sure = models.privacy.sure_identifiers(spans)
        candidates = [_candidate(s) for s in spans if s not in sure and _patterned(s)]
        spans = sure
    trusted = [f for f in rule_privacy if gate is not None and f.rule in gate.trusted_rules]
    return _pinned([_judged(span, draft, rule_privacy) for span in spans]) + candidates + facts + trusted


def _holds_privacy(
    judge: DraftJudge,
    draft: Draft,
    rule_tone: list[Finding],
    rule_privacy: list[Finding],
    probabilities: list[dict[str, float]],
) -> bool:
    """The judge's verdict on whether the draft holds any privacy detail."""
    likelihood = privacy_likelihood(draft, rule_tone, rule_privacy)
    return judge.holds_privacy(draft_evidence(likelihood, probabilities, draft.audience))


def _patterned(span: TaggedSpan) -> bool:
    """A phone, email, link or number the tagger is sure of: flagged even where the draft looks clean."""
    return span.label in PATTERNED and span.confidence >= CANDIDATE


def _candidate(span: TaggedSpan) -> Finding:
    return learned_finding(span.label, "warn", span.start, span.end)


def _pinned(findings: list[Finding]) -> list[Finding]:
    """A detail only the tagger saw blocks only where the draft pins the person down with another kind
    of detail; on its own it is a candidate, a warning ("Sunny walk to work")."""
    labels = {f.label for f in findings}
    return [
        replace(f, severity="warn")
        if f.rule.endswith(".learned") and f.severity == "block" and labels == {f.label}
        else f
        for f in findings
    ]


def tone_inputs(draft: Draft, rule_tone: list[Finding], privacy: list[Finding]) -> list[str]:
    """The tone model's features for a draft, given what the rules found in it (do not change the list)."""
    return _tone_inputs(*_tone_key(draft, rule_tone, privacy))


def _tone_key(draft: Draft, rule_tone: list[Finding], privacy: list[Finding]) -> tuple:
    tone, labels = tuple(sorted({f.label for f in rule_tone})), tuple(sorted({f.label for f in privacy}))
    return draft.text, draft.platform, draft.audience, tone, labels


@lru_cache(maxsize=64)  # the gate and the tone model read the same features of the same draft
def _tone_inputs(text: str, platform: str, audience: str, tone: tuple, privacy: tuple) -> list[str]:
    return tone_features(text, platform, audience, tone, privacy)


@lru_cache(maxsize=64)
def _split_tone_columns(key: tuple, size: int) -> tuple[dict[int, float], tuple[str, ...]]:
    return split_columns(_tone_inputs(*key), size)


@lru_cache(maxsize=64)
def _tone_columns(key: tuple, size: int) -> dict[int, float]:
    """The tone features hashed into `size` columns as counts, the gate's (callers copy before adding)."""
    textual, other = _split_tone_columns(key, size)
    return hashed(other, size, dict(textual))


@lru_cache(maxsize=64)
def _tone_model_columns(key: tuple, size: int) -> dict[int, float]:
    """The tone model's input for a draft (see model_columns)."""
    return model_columns(*_split_tone_columns(key, size), size)


def decide_tone(draft: Draft, rule_tone: list[Finding], privacy: list[Finding]) -> list[Finding]:
    """The tone findings the model accepts: the rule's own finding where one fired, else the label's."""
    model = registry.current().tone
    if model is None:
        return rule_tone
    decided = set(model.decide_columns(_tone_model_columns(_tone_key(draft, rule_tone, privacy), model.size)))
    decided |= {f.label for f in rule_tone if f.rule in model.trusted_rules}
    by_label = {f.label: f for f in rule_tone}
    findings = []
    for label in sorted(decided, key=model.labels.index):
        if label in by_label:
            findings.append(by_label[label])
        else:
            severity = "good" if label in TONE_GOOD else "warn"
            findings.append(tone_finding(label, severity, "learned", None))
    return findings
