"""What happens around posts: reactions, follows/friends/connections, captures, images, notifications."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow


class Reaction(db.Model):
    """A like or reaction on a post, by a user or a persona (one per reactor per post)."""

    __tablename__ = "reactions"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(sa.ForeignKey("posts.id"))
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    persona_id: Mapped[int | None] = mapped_column(sa.ForeignKey("personas.id"))
    kind: Mapped[str] = mapped_column(sa.String(20), default="like")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        sa.UniqueConstraint("post_id", "user_id", name="uq_reactions_post_user"),
        sa.UniqueConstraint("post_id", "persona_id", name="uq_reactions_post_persona"),
        sa.Index("ix_reactions_post", "post_id", "kind"),
    )


class Relationship(db.Model):
    """A follow, friendship or connection between a user and a persona on one platform."""

    __tablename__ = "relationships"
    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(sa.String(20))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    persona_id: Mapped[int] = mapped_column(sa.ForeignKey("personas.id"))
    kind: Mapped[str] = mapped_column(sa.String(20))  # follow | friend | connection
    status: Mapped[str] = mapped_column(sa.String(20), default="pending")  # pending | accepted | declined
    requested_by: Mapped[str] = mapped_column(sa.String(10), default="persona")  # persona | user
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    persona = relationship("Persona")

    __table_args__ = (
        sa.UniqueConstraint(
            "platform", "user_id", "persona_id", name="uq_relationships_platform_user_persona"
        ),
        sa.Index("ix_relationships_user", "user_id", "platform", "status"),
    )


class Capture(db.Model):
    """A persona's copy of a post taken when it went live: it outlives the post's deletion."""

    __tablename__ = "captures"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(sa.ForeignKey("posts.id"), index=True)
    persona_id: Mapped[int] = mapped_column(sa.ForeignKey("personas.id"))
    kind: Mapped[str] = mapped_column(sa.String(20))  # screenshot | quote | share
    snapshot: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    persona = relationship("Persona")


class Attachment(db.Model):
    """An image attached to a post, stored with its metadata stripped."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int | None] = mapped_column(sa.ForeignKey("posts.id"), index=True)
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    stored_name: Mapped[str] = mapped_column(sa.String(80), unique=True)
    content_type: Mapped[str] = mapped_column(sa.String(40))
    width: Mapped[int] = mapped_column()
    height: Mapped[int] = mapped_column()
    alt_text: Mapped[str] = mapped_column(sa.String(1000))
    frame_check: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Notification(db.Model):
    """Something a user should see: a mention, reply, reaction, request, message or capture."""

    __tablename__ = "notifications"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    platform: Mapped[str] = mapped_column(sa.String(20))
    kind: Mapped[str] = mapped_column(sa.String(20))
    persona_id: Mapped[int | None] = mapped_column(sa.ForeignKey("personas.id"))
    post_id: Mapped[int | None] = mapped_column(sa.ForeignKey("posts.id"))
    relationship_id: Mapped[int | None] = mapped_column(sa.ForeignKey("relationships.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    persona = relationship("Persona")
    post = relationship("Post")

    __table_args__ = (sa.Index("ix_notifications_user", "user_id", "platform", "created_at"),)
