"""Build the demo organisation: accounts for each role, a cohort, personas and background posts."""

from __future__ import annotations

import random
from datetime import timedelta

import sqlalchemy as sa
from faker import Faker

from sandbox.extensions import db
from sandbox.models import (
    Audience,
    Cohort,
    CohortMembership,
    LiveSession,
    Organisation,
    Persona,
    Post,
    PostKind,
    Role,
    Run,
    User,
    utcnow,
)
from sandbox.models.audit import guard_lifted
from sandbox.models.social import Notification, Relationship

from .content import BACKGROUND, BIOS, PERSONA_KINDS, REVIEWS

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


def reset_database() -> None:
    """Remove every row, children first (audit events included): only `flask seed --reset` does this."""
    # Runs and live sessions point at each other; cut those links so the order below holds on PostgreSQL.
    db.session.execute(sa.update(Run).values(live_session_id=None, world_run_id=None))
    db.session.execute(sa.update(LiveSession).values(world_run_id=None))
    with guard_lifted(db.session.connection()):  # the one place the audit trail is wiped: a dev reset
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
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
    _trainee_world(rng, users[Role.TRAINEE], personas)
    _first_conversations(users[Role.TRAINEE], personas)
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
            bio=rng.choice(BIOS[kind]).format(city=fake.city(), n=rng.randint(2, 20)),
        )
        personas.append(persona)
    db.session.add_all(personas)
    return personas


def _background_posts(fake: Faker, rng: random.Random, org: Organisation, personas: list[Persona]) -> None:
    now = utcnow()
    for platform, templates in BACKGROUND.items():
        kind = PostKind.REVIEW if platform == "reviews" else PostKind.POST
        for template in templates:  # each once: a feed of the same post three times reads as a bot
            author = rng.choice(personas)
            city = fake.city()
            body = template.format(
                city=city,
                city_tag="".join(city.split()),  # a hashtag has no spaces: #WestJeffreystad
                first=fake.first_name(),
                weekday=fake.day_of_week(),
                n=rng.randint(2, 9),
            )
            db.session.add(
                Post(
                    organisation=org,
                    platform=platform,
                    kind=kind,
                    body=body,
                    rating=rng.randint(3, 5) if kind == PostKind.REVIEW else None,
                    author_persona=author,
                    created_at=now - timedelta(minutes=rng.randint(5, 60 * 24 * 14)),
                )
            )
    for rating, body in REVIEWS:
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


RELATIONSHIP_KIND = {
    "microblog": "follow",
    "social": "friend",
    "professional": "connection",
    "reviews": "follow",
}


def _trainee_world(rng: random.Random, trainee: User, personas: list[Persona]) -> None:
    """Give the demo trainee connections, requests waiting for an answer, and a few messages."""
    now = utcnow()
    by_kind = {p.kind: p for p in reversed(personas)}
    waiting = {by_kind[kind].id for _platform, kind, _words in WAITING}
    others = [p for p in personas if p.id not in waiting]
    for platform, kind in RELATIONSHIP_KIND.items():
        for persona in rng.sample(others, 6):
            db.session.add(
                Relationship(
                    platform=platform,
                    user_id=trainee.id,
                    persona_id=persona.id,
                    kind=kind,
                    status="accepted",
                    requested_by="user",
                    responded_at=now,
                )
            )
    for platform, persona, words in WAITING:
        persona = by_kind[persona]
        rel = Relationship(
            platform=platform,
            user_id=trainee.id,
            persona_id=persona.id,
            kind=RELATIONSHIP_KIND[platform],
            status="pending",
            requested_by="persona",
        )
        db.session.add(rel)
        db.session.flush()
        db.session.add(
            Notification(
                user_id=trainee.id,
                platform=platform,
                kind="request",
                persona_id=persona.id,
                relationship_id=rel.id,
            )
        )
        if words:
            dm = Post(
                organisation_id=trainee.organisation_id,
                platform=platform,
                kind=PostKind.DM,
                body=words,
                audience=Audience.PRIVATE,
                author_persona_id=persona.id,
                recipient_user_id=trainee.id,
                created_at=now - timedelta(minutes=rng.randint(10, 300)),
            )
            db.session.add(dm)
            db.session.flush()
            db.session.add(
                Notification(
                    user_id=trainee.id,
                    platform=platform,
                    kind="message",
                    persona_id=persona.id,
                    post_id=dm.id,
                )
            )


# Persona kinds that reach out to the demo trainee, and what they say first.
WAITING = [
    (
        "social",
        "patient",
        "Hi! I think you were my nurse last month, so glad I found you here :) Can we be friends?",
    ),
    (
        "professional",
        "recruiter",
        "Hello! I'm hiring for a few roles and would love to hear how busy your unit is "
        "these days. Open to a quick chat?",
    ),
    ("microblog", "journalist", None),
]


def _first_conversations(trainee: User, personas: list[Persona]) -> None:
    """A colleague mentions the demo trainee, and replies to the trainee's first post."""
    from sandbox.feeds.personas import persona_post
    from sandbox.feeds.platforms import PLATFORMS

    colleague = next(p for p in personas if p.kind == "colleague")
    platform = PLATFORMS["professional"]
    persona_post(
        colleague,
        platform,
        f"Great to have @{trainee.handle} joining our social media course this "
        "month. Looking forward to comparing notes!",
    )
    first = Post(
        organisation_id=trainee.organisation_id,
        platform="social",
        kind=PostKind.POST,
        body="Finally finished orientation week. So much to learn, so many good people!",
        author_user_id=trainee.id,
        audience=Audience.FRIENDS,
    )
    db.session.add(first)
    db.session.flush()
    persona_post(
        colleague, PLATFORMS["social"], "Welcome aboard! Coffee's on me at the next shift change.", first
    )
