"""A little life in the crowd: personas react to a trainee's post that others can see."""

from __future__ import annotations

import sqlalchemy as sa

from ..extensions import db
from ..models import Audience, Persona, Post, Reaction
from ..models.social import Notification
from .platforms import Platform

QUIET_AUDIENCES = (Audience.ONLY_ME, Audience.PRIVATE)
MAX_REACTORS = 3


def react_to_new_post(post: Post, platform: Platform) -> list[Reaction]:
    """One to three personas react to the post, and its author is notified; deterministic per post."""
    if post.audience in QUIET_AUDIENCES or post.author_user_id is None:
        return []
    crowd = list(
        db.session.scalars(
            sa.select(Persona)
            .where(Persona.organisation_id == post.organisation_id)
            .order_by(Persona.id)
            .limit(50)
        )
    )
    if not crowd:
        return []
    count = 1 + post.id % MAX_REACTORS
    reactors = [crowd[(post.id * 7 + step * 13) % len(crowd)] for step in range(count)]
    reactions = []
    for persona in dict.fromkeys(reactors):  # each persona once
        kind = platform.reactions[(post.id + persona.id) % len(platform.reactions)]
        reaction = Reaction(post_id=post.id, persona_id=persona.id, kind=kind)
        db.session.add(reaction)
        db.session.add(
            Notification(
                user_id=post.author_user_id,
                platform=post.platform,
                kind="reaction",
                persona_id=persona.id,
                post_id=post.id,
            )
        )
        reactions.append(reaction)
    return reactions
