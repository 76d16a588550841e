"""Fixtures for the simulated platforms: a persona crowd and a logged-in trainee."""

from __future__ import annotations

import pytest

from sandbox.extensions import db
from sandbox.models import Role
from sandbox.models.social import Relationship

from ..factories import make_persona, make_post

KINDS = {"microblog": "follow", "social": "friend", "professional": "connection", "reviews": "follow"}


@pytest.fixture
def crowd(org):
    """A few personas, one of whom (the journalist) captures risky posts."""
    return {
        kind: make_persona(org, kind=kind, handle=f"{kind}_one")
        for kind in ("member", "journalist", "patient")
    }


@pytest.fixture
def trainee(login_as):
    """The logged-in trainee."""
    return login_as(Role.TRAINEE)


def connect(
    user, persona, platform: str, status: str = "accepted", requested_by: str = "user"
) -> Relationship:
    """Make the user and persona connected on a platform."""
    rel = Relationship(
        platform=platform,
        user_id=user.id,
        persona_id=persona.id,
        kind=KINDS[platform],
        status=status,
        requested_by=requested_by,
    )
    db.session.add(rel)
    db.session.commit()
    return rel


__all__ = ["connect", "make_post"]
