"""Feature hashing: a feature's name to a column of a fixed-size weight table, the same on every machine."""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from functools import lru_cache

BITS = 18
SIZE = 1 << BITS


@lru_cache(maxsize=262144)
def column(feature: str, size: int = SIZE) -> int:
    """The column this feature name falls in (CRC-32, so stable across runs and Python versions)."""
    return zlib.crc32(feature.encode("utf-8")) % size


def hashed(features: Iterable[str], size: int = SIZE) -> dict[int, float]:
    """Feature names as {column: count}, for a linear model."""
    counts: dict[int, float] = {}
    for feature in features:
        index = column(feature, size)
        counts[index] = counts.get(index, 0.0) + 1.0
    return counts
