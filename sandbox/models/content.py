"""Synthetic personas, posts on the simulated platforms, their revisions and findings."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import Audience, PostKind, UTCDateTime, enum_column, utcnow

PLATFORM_IDS = ("microblog", "social", "professional", "reviews")


class Persona(db.Model):
    """A synthetic person who lives in the simulated platforms."""

    __tablename__ = "personas"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int | None] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(80))
    handle: Mapped[str] = mapped_column(sa.String(40))
    avatar: Mapped[str] = mapped_column(sa.String(200), default="")
    bio: Mapped[str] = mapped_column(sa.Text, default="")
    kind: Mapped[str] = mapped_column(sa.String(30), default="member")  # patient, relative, troll...
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    run_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("runs.id"), default=None
    )  # a scenario run's cast

    organisation = relationship("Organisation")

    __table_args__ = (
        # Handles are unique among an organisation's crowd, and within each scenario run's own cast.
        sa.Index(
            "uq_personas_crowd_handle",
            "organisation_id",
            "handle",
            unique=True,
            sqlite_where=sa.text("run_id IS NULL"),
            postgresql_where=sa.text("run_id IS NULL"),
        ),
        sa.Index(
            "uq_personas_run_handle",
            "run_id",
            "handle",
            unique=True,
            sqlite_where=sa.text("run_id IS NOT NULL"),
            postgresql_where=sa.text("run_id IS NOT NULL"),
        ),
    )


class Post(db.Model):
    """Anything published on a simulated platform, by a user or a persona."""

    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int | None] = mapped_column(sa.ForeignKey("organisations.id"))
    platform: Mapped[str] = mapped_column(sa.String(20))
    kind: Mapped[PostKind] = mapped_column(enum_column(PostKind), default=PostKind.POST)
    audience: Mapped[Audience] = mapped_column(enum_column(Audience), default=Audience.PUBLIC)
    author_user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    author_persona_id: Mapped[int | None] = mapped_column(sa.ForeignKey("personas.id"))
    recipient_user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    recipient_persona_id: Mapped[int | None] = mapped_column(sa.ForeignKey("personas.id"))
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("posts.id"))
    shared_id: Mapped[int | None] = mapped_column(sa.ForeignKey("posts.id"), index=True)  # quote/share/repost
    # personal profile or the practice's page (social)
    identity: Mapped[str] = mapped_column(sa.String(10), default="personal", server_default="personal")
    body: Mapped[str] = mapped_column(sa.Text)
    rating: Mapped[int | None] = mapped_column(default=None)  # stars, on reviews
    overridden: Mapped[bool] = mapped_column(default=False)  # posted despite a blocking finding
    run_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("runs.id"), default=None
    )  # a scenario run's world
    scenario_key: Mapped[str | None] = mapped_column(
        sa.String(60), default=None
    )  # the inject or setting post
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    organisation = relationship("Organisation")
    author_user = relationship("User", foreign_keys=[author_user_id])
    author_persona = relationship("Persona", foreign_keys=[author_persona_id])
    recipient_persona = relationship("Persona", foreign_keys=[recipient_persona_id])
    parent: Mapped[Post | None] = relationship(remote_side=[id], foreign_keys=[parent_id])
    shared: Mapped[Post | None] = relationship(remote_side=[id], foreign_keys=[shared_id])
    findings: Mapped[list[Finding]] = relationship(back_populates="post", order_by="Finding.id")
    attachments = relationship("Attachment", order_by="Attachment.id")
    captures = relationship("Capture", order_by="Capture.id")
    revisions: Mapped[list[PostRevision]] = relationship(back_populates="post", order_by="PostRevision.id")

    __table_args__ = (
        sa.CheckConstraint("(author_user_id IS NULL) <> (author_persona_id IS NULL)", name="one_author"),
        sa.CheckConstraint("rating IS NULL OR (rating BETWEEN 1 AND 5)", name="rating_range"),
        # Replies only: a partial index keeps `parent_id IS NULL` (the feed) from choosing it on SQLite,
        # whose statistics cannot see that most posts have no parent.
        sa.Index(
            "ix_posts_parent_id",
            "parent_id",
            "created_at",
            sqlite_where=sa.text("parent_id IS NOT NULL"),
            postgresql_where=sa.text("parent_id IS NOT NULL"),
        ),
        # Top-level posts only, newest first: the feed's query on both SQLite and PostgreSQL.
        sa.Index(
            "ix_posts_feed",
            "organisation_id",
            "platform",
            "created_at",
            "id",
            sqlite_where=sa.text("parent_id IS NULL"),
            postgresql_where=sa.text("parent_id IS NULL"),
        ),
        sa.Index("ix_posts_author_user", "author_user_id", "created_at"),
        sa.Index(
            "ix_posts_run",
            "run_id",
            "created_at",
            postgresql_where=sa.text("run_id IS NOT NULL"),
            sqlite_where=sa.text("run_id IS NOT NULL"),
        ),
        sa.Index("ix_posts_recipient_user", "recipient_user_id", "created_at"),
    )

    @property
    def is_deleted(self) -> bool:
        """Whether the author deleted the post (it stays stored for review)."""
        return self.deleted_at is not None


class PostRevision(db.Model):
    """A previous body of an edited post, kept so edit history stays visible."""

    __tablename__ = "post_revisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(sa.ForeignKey("posts.id"), index=True)
    body: Mapped[str] = mapped_column(sa.Text)
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    post: Mapped[Post] = relationship(back_populates="revisions")


class Finding(db.Model):
    """One feedback finding, stored as it was when the post was made (never recomputed)."""

    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int | None] = mapped_column(sa.ForeignKey("posts.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(10))  # privacy | tone
    label: Mapped[str] = mapped_column(sa.String(20))
    severity: Mapped[str] = mapped_column(sa.String(10))
    start: Mapped[int | None] = mapped_column(default=None)
    end: Mapped[int | None] = mapped_column(default=None)
    text: Mapped[str] = mapped_column(sa.Text, default="")
    rule: Mapped[str] = mapped_column(sa.String(80))
    message: Mapped[str] = mapped_column(sa.Text, default="")
    suggestion: Mapped[str] = mapped_column(sa.Text, default="")
    source: Mapped[str] = mapped_column(sa.Text, default="")
    overridden: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)  # after an edit

    post: Mapped[Post | None] = relationship(back_populates="findings")

    __table_args__ = (sa.Index("ix_findings_label_severity", "label", "severity"),)
