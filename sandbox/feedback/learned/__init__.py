"""Learned components of the feedback engine: features, and the trained models that judge candidates.

Everything here runs from artefacts kept in `sandbox/feedback/models/` (built by `make train` from the
data under `tests/feedback/data/`); nothing downloads, and the package imports without Flask.
"""
