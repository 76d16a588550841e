"""flask seed: the deterministic demo population."""

from __future__ import annotations

import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.models import Cohort, Persona, Post, User

from .factories import count


def _snapshot():
    users = sorted((u.email, u.role.value) for u in db.session.scalars(sa.select(User)))
    personas = sorted((p.handle, p.name, p.kind) for p in db.session.scalars(sa.select(Persona)))
    posts = sorted((p.platform, p.body) for p in db.session.scalars(sa.select(Post)))
    return users, personas, posts


def test_seed_creates_demo_accounts_cohort_personas_and_posts_on_every_platform(runner, client):
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert "trainee@demo.test" in result.output and "practice-safely" in result.output
    assert count(User) == 5 and count(Cohort) == 1 and count(Persona) >= 20
    platforms = dict(
        db.session.execute(sa.select(Post.platform, sa.func.count()).group_by(Post.platform)).all()
    )
    assert set(platforms) == {"microblog", "social", "professional", "reviews"}
    assert min(platforms.values()) >= 10
    for email in (
        "trainee@demo.test",
        "instructor@demo.test",
        "roleplayer@demo.test",
        "reviewer@demo.test",
        "admin@demo.test",
    ):
        login = client.post("/login", data={"email": email, "password": "practice-safely"})
        assert login.status_code == 302, email
        client.post("/logout")


def test_same_seed_gives_the_same_data(runner):
    runner.invoke(args=["seed", "--seed", "7"])
    first = _snapshot()
    result = runner.invoke(args=["seed", "--reset", "--seed", "7"], input="y\n")
    assert result.exit_code == 0, result.output
    assert _snapshot() == first
    runner.invoke(args=["seed", "--reset", "--seed", "8"], input="y\n")
    assert _snapshot()[1] != first[1]


def test_seed_refuses_to_overwrite_without_reset_and_if_empty_is_a_no_op(runner):
    runner.invoke(args=["seed"])
    refused = runner.invoke(args=["seed"])
    assert refused.exit_code != 0 and "--reset" in refused.output
    assert runner.invoke(args=["seed", "--if-empty"]).exit_code == 0
    assert count(User) == 5


def test_seed_reset_asks_for_confirmation(runner):
    runner.invoke(args=["seed"])
    aborted = runner.invoke(args=["seed", "--reset"], input="n\n")
    assert aborted.exit_code != 0 and count(User) == 5


def test_demo_seed_is_refused_in_production(app, runner):
    app.config["ENABLE_DEMO_SEED"] = False
    result = runner.invoke(args=["seed"])
    assert result.exit_code != 0 and "development only" in result.output
    assert count(User) == 0


def test_create_admin_command_makes_a_working_admin(runner, client):
    result = runner.invoke(
        args=["create-admin", "--email", "Boss@Test.example", "--name", "Boss", "--organisation", "New Org"],
        input="long-enough-pw\nlong-enough-pw\n",
    )
    assert result.exit_code == 0, result.output
    login = client.post("/login", data={"email": "boss@test.example", "password": "long-enough-pw"})
    assert login.status_code == 302
    assert client.get("/api/v1/me").json["role"] == "admin"


def test_reset_clears_live_sessions_and_their_runs(runner):
    from sandbox.live import sessions
    from sandbox.models import LiveSession, Role, Run
    from sandbox.scenarios.runs import scenario_for

    runner.invoke(args=["seed", "--seed", "7"])
    cohort = db.session.scalar(sa.select(Cohort).where(Cohort.join_code == "DEMO2026"))
    instructor = db.session.scalar(sa.select(User).where(User.role == Role.INSTRUCTOR))
    trainee = db.session.scalar(sa.select(User).where(User.role == Role.TRAINEE))
    live = sessions.create_session(instructor, cohort, scenario_for("microblog-troll"), "shared")
    sessions.join(live, trainee)
    sessions.start(live, instructor)
    db.session.commit()
    result = runner.invoke(args=["seed", "--reset", "--seed", "7"], input="y\n")
    assert result.exit_code == 0, result.output
    assert count(LiveSession) == 0 and count(Run) == 0


def test_seed_content_reads_like_people_wrote_it(runner):
    import re

    from seed.content import BIOS

    runner.invoke(args=["seed"])
    posts = db.session.execute(sa.select(Post.platform, Post.body)).all()
    for platform in {p for p, _ in posts}:
        bodies = [body for p, body in posts if p == platform]
        assert len(bodies) == len(set(bodies)), f"{platform} repeats a post"
    tags = [tag for _, body in posts for tag in re.findall(r"#\S+", body)]
    assert tags and all(re.fullmatch(r"#\w+", tag) for tag in tags), tags
    club = next(body for _, body in posts if "running club" in body)
    assert re.search(r"#\w+Runs$", club), club  # one tag for the place, not "#West Jeffreystadruns"
    bios = {kind: [re.escape(b).replace(r"\{city\}", ".+").replace(r"\{n\}", r"\d+") for b in texts]
            for kind, texts in BIOS.items()}
    for persona in db.session.scalars(sa.select(Persona)):
        assert any(re.fullmatch(pattern, persona.bio) for pattern in bios[persona.kind]), persona.bio
