"""The trained models the engine uses: loaded once from sandbox/feedback/models/, replaceable in tests."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .draft_judge import DraftJudge
from .linear import LinearModel
from .privacy_tagger import PrivacyTagger

MODELS = Path(__file__).resolve().parents[1] / "models"
TONE_FILE = MODELS / "tone.npz"
GATE_FILE = MODELS / "privacy_gate.npz"
PRIVACY_FILE = MODELS / "privacy.crfsuite"
SETTINGS_FILE = MODELS / "privacy.json"


@dataclass
class Models:
    """The engine's trained parts; a part that is None leaves that decision to the rules alone."""

    tone: LinearModel | None = None
    privacy: PrivacyTagger | None = None
    gate: LinearModel | None = None  # does the draft hold any privacy detail at all? (one label)
    judge: DraftJudge | None = None  # weighs the gate and the tagger (none: no draft held back)


_loaded: Models | None = None
_override = threading.local()
_lock = threading.Lock()


def _load() -> Models:
    if not PRIVACY_FILE.exists():
        return Models(tone=LinearModel.load(TONE_FILE) if TONE_FILE.exists() else None)
    settings = json.loads(SETTINGS_FILE.read_text(encoding="utf-8"))
    return Models(
        tone=LinearModel.load(TONE_FILE) if TONE_FILE.exists() else None,
        privacy=PrivacyTagger(PRIVACY_FILE, settings["threshold"], settings.get("sure", 1.01)),
        gate=LinearModel.load(GATE_FILE),
        judge=DraftJudge.from_dict(settings.get("judge", {})),
    )


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
