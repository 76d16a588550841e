"""Kinfolk: the social network (Facebook-like)."""

from ...models import Audience, PostKind
from .base import PUBLIC, AudienceChoice, Platform

PLATFORM = Platform(
    id="social",
    name="Kinfolk",
    genre="social network",
    tagline="Posts, comments, reactions and shares among friends, family and pages.",
    char_limit=5000,
    audiences=(
        PUBLIC,
        AudienceChoice(
            Audience.FRIENDS, "Friends", "Your friends (and anyone they show it to)", "connections"
        ),
        AudienceChoice(Audience.ONLY_ME, "Only me", "Nobody else, unless you change it later", "private"),
    ),
    reply_kind=PostKind.COMMENT,
    reactions=("like", "love", "care", "haha", "wow", "sad", "angry"),
    relationship_kind="friend",
    identities=("personal", "page"),
    words={
        "reply_one": "comment",
        "replies": "comments",
        "post": "Post",
        "reply": "Comment",
        "share": "Share",
        "like": "Like",
        "message": "Message",
        "relationship": "Add friend",
        "relationships": "Friends",
        "page": "Your practice's page",
    },
)
