"""The feedback engine: privacy spans and tone labels for a draft. Pure Python, no app needed."""

from .engine import analyze, safer_version
from .model import PRIVACY_LABELS, TONE_LABELS, Finding, Report
from .rewrite import natural_version

__all__ = [
    "PRIVACY_LABELS",
    "TONE_LABELS",
    "Finding",
    "Report",
    "analyze",
    "natural_version",
    "safer_version",
]
