"""The privacy tagger: a linear-chain CRF over tokens whose per-token probabilities become spans."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from .tokens import Token

OUTSIDE = "O"
# Identifiers that stand on their own: a sure one stands even where the gate sees no privacy detail.
DIRECT = frozenset({"NAME", "AGE", "CONTACT", "ID", "WEB"})


@dataclass(frozen=True)
class TaggedSpan:
    """A run of tokens the tagger gives one privacy label, with its most confident token's probability."""

    start: int
    end: int
    label: str
    confidence: float


class PrivacyTagger:
    """A trained CRF (a crfsuite model file) and the probability above which a token is flagged."""

    def __init__(self, path: Path, threshold: float = 0.4, sure: float = 1.01) -> None:
        # sure: a span this probable stands even in a draft the gate judges free of privacy details
        self.path, self.threshold, self.sure = Path(path), threshold, sure
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path))
        self._labels = [label for label in self._tagger.labels() if label != OUTSIDE]
        self._lock = threading.Lock()  # a crfsuite Tagger holds the sequence it was last given

    def probabilities(self, features: list[dict[str, object]], floor: float = 0.0) -> list[dict[str, float]]:
        """For each token, the probability of each tag (O, B-NAME, ...); for a token whose chance of being
        inside a span is at most `floor`, only O's."""
        if not features:
            return []
        with self._lock:
            self._tagger.set(features)
            out = []
            for index in range(len(features)):
                outside = self._tagger.marginal(OUTSIDE, index)
                probs = {OUTSIDE: outside}
                if 1.0 - outside > floor:
                    probs.update((name, self._tagger.marginal(name, index)) for name in self._labels)
                out.append(probs)
            return out

    def sure_identifiers(self, spans: list[TaggedSpan]) -> list[TaggedSpan]:
        """The spans that are direct identifiers the tagger is sure of (at least `sure` probable)."""
        return [span for span in spans if span.label in DIRECT and span.confidence >= self.sure]

    def spans(self, tokens: list[Token], probabilities: list[dict[str, float]]) -> list[TaggedSpan]:
        """The runs of tokens that are privacy details with probability above the threshold, given the
        tokens' probabilities (from probabilities() with a floor no higher than the threshold).

        A run holds consecutive tokens of one label; punctuation at either end is left out of it.
        """
        runs: list[tuple[str, list[int], float]] = []
        for index, probs in enumerate(probabilities):
            inside = 1.0 - probs[OUTSIDE]
            if inside <= self.threshold:
                continue
            label = likeliest_label(probs)
            if runs and runs[-1][0] == label and runs[-1][1][-1] == index - 1:
                runs[-1][1].append(index)
                runs[-1] = (label, runs[-1][1], max(runs[-1][2], inside))
            else:
                runs.append((label, [index], inside))
        return [span for label, run, sure in runs if (span := _trimmed(tokens, run, label, sure))]


def likeliest_label(probs: dict[str, float]) -> str:
    """The privacy label (NAME, not B-NAME) of a token's likeliest tag other than O; its probabilities must
    have been read with labels (above the floor)."""
    return max((tag for tag in probs if tag != OUTSIDE), key=probs.__getitem__)[2:]


def _trimmed(tokens: list[Token], run: list[int], label: str, sure: float) -> TaggedSpan | None:
    words = [i for i in run if tokens[i].kind != "other"]
    if not words:
        return None
    return TaggedSpan(tokens[words[0]].start, tokens[words[-1]].end, label, sure)
