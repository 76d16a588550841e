"""Can't delete: personas capture risky posts the moment they go live."""

from __future__ import annotations

import sqlalchemy as sa

from ..extensions import db
from ..feedback import Report
from ..models import Audience, Persona, Post
from ..models.social import Capture, Notification

# Who in a synthetic crowd tends to keep a copy of a post that should not have been written.
CAPTURING_KINDS = ("journalist", "troll", "relative", "patient")
PROBLEM_SEVERITIES = ("block", "warn")


def _is_risky(report: Report) -> tuple[bool, bool]:
    privacy = any(f.kind == "privacy" for f in report.findings)
    tone = any(f.kind == "tone" and f.severity in PROBLEM_SEVERITIES for f in report.findings)
    return privacy, tone


def _capturer(post: Post) -> Persona | None:
    if post.recipient_persona_id is not None:  # a DM: the recipient has it on their screen
        return db.session.get(Persona, post.recipient_persona_id)
    candidates = list(
        db.session.scalars(
            sa.select(Persona)
            .where(Persona.organisation_id == post.organisation_id, Persona.kind.in_(CAPTURING_KINDS))
            .order_by(Persona.id)
        )
    )
    return candidates[post.id % len(candidates)] if candidates else None


def capture_if_risky(post: Post, report: Report) -> Capture | None:
    """When a post anyone else can see has a privacy or tone problem, a persona keeps a copy of it."""
    privacy, tone = _is_risky(report)
    if post.audience == Audience.ONLY_ME or not (privacy or tone):
        return None
    persona = _capturer(post)
    if persona is None:
        return None
    kind = "screenshot" if privacy or post.audience == Audience.PRIVATE else "quote"
    capture = Capture(post_id=post.id, persona_id=persona.id, kind=kind, snapshot=post.body)
    db.session.add(capture)
    if kind == "quote":  # quotes notify the author, as on the real platforms; screenshots never do
        db.session.add(
            Notification(
                user_id=post.author_user_id,
                platform=post.platform,
                kind="quote",
                persona_id=persona.id,
                post_id=post.id,
            )
        )
    return capture
