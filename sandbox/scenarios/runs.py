"""Runs: start a scenario in a world of the trainee's own, feed it the trainee's posts, score it."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache

import sqlalchemy as sa

from .. import audit
from ..errors import InvalidInput
from ..extensions import db
from ..feedback import Report
from ..feeds.personas import persona_post
from ..feeds.platforms import PLATFORMS
from ..models import Persona, Post, PostKind, Run, UploadedScenario, User, utcnow
from .engine import Deleted, Deliver, Finish, Finished, Reply, Start, Tick, new_state, step
from .loader import load_library, parse_scenario
from .schema import Scenario
from .scoring import score_run


@lru_cache(maxsize=1)
def library() -> dict[str, Scenario]:
    """The shipped scenarios, loaded once per process."""
    return load_library()


def scenario_for(scenario_id: str, organisation_id: int | None = None) -> Scenario:
    """A shipped scenario, or one the organisation uploaded, or a clear error."""
    scenario = library().get(scenario_id)
    if scenario is None and organisation_id is not None:
        row = db.session.scalar(
            sa.select(UploadedScenario).where(
                UploadedScenario.organisation_id == organisation_id,
                UploadedScenario.scenario_id == scenario_id,
            )
        )
        scenario = _parsed(row.yaml_text) if row is not None else None
    if scenario is None:
        raise InvalidInput("There is no scenario with that id.", "scenario_id", status=404)
    return scenario


@lru_cache(maxsize=64)
def _parsed(yaml_text: str) -> Scenario:
    return parse_scenario(yaml_text)


def scenario_of(run: Run) -> Scenario:
    """The scenario a run plays."""
    return scenario_for(run.scenario_id, run.organisation_id)


def library_for(organisation_id: int) -> dict[str, Scenario]:
    """The shipped library plus the organisation's uploaded scenarios."""
    uploaded = db.session.scalars(
        sa.select(UploadedScenario.yaml_text).where(UploadedScenario.organisation_id == organisation_id)
    )
    return {**library(), **{s.id: s for s in map(_parsed, uploaded)}}


def own_run(user: User, run_id: object) -> Run:
    """The user's own run with this id, or a clear 404 error."""
    run = db.session.get(Run, run_id) if isinstance(run_id, int) else None
    if run is None or run.user_id != user.id:
        raise InvalidInput("That scenario run does not exist or is not yours.", "run_id", status=404)
    return run


def running_run(user: User, run_id: int, platform=None) -> Run:
    """The user's own run with this id, still running (and on this platform), or a clear error."""
    run = own_run(user, run_id)
    if platform is not None and run.platform != platform.id:
        raise InvalidInput(f"That run takes place on {PLATFORMS[run.platform].name}.", "run_id", status=400)
    advance(run)
    if run.status != "running":
        raise InvalidInput(
            "That scenario run has ended; start it again to practise more.", "run_id", status=409
        )
    return run


def facts_of(run: Run) -> list[dict[str, str]]:
    """The run's synthetic patient facts, as the feedback engine takes them."""
    return [fact.model_dump() for fact in scenario_of(run).patient_facts]


def start_run(user: User, scenario: Scenario, now: datetime | None = None) -> Run:
    """Create the run, its cast and setting, and deliver what fires at the start."""
    now = now or utcnow()
    attempt = 1 + db.session.scalar(
        sa.select(sa.func.count(Run.id)).where(Run.user_id == user.id, Run.scenario_id == scenario.id)
    )
    run = Run(
        organisation_id=user.organisation_id,
        user_id=user.id,
        scenario_id=scenario.id,
        scenario_title=scenario.title,
        platform=scenario.platform,
        attempt=attempt,
        state=new_state(),
        started_at=now,
    )
    db.session.add(run)
    db.session.flush()
    cast = {
        spec.key: Persona(
            organisation_id=user.organisation_id,
            run_id=run.id,
            name=spec.name,
            handle=spec.handle,
            kind=spec.kind,
            bio=spec.bio,
        )
        for spec in scenario.personas
    }
    db.session.add_all(cast.values())
    db.session.flush()
    for post in scenario.setting:
        db.session.add(
            Post(
                organisation_id=user.organisation_id,
                platform=scenario.platform,
                run_id=run.id,
                scenario_key=post.key,
                kind=PostKind(post.kind),
                body=post.body,
                rating=post.rating,
                author_persona_id=cast[post.persona].id,
                created_at=now - timedelta(minutes=post.minutes_ago),
            )
        )
    audit.record("run.started", run, actor=user, scenario=scenario.id, attempt=attempt)
    _apply(run, scenario, Start(0), now)
    return run


def _apply(run: Run, scenario: Scenario, event, now: datetime) -> None:
    state, effects = step(scenario, run.state, event)
    run.state, run.status = state, state["status"]
    for effect in effects:
        if isinstance(effect, Deliver):
            _deliver(
                run,
                scenario,
                effect.inject,
                run.started_at + timedelta(seconds=state["delivered"][effect.inject]),
            )
        elif isinstance(effect, Finished):
            run.finished_at, run.score = now, score_run(scenario, state).score
            audit.record("run.finished", run, actor=run.user, reason=effect.reason, score=run.score)
    db.session.flush()


def _deliver(run: Run, scenario: Scenario, key: str, when: datetime) -> Post:
    inject = next(i for i in scenario.injects if i.key == key)
    spec = next(p for p in scenario.personas if p.key == inject.persona)
    persona = db.session.scalar(
        sa.select(Persona).where(Persona.run_id == run.id, Persona.handle == spec.handle)
    )
    parent = run_post(run, inject.reply_to) if inject.reply_to else None
    recipient = run.user if inject.kind == "dm" else None
    post = persona_post(
        persona,
        PLATFORMS[run.platform],
        inject.body,
        parent=parent,
        recipient=recipient,
        kind=PostKind(inject.kind),
        rating=inject.rating,
        run_id=run.id,
        scenario_key=key,
    )
    post.created_at = min(when, utcnow())
    return post


def run_post(run: Run, key: str) -> Post | None:
    """The post a setting entry or inject became in this run."""
    return db.session.scalar(sa.select(Post).where(Post.run_id == run.id, Post.scenario_key == key))


def advance(run: Run, now: datetime | None = None) -> None:
    """Let time pass: deliver timed injects and no-reply branches that are due."""
    if run.status == "running":
        now = now or utcnow()
        _apply(run, scenario_of(run), Tick(run.seconds_since_start(now)), now)


def _answered_key(run: Run, post: Post) -> str | None:
    if post.parent_id is not None:
        return db.session.scalar(sa.select(Post.scenario_key).where(Post.id == post.parent_id))
    if post.kind == PostKind.DM and post.recipient_persona_id is not None:
        return db.session.scalar(
            sa.select(Post.scenario_key)
            .where(
                Post.run_id == run.id,
                Post.kind == PostKind.DM,
                Post.author_persona_id == post.recipient_persona_id,
                Post.scenario_key.is_not(None),
            )
            .order_by(Post.created_at.desc(), Post.id.desc())
            .limit(1)
        )
    return None


def record_trainee_post(run: Run, post: Post, report: Report, now: datetime | None = None) -> None:
    """Tell the engine the trainee answered something; the branch their words chose follows."""
    now = now or utcnow()
    advance(run, now)
    key = _answered_key(run, post)
    if key is None or run.status != "running":
        return
    event = Reply(
        run.seconds_since_start(now), key, post.id, tuple(report.labels), post.body, post.overridden
    )
    _apply(run, scenario_of(run), event, now)


def record_trainee_delete(run: Run, post: Post, now: datetime | None = None) -> None:
    """A deleted answer still counts against 'not deleted' checks."""
    now = now or utcnow()
    _apply(run, scenario_of(run), Deleted(run.seconds_since_start(now), post.id), now)
    if run.status == "finished":
        run.score = score_run(scenario_of(run), run.state).score


def finish_run(run: Run, now: datetime | None = None) -> None:
    """End the run at the trainee's request."""
    if run.status == "finished":
        raise InvalidInput("This run has already ended.", "run", status=409)
    now = now or utcnow()
    if run.status == "running":
        advance(run, now)
    _apply(run, scenario_of(run), Finish(run.seconds_since_start(now)), now)
