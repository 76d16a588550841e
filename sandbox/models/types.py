"""Enumerations and column helpers shared by the models."""

from __future__ import annotations

import enum
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    """Return the current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """A timestamp stored as UTC and always read back timezone-aware (SQLite keeps no zone)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime: use sandbox.models.utcnow()")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Role(enum.StrEnum):
    """What a user may do; the order of ROLE_ORDER is not a hierarchy, checks name roles explicitly."""

    TRAINEE = "trainee"
    INSTRUCTOR = "instructor"
    ROLE_PLAYER = "role-player"
    REVIEWER = "reviewer"
    ADMIN = "admin"


class PostKind(enum.StrEnum):
    """What a post is on its platform."""

    POST = "post"
    REPLY = "reply"
    COMMENT = "comment"
    SHARE = "share"
    QUOTE = "quote"
    DM = "dm"
    REVIEW = "review"
    OWNER_RESPONSE = "owner_response"


class Audience(enum.StrEnum):
    """Who can see a post."""

    PUBLIC = "public"
    FOLLOWERS = "followers"
    FRIENDS = "friends"
    CONNECTIONS = "connections"
    ONLY_ME = "only_me"
    PRIVATE = "private"


def enum_column(enum_cls: type[enum.Enum]) -> sa.Enum:
    """A portable string column holding an enum's values (no native database enum)."""
    return sa.Enum(
        enum_cls,
        native_enum=False,
        length=20,
        values_callable=lambda cls: [member.value for member in cls],
        validate_strings=True,
    )


def render_migration_item(type_: str, obj: object, autogen_context) -> str | bool:
    """Write UTCDateTime into migrations as a plain timezone-aware DateTime, so they import no app code."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False
