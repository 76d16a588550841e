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
from ..models import LiveSession, Persona, Post, PostKind, Run, UploadedScenario, User, utcnow
from .engine import Deleted, Deliver, Finish, Finished, Release, Reply, Start, Tick, new_state, step
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
        row = db.session.execute(
            _versions(organisation_id).where(UploadedScenario.scenario_id == scenario_id)
        ).first()
        scenario = _parsed(*row) if row is not None else None
    if scenario is None:
        raise InvalidInput("There is no scenario with that id.", "scenario_id", status=404)
    return scenario


PARSED_CACHE_SIZE = 1024  # uploaded scenarios kept parsed per process, all organisations together


def _versions(organisation_id: int):
    """SQL: the (row id, last change) of an organisation's uploaded scenarios: what the cache keys on."""
    return sa.select(UploadedScenario.id, UploadedScenario.updated_at).where(
        UploadedScenario.organisation_id == organisation_id
    )


@lru_cache(maxsize=PARSED_CACHE_SIZE)
def _parsed(row_id: int, updated_at: datetime) -> Scenario:
    """An uploaded scenario, parsed once per version (a replaced file has a new updated_at)."""
    return parse_scenario(db.session.get_one(UploadedScenario, row_id).yaml_text)


def scenario_of(run: Run) -> Scenario:
    """The scenario a run plays."""
    return scenario_for(run.scenario_id, run.organisation_id)


def library_for(organisation_id: int) -> dict[str, Scenario]:
    """The shipped library plus the organisation's uploaded scenarios."""
    uploaded = db.session.execute(_versions(organisation_id))
    return {**library(), **{s.id: s for s in (_parsed(*row) for row in uploaded)}}


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
    run = new_run(user, scenario, now)
    audit.record("run.started", run, actor=user, scenario=scenario.id, attempt=run.attempt)
    _apply(run, scenario, Start(0), now)
    return run


def new_run(
    user: User,
    scenario: Scenario,
    now: datetime,
    live_session_id: int | None = None,
    driven: str | None = None,
    world_run_id: int | None = None,
) -> Run:
    """A run not yet started, with its own cast and setting unless it plays in a shared room's world."""
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
        state=new_state(driven),
        started_at=now,
        live_session_id=live_session_id,
        world_run_id=world_run_id,
    )
    db.session.add(run)
    db.session.flush()
    if world_run_id in (None, run.id):
        _cast_and_setting(run, scenario, now)
    return run


def start_live_run(run: Run, at: float, now: datetime | None = None) -> None:
    """Start a live session's run at session time `at` (the instructor releases what arrives)."""
    _apply(run, scenario_of(run), Start(at), now or utcnow())


def release_in_run(run: Run, inject_key: str, at: float, now: datetime | None = None) -> bool:
    """Release an inject in a live run now; False when the run already had it."""
    if inject_key in run.state["delivered"] or run.status != "running":
        return False
    _apply(run, scenario_of(run), Release(at, inject_key), now or utcnow())
    return inject_key in run.state["delivered"]


def _cast_and_setting(run: Run, scenario: Scenario, now: datetime) -> None:
    cast = {
        spec.key: Persona(
            organisation_id=run.organisation_id,
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
                organisation_id=run.organisation_id,
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


def _apply(run: Run, scenario: Scenario, event, now: datetime) -> None:
    state, effects = step(scenario, run.state, event)
    run.state, run.status = state, state["status"]
    for effect in effects:
        if isinstance(effect, Deliver) and _delivers_here(run, scenario, effect.inject):
            _deliver(run, scenario, effect.inject, _delivered_time(run, state, effect.inject, now))
        elif isinstance(effect, Finished):
            run.finished_at, run.score = now, score_run(scenario, state).score
            audit.record("run.finished", run, actor=run.user, reason=effect.reason, score=run.score)
    db.session.flush()


def _delivers_here(run: Run, scenario: Scenario, key: str) -> bool:
    """In a shared room the world run posts public injects once, and each trainee's run their DMs."""
    if run.world_run_id is None:
        return True
    is_dm = next(i for i in scenario.injects if i.key == key).kind == "dm"
    return is_dm == run.in_shared_room


def _delivered_time(run: Run, state: dict, key: str, now: datetime) -> datetime:
    if run.live_session_id is not None:
        return now  # a live session's clock can pause and speed up; the post arrives when released
    return run.started_at + timedelta(seconds=state["delivered"][key])


def _deliver(run: Run, scenario: Scenario, key: str, when: datetime) -> Post:
    inject = next(i for i in scenario.injects if i.key == key)
    spec = next(p for p in scenario.personas if p.key == inject.persona)
    persona = db.session.scalar(
        sa.select(Persona).where(Persona.run_id == run.cast_run_id, Persona.handle == spec.handle)
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
        run_id=run.cast_run_id,
        scenario_key=key,
    )
    post.created_at = min(when, utcnow())
    return post


def run_post(run: Run, key: str) -> Post | None:
    """The post a setting entry or inject became in this run (or in its shared room's world)."""
    return db.session.scalar(
        sa.select(Post)
        .where(Post.run_id == run.cast_run_id, Post.scenario_key == key)
        .order_by(Post.id)
        .limit(1)
    )


def _live_wall():
    # Imported when needed: live sessions are built on runs, so importing them at the top is a cycle.
    from ..live import wall

    return wall


def run_clock(run: Run, now: datetime) -> float:
    """Seconds into the run: its own time, or its live session's clock (which can pause and speed up)."""
    if run.live_session_id is None:
        return run.seconds_since_start(now)
    return db.session.get(LiveSession, run.live_session_id).clock(now)


def advance(run: Run, now: datetime | None = None) -> None:
    """Let time pass: deliver timed injects and no-reply branches that are due."""
    if run.status == "running":
        now = now or utcnow()
        _apply(run, scenario_of(run), Tick(run_clock(run, now)), now)


def _answered_key(run: Run, post: Post) -> str | None:
    if post.parent_id is not None:
        return db.session.scalar(sa.select(Post.scenario_key).where(Post.id == post.parent_id))
    if post.kind == PostKind.DM and post.recipient_persona_id is not None:
        return db.session.scalar(
            sa.select(Post.scenario_key)
            .where(
                Post.run_id == run.cast_run_id,
                Post.recipient_user_id == run.user_id,
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
    if key is not None and run.status == "running":
        event = Reply(run_clock(run, now), key, post.id, tuple(report.labels), post.body, post.overridden)
        _apply(run, scenario_of(run), event, now)
    if run.live_session_id is not None:
        _live_wall().trainee_posted(run, post)


def record_trainee_delete(run: Run, post: Post, now: datetime | None = None) -> None:
    """A deleted answer still counts against 'not deleted' checks."""
    now = now or utcnow()
    _apply(run, scenario_of(run), Deleted(run_clock(run, now), post.id), now)
    if run.live_session_id is not None:
        _live_wall().trainee_changed(run, post, "post.deleted")
    if run.status == "finished":
        run.score = score_run(scenario_of(run), run.state).score


def finish_run(run: Run, now: datetime | None = None, by_session: bool = False) -> None:
    """End the run at the trainee's request (a live session's runs end with the session)."""
    if run.status == "finished":
        raise InvalidInput("This run has already ended.", "run", status=409)
    if run.live_session_id is not None and not by_session:
        raise InvalidInput(
            "This run is part of a live session; it ends when your instructor ends the session.", "run", 409
        )
    now = now or utcnow()
    if run.status == "running":
        advance(run, now)
    _apply(run, scenario_of(run), Finish(run_clock(run, now)), now)


def finish_live_run(run: Run, now: datetime | None = None) -> None:
    """End a live session's run when its session ends."""
    if run.status != "finished":
        finish_run(run, now, by_session=True)
