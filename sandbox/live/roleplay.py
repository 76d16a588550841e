"""Role-players: post as any persona of a live session, to the whole room, under a post, or in a DM."""

from __future__ import annotations

import sqlalchemy as sa
from wtforms.fields.choices import SelectChoice

from .. import audit
from ..errors import InvalidInput
from ..extensions import db
from ..feeds.personas import persona_post
from ..models import LiveParticipant, LiveSession, Persona, Post, PostKind, Run, User
from .events import emit
from .sessions import platform_of, scenario_of_session


def persona_choices(live: LiveSession) -> list[SelectChoice]:
    """The session's cast as (handle, name) choices."""
    return [SelectChoice(p.handle, f"{p.name} (@{p.handle})") for p in scenario_of_session(live).personas]


def target_choices(live: LiveSession, wall: list[dict]) -> list[SelectChoice]:
    """Where a persona can post: the room's feed, under a trainee's post, or in a trainee's DMs."""
    choices = [SelectChoice("feed", "A new post in everyone's feed")]
    choices += [
        SelectChoice(f"dm:{p.id}", f"A direct message to {p.display_name}") for p in live.participants
    ]
    choices += [
        SelectChoice(f"reply:{item['post_id']}", f"A reply to {item['name']}: {item['body'][:60]}")
        for item in reversed(wall)
        if not item["deleted"] and item["kind"] != "dm"
    ]
    return choices


def _persona(run_id: int, handle: str) -> Persona:
    persona = db.session.scalar(sa.select(Persona).where(Persona.run_id == run_id, Persona.handle == handle))
    if persona is None:
        raise InvalidInput("That persona is not in this session.", "persona", status=400)
    return persona


def _worlds(live: LiveSession) -> list[Run]:
    """The runs holding a cast: the shared room's world, or every participant's own world."""
    if live.world_run_id is not None:
        return [db.session.get(Run, live.world_run_id)]
    return [p.run for p in live.participants]


def persona_says(live: LiveSession, handle: str, target: str, body: str, by: User) -> list[Post]:
    """Post as a persona where the role-player chose; returns the posts made (one per world reached)."""
    if live.status not in ("running", "paused"):
        raise InvalidInput("Personas can post while the session runs.", "session", status=409)
    platform = platform_of(live)
    kind, _, ref = target.partition(":")
    if kind == "feed":
        posts = [
            persona_post(_persona(w.cast_run_id, handle), platform, body, run_id=w.cast_run_id)
            for w in _worlds(live)
        ]
        audience = "all"
    elif kind == "dm":
        participant = _participant(live, ref)
        run = participant.run
        posts = [
            persona_post(
                _persona(run.cast_run_id, handle),
                platform,
                body,
                recipient=participant.user,
                run_id=run.cast_run_id,
            )
        ]
        audience = f"user:{participant.user_id}"
    elif kind == "reply":
        parent = _session_post(live, ref)
        run = db.session.get(Run, parent.run_id)
        posts = [
            persona_post(
                _persona(run.cast_run_id, handle), platform, body, parent=parent, run_id=run.cast_run_id
            )
        ]
        audience = "all" if live.world_run_id is not None else f"user:{parent.author_user_id}"
    else:
        raise InvalidInput("Choose where the persona posts.", "target", status=400)
    audit.record(
        "live.persona_post", live, actor=by, persona=handle, where=target, posts=[p.id for p in posts]
    )
    emit(live, "persona.posted", {"persona": handle, "target": target, "body": body}, audience)
    return posts


def _participant(live: LiveSession, ref: str) -> LiveParticipant:
    participant = next((p for p in live.participants if str(p.id) == ref), None)
    if participant is None:
        raise InvalidInput("That trainee is not in this session.", "target", status=400)
    return participant


def _session_post(live: LiveSession, ref: str) -> Post:
    runs = {p.run_id for p in live.participants} | {live.world_run_id}
    post = db.session.get(Post, int(ref)) if ref.isdigit() else None
    if post is None or post.run_id not in runs or post.is_deleted or post.kind == PostKind.DM:
        raise InvalidInput("That post is not in this session (or was deleted).", "target", status=400)
    return post
