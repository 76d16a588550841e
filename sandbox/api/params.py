"""Query-string parameters of the JSON API, read with clear errors that name the parameter."""

from __future__ import annotations

from flask import request

from ..errors import InvalidInput


def query_int(
    name: str,
    default: int | None = None,
    low: int | None = None,
    high: int | None = None,
    empty_is_absent: bool = False,
) -> int | None:
    """A whole-number query parameter (the default when absent), within low..high when they are given."""
    raw = request.args.get(name)
    if raw is None or (empty_is_absent and raw == ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidInput(f"{name} must be a whole number.", name) from None
    if (low is not None and value < low) or (high is not None and value > high):
        raise InvalidInput(f"{name} must be between {low} and {high if high is not None else 'any'}.", name)
    return value
