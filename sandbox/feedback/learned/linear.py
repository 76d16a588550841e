"""A multi-label linear model over hashed features: one logistic regression and one threshold per label."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .hashing import SIZE, hashed


@dataclass
class LinearModel:
    """Weights (labels x columns), biases and decision thresholds per label, and the artefact's version."""

    labels: tuple[str, ...]
    weights: np.ndarray  # float32, shape (len(labels), size)
    biases: np.ndarray  # float32, shape (len(labels),)
    thresholds: np.ndarray  # float32, shape (len(labels),)
    version: str = ""
    trusted_rules: tuple[str, ...] = ()  # rules precise enough in training that their findings always stand

    @property
    def size(self) -> int:
        """How many hashed columns the model has."""
        return int(self.weights.shape[1])

    def probabilities(self, features: list[str]) -> dict[str, float]:
        """Each label's probability for a draft with these features."""
        return self.column_probabilities(hashed(features, self.size))

    def column_probabilities(self, columns: dict[int, float]) -> dict[str, float]:
        """Each label's probability for a draft with these hashed features ({column: count})."""
        index = np.fromiter(columns.keys(), dtype=np.int64, count=len(columns))
        values = np.fromiter(columns.values(), dtype=np.float32, count=len(columns))
        scores = np.clip(self.weights[:, index] @ values + self.biases, -40.0, 40.0)
        return {label: _sigmoid(float(s)) for label, s in zip(self.labels, scores, strict=True)}

    def decide(self, features: list[str]) -> dict[str, float]:
        """The labels whose probability reaches their threshold, with that probability."""
        return self.decide_columns(hashed(features, self.size))

    def decide_columns(self, columns: dict[int, float]) -> dict[str, float]:
        """The labels whose probability reaches their threshold, given hashed features ({column: count})."""
        probs = self.column_probabilities(columns)
        pairs = zip(self.labels, probs.values(), self.thresholds, strict=True)
        return {label: p for label, p, threshold in pairs if p >= threshold}

    def save(self, path: Path) -> None:
        """Write the model as a compressed NumPy archive (weights kept as float16)."""
        np.savez_compressed(
            path,
            labels=np.array(self.labels),
            weights=self.weights.astype(np.float16),
            biases=self.biases,
            thresholds=self.thresholds,
            version=np.array(self.version),
            trusted_rules=np.array(self.trusted_rules, dtype=str),
        )

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        """Read a model written by save()."""
        with np.load(path) as data:
            return cls(
                labels=tuple(str(label) for label in data["labels"]),
                weights=data["weights"].astype(np.float32),
                biases=data["biases"].astype(np.float32),
                thresholds=data["thresholds"].astype(np.float32),
                version=str(data["version"]),
                trusted_rules=tuple(str(rule) for rule in data["trusted_rules"])
                if "trusted_rules" in data
                else (),
            )


def _sigmoid(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-score))


def empty(labels: tuple[str, ...], size: int = SIZE) -> LinearModel:
    """A model that decides nothing (for tests and before training)."""
    zeros = np.zeros(len(labels), dtype=np.float32)
    return LinearModel(labels, np.zeros((len(labels), size), dtype=np.float32), zeros, zeros + 1.0)
