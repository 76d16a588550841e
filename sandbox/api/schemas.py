"""JSON shapes shared by the API's post routes, and the function that builds a post's JSON."""

from __future__ import annotations

from flask_login import current_user

from ..feedback.model import FINDING_FIELDS
from ..feeds.authors import shown_author
from ..feeds.platforms import PLATFORMS
from ..feeds.queries import FeedItem
from ..models import Post, User
from .openapi import ID

AUTHOR = {
    "type": "object",
    "description": "who wrote it, as the caller may see them: in a live session's shared room, "
    "other trainees appear under the name they joined with",
    "properties": {
        "type": {"type": "string", "enum": ["persona", "user"]},
        "id": {
            "type": "integer",
            "nullable": True,
            "description": "null when the author is a trainee shown to you under a pseudonym",
        },
        "name": {"type": "string"},
        "handle": {"type": "string", "nullable": True},
        "real_name": {
            "type": "string",
            "description": "the account's name behind a pseudonym (the session's staff only)",
        },
    },
}
POST_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "platform": {"type": "string"},
        "kind": {"type": "string"},
        "audience": {"type": "string"},
        "body": {"type": "string", "nullable": True},
        "author": AUTHOR,
        "parent_id": {"type": "integer", "nullable": True},
        "shared_id": {"type": "integer", "nullable": True},
        "rating": {"type": "integer", "nullable": True},
        "created_at": {"type": "string", "format": "date-time"},
        "edited_at": {"type": "string", "nullable": True},
        "deleted_at": {"type": "string", "nullable": True},
        "replies": {"type": "integer"},
        "reactions": {"type": "integer"},
        "findings": {"type": "array", "items": {"type": "object"}},
        "overridden": {"type": "boolean"},
        "history": {"type": "array", "items": {"type": "object"}},
        "traces": {"type": "array", "items": {"type": "object"}},
        "thread": {"type": "array", "items": {"type": "object"}},
    },
}
PAGE_OF_POSTS = {
    "type": "object",
    "properties": {
        "items": {"type": "array", "items": POST_SCHEMA},
        "next_cursor": {"type": "string", "nullable": True},
    },
}
PLATFORM_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "name": {"type": "string"},
        "genre": {"type": "string"},
        "char_limit": {"type": "integer"},
        "audiences": {"type": "array", "items": {"type": "object"}},
        "reactions": {"type": "array", "items": {"type": "string"}},
    },
}
PLATFORM_ID = {"type": "string", "enum": list(PLATFORMS)}
AUDIENCES = sorted({choice.value.value for p in PLATFORMS.values() for choice in p.audiences})
REACTIONS = sorted({kind for p in PLATFORMS.values() for kind in p.reactions})
POST_INPUT = {
    "type": "object",
    "required": ["platform", "body"],
    "properties": {
        "platform": PLATFORM_ID,
        "body": {"type": "string"},
        "audience": {"type": "string", "enum": AUDIENCES, "description": "one the platform offers"},
        "kind": {
            "type": "string",
            "enum": ["post", "reply", "comment", "quote", "share", "dm", "owner_response"],
        },
        "parent_id": ID,
        "shared_id": ID,
        "recipient": {"type": "string", "description": "a persona's handle, for a DM"},
        "identity": {"type": "string", "enum": ["personal", "page"]},
        "override": {"type": "boolean"},
        "run_id": ID,
    },
}


def _author(post: Post, viewer: User) -> dict:
    shown = shown_author(post, viewer)
    if shown.kind == "persona":
        return {"type": "persona", "id": post.author_persona_id, "name": shown.name, "handle": shown.handle}
    body = {"type": "user", "id": shown.account_id, "name": shown.name, "handle": None}
    if shown.real_name is not None:
        body["real_name"] = shown.real_name
    return body


def _time(value) -> str | None:
    return value.isoformat() if value else None


def post_json(post: Post, item: FeedItem, detail: bool = False) -> dict:
    """A post with its counts as the caller sees it; `detail` adds findings, history and traces."""
    body = {
        "id": post.id,
        "platform": post.platform,
        "kind": post.kind.value,
        "audience": post.audience.value,
        "body": None if post.is_deleted else post.body,
        "author": _author(post, current_user),
        "parent_id": post.parent_id,
        "shared_id": post.shared_id,
        "rating": post.rating,
        "created_at": _time(post.created_at),
        "edited_at": _time(post.edited_at),
        "deleted_at": _time(post.deleted_at),
        "replies": item.replies,
        "reactions": item.reactions,
    }
    if detail:
        body["overridden"] = post.overridden
        body["findings"] = [
            {key: getattr(f, key) for key in (*FINDING_FIELDS, "overridden")}
            for f in post.findings
            if f.superseded_at is None
        ]
        body["history"] = [{"body": r.body, "replaced_at": _time(r.replaced_at)} for r in post.revisions]
        body["traces"] = [
            {
                "persona": c.persona.handle,
                "kind": c.kind,
                "snapshot": c.snapshot,
                "captured_at": _time(c.created_at),
            }
            for c in post.captures
        ]
    return body
