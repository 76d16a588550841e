"""Reading the simulated platforms: feed pages, threads, profiles, notifications, conversations."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import aliased, joinedload, selectinload

from ..errors import InvalidInput
from ..extensions import db
from ..inputs import instant, whole_number
from ..models import Audience, Persona, Post, PostKind, Reaction, Run, User
from ..models.social import Notification, Relationship
from .lookups import in_world, others_in_room, shares_world
from .platforms import Platform

TOP_LEVEL_KINDS = (PostKind.POST, PostKind.SHARE, PostKind.QUOTE, PostKind.REVIEW)
DEFAULT_LIMIT, MAX_LIMIT = 20, 100


@dataclass
class FeedItem:
    """A post as a feed shows it, with its counts and the viewer's own reaction."""

    post: Post
    replies: int
    reactions: int
    my_reaction: str | None


@dataclass
class Page:
    """One page of items and the cursor for the next, if any."""

    items: list
    next_cursor: str | None


def encode_cursor(post: Post) -> str:
    """An opaque cursor pointing just after this post."""
    raw = f"{post.created_at.isoformat()}|{post.id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[datetime, int] | None:
    """The (created_at, id) position inside a cursor, or a clear error for a mangled one."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        when, post_id = raw.rsplit("|", 1)
        return instant(when, "cursor", naive_is_utc=False), whole_number(post_id, "cursor", low=1)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput(
            "That page link is not valid; start again from the top of the feed.", "cursor"
        ) from None


def clamp_limit(limit: int | None) -> int:
    """The page size asked for, within 1..MAX_LIMIT."""
    return min(max(limit or DEFAULT_LIMIT, 1), MAX_LIMIT)


def _visible_to(viewer: User, run: Run | None = None):
    """Posts by synthetic people and the viewer's own, in one world: the sandbox, or one scenario run."""
    return sa.and_(
        in_world(run),
        sa.or_(Post.author_persona_id.is_not(None), Post.author_user_id == viewer.id, others_in_room(run)),
    )


def _counted(viewer: User):
    replies = aliased(Post)
    reply_count = (
        sa.select(sa.func.count(replies.id))
        .where(
            replies.parent_id == Post.id,
            replies.deleted_at.is_(None),
            sa.or_(replies.author_persona_id.is_not(None), replies.author_user_id == viewer.id),
        )
        .correlate(Post)
        .scalar_subquery()
    )
    reaction_count = (
        sa.select(sa.func.count(Reaction.id))
        .where(Reaction.post_id == Post.id)
        .correlate(Post)
        .scalar_subquery()
    )
    mine = (
        sa.select(Reaction.kind)
        .where(Reaction.post_id == Post.id, Reaction.user_id == viewer.id)
        .correlate(Post)
        .limit(1)
        .scalar_subquery()
    )
    shared = aliased(Post)
    return sa.select(Post, reply_count, reaction_count, mine).options(
        joinedload(Post.author_persona),
        joinedload(Post.author_user),
        joinedload(Post.shared.of_type(shared)).joinedload(shared.author_persona),
        joinedload(Post.shared.of_type(shared)).joinedload(shared.author_user),
        selectinload(Post.attachments),
    )


def _page(stmt, cursor: str | None, limit: int) -> Page:
    position = decode_cursor(cursor)
    if position is not None:
        when, post_id = position
        stmt = stmt.where(sa.or_(Post.created_at < when, sa.and_(Post.created_at == when, Post.id < post_id)))
    rows = (
        db.session.execute(stmt.order_by(Post.created_at.desc(), Post.id.desc()).limit(limit + 1))
        .unique()
        .all()
    )
    items = [FeedItem(post, replies, reactions, mine) for post, replies, reactions, mine in rows[:limit]]
    return Page(items, encode_cursor(items[-1].post) if len(rows) > limit else None)


def feed_page(
    viewer: User,
    platform: Platform,
    cursor: str | None = None,
    limit: int | None = None,
    run: Run | None = None,
) -> Page:
    """The home feed: newest top-level posts by personas and by the viewer, never others' or DMs."""
    stmt = _counted(viewer).where(
        Post.organisation_id == viewer.organisation_id,
        Post.platform == platform.id,
        Post.parent_id.is_(None),
        Post.kind.in_(TOP_LEVEL_KINDS),
        Post.deleted_at.is_(None),
        Post.audience != Audience.PRIVATE,
        _visible_to(viewer, run),
    )
    return _page(stmt, cursor, clamp_limit(limit))


@dataclass(frozen=True)
class ReviewSummary:
    """A review site's business header: how many reviews, and their average rating."""

    count: int
    average: float | None


def review_summary(viewer: User) -> ReviewSummary:
    """The count and average rating of the reviews the viewer can see in the sandbox."""
    count, average = db.session.execute(
        sa.select(sa.func.count(Post.id), sa.func.avg(Post.rating)).where(
            Post.organisation_id == viewer.organisation_id,
            Post.platform == "reviews",
            Post.kind == PostKind.REVIEW,
            Post.deleted_at.is_(None),
            _visible_to(viewer),
        )
    ).one()
    return ReviewSummary(count, float(average) if average is not None else None)


def profile_page(viewer: User, persona: Persona, platform: Platform, cursor: str | None = None) -> Page:
    """A persona's posts on one platform."""
    stmt = _counted(viewer).where(
        Post.author_persona_id == persona.id,
        Post.platform == platform.id,
        Post.parent_id.is_(None),
        Post.audience != Audience.PRIVATE,
    )
    return _page(stmt, cursor, DEFAULT_LIMIT)


def tag_page(viewer: User, platform: Platform, tag: str, cursor: str | None = None) -> Page:
    """Posts carrying a hashtag."""
    stmt = _counted(viewer).where(
        Post.organisation_id == viewer.organisation_id,
        Post.platform == platform.id,
        Post.deleted_at.is_(None),
        Post.audience != Audience.PRIVATE,
        _visible_to(viewer),
        Post.body.ilike(f"%#{tag}%"),
    )
    return _page(stmt, cursor, DEFAULT_LIMIT)


def thread(viewer: User, post: Post) -> list[FeedItem]:
    """The visible replies to a post, oldest first."""
    stmt = (
        _counted(viewer)
        .where(Post.parent_id == post.id, _visible_to(viewer, _run_of(post)))
        .order_by(Post.created_at, Post.id)
    )
    return [FeedItem(p, r, n, m) for p, r, n, m in db.session.execute(stmt).unique().all()]


@dataclass(frozen=True)
class Reply:
    """A reply in a conversation: the post with its counts, and how deep it sits (1 answers the top post)."""

    item: FeedItem
    depth: int


def conversation(viewer: User, post: Post, max_depth: int = 12) -> list[Reply]:
    """Every visible reply under a post, at any depth: each reply followed by its own replies, oldest
    first at each level (one query per level)."""
    world = _visible_to(viewer, _run_of(post))
    below: dict[int, list[FeedItem]] = {}
    level = [post.id]
    for _ in range(max_depth):
        stmt = _counted(viewer).where(Post.parent_id.in_(level), world).order_by(Post.created_at, Post.id)
        found = [FeedItem(p, r, n, m) for p, r, n, m in db.session.execute(stmt).unique().all()]
        for item in found:
            below.setdefault(item.post.parent_id, []).append(item)
        level = [item.post.id for item in found]
        if not level:
            break
    ordered: list[Reply] = []
    stack = [(item, 1) for item in reversed(below.get(post.id, []))]
    while stack:
        item, depth = stack.pop()
        ordered.append(Reply(item, depth))
        stack.extend((child, depth + 1) for child in reversed(below.get(item.post.id, [])))
    return ordered


def feed_item(viewer: User, post: Post) -> FeedItem:
    """One post with its counts and the viewer's reaction, as a feed would show it."""
    row = db.session.execute(_counted(viewer).where(Post.id == post.id)).unique().one()
    return FeedItem(*row)


def post_for_viewer(viewer: User, post_id: int, platform: Platform) -> Post | None:
    """A post the viewer may open (deleted ones included, so their traces can be seen)."""
    post = db.session.get(Post, post_id)
    if post is None or post.organisation_id != viewer.organisation_id or post.platform != platform.id:
        return None
    return post if shares_world(viewer, _run_of(post), post) else None


def _run_of(post: Post) -> Run | None:
    return db.session.get(Run, post.run_id) if post.run_id is not None else None


def notifications(viewer: User, platform: Platform, limit: int = 50) -> list[Notification]:
    """The viewer's newest notifications on a platform."""
    return list(
        db.session.scalars(
            sa.select(Notification)
            .where(Notification.user_id == viewer.id, Notification.platform == platform.id)
            .options(joinedload(Notification.persona), joinedload(Notification.post))
            .order_by(Notification.created_at.desc(), Notification.id.desc())
            .limit(limit)
        )
    )


def pending_requests(viewer: User, platform: Platform) -> list[Relationship]:
    """Friend requests or invitations waiting for the viewer's answer."""
    return list(
        db.session.scalars(
            sa.select(Relationship)
            .where(
                Relationship.user_id == viewer.id,
                Relationship.platform == platform.id,
                Relationship.status == "pending",
            )
            .options(joinedload(Relationship.persona))
            .order_by(Relationship.created_at.desc())
        )
    )


def connections(viewer: User, platform: Platform) -> list[Persona]:
    """The personas the viewer follows, is friends or connected with."""
    return list(
        db.session.scalars(
            sa.select(Persona)
            .join(Relationship, Relationship.persona_id == Persona.id)
            .where(
                Relationship.user_id == viewer.id,
                Relationship.platform == platform.id,
                Relationship.status == "accepted",
            )
            .order_by(Persona.name)
        )
    )


def conversations(viewer: User, platform: Platform) -> list[tuple[Persona, Post]]:
    """Each persona the viewer has messages with, and the latest message."""
    other = sa.func.coalesce(Post.recipient_persona_id, Post.author_persona_id)
    latest = (
        sa.select(other.label("persona_id"), sa.func.max(Post.id).label("post_id"))
        .where(
            Post.kind == PostKind.DM,
            Post.platform == platform.id,
            Post.run_id.is_(None),
            sa.or_(Post.author_user_id == viewer.id, Post.recipient_user_id == viewer.id),
        )
        .group_by(other)
        .subquery()
    )
    rows = db.session.execute(
        sa.select(Persona, Post)
        .join(latest, latest.c.persona_id == Persona.id)
        .join(Post, Post.id == latest.c.post_id)
        .order_by(Post.created_at.desc())
    )
    return [(persona, post) for persona, post in rows]


def messages_with(viewer: User, persona: Persona, platform: Platform) -> list[Post]:
    """The DMs between the viewer and a persona, oldest first."""
    return list(
        db.session.scalars(
            sa.select(Post)
            .where(
                Post.kind == PostKind.DM,
                Post.platform == platform.id,
                Post.run_id.is_(None),
                sa.or_(
                    sa.and_(Post.author_user_id == viewer.id, Post.recipient_persona_id == persona.id),
                    sa.and_(Post.author_persona_id == persona.id, Post.recipient_user_id == viewer.id),
                ),
            )
            .order_by(Post.created_at, Post.id)
        )
    )
