"""Untrusted input read one way app-wide: ids in URLs, whole numbers, instants, text without NUL bytes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime

from flask import Flask, request
from werkzeug.routing import IntegerConverter

from .errors import InvalidInput

MAX_ID = 2**31 - 1  # ids are 32-bit INTEGER columns on PostgreSQL
_WHOLE = re.compile(r"-?[0-9]+")
_MAX_DIGITS = 12  # more digits than any bound here allows: refused before int() reads them


def digits_up_to(limit: int) -> str:
    """A regular expression for the decimal numbers 0..limit (leading zeros allowed)."""
    text = str(limit)
    parts = [f"[0-9]{{1,{len(text) - 1}}}"] if len(text) > 1 else []
    for i, digit in enumerate(text):
        rest = len(text) - i - 1
        if digit != "0":
            parts.append(f"{text[:i]}[0-{int(digit) - 1}]" + (f"[0-9]{{{rest}}}" if rest else ""))
    return f"0*(?:{'|'.join([*parts, text])})"


class IdConverter(IntegerConverter):
    """Every `<int:...>` in the URL map: 0..MAX_ID, so a larger number matches no route at all (404)."""

    regex = digits_up_to(MAX_ID)

    def __init__(self, map, fixed_digits: int = 0, min: int | None = None, max: int | None = MAX_ID) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max)


def whole_number(
    raw: str | None, name: str, default: int | None = None, low: int = 0, high: int = MAX_ID
) -> int | None:
    """A whole number typed into a query string or form (the default when blank), within low..high."""
    text = (raw or "").strip()
    if not text:
        return default
    if not _WHOLE.fullmatch(text):
        raise InvalidInput(f"{name} must be a whole number.", name)
    if len(text.lstrip("-")) > _MAX_DIGITS or not low <= int(text) <= high:
        raise InvalidInput(f"{name} must be a whole number from {low} to {high}.", name)
    return int(text)


def instant(raw: str, name: str, naive_is_utc: bool = True) -> datetime:
    """An ISO 8601 date and time in UTC; one without a zone is UTC, or refused when naive_is_utc is off."""
    example = "2026-11-24T09:00:00+00:00"
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(f"{name} must be a date and time like {example}.", name) from None
    if value.tzinfo is None and not naive_is_utc:
        raise InvalidInput(f"{name} needs a time zone, like {example}.", name)
    try:
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    except OverflowError:
        raise InvalidInput(f"{name} is out of range: years 1 to 9999 in UTC.", name) from None


def refuse_nul(values: Iterable[tuple[str, object]]) -> None:
    """Refuse text carrying a NUL byte (no database stores it), naming the field."""
    for name, value in values:
        if "\x00" in name or (isinstance(value, str) and "\x00" in value):
            field = name.replace("\x00", "")
            raise InvalidInput(f"{field} contains a NUL character (\\0); remove it.", field)


def _refuse_nul_in_request() -> None:
    refuse_nul((request.view_args or {}).items())
    refuse_nul(request.args.items(multi=True))
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        refuse_nul(request.form.items(multi=True))


def init_inputs(app: Flask) -> None:
    """Bound `<int:...>` URL ids (call before blueprints), and refuse NUL bytes in paths, queries, forms."""
    app.url_map.converters["int"] = IdConverter
    app.before_request(_refuse_nul_in_request)
