"""Flock: the microblog (X/Twitter-like)."""

from ...models import Audience, PostKind
from .base import PUBLIC, AudienceChoice, Platform

PLATFORM = Platform(
    id="microblog",
    name="Flock",
    genre="microblog",
    tagline="Short public posts, replies, quotes and reposts.",
    char_limit=280,
    audiences=(
        PUBLIC,
        AudienceChoice(
            Audience.FOLLOWERS,
            "Followers only",
            "People who follow you (they can still screenshot it)",
            "connections",
        ),
    ),
    reply_kind=PostKind.REPLY,
    share_kinds=(PostKind.QUOTE, PostKind.SHARE),
    reactions=("like",),
    relationship_kind="follow",
    words={
        "reply_one": "reply",
        "replies": "replies",
        "post": "Post",
        "reply": "Reply",
        "share": "Repost",
        "quote": "Quote",
        "like": "Like",
        "message": "Message",
        "relationship": "Follow",
        "relationships": "Following",
    },
)
