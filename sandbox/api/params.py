"""Query-string parameters of the JSON API, read with clear errors that name the parameter."""

from __future__ import annotations

from flask import request

from ..errors import InvalidInput
from ..inputs import MAX_ID, whole_number


def query_int(
    name: str,
    default: int | None = None,
    low: int = 0,
    high: int = MAX_ID,
    empty_is_absent: bool = False,
) -> int | None:
    """A whole-number query parameter (the default when absent), within low..high."""
    raw = request.args.get(name)
    if raw is not None and not raw.strip() and not empty_is_absent:
        raise InvalidInput(f"{name} must be a whole number.", name)
    return whole_number(raw, name, default, low, high)
