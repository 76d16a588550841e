"""Feature hashing: a feature's name to a column of a fixed-size weight table, the same on every machine."""

from __future__ import annotations

import zlib
from collections.abc import Iterable

BITS = 18
SIZE = 1 << BITS
_CACHE_LIMIT = 1 << 18
_columns: dict[int, dict[str, int]] = {}  # per table size, name -> column: plain dicts, cheap per lookup


def column(feature: str, size: int = SIZE) -> int:
    """The column this feature name falls in (CRC-32, so stable across runs and Python versions)."""
    known = _columns.setdefault(size, {})
    index = known.get(feature)
    if index is None:
        if len(known) >= _CACHE_LIMIT:
            known.clear()
        index = known[feature] = zlib.crc32(feature.encode("utf-8")) % size
    return index


def hashed(
    features: Iterable[str], size: int = SIZE, counts: dict[int, float] | None = None
) -> dict[int, float]:
    """Feature names as {column: count}, for a linear model; added to `counts` when given."""
    counts = {} if counts is None else counts
    get, known = counts.get, _columns.setdefault(size, {}).get
    for feature in features:
        index = known(feature)
        if index is None:
            index = column(feature, size)
        counts[index] = get(index, 0.0) + 1.0
    return counts
