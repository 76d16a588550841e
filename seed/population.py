"""Build the demo organisation: accounts for each role, a cohort, personas and background posts."""

from __future__ import annotations

import random
from datetime import timedelta

import sqlalchemy as sa
from faker import Faker

from sandbox.extensions import db
from sandbox.models import (
    AuditEvent,
    Cohort,
    CohortMembership,
    Organisation,
    Persona,
    Post,
    PostKind,
    Role,
    User,
    utcnow,
)
from sandbox.models.accounts import ApiToken, Invitation
from sandbox.models.content import Finding, PostRevision

from .content import BACKGROUND, PERSONA_KINDS, REVIEWS

DEMO_PASSWORD = "practice-safely"
DEMO_ORGANISATION = "Riverside Community Health (demo)"
DEMO_ACCOUNTS = [
    ("trainee@demo.test", "Taylor Trainee", Role.TRAINEE),
    ("instructor@demo.test", "Irene Instructor", Role.INSTRUCTOR),
    ("roleplayer@demo.test", "Rory Roleplayer", Role.ROLE_PLAYER),
    ("reviewer@demo.test", "Rita Reviewer", Role.REVIEWER),
    ("admin@demo.test", "Adam Admin", Role.ADMIN),
]
DEMO_JOIN_CODE = "DEMO2026"
PERSONA_COUNT = 40
POSTS_PER_PLATFORM = 30


def reset_database() -> None:
    """Remove every row the seed could have written, children first (audit events included)."""
    for model in (
        Finding,
        PostRevision,
        Post,
        Persona,
        ApiToken,
        Invitation,
        CohortMembership,
        Cohort,
        AuditEvent,
        User,
        Organisation,
    ):
        db.session.execute(sa.delete(model))
    db.session.flush()


def populate(seed: int = 2026, password_method: str = "scrypt") -> Organisation:
    """Create the demo organisation; the same seed gives the same people and posts."""
    from werkzeug.security import generate_password_hash

    fake = Faker("en_US")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    org = Organisation(name=DEMO_ORGANISATION)
    db.session.add(org)
    password_hash = generate_password_hash(DEMO_PASSWORD, method=password_method)
    users = {
        role: User(email=email, display_name=name, role=role, organisation=org, password_hash=password_hash)
        for email, name, role in DEMO_ACCOUNTS
    }
    db.session.add_all(users.values())
    cohort = Cohort(
        name="Demo cohort: social media essentials",
        organisation=org,
        join_code=DEMO_JOIN_CODE,
        instructor=users[Role.INSTRUCTOR],
    )
    db.session.add(cohort)
    db.session.add(CohortMembership(cohort=cohort, user=users[Role.TRAINEE]))
    personas = _personas(fake, rng, org)
    _background_posts(fake, rng, org, personas)
    db.session.flush()
    return org


def _personas(fake: Faker, rng: random.Random, org: Organisation) -> list[Persona]:
    personas, handles = [], set()
    for index in range(PERSONA_COUNT):
        name = fake.name()
        handle = "".join(ch for ch in name.lower().replace(" ", "_") if ch.isalnum() or ch == "_")[:24]
        while handle in handles:
            handle = f"{handle[:20]}{rng.randint(10, 99)}"
        handles.add(handle)
        kind = PERSONA_KINDS[index % len(PERSONA_KINDS)]
        persona = Persona(
            organisation=org,
            name=name,
            handle=handle,
            kind=kind,
            avatar=f"avatar-{index % 12}",
            bio=fake.sentence(nb_words=10),
        )
        personas.append(persona)
    db.session.add_all(personas)
    return personas


def _background_posts(fake: Faker, rng: random.Random, org: Organisation, personas: list[Persona]) -> None:
    now = utcnow()
    for platform, templates in BACKGROUND.items():
        for index in range(POSTS_PER_PLATFORM):
            author = rng.choice(personas)
            body = templates[index % len(templates)].format(
                city=fake.city(), first=fake.first_name(), weekday=fake.day_of_week(), n=rng.randint(2, 9)
            )
            db.session.add(
                Post(
                    organisation=org,
                    platform=platform,
                    kind=PostKind.POST,
                    body=body,
                    author_persona=author,
                    created_at=now - timedelta(minutes=rng.randint(5, 60 * 24 * 14)),
                )
            )
    for index in range(POSTS_PER_PLATFORM // 2):
        rating, body = REVIEWS[index % len(REVIEWS)]
        db.session.add(
            Post(
                organisation=org,
                platform="reviews",
                kind=PostKind.REVIEW,
                body=body,
                rating=rating,
                author_persona=rng.choice(personas),
                created_at=now - timedelta(hours=rng.randint(1, 24 * 60)),
            )
        )
