"""Factories for test data: organisations, users, cohorts; and small helpers."""

from __future__ import annotations

import itertools
import re

import sqlalchemy as sa
from werkzeug.security import generate_password_hash

from sandbox.extensions import db
from sandbox.models import Cohort, CohortMembership, Organisation, Persona, Post, PostKind, Role, User

PASSWORD = "practice-safely"
_counter = itertools.count(1)
_PASSWORD_HASH = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")


def make_org(name: str | None = None) -> Organisation:
    """Create an organisation."""
    organisation = Organisation(name=name or f"Org {next(_counter)}")
    db.session.add(organisation)
    db.session.commit()
    return organisation


def make_user(
    org: Organisation,
    role: Role = Role.TRAINEE,
    email: str | None = None,
    password: str | None = PASSWORD,
    active: bool = True,
) -> User:
    """Create a user with a known password."""
    n = next(_counter)
    user = User(
        organisation=org,
        role=role,
        email=email or f"{role.value}{n}@test.example",
        display_name=f"{role.value.title()} {n}",
        is_active_account=active,
        password_hash=_password_hash(password),
    )
    db.session.add(user)
    db.session.commit()
    return user


def make_cohort(org: Organisation, instructor: User | None = None, members: tuple[User, ...] = ()) -> Cohort:
    """Create a cohort with a join code and members."""
    n = next(_counter)
    cohort = Cohort(organisation=org, name=f"Cohort {n}", join_code=f"CODE{n:04d}", instructor=instructor)
    db.session.add(cohort)
    db.session.add_all(CohortMembership(cohort=cohort, user=m) for m in members)
    db.session.commit()
    return cohort


def csrf_token_from(html: str) -> str:
    """Pull the CSRF token out of a rendered form."""
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def _password_hash(password: str | None) -> str | None:
    if password is None:
        return None
    return (
        _PASSWORD_HASH
        if password == PASSWORD
        else generate_password_hash(password, method="pbkdf2:sha256:1000")
    )


def count(model) -> int:
    """Rows in a model's table."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def make_persona(org: Organisation, kind: str = "member", handle: str | None = None) -> Persona:
    """Create a synthetic persona."""
    n = next(_counter)
    persona = Persona(organisation=org, name=f"Persona {n}", handle=handle or f"persona_{n}", kind=kind)
    db.session.add(persona)
    db.session.commit()
    return persona


def make_post(
    org: Organisation,
    persona: Persona,
    platform: str,
    body: str = "Hello from the test feed",
    kind: PostKind = PostKind.POST,
    **fields,
) -> Post:
    """Create a persona's post."""
    post = Post(organisation=org, platform=platform, author_persona=persona, body=body, kind=kind, **fields)
    db.session.add(post)
    db.session.commit()
    return post


def make_review_run(
    org: Organisation, trainee: User, scenario_id: str = "reviews-dental-one-star-baits-phi", **fields
):
    """Create a finished self-paced run of a trainee (for review, reports and exports)."""
    from sandbox.models import Run, utcnow

    values = {
        "scenario_title": scenario_id.replace("-", " ").title(),
        "platform": scenario_id.split("-")[0],
        "status": "finished",
        "finished_at": utcnow(),
        **fields,
    }
    run = Run(organisation_id=org.id, user_id=trainee.id, scenario_id=scenario_id, **values)
    db.session.add(run)
    db.session.commit()
    return run


def make_review_post(run, body: str = "A reply in the run", findings=(), **fields) -> Post:
    """Create the run's trainee's post with findings given as (kind, label, severity) triples."""
    from sandbox.models import Finding

    post = Post(
        organisation_id=run.organisation_id,
        platform=run.platform,
        author_user_id=run.user_id,
        run_id=run.id,
        body=body,
        **fields,
    )
    db.session.add(post)
    db.session.flush()
    for kind, label, severity in findings:
        db.session.add(
            Finding(
                post_id=post.id,
                user_id=run.user_id,
                kind=kind,
                label=label,
                severity=severity,
                rule=f"test.{label.lower()}",
                overridden=post.overridden and severity == "block",
            )
        )
    db.session.commit()
    return post


def make_live_session(org: Organisation, cohort, instructor: User | None = None, mode: str = "shared"):
    """Create a live session in the lobby for the cohort (the scenario asks a question at the start)."""
    from sandbox.live.sessions import create_session
    from sandbox.scenarios.runs import scenario_for

    instructor = instructor or make_user(org, Role.INSTRUCTOR)
    live = create_session(instructor, cohort, scenario_for("microblog-celebrity-admission-rumour"), mode)
    db.session.commit()
    return live
