"""Feature hashing: a feature's name to a column of a fixed-size weight table, the same on every machine."""

from __future__ import annotations

import zlib
from collections.abc import Iterable

BITS = 18
SIZE = 1 << BITS
_CACHE_LIMIT = 1 << 18
_columns: dict[tuple[str, int], int] = {}  # a plain dict: far cheaper per lookup than lru_cache


def column(feature: str, size: int = SIZE) -> int:
    """The column this feature name falls in (CRC-32, so stable across runs and Python versions)."""
    key = (feature, size)
    index = _columns.get(key)
    if index is None:
        if len(_columns) >= _CACHE_LIMIT:
            _columns.clear()
        index = _columns[key] = zlib.crc32(feature.encode("utf-8")) % size
    return index


def hashed(features: Iterable[str], size: int = SIZE) -> dict[int, float]:
    """Feature names as {column: count}, for a linear model."""
    counts: dict[int, float] = {}
    get, known = counts.get, _columns.get
    for feature in features:
        index = known((feature, size))
        if index is None:
            index = column(feature, size)
        counts[index] = get(index, 0.0) + 1.0
    return counts
