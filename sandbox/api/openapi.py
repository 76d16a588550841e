"""The OpenAPI 3 document: each feature documents its routes here with document()."""

from __future__ import annotations

import copy
import re
from typing import Any

from ..inputs import MAX_ID

_PATHS: dict[str, dict[str, Any]] = {}
ID = {"type": "integer", "minimum": 1, "maximum": MAX_ID}  # ids are 32-bit columns; larger ones are 404/400

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "field": {"type": "string"},
            },
        }
    },
}
COMPONENTS: dict[str, Any] = {
    "securitySchemes": {
        "bearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token from the account page",
        },
        "session": {
            "type": "apiKey",
            "in": "cookie",
            "name": "session",
            "description": "The browser session; unsafe methods also need the X-CSRFToken header",
        },
    },
    "schemas": {"Error": ERROR_SCHEMA},
    "responses": {
        name: {
            "description": text,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for name, text in [
            ("BadRequest", "Bad input; the field is named"),
            ("Unauthorized", "Not logged in"),
            ("Forbidden", "Not allowed for this role"),
            ("NotFound", "No such resource"),
            ("Conflict", "Not possible in the resource's current state"),
            ("TooLarge", "The request is too large"),
        ]
    },
}


ERROR_REFS = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    409: "Conflict",
    413: "TooLarge",
}
DEFAULT_ERRORS = (400, 401, 403, 404)  # any operation may answer these (bad input, login, role, no such id)


def path_id(name: str) -> dict[str, Any]:
    """A path parameter holding an id."""
    return {"name": name, "in": "path", "required": True, "schema": ID}


def responses(
    schema: dict[str, Any] | None = None,
    status: int = 200,
    description: str = "OK",
    media: str = "application/json",
    **errors: str,
) -> dict[str, Any]:
    """A responses object: success, 401, and each error as e409="why" ("" for the shared wording)."""
    result: dict[str, Any] = {
        str(status): {"description": description, "content": {media: {"schema": schema or {}}}},
        "401": {"$ref": "#/components/responses/Unauthorized"},
    }
    result.update(_errors(errors))
    return result


def _errors(errors: dict[str, str]) -> dict[str, Any]:
    """Error responses given as e409="why" ("" for the shared wording), each an Error object."""
    result: dict[str, Any] = {}
    for name, text in errors.items():
        code = int(name.removeprefix("e"))
        if text or code not in ERROR_REFS:
            error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
            result[str(code)] = {"description": text or "Error", "content": error}
        else:
            result[str(code)] = {"$ref": f"#/components/responses/{ERROR_REFS[code]}"}
    return result


def document(
    path: str, method: str, summary: str, response_schema: dict[str, Any] | None = None, **extra: Any
) -> None:
    """Describe one API operation (path relative to /api/v1); e409="why" adds an error response."""
    operation: dict[str, Any] = {
        "summary": summary,
        "responses": {
            "200": {"description": "OK", "content": {"application/json": {"schema": response_schema or {}}}},
            "401": {"$ref": "#/components/responses/Unauthorized"},
        },
    }
    responses = extra.pop("responses", None)
    if responses:
        operation["responses"] = responses
    errors = {name: extra.pop(name) for name in list(extra) if re.fullmatch(r"e\d{3}", name)}
    operation["responses"].update(_errors(errors))
    for code in DEFAULT_ERRORS:
        operation["responses"].setdefault(str(code), {"$ref": f"#/components/responses/{ERROR_REFS[code]}"})
    operation.update(extra)
    _PATHS.setdefault(path, {})[method.lower()] = operation


def spec() -> dict[str, Any]:
    """Return the whole OpenAPI document."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Social platform practice sandbox API",
            "version": "1",
            "description": "The same operations as the pages, as JSON. Lists are paginated with ?limit= "
            'and an opaque cursor; errors are {"error": {"code", "message"}}.',
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}, {"session": []}],
        "paths": copy.deepcopy(_PATHS),
        "components": copy.deepcopy(COMPONENTS),
    }
