"""POST /api/v1/feedback: the feedback engine's report for a draft; nothing is stored."""

from __future__ import annotations

from flask import jsonify
from flask_login import current_user

from ..errors import InvalidInput
from ..feedback import analyze
from ..feedback.model import AUDIENCES, FINDING_FIELDS, PLATFORMS
from ..feeds.platforms import PLATFORMS as PLATFORMS_BY_ID
from ..feeds.queries import post_for_viewer
from ..scenarios.runs import facts_of, own_run
from . import bp
from .body import ident, json_body, text
from .openapi import ID, document

MAX_DRAFT_CHARS = 20_000

FINDING_SCHEMA = {
    "type": "object",
    "required": list(FINDING_FIELDS),
    "properties": {
        "kind": {"type": "string", "enum": ["privacy", "tone"]},
        "label": {"type": "string"},
        "severity": {"type": "string", "enum": ["block", "warn", "info", "good"]},
        "start": {"type": "integer", "nullable": True},
        "end": {"type": "integer", "nullable": True},
        "text": {"type": "string"},
        "rule": {"type": "string"},
        "message": {"type": "string"},
        "suggestion": {"type": "string"},
        "source": {"type": "string"},
    },
}
REPORT_SCHEMA = {
    "type": "object",
    "properties": {
        "platform": {"type": "string"},
        "audience": {"type": "string"},
        "blocking": {"type": "boolean"},
        "labels": {"type": "array", "items": {"type": "string"}},
        "findings": {"type": "array", "items": FINDING_SCHEMA},
        "safer_text": {
            "type": "string",
            "description": "the draft rewritten to read as a post without the flagged details",
        },
        "safer_placeholders": {
            "type": "string",
            "description": "the draft with each flagged detail as [name], [date]...",
        },
    },
}
document(
    "/feedback",
    "post",
    "Privacy and tone feedback on a draft (nothing stored)",
    REPORT_SCHEMA,
    e413="",
    requestBody={
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {
                        "text": {"type": "string", "maxLength": MAX_DRAFT_CHARS},
                        "platform": {"type": "string", "enum": list(PLATFORMS), "default": "microblog"},
                        "audience": {"type": "string", "enum": list(AUDIENCES), "default": "public"},
                        "run_id": {**ID, "description": "a scenario run whose facts apply"},
                        "parent_id": {
                            **ID,
                            "description": "the post the draft answers (advice given in answer to "
                            "emergency warning signs there is a blocking finding)",
                        },
                    },
                }
            }
        },
    },
)


def _choice(payload: dict, field: str, choices: tuple[str, ...], default: str) -> str:
    value = text(payload, field, default)
    if value not in choices:
        raise InvalidInput(f"{field} must be one of: {', '.join(choices)}.", field)
    return value


@bp.post("/feedback")
def feedback():
    """Analyse a draft and return the report."""
    payload = json_body()
    draft = text(payload, "text", required=True)
    if len(draft) > MAX_DRAFT_CHARS:
        raise InvalidInput(f"'text' is longer than {MAX_DRAFT_CHARS} characters.", "text", status=413)
    platform = _choice(payload, "platform", PLATFORMS, "microblog")
    audience = _choice(payload, "audience", AUDIENCES, "public")
    facts = _facts_for(ident(payload, "run_id"))
    context = _answered(ident(payload, "parent_id"), platform)
    report = analyze(draft, platform=platform, audience=audience, facts=facts, context=context)
    return jsonify(report.to_dict())


def _answered(post_id: int | None, platform: str) -> str | None:
    """The words of the post the draft answers, when the caller may see it."""
    if post_id is None:
        return None
    post = post_for_viewer(current_user, post_id, PLATFORMS_BY_ID[platform])
    if post is None:
        raise InvalidInput("That post does not exist or is not yours to see.", "parent_id", status=404)
    return post.body


def _facts_for(run_id: int | None) -> list[dict] | None:
    """The patient facts of the caller's own run, when a run_id is given."""
    if run_id is None:
        return None
    return facts_of(own_run(current_user, run_id))
