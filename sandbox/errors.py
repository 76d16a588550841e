"""Error pages for people and JSON errors for the API."""

from __future__ import annotations

from flask import Flask, current_app, jsonify, make_response, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "unprocessable",
    429: "rate_limited",
    500: "server_error",
}


class InvalidInput(ValueError):
    """Bad input from a person or API client, with the field it concerns; nothing was changed."""

    def __init__(self, message: str, field: str | None = None, status: int = 400) -> None:
        super().__init__(message)
        self.message, self.field, self.status = message, field, status


def wants_json() -> bool:
    """Whether this request should get a JSON error rather than a page."""
    return request.path.startswith("/api/")


def json_error(status: int, message: str, field: str | None = None):
    """Build the API's error response: {"error": {"code", "message", "field"?}}."""
    body: dict = {"code": CODES.get(status, "error"), "message": message}
    if field:
        body["field"] = field
    return jsonify(error=body), status


def _handle_http(error: HTTPException):
    status = error.code or 500
    if wants_json():
        response, _status = json_error(status, error.description or "")
    else:
        template = f"errors/{status}.html" if status in (403, 404, 429, 500) else "errors/generic.html"
        response = make_response(render_template(template, error=error, status=status))
    response.status_code = status
    for name, value in error.get_headers():  # Allow on a 405, for one
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _handle_csrf(error: CSRFError):
    message = (
        "The form expired or was sent from elsewhere (missing or invalid CSRF token). Reload and try again."
    )
    if wants_json():
        return json_error(400, message, field="csrf_token")
    return render_template("errors/generic.html", error=error, status=400, message=message), 400


def _handle_unexpected(error: Exception):
    current_app.logger.exception("unhandled error on %s", request.path)
    return _handle_http(InternalServerError())


def _handle_invalid_input(error: InvalidInput):
    if wants_json():
        return json_error(error.status, error.message, field=error.field)
    return render_template("errors/generic.html", status=error.status, message=error.message), error.status


def init_errors(app: Flask) -> None:
    """Register the error handlers: bad input answers its own status and message, as a page or as JSON."""
    app.register_error_handler(InvalidInput, _handle_invalid_input)
    app.register_error_handler(CSRFError, _handle_csrf)
    app.register_error_handler(HTTPException, _handle_http)
    if not app.testing:
        app.register_error_handler(Exception, _handle_unexpected)
