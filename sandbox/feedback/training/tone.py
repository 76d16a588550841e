"""Training the tone model: a logistic regression per label on hashed features; thresholds by author."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from ..learned.decide import tone_inputs
from ..learned.hashing import SIZE, hashed
from ..learned.linear import LinearModel
from ..learned.tone_features import model_columns, split_columns
from ..model import TONE_LABELS
from .rows import Prepared
from .trust import trusted_tone_rules

C = 0.5
THRESHOLDS = np.round(np.arange(0.10, 0.91, 0.025), 3)
TOLERANCE = 0.01  # F1 this close to the best counts as the best (see _steady_threshold)


def matrix(rows: list[Prepared], size: int = SIZE) -> sparse.csr_matrix:
    """The rows' tone model inputs (see model_columns) as a sparse matrix."""
    inputs = (tone_inputs(p.draft, p.rule_tone, p.privacy) for p in rows)
    return columns_matrix([model_columns(*split_columns(features, size), size) for features in inputs], size)


def feature_matrix(feature_lists: list[list[str]], size: int = SIZE) -> sparse.csr_matrix:
    """Lists of feature names, hashed as counts, as a sparse matrix (one row per list)."""
    return columns_matrix([hashed(features, size) for features in feature_lists], size)


def columns_matrix(rows: list[dict[int, float]], size: int = SIZE) -> sparse.csr_matrix:
    """Rows of {column: value} as a sparse matrix."""
    data, indices, indptr = [], [], [0]
    for columns in rows:
        indices.extend(columns.keys())
        data.extend(columns.values())
        indptr.append(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), size), dtype=np.float32)


def targets(rows: list[Prepared]) -> np.ndarray:
    """A 0/1 column per tone label."""
    return np.array([[label in p.row["tone"] for label in TONE_LABELS] for p in rows], dtype=np.int8)


def annotated(rows: list[Prepared]) -> np.ndarray:
    """Per row and label, whether the row was labelled for it (a public set labels one label only)."""
    return np.array([[label in p.known_tone for label in TONE_LABELS] for p in rows], dtype=bool)


def _fit(x: sparse.csr_matrix, y: np.ndarray, known: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    weights = np.zeros((y.shape[1], x.shape[1]), dtype=np.float32)
    biases = np.full(y.shape[1], -10.0, dtype=np.float32)
    for k in range(y.shape[1]):
        rows = np.flatnonzero(known[:, k])
        if not len(rows) or y[rows, k].min() == y[rows, k].max():
            continue
        model = LogisticRegression(
            C=C, solver="liblinear", class_weight="balanced", max_iter=200, random_state=0
        )
        model.fit(x[rows], y[rows, k])
        weights[k], biases[k] = model.coef_[0], model.intercept_[0]
    return weights, biases


def _best_thresholds(x, y, known, groups, folds: int = 4) -> np.ndarray:
    """Per label, the threshold that maximises F1 on out-of-fold predictions (folds by author)."""
    probs = np.zeros(y.shape, dtype=np.float32)
    for train, held in GroupKFold(n_splits=min(folds, len(set(groups)))).split(x, y, groups):
        weights, biases = _fit(x[train], y[train], known[train])
        probs[held] = 1 / (1 + np.exp(-(x[held] @ weights.T + biases)))
    best = np.full(y.shape[1], 0.5, dtype=np.float32)
    for k in range(y.shape[1]):
        rows = known[:, k]
        f1s = np.array([_f1(y[rows, k], probs[rows, k] >= t) for t in THRESHOLDS])
        best[k] = _steady_threshold(f1s)
    return best


def _steady_threshold(f1s: np.ndarray) -> float:
    """The threshold nearest 0.5 whose F1 is within TOLERANCE of the best.

    The F1 curves are flat near their top, so the exact argmax moves with the folds; a balanced logistic
    regression is calibrated around 0.5, and a threshold far from it on a flat curve only adds variance.
    """
    near_best = np.flatnonzero(f1s >= f1s.max() - TOLERANCE)
    return float(THRESHOLDS[near_best[np.argmin(np.abs(THRESHOLDS[near_best] - 0.5))]])


def _f1(truth: np.ndarray, guess: np.ndarray) -> float:
    tp = int((truth & guess).sum())
    return 2 * tp / max(int(truth.sum()) + int(guess.sum()), 1)


def train_tone(rows: list[Prepared], version: str = "") -> LinearModel:
    """Fit the tone model on these rows; thresholds come from folds over their authors."""
    x, y, known = matrix(rows), targets(rows), annotated(rows)
    thresholds = _best_thresholds(x, y, known, [p.author for p in rows])
    weights, biases = _fit(x, y, known)
    return LinearModel(TONE_LABELS, weights, biases, thresholds, version, trusted_tone_rules(rows))
