"""Model rules that the database and ORM enforce."""

from __future__ import annotations

from datetime import datetime

import pytest
import sqlalchemy as sa

from sandbox import audit
from sandbox.extensions import db
from sandbox.models import AuditEvent, Persona, Post, PostKind, utcnow
from sandbox.models.audit import AuditTrailIsAppendOnly

from .factories import make_user


def test_audit_events_cannot_be_changed_or_deleted(app, org):
    event = audit.record("something.happened", org, note="first")
    db.session.commit()
    event.action = "something.else"
    with pytest.raises(AuditTrailIsAppendOnly):
        db.session.commit()
    db.session.rollback()
    db.session.delete(db.session.get(AuditEvent, event.id))
    with pytest.raises(AuditTrailIsAppendOnly):
        db.session.commit()
    db.session.rollback()
    assert db.session.get(AuditEvent, event.id).action == "something.happened"


def test_a_post_has_exactly_one_author(app, org):
    user = make_user(org)
    persona = Persona(organisation=org, name="Pat Example", handle="pat_example")
    db.session.add(persona)
    db.session.commit()
    db.session.add(
        Post(organisation=org, platform="social", body="both", author_user=user, author_persona=persona)
    )
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()
    db.session.rollback()
    db.session.add(Post(organisation=org, platform="social", body="none"))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_review_rating_must_be_one_to_five(app, org):
    persona = Persona(organisation=org, name="Pat Example", handle="pat_example")
    db.session.add(
        Post(
            organisation=org,
            platform="reviews",
            kind=PostKind.REVIEW,
            body="meh",
            rating=6,
            author_persona=persona,
        )
    )
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_timestamps_are_stored_and_read_back_in_utc(app, org):
    post_time = utcnow()
    persona = Persona(organisation=org, name="Pat Example", handle="pat_example")
    db.session.add(
        Post(organisation=org, platform="microblog", body="hi", author_persona=persona, created_at=post_time)
    )
    db.session.commit()
    db.session.expire_all()
    stored = db.session.scalar(sa.select(Post.created_at))
    assert stored.tzinfo is not None and stored == post_time


def test_naive_datetimes_are_refused(app, org):
    persona = Persona(organisation=org, name="Pat Example", handle="pat_example")
    db.session.add(
        Post(
            organisation=org,
            platform="microblog",
            body="hi",
            author_persona=persona,
            created_at=datetime(2026, 1, 1),
        )
    )  # noqa: DTZ001 - the point of the test
    with pytest.raises(sa.exc.StatementError):
        db.session.commit()
    db.session.rollback()


def test_unknown_enum_values_are_refused(app, org):
    persona = Persona(organisation=org, name="Pat Example", handle="pat_example")
    db.session.add(persona)
    db.session.commit()
    db.session.execute(sa.text("SELECT 1"))
    with pytest.raises(sa.exc.StatementError):
        db.session.execute(
            sa.insert(Post).values(
                organisation_id=org.id,
                platform="social",
                body="x",
                author_persona_id=persona.id,
                kind="telegram",
            )
        )
    db.session.rollback()
