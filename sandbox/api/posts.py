"""Platforms, feeds and posts as JSON: the same operations as the pages."""

from __future__ import annotations

from flask import abort, jsonify, request
from flask_login import current_user

from ..errors import InvalidInput, json_error
from ..extensions import db
from ..feeds import queries
from ..feeds.operations import Draft, PauseRequired, create_post, delete_post, edit_post, react
from ..feeds.platforms import PLATFORMS, get_platform
from ..models import Post, PostKind
from ..security import POSTING_ROLES
from . import bp
from .body import flag, ident, json_body, text
from .feedback import FINDING_SCHEMA, REPORT_SCHEMA
from .openapi import document, path_id
from .schemas import (
    PAGE_OF_POSTS,
    PLATFORM_ID,
    PLATFORM_SCHEMA,
    POST_INPUT,
    POST_SCHEMA,
    REACTIONS,
    post_json,
)


def _pause_response(pause: PauseRequired, message: str):
    """409: the strategic pause, with the findings and the safer version; nothing was saved."""
    response, status = json_error(409, message)
    body = response.get_json()
    body["findings"] = [f.to_dict() for f in pause.report.findings]
    body["safer_text"] = pause.report.safer_text
    body["safer_placeholders"] = pause.report.safer_placeholders
    body["photo_flagged"] = list(pause.photo_flagged)
    return jsonify(body), status


def _answer(post: Post, detail: bool = True) -> dict:
    """The post with its counts now, and for its author its findings, history and traces."""
    return post_json(post, queries.feed_item(current_user, post), detail=detail)


def _require_poster() -> None:
    if current_user.role not in POSTING_ROLES:
        abort(403, description="Your role can read the platforms but not post in them.")


def _post_in_reach(post_id: int) -> Post:
    post = db.session.get(Post, post_id)
    if post is None or post.platform not in PLATFORMS:
        abort(404, description="No such post.")
    found = queries.post_for_viewer(current_user, post_id, PLATFORMS[post.platform])
    if found is None:
        abort(404, description="No such post.")
    return found


document(
    "/platforms",
    "get",
    "The four simulated platforms and their rules",
    {"type": "object", "properties": {"items": {"type": "array", "items": PLATFORM_SCHEMA}}},
)


@bp.get("/platforms")
def platforms():
    """The platforms with their limits, audiences and actions."""
    return jsonify(items=[p.to_dict() for p in PLATFORMS.values()], next_cursor=None)


document(
    "/platforms/{platform}/feed",
    "get",
    "A page of a platform's feed (newest first)",
    PAGE_OF_POSTS,
    parameters=[
        {"name": "platform", "in": "path", "required": True, "schema": PLATFORM_ID},
        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
        {"name": "cursor", "in": "query", "schema": {"type": "string"}},
    ],
)


@bp.get("/platforms/<platform>/feed")
def feed(platform: str):
    """A feed page with an opaque cursor for the next one."""
    page = queries.feed_page(
        current_user, get_platform(platform), request.args.get("cursor"), request.args.get("limit", type=int)
    )
    return jsonify(items=[post_json(item.post, item) for item in page.items], next_cursor=page.next_cursor)


document(
    "/posts/{post_id}",
    "get",
    "A post with its thread, findings (for its author), history and traces",
    POST_SCHEMA,
    parameters=[path_id("post_id")],
)


@bp.get("/posts/<int:post_id>")
def post_detail(post_id: int):
    """A post, its replies, and for its author: findings, edit history and captured traces."""
    post = _post_in_reach(post_id)
    body = _answer(post, detail=post.author_user_id == current_user.id)
    body["thread"] = [post_json(item.post, item) for item in queries.thread(current_user, post)]
    return jsonify(body)


document(
    "/posts",
    "post",
    "Create a post, reply, comment, quote, share, DM or owner response",
    POST_SCHEMA,
    requestBody={"required": True, "content": {"application/json": {"schema": POST_INPUT}}},
    responses={
        "201": {
            "description": "Created; carries its findings",
            "content": {"application/json": {"schema": POST_SCHEMA}},
        },
        "409": {
            "description": "Strategic pause: a blocking finding and no override; nothing saved",
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "error": {"type": "object"},
                            "findings": {"type": "array", "items": FINDING_SCHEMA},
                            "safer_text": REPORT_SCHEMA["properties"]["safer_text"],
                            "safer_placeholders": REPORT_SCHEMA["properties"]["safer_placeholders"],
                            "photo_flagged": {
                                "type": "array",
                                "items": {"type": "string"},
                                "description": "What the author said the attached picture shows, when that "
                                "is why the post paused (faces, wristbands, whiteboards, screens, documents)",
                            },
                        },
                    }
                }
            },
        },
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
    },
)


def _draft(data: dict) -> Draft:
    recipient = text(data, "recipient")
    try:
        kind = PostKind(text(data, "kind") or ("dm" if recipient else "post"))
    except ValueError:
        raise InvalidInput("Unknown kind of post.", "kind") from None
    return Draft(
        body=text(data, "body", required=True),
        audience=text(data, "audience", "public"),
        kind=kind,
        parent_id=ident(data, "parent_id"),
        shared_id=ident(data, "shared_id"),
        recipient_handle=recipient,
        identity=text(data, "identity", "personal"),
        override=flag(data, "override"),
        run_id=ident(data, "run_id"),
    )


@bp.post("/posts")
def create():
    """Publish, or answer 409 with the findings when a blocking finding needs the trainee's decision."""
    _require_poster()
    data = json_body()
    platform = get_platform(text(data, "platform", required=True))
    try:
        post, _report = create_post(current_user, platform, _draft(data))
    except PauseRequired as pause:
        db.session.commit()  # keeps the audit record of the paused draft
        return _pause_response(
            pause,
            "This draft has a blocking finding. Revise it, or send it again with "
            '"override": true to post anyway (recorded).',
        )
    db.session.commit()
    return jsonify(_answer(post)), 201


document(
    "/posts/{post_id}",
    "patch",
    "Edit a post's body (history kept; findings recomputed and stored)",
    POST_SCHEMA,
    parameters=[path_id("post_id")],
    e409="The post was deleted, or the edit has a blocking finding and no override (with the findings)",
    requestBody={
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["body"],
                    "properties": {"body": {"type": "string"}, "override": {"type": "boolean"}},
                }
            }
        },
    },
)


@bp.patch("/posts/<int:post_id>")
def edit(post_id: int):
    """Edit one's own post."""
    _require_poster()
    data = json_body()
    post = _post_in_reach(post_id)
    try:
        edit_post(
            current_user,
            PLATFORMS[post.platform],
            post.id,
            text(data, "body", required=True),
            flag(data, "override"),
        )
    except PauseRequired as pause:
        db.session.commit()
        return _pause_response(
            pause, 'The edit has a blocking finding; send it again with "override": true to save.'
        )
    db.session.commit()
    return jsonify(_answer(post))


document(
    "/posts/{post_id}",
    "delete",
    "Soft-delete a post; the answer lists the traces that remain",
    POST_SCHEMA,
    parameters=[path_id("post_id")],
    e409="The post is already deleted",
)


@bp.delete("/posts/<int:post_id>")
def delete(post_id: int):
    """Delete one's own post (it stays stored for review, and captures remain)."""
    _require_poster()
    post = delete_post(current_user, post_id)
    db.session.commit()
    return jsonify(_answer(post))


document(
    "/posts/{post_id}/reactions",
    "post",
    "Like or react (the same kind again takes it back)",
    {"type": "object", "properties": {"kind": {"type": "string", "nullable": True}}},
    parameters=[path_id("post_id")],
    e409="The post was deleted",
    requestBody={
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["kind"],
                    "properties": {
                        "kind": {"type": "string", "enum": REACTIONS, "description": "the platform's"}
                    },
                }
            }
        },
    },
)


@bp.post("/posts/<int:post_id>/reactions")
def reactions(post_id: int):
    """React to a post."""
    _require_poster()
    post = _post_in_reach(post_id)
    kind = text(json_body(), "kind", required=True)
    reaction = react(current_user, PLATFORMS[post.platform], post.id, kind)
    db.session.commit()
    return jsonify(kind=reaction.kind if reaction else None)
