"""Build the shipped artefacts from the labelled data: `make train` (fixed data, deterministic fits).

python -m sandbox.feedback.training.train     # writes sandbox/feedback/models/*
"""

from __future__ import annotations

import hashlib
import json
import sys
import time

from ..learned import registry
from . import data
from .privacy import train_privacy
from .rows import prepare
from .tone import train_tone


def data_version(rows: list[dict]) -> str:
    """A short digest of the training rows, kept in each artefact so it says what it was built from."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update(f"{row['id']}\t{row['text']}\t{row['spans']}\t{row['tone']}\n".encode())
    return digest.hexdigest()[:12]


def main() -> int:
    """Train every model on all the data and write it to sandbox/feedback/models/."""
    started = time.perf_counter()
    rows, tone_only = data.corpus() + data.extra_sets(), data.tone_only_sets()
    version = f"{len(rows)} rows + {len(tone_only)} tone-only, data {data_version(rows + tone_only)}"
    prepared = [prepare(row) for row in rows]
    registry.MODELS.mkdir(exist_ok=True)
    tone = train_tone(prepared + [prepare(row) for row in tone_only], version)
    tone.save(registry.TONE_FILE)
    size = registry.TONE_FILE.stat().st_size
    print(f"tone model: {registry.TONE_FILE.name}, {size / 1e6:.1f} MB, {version}")
    print(f"thresholds: {dict(zip(tone.labels, tone.thresholds.round(3).tolist(), strict=True))}")
    privacy = train_privacy(prepared, registry.PRIVACY_FILE)
    privacy.gate.version = version
    privacy.gate.save(registry.GATE_FILE)
    settings = {
        "threshold": privacy.threshold,
        "sure": privacy.sure,
        "judge": privacy.judge.as_dict(),
        "version": version,
    }
    registry.SETTINGS_FILE.write_text(json.dumps(settings, indent=1) + "\n", encoding="utf-8")
    size = registry.PRIVACY_FILE.stat().st_size + registry.GATE_FILE.stat().st_size
    print(f"privacy tagger and gate: {size / 1e6:.1f} MB, thresholds {settings}")
    print(f"trained in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
