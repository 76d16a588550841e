"""Feature hashing: a feature's name to a column of a fixed-size weight table, the same on every machine."""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterable

BITS = 18
SIZE = 1 << BITS


def column(feature: str, size: int = SIZE) -> int:
    """The column this feature name falls in (CRC-32, so stable across runs and Python versions)."""
    return zlib.crc32(feature.encode("utf-8")) % size


def hashed(features: Iterable[str], size: int = SIZE) -> dict[int, float]:
    """Feature names as {column: count}, for a linear model."""
    counts = Counter(column(feature, size) for feature in features)
    return {index: float(number) for index, number in counts.items()}
