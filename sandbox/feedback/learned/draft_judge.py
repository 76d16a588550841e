"""The draft judge: does a draft hold any privacy detail at all, weighing the gate's view of its words
against the tagger's view of its tokens.

The gate reads the whole draft (words, the rules' marks); the tagger reads each token in its context. Either
alone misjudges drafts the other gets right: a tagger sure of one name in a draft the gate finds bland, a
gate worried by a clinical post in which the tagger sees only faint candidates. The judge is a logistic
regression over a handful of numbers from both (EVIDENCE), fitted on drafts neither model was trained on.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .privacy_tagger import DIRECT, OUTSIDE, likeliest_label

# The tagger's probabilities are read with labels for every token at least this likely to be inside a span.
EVIDENCE_FLOOR = 0.2
LEVELS = (0.3, 0.5, 0.8)  # the judge counts the tokens at least this likely to be inside a span
EVIDENCE = (
    "gate log-odds",
    "most likely token",
    "most likely identifier token",
    "most likely disclosure token",
    *(f"tokens >= {level}" for level in LEVELS),
    "private message",
)


@dataclass(frozen=True)
class DraftJudge:
    """Weights over EVIDENCE, a bias, and the probability from which a draft holds privacy details."""

    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5

    def probability(self, evidence: Sequence[float]) -> float:
        """How likely the draft holds any privacy detail, given its evidence (draft_evidence())."""
        score = self.bias + sum(w * x for w, x in zip(self.weights, evidence, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, score))))

    def holds_privacy(self, evidence: Sequence[float]) -> bool:
        """Whether the draft's evidence reaches the threshold."""
        return self.probability(evidence) >= self.threshold

    def as_dict(self) -> dict:
        """The judge as plain JSON values (for privacy.json)."""
        return {
            "evidence": list(EVIDENCE),
            "weights": list(self.weights),
            "bias": self.bias,
            "threshold": self.threshold,
        }

    @classmethod
    def from_dict(cls, values: dict) -> DraftJudge:
        """A judge written by as_dict(); the evidence it was fitted on must be today's."""
        if tuple(values.get("evidence", ())) != EVIDENCE:
            raise ValueError("the draft judge was fitted on other evidence: run `make train`")
        return cls(
            tuple(float(w) for w in values["weights"]), float(values["bias"]), float(values["threshold"])
        )


def draft_evidence(
    gate_probability: float, token_probabilities: list[dict[str, float]], audience: str
) -> list[float]:
    """The judge's numbers for a draft: the gate's probability and the tagger's per-token probabilities
    (read with a floor of EVIDENCE_FLOOR), in the order of EVIDENCE."""
    likely = min(max(gate_probability, 1e-4), 1 - 1e-4)
    inside = [1.0 - probs[OUTSIDE] for probs in token_probabilities]
    direct = other = 0.0
    for chance, probs in zip(inside, token_probabilities, strict=True):
        if chance <= EVIDENCE_FLOOR or len(probs) == 1:
            continue
        if likeliest_label(probs) in DIRECT:
            direct = max(direct, chance)
        else:
            other = max(other, chance)
    return [
        math.log(likely / (1 - likely)),
        max(inside, default=0.0),
        direct,
        other,
        *(float(sum(chance >= level for chance in inside)) for level in LEVELS),
        float(audience == "private"),
    ]
