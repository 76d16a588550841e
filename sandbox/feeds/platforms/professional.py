"""Workbridge: the professional network (LinkedIn-like)."""

from ...models import Audience, PostKind
from .base import PUBLIC, AudienceChoice, Platform

PLATFORM = Platform(
    id="professional",
    name="Workbridge",
    genre="professional network",
    tagline="Posts, comments and reposts among colleagues, recruiters and connections.",
    char_limit=3000,
    audiences=(
        PUBLIC,
        AudienceChoice(
            Audience.CONNECTIONS,
            "Connections only",
            "Your connections (and their screenshots)",
            "connections",
        ),
    ),
    reply_kind=PostKind.COMMENT,
    reactions=("like", "celebrate", "support", "insightful"),
    relationship_kind="connection",
    words={
        "reply_one": "comment",
        "replies": "comments",
        "post": "Post",
        "reply": "Comment",
        "share": "Repost",
        "like": "Like",
        "message": "Message",
        "relationship": "Connect",
        "relationships": "Connections",
    },
)
