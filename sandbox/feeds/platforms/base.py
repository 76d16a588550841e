"""The common shape of a simulated platform: its rules as data."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...models import Audience, PostKind


@dataclass(frozen=True)
class AudienceChoice:
    """One audience a post can have on a platform, with the words the platform uses for it."""

    value: Audience
    label: str
    hint: str
    feedback_audience: str  # what the feedback engine calls it: public | connections | private


@dataclass(frozen=True)
class Platform:
    """A simulated platform: names, limits, audiences, actions and the skin it wears."""

    id: str
    name: str
    genre: str
    tagline: str
    char_limit: int
    audiences: tuple[AudienceChoice, ...]
    reply_kind: PostKind
    reactions: tuple[str, ...]
    relationship_kind: str  # follow | friend | connection
    share_kinds: tuple[PostKind, ...] = (PostKind.SHARE,)
    trainee_posts_top_level: bool = True
    identities: tuple[str, ...] = ("personal",)
    words: dict[str, str] = field(default_factory=dict)

    def word(self, key: str) -> str:
        """The platform's own word for an action or thing (post, reply, share, like...)."""
        return self.words.get(key, key)

    def audience(self, value: str) -> AudienceChoice | None:
        """The audience choice with this value, if the platform offers it."""
        return next((choice for choice in self.audiences if choice.value.value == value), None)

    @property
    def relationship_needs_acceptance(self) -> bool:
        """Friend and connection requests wait for an answer; follows do not."""
        return self.relationship_kind != "follow"

    def to_dict(self) -> dict:
        """The platform as the API describes it."""
        return {
            "id": self.id,
            "name": self.name,
            "genre": self.genre,
            "char_limit": self.char_limit,
            "audiences": [{"value": a.value.value, "label": a.label} for a in self.audiences],
            "reply_kind": self.reply_kind.value,
            "share_kinds": [k.value for k in self.share_kinds],
            "reactions": list(self.reactions),
            "relationship": self.relationship_kind,
            "identities": list(self.identities),
            "trainee_posts_top_level": self.trainee_posts_top_level,
            "direct_messages": True,
        }


PUBLIC = AudienceChoice(Audience.PUBLIC, "Public", "Anyone on or off the platform", "public")
