"""The live wall: trainees' posts as the console shows them, with findings and overrides, as they happen."""

from __future__ import annotations

from collections import Counter

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Audience, Finding, LiveParticipant, LiveSession, Post, PostKind, Run
from .events import STAFF_AUDIENCE, emit


def participant_of_run(run: Run) -> LiveParticipant | None:
    """The session participant a run belongs to."""
    return db.session.scalar(sa.select(LiveParticipant).where(LiveParticipant.run_id == run.id))


def post_json(post: Post, participant: LiveParticipant | None) -> dict:
    """A trainee post as the wall, the projector and the API show it."""
    current = [f for f in post.findings if f.superseded_at is None]
    return {
        "post_id": post.id,
        "participant_id": participant.id if participant else None,
        "name": participant.display_name if participant else "",
        "group": participant.group if participant else "",
        "kind": post.kind.value,
        "audience": post.audience.value,
        "body": post.body,
        "answers": _answered(post, participant),
        "overridden": post.overridden,
        "deleted": post.is_deleted,
        "edited": post.edited_at is not None,
        "created_at": post.created_at.isoformat(),
        "findings": [{"label": f.label, "severity": f.severity, "text": f.text} for f in current],
    }


def _answered(post: Post, participant: LiveParticipant | None) -> str | None:
    """The inject or setting post this post answers (DMs too, which have no parent)."""
    replies = participant.run.state.get("replies", {}) if participant is not None else {}
    key = next((key for key, reply in replies.items() if reply["post_id"] == post.id), None)
    if key is None and post.parent is not None:
        key = post.parent.scenario_key
    return key


def trainee_posted(run: Run, post: Post) -> None:
    """Put a trainee's new post on the wall; in a shared room everyone's feed has changed."""
    live = db.session.get(LiveSession, run.live_session_id)
    emit(live, "post.created", post_json(post, participant_of_run(run)), STAFF_AUDIENCE)
    if live.mode == "shared" and post.kind != PostKind.DM and post.audience == Audience.PUBLIC:
        emit(live, "feed.changed", {"post_id": post.id}, "all")


def trainee_changed(run: Run, post: Post, kind: str) -> None:
    """Tell the wall a post was edited or deleted (its trace stays for the debrief)."""
    live = db.session.get(LiveSession, run.live_session_id)
    emit(live, kind, post_json(post, participant_of_run(run)), STAFF_AUDIENCE)
    if live.mode == "shared":
        emit(live, "feed.changed", {"post_id": post.id}, "all")


def wall_posts(live: LiveSession) -> list[dict]:
    """Every trainee post of the session, oldest first, as the wall shows them."""
    participants = {p.run_id: p for p in live.participants}
    if not participants:
        return []
    posts = db.session.scalars(
        sa.select(Post)
        .where(Post.run_id.in_(participants), Post.author_user_id.is_not(None))
        .options(selectinload(Post.findings), selectinload(Post.parent))
        .order_by(Post.created_at, Post.id)
    )
    return [post_json(post, participants[post.run_id]) for post in posts]


def label_counts(live: LiveSession) -> dict[str, int]:
    """How many of the session's trainee posts carry each finding label (current findings)."""
    runs = [p.run_id for p in live.participants]
    if not runs:
        return {}
    rows = db.session.execute(
        sa.select(Finding.label, sa.func.count(sa.distinct(Finding.post_id)))
        .join(Post, Post.id == Finding.post_id)
        .where(Post.run_id.in_(runs), Post.author_user_id.is_not(None), Finding.superseded_at.is_(None))
        .group_by(Finding.label)
    )
    return dict(Counter({label: count for label, count in rows}).most_common())
