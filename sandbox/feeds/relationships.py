"""Follows, friend requests and connection invitations between a user and personas."""

from __future__ import annotations

import sqlalchemy as sa
from flask import g

from .. import audit
from ..errors import InvalidInput
from ..extensions import db
from ..models import User, utcnow
from ..models.social import Notification, Relationship
from .lookups import persona_by_handle
from .platforms import Platform


def relationship_with(user: User, platform: Platform, persona_id: int) -> Relationship | None:
    """The user's relationship with a persona on a platform, if any."""
    return db.session.scalar(
        sa.select(Relationship).where(
            Relationship.platform == platform.id,
            Relationship.user_id == user.id,
            Relationship.persona_id == persona_id,
        )
    )


def connection_degree(user: User, platform_id: str, persona_id: int) -> str:
    """'1st' for a persona the user is connected with on the platform, else '3rd+' (read once per request)."""
    known = g.setdefault("connected_personas", {})
    if platform_id not in known:
        known[platform_id] = set(
            db.session.scalars(
                sa.select(Relationship.persona_id).where(
                    Relationship.platform == platform_id,
                    Relationship.user_id == user.id,
                    Relationship.status == "accepted",
                )
            )
        )
    return "1st" if persona_id in known[platform_id] else "3rd+"


def request_relationship(user: User, platform: Platform, handle: str) -> Relationship:
    """Follow a persona, or send them a friend request or connection invitation (personas accept)."""
    persona = persona_by_handle(user, handle)
    existing = relationship_with(user, platform, persona.id)
    if existing is not None and existing.status == "accepted":
        raise InvalidInput(f"You are already connected with @{persona.handle}.", "handle", status=409)
    rel = existing or Relationship(
        platform=platform.id,
        user_id=user.id,
        persona_id=persona.id,
        kind=platform.relationship_kind,
        requested_by="user",
    )
    db.session.add(rel)
    rel.status, rel.responded_at = "accepted", utcnow()  # synthetic people say yes straight away
    audit.record("relationship.requested", rel, platform=platform.id, persona=persona.handle)
    db.session.flush()
    return rel


def answer_request(user: User, platform: Platform, relationship_id: int, accept: bool) -> Relationship:
    """Accept or decline a persona's pending friend request or connection invitation."""
    rel = db.session.get(Relationship, relationship_id)
    if rel is None or rel.user_id != user.id or rel.platform != platform.id:
        raise InvalidInput("That request does not exist.", "request", status=404)
    if rel.status != "pending":
        raise InvalidInput(f"You already {rel.status} that request.", "request", status=409)
    rel.status, rel.responded_at = ("accepted" if accept else "declined"), utcnow()
    audit.record(
        "relationship.accepted" if accept else "relationship.declined",
        rel,
        platform=platform.id,
        persona=rel.persona.handle,
    )
    db.session.execute(
        sa.update(Notification).where(Notification.relationship_id == rel.id).values(read_at=utcnow())
    )
    db.session.flush()
    return rel


def end_relationship(user: User, platform: Platform, handle: str) -> None:
    """Unfollow, unfriend or disconnect."""
    persona = persona_by_handle(user, handle)
    rel = relationship_with(user, platform, persona.id)
    if rel is None or rel.status != "accepted":
        raise InvalidInput(f"You are not connected with @{persona.handle}.", "handle", status=409)
    rel.status, rel.responded_at = "ended", utcnow()
    audit.record("relationship.ended", rel, platform=platform.id, persona=persona.handle)
    db.session.flush()
