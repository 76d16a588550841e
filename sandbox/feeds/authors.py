"""How a post's author is shown to one viewer: the one place that chooses a name, a pseudonym or "you".

In a live session's shared room, trainees see each other under the name they joined with
(`LiveParticipant.display_name`): a pseudonym, when the session allows one, hides the account behind
it from everyone in the room but its owner and the session's staff.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import g

from ..extensions import db
from ..live.sessions import may_run, participant_for
from ..models import LiveParticipant, LiveSession, Post, Role, Run, User


@dataclass(frozen=True)
class ShownAuthor:
    """A post's author as one viewer may see them."""

    kind: str  # "persona" or "user"
    name: str
    is_viewer: bool = False  # the viewer wrote it: their own name and the "you" badge
    handle: str | None = None  # a persona's handle, for its profile link
    avatar: str = ""
    account_id: int | None = None  # the author's account, unless a pseudonym hides it from this viewer
    real_name: str | None = None  # the account's name behind a pseudonym, for the session's staff only

    @property
    def initial(self) -> str:
        """The letter the avatar shows."""
        return self.name[:1]


def shown_author(post: Post, viewer: User) -> ShownAuthor:
    """The author of `post` as `viewer` sees them: a persona, themself, a name, or a pseudonym."""
    persona = post.author_persona
    if persona is not None:
        return ShownAuthor("persona", persona.name, handle=persona.handle, avatar=persona.avatar)
    author = post.author_user
    if author.id == viewer.id:
        return ShownAuthor("user", author.display_name, is_viewer=True, account_id=author.id)
    participant = room_participant(post)
    if participant is None or participant.display_name == author.display_name:
        return ShownAuthor("user", author.display_name, account_id=author.id)
    if is_session_staff(viewer, participant.session):
        return ShownAuthor(
            "user", participant.display_name, account_id=author.id, real_name=author.display_name
        )
    return ShownAuthor("user", participant.display_name)


def room_participant(post: Post) -> LiveParticipant | None:
    """The live session place of a trainee's post's author, when the post belongs to a live run."""
    run = db.session.get(Run, post.run_id) if post.run_id is not None else None
    if run is None or run.live_session_id is None:
        return None
    key = (run.live_session_id, post.author_user_id)
    known = g.setdefault("room_participants", {})
    if key not in known:
        live = db.session.get(LiveSession, run.live_session_id)
        found = participant_for(live, post.author_user) if live is not None else None
        if found is None:
            return None  # not remembered: a participant may yet join
        known[key] = found
    return known[key]


def is_session_staff(viewer: User, live: LiveSession) -> bool:
    """Whether the viewer runs this session or reviews its organisation (they may see real names)."""
    if viewer.organisation_id != live.organisation_id:
        return False
    return viewer.role == Role.REVIEWER or may_run(viewer, live)
