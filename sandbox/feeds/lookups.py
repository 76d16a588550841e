"""Which posts and personas a user may see or answer, in the sandbox or in one scenario run."""

from __future__ import annotations

import sqlalchemy as sa

from ..errors import InvalidInput
from ..extensions import db
from ..models import Audience, Persona, Post, PostKind, Run, User
from ..models.social import Relationship
from .platforms import Platform


def in_world(run: Run | None):
    """SQL: the post belongs to this world (the sandbox, one run, or all runs of a shared room)."""
    if run is None:
        return Post.run_id.is_(None)
    if run.world_run_id is None:
        return Post.run_id == run.id
    return Post.run_id.in_(sa.select(Run.id).where(Run.world_run_id == run.world_run_id))


def others_in_room(run: Run | None):
    """SQL: another trainee's public post, which everyone in a shared room sees (never in a world of one)."""
    if run is None or run.world_run_id is None:
        return sa.false()
    return sa.and_(
        Post.author_user_id.is_not(None), Post.kind != PostKind.DM, Post.audience == Audience.PUBLIC
    )


def shares_world(viewer: User, run: Run | None, post: Post) -> bool:
    """Whether the viewer plays in the world this post belongs to, and may see it there."""
    if run is None:
        return post.run_id is None and post.author_user_id in (None, viewer.id)
    own = post.author_user_id in (None, viewer.id)
    if run.world_run_id is None:
        return run.user_id == viewer.id and own
    in_room = db.session.scalar(
        sa.select(Run.id).where(Run.world_run_id == run.world_run_id, Run.user_id == viewer.id).limit(1)
    )
    public = post.kind != PostKind.DM and post.audience == Audience.PUBLIC
    addressed = post.recipient_user_id in (None, viewer.id)
    return in_room is not None and ((own and addressed) or public)


def visible_post(viewer: User, post_id: int | None, platform: Platform, run: Run | None = None) -> Post:
    """A live post in this world (the sandbox, or a run) that the viewer may see and answer, or an error."""
    post = db.session.get(Post, post_id) if post_id else None
    if (
        post is None
        or post.organisation_id != viewer.organisation_id
        or post.platform != platform.id
        or not _in_run_world(run, post)
        or not shares_world(viewer, run, post)
    ):
        raise InvalidInput("That post does not exist or is not yours to see.", "parent_id", status=404)
    if post.is_deleted:
        raise InvalidInput("That post was deleted; you can no longer answer it.", "parent_id", status=409)
    return post


def _in_run_world(run: Run | None, post: Post) -> bool:
    if run is None or post.run_id is None:
        return run is None and post.run_id is None
    post_run = db.session.get(Run, post.run_id)
    return post_run is not None and post_run.cast_run_id == run.cast_run_id


def persona_by_handle(viewer: User, handle: str | None, run: Run | None = None) -> Persona:
    """A persona of the viewer's crowd (or of a run's cast), by handle, or a clear error."""
    persona = db.session.scalar(
        sa.select(Persona).where(
            Persona.handle == (handle or "").lstrip("@"),
            sa.or_(Persona.organisation_id == viewer.organisation_id, Persona.organisation_id.is_(None)),
            Persona.run_id == run.cast_run_id if run is not None else Persona.run_id.is_(None),
        )
    )
    if persona is None:
        raise InvalidInput("Nobody with that handle is on this platform.", "recipient", status=404)
    return persona


def is_connected(user: User, persona: Persona, platform: Platform) -> bool:
    """Whether the user and persona follow, are friends or are connected on this platform."""
    return (
        db.session.scalar(
            sa.select(Relationship.id).where(
                Relationship.platform == platform.id,
                Relationship.user_id == user.id,
                Relationship.persona_id == persona.id,
                Relationship.status == "accepted",
            )
        )
        is not None
    )


def in_review_thread(parent: Post) -> bool:
    """A review, or a reviewer's follow-up under one: what a practice owner may answer on CareRate."""
    if parent.kind == PostKind.REVIEW:
        return True
    return (
        parent.author_persona_id is not None
        and parent.parent is not None
        and parent.parent.kind == PostKind.REVIEW
    )


def own_post(author: User, post_id: int) -> Post:
    """A post the user wrote (deleted or not), or a clear error."""
    post = db.session.get(Post, post_id)
    if post is None or post.author_user_id != author.id:
        raise InvalidInput("That post does not exist or is not yours.", "post", status=404)
    return post
