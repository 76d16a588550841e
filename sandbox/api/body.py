"""JSON request bodies of the API: parsed once, checked (depth, Unicode, NUL), read field by field by type."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from flask import request

from ..errors import InvalidInput
from ..inputs import MAX_ID

MAX_DEPTH = 32
_SURROGATE = re.compile("[\ud800-\udfff]")
_MISSING = object()
_PARSED = "sandbox.json_body"  # kept with the request itself, never shared with another request


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _parse(raw: bytes) -> Any:
    try:
        return json.loads(raw, parse_constant=_refuse_constant)
    except RecursionError:
        raise InvalidInput(f"The JSON body is nested deeper than {MAX_DEPTH} levels.", "body") from None
    except ValueError:
        raise InvalidInput("The body is not valid JSON.", "body") from None


def _check_text(text: str, path: str) -> None:
    if _SURROGATE.search(text):
        raise InvalidInput(f"{path} is not valid Unicode (it holds a lone surrogate such as \\ud800).", path)
    if "\x00" in text:
        raise InvalidInput(f"{path} contains a NUL character (\\u0000); remove it.", path)


def _child_path(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return key if path == "body" else f"{path}.{key}"


def check_json(value: Any) -> None:
    """Refuse JSON nested deeper than MAX_DEPTH, or holding a lone surrogate or NUL in a key or string."""
    stack = [(value, "body", 1)]
    while stack:
        item, path, depth = stack.pop()
        if isinstance(item, str):
            _check_text(item, path)
        elif isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                raise InvalidInput(f"The JSON body is nested deeper than {MAX_DEPTH} levels.", "body")
            pairs = item.items() if isinstance(item, dict) else enumerate(item)
            for key, child in pairs:
                if isinstance(key, str):
                    _check_text(key, path)
                stack.append((child, _child_path(path, key), depth + 1))


def parsed_json() -> Any:
    """The request's JSON body parsed and checked (once per request), or None when none was sent."""
    if _PARSED not in request.environ:
        raw = request.get_data(cache=True) if request.is_json else b""
        payload = _parse(raw) if raw.strip() else None
        check_json(payload)
        request.environ[_PARSED] = payload
    return request.environ[_PARSED]


def json_body(required: bool = True) -> dict[str, Any]:
    """The request's JSON object; {} when none was sent and it is optional; else a 400 naming the problem."""
    payload = parsed_json()
    if payload is None and not required:
        return {}
    if not isinstance(payload, dict):
        raise InvalidInput("Send a JSON object (Content-Type: application/json).", "body")
    return payload


def _value(payload: dict[str, Any], name: str, required: bool) -> Any:
    value = payload.get(name)
    if value is None and required:
        raise InvalidInput(f"{name} is required.", name)
    return _MISSING if value is None else value


def text(
    payload: dict[str, Any], name: str, default: str | None = None, required: bool = False
) -> str | None:
    """A string field (the default when absent or null)."""
    value = _value(payload, name, required)
    if value is _MISSING:
        return default
    if not isinstance(value, str):
        raise InvalidInput(f"{name} must be a string.", name)
    return value


def ident(payload: dict[str, Any], name: str, required: bool = False) -> int | None:
    """An id field: a whole number from 1 to the id column's maximum (None when absent or null)."""
    value = _value(payload, name, required)
    if value is _MISSING:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_ID:
        raise InvalidInput(f"{name} must be an id: a whole number from 1 to {MAX_ID}.", name)
    return value


def flag(payload: dict[str, Any], name: str, default: bool = False) -> bool:
    """A true/false field (the default when absent or null)."""
    value = _value(payload, name, False)
    if value is _MISSING:
        return default
    if not isinstance(value, bool):
        raise InvalidInput(f"{name} must be true or false.", name)
    return value


def number(payload: dict[str, Any], name: str, required: bool = False) -> float | None:
    """A finite number field (None when absent or null)."""
    value = _value(payload, name, required)
    if value is _MISSING:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise InvalidInput(f"{name} must be a number.", name)
    return float(value)
