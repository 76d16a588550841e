"""The trained models the engine uses: loaded once from sandbox/feedback/models/, replaceable in tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .linear import LinearModel

MODELS = Path(__file__).resolve().parents[1] / "models"
TONE_FILE = MODELS / "tone.npz"


@dataclass
class Models:
    """The engine's trained parts; a part that is None leaves that decision to the rules alone."""

    tone: LinearModel | None = None


_loaded: Models | None = None
_override = threading.local()
_lock = threading.Lock()


def _load() -> Models:
    return Models(tone=LinearModel.load(TONE_FILE) if TONE_FILE.exists() else None)


def current() -> Models:
    """The models in use: an override set by use(), else the shipped artefacts (loaded on first use)."""
    override = getattr(_override, "models", None)
    if override is not None:
        return override
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _load()
    return _loaded


@contextmanager
def use(models: Models) -> Iterator[None]:
    """Analyse with these models in this thread for the block (evaluation folds, tests)."""
    previous = getattr(_override, "models", None)
    _override.models = models
    try:
        yield
    finally:
        _override.models = previous
