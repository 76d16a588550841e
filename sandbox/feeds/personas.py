"""Personas speaking: posts, replies and DMs by synthetic people, and whom they notify."""

from __future__ import annotations

import re

import sqlalchemy as sa

from ..errors import InvalidInput
from ..extensions import db
from ..models import Audience, Persona, Post, PostKind, User
from ..models.social import Notification
from .platforms import Platform

MENTION = re.compile(r"(?<![\w@/])@([A-Za-z0-9_]{1,40})")


def persona_post(
    persona: Persona,
    platform: Platform,
    body: str,
    parent: Post | None = None,
    recipient: User | None = None,
    kind: PostKind | None = None,
    rating: int | None = None,
    run_id: int | None = None,
    scenario_key: str | None = None,
) -> Post:
    """Publish as a persona (scenarios, role-players, the seed) and notify the users it concerns."""
    body = (body or "").strip()
    if not body or len(body) > platform.char_limit:
        raise InvalidInput(f"A {platform.name} post needs 1 to {platform.char_limit} characters.", "body")
    kind = kind or _default_kind(platform, parent, recipient)
    post = Post(
        organisation_id=persona.organisation_id,
        platform=platform.id,
        kind=kind,
        body=body,
        author_persona_id=persona.id,
        parent_id=parent.id if parent else None,
        rating=rating,
        recipient_user_id=recipient.id if recipient else None,
        run_id=run_id,
        scenario_key=scenario_key,
        audience=Audience.PRIVATE if recipient else (parent.audience if parent else Audience.PUBLIC),
    )
    db.session.add(post)
    db.session.flush()
    notify_for_persona_post(post, parent, recipient)
    return post


def _default_kind(platform: Platform, parent: Post | None, recipient: User | None) -> PostKind:
    if recipient is not None:
        return PostKind.DM
    if parent is not None:
        return platform.reply_kind
    return PostKind.REVIEW if platform.id == "reviews" else PostKind.POST


def notify_for_persona_post(post: Post, parent: Post | None, recipient: User | None) -> list[Notification]:
    """A reply notifies the author of the post it answers, a DM its recipient, an @mention the user named."""
    targets: dict[int, str] = {}
    if recipient is not None:
        targets[recipient.id] = "message"
    if parent is not None and parent.author_user_id is not None:
        targets.setdefault(parent.author_user_id, "reply")
    handles = set(MENTION.findall(post.body))
    if handles and post.kind != PostKind.DM:
        mentioned = db.session.scalars(
            sa.select(User.id).where(User.handle.in_(handles), User.organisation_id == post.organisation_id)
        )
        for user_id in mentioned:
            targets.setdefault(user_id, "mention")
    notes = [
        Notification(
            user_id=user_id,
            platform=post.platform,
            kind=kind,
            persona_id=post.author_persona_id,
            post_id=post.id,
        )
        for user_id, kind in targets.items()
    ]
    db.session.add_all(notes)
    return notes
