"""Review exports as files for scripts: runs, posts with findings and the audit log, as CSV or JSON."""

from __future__ import annotations

from flask import request
from flask_login import current_user

from ..models import Role
from ..review.export_filters import FILTER_ARGS
from ..review.export_filters import parse_filter as parse_export_filter
from ..review.exports import DATASETS, FORMATS, export_response
from ..security import role_required
from . import bp
from .openapi import ID, document

_DESCRIPTIONS = {
    "runs": "Finished runs with their counts (posts, overridden, deleted, findings, labels)",
    "posts": "Trainee posts with their findings (CSV summarises them; JSON nests the finding objects)",
    "audit": "The audit log (dates and trainee filter it; run filters keep events on those runs)",
}
_PARAMETER_HELP = {
    "from": "First UTC day (YYYY-MM-DD) a run started (or an audit event happened)",
    "to": "Last UTC day, inclusive",
    "overridden": "true: with an overridden warning; false: without",
    "deleted": "true: with a post deleted after posting; false: without",
}
PARAMETERS = [
    {
        "name": name,
        "in": "query",
        "required": False,
        "schema": ID if name.endswith("_id") and name != "scenario_id" else {"type": "string"},
        **({"description": _PARAMETER_HELP[name]} if name in _PARAMETER_HELP else {}),
    }
    for name in FILTER_ARGS
]


def _responses(fmt: str) -> dict:
    media = "text/csv" if fmt == "csv" else "application/json"
    schema = {"type": "string"} if fmt == "csv" else {"type": "array", "items": {"type": "object"}}
    return {
        "200": {
            "description": "The export, streamed as an attachment",
            "content": {media: {"schema": schema}},
        },
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"},
    }


def _export_view(dataset: str, fmt: str):
    @role_required(Role.REVIEWER, Role.ADMIN)
    def view():
        return export_response(dataset, fmt, parse_export_filter(request.args, current_user.organisation_id))

    view.__doc__ = f"Stream the {dataset} export as {fmt.upper()} (reviewers and admins)."
    return view


for _dataset in DATASETS:
    for _fmt in FORMATS:
        document(
            f"/review/exports/{_dataset}.{_fmt}",
            "get",
            f"{_DESCRIPTIONS[_dataset]}, as {_fmt.upper()} (reviewers and admins of the organisation)",
            parameters=PARAMETERS,
            responses=_responses(_fmt),
        )
        bp.add_url_rule(
            f"/review/exports/{_dataset}.{_fmt}",
            endpoint=f"review_export_{_dataset}_{_fmt}",
            view_func=_export_view(_dataset, _fmt),
        )


# The short names API.md gives: the queue's runs, for the queue's filters.
for _fmt in FORMATS:
    document(
        f"/review/export.{_fmt}",
        "get",
        f"The review queue's runs for its filters, as {_fmt.upper()} (as /review/exports/runs.{_fmt})",
        parameters=PARAMETERS,
        responses=_responses(_fmt),
    )
    bp.add_url_rule(
        f"/review/export.{_fmt}", endpoint=f"review_export_{_fmt}", view_func=_export_view("runs", _fmt)
    )
