"""CareRate: patient reviews of a practice (Google/Yelp-like), answered by the owner in public."""

from ...models import PostKind
from .base import PUBLIC as _PUBLIC
from .base import AudienceChoice, Platform

PLATFORM = Platform(
    id="reviews",
    name="CareRate",
    genre="patient reviews",
    tagline="Star reviews of your practice and your public response as the owner.",
    char_limit=4000,
    audiences=(
        AudienceChoice(_PUBLIC.value, "Public response", "Shown under the review to everyone", "public"),
    ),
    reply_kind=PostKind.OWNER_RESPONSE,
    share_kinds=(),
    reactions=("helpful",),
    relationship_kind="follow",
    trainee_posts_top_level=False,
    words={
        "reply_one": "response",
        "replies": "responses",
        "post": "Review",
        "reply": "Respond as owner",
        "like": "Helpful",
        "message": "Message",
        "relationship": "Follow",
        "relationships": "Following",
    },
)
