"""Two people joining at once: a handle (or email) taken meanwhile by another request is not a 500."""

from __future__ import annotations

import itertools
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from sandbox.auth.handles import retrying_handle_clash
from sandbox.extensions import db
from sandbox.models import CohortMembership, Role, User

from .factories import count, make_cohort

PASSWORD = "a-long-password"


@contextmanager
def another_request_inserts_first(org, **user):
    """Just before this request inserts its user, another connection commits a user with these values."""
    fired = itertools.count()

    def insert_rival(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("INSERT INTO users") and next(fired) == 0:
            values = {"email": "rival@test.example", "display_name": "Rival", "role": Role.TRAINEE, **user}
            with db.engine.begin() as other:
                other.execute(sa.insert(User).values(organisation_id=org.id, **values))

    sa.event.listen(db.engine, "before_cursor_execute", insert_rival)
    try:
        yield
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", insert_rival)


def _join(client, code: str, email: str = "ann@test.example"):
    data = {"join_code": code, "display_name": "Ann Lee", "email": email, "password": PASSWORD}
    return client.post("/join", data={**data, "confirm": PASSWORD})


def test_join_racing_another_for_the_same_handle_takes_the_next_handle(client, org):
    cohort = make_cohort(org)
    with another_request_inserts_first(org, handle="ann_lee"):
        response = _join(client, cohort.join_code)
    assert response.status_code == 302, response.text[:300]
    ann = db.session.scalar(sa.select(User).where(User.email == "ann@test.example"))
    assert ann.handle == "ann_lee2"
    assert db.session.scalar(sa.select(CohortMembership.cohort_id).where(CohortMembership.user_id == ann.id))


def test_join_racing_another_for_the_same_email_is_400_and_saves_nothing(client, org):
    cohort = make_cohort(org)
    with another_request_inserts_first(org, email="ann@test.example", handle="someone"):
        response = _join(client, cohort.join_code)
    assert response.status_code == 400 and "already exists" in response.text
    assert count(User) == 1 and count(CohortMembership) == 0


def test_invite_racing_another_for_the_same_handle_takes_the_next_handle(client, login_as, org):
    login_as(Role.ADMIN)
    with another_request_inserts_first(org, handle="ann_lee"):
        response = client.post(
            "/people/invite", data={"email": "ann@test.example", "display_name": "Ann Lee", "role": "trainee"}
        )
    assert response.status_code == 201, response.text[:300]
    assert db.session.scalar(sa.select(User.handle).where(User.email == "ann@test.example")) == "ann_lee2"


@pytest.mark.parametrize("clashes, succeeds", [(4, True), (5, False)])
def test_account_creation_gives_up_after_five_handle_clashes(app, clashes, succeeds):
    calls = itertools.count(1)

    def create():
        if next(calls) <= clashes:
            raise IntegrityError("INSERT INTO users", {}, Exception("UNIQUE constraint failed: users.handle"))
        return "created"

    if succeeds:
        assert retrying_handle_clash(create) == "created"
    else:
        with pytest.raises(IntegrityError):
            retrying_handle_clash(create)
