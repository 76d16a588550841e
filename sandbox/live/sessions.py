"""Live sessions: an instructor plays one scenario for a cohort at once, on a clock they control.

Every trainee has a run of their own (scored and reviewed like any run). In parallel worlds each run has
its own cast and feed; in a shared room the cast and the injects live once, in a world run owned by the
instructor, and everyone's public posts are part of it. The instructor's releases drive every run; the
schedule, the releases and the clock are stored on the session row, so a restart loses nothing.
"""

from __future__ import annotations

import hmac
from datetime import datetime

import sqlalchemy as sa

from .. import audit
from ..auth.operations import clean_join_code
from ..errors import InvalidInput
from ..extensions import db
from ..feeds.platforms import PLATFORMS
from ..models import Cohort, CohortMembership, LiveParticipant, LiveSession, Post, Role, Run, User, utcnow
from ..scenarios.runs import finish_live_run, new_run, release_in_run, scenario_for, start_live_run
from ..scenarios.schema import Scenario
from .events import STAFF_AUDIENCE, emit

SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0)
CONSOLE_ROLES = (Role.INSTRUCTOR, Role.ADMIN, Role.ROLE_PLAYER)
MODE_NAMES = {"shared": "Shared room", "parallel": "Parallel worlds"}


def _error(message: str, field: str = "session", status: int = 409) -> InvalidInput:
    return InvalidInput(message, field, status=status)


def scenario_of_session(live: LiveSession) -> Scenario:
    """The scenario a session plays."""
    return scenario_for(live.scenario_id, live.organisation_id)


def may_run(user: User, live: LiveSession) -> bool:
    """Whether the user may open this session's console (its instructors, admins and role-players)."""
    if user.organisation_id != live.organisation_id or user.role not in CONSOLE_ROLES:
        return False
    if user.role == Role.INSTRUCTOR:
        return user.id in (live.created_by_id, live.cohort.instructor_id)
    return True


def may_control(user: User, live: LiveSession) -> bool:
    """Whether the user may release, pause, speed up and end (role-players only play personas)."""
    return may_run(user, live) and user.role != Role.ROLE_PLAYER


def initial_schedule(scenario: Scenario) -> dict[str, float]:
    """Session seconds at which each timed inject is due; follow-ups wait for a release."""
    schedule: dict[str, float] = {}
    for inject in scenario.injects:
        if inject.fires.at_start:
            schedule[inject.key] = 0.0
        elif inject.fires.after_minutes is not None:
            schedule[inject.key] = inject.fires.after_minutes * 60.0
    return schedule


def create_session(
    instructor: User, cohort: Cohort, scenario: Scenario, mode: str, allow_pseudonyms: bool = False
) -> LiveSession:
    """A session in the lobby, ready for trainees to join."""
    if mode not in MODE_NAMES:
        raise _error("Choose a shared room or parallel worlds.", "mode", 400)
    if cohort.organisation_id != instructor.organisation_id:
        raise _error("There is no such cohort.", "cohort_id", 404)
    if instructor.role == Role.INSTRUCTOR and cohort.instructor_id not in (None, instructor.id):
        raise _error("That cohort has another instructor.", "cohort_id", 403)
    live = LiveSession(
        organisation_id=instructor.organisation_id,
        cohort_id=cohort.id,
        created_by_id=instructor.id,
        scenario_id=scenario.id,
        scenario_title=scenario.title,
        platform=scenario.platform,
        mode=mode,
        allow_pseudonyms=allow_pseudonyms,
        schedule=initial_schedule(scenario),
        released={},
        projector={"spotlight": [], "show_authors": False, "debrief": False},
    )
    db.session.add(live)
    db.session.flush()
    if mode == "shared":
        world = new_run(instructor, scenario, utcnow(), live_session_id=live.id, driven="all")
        world.world_run_id = world.id
        live.world_run_id = world.id
    audit.record("live.created", live, actor=instructor, scenario=scenario.id, mode=mode, cohort=cohort.id)
    emit(live, "session.created", {"status": live.status}, STAFF_AUDIENCE)
    return live


def lock(live: LiveSession) -> LiveSession:
    """Hold the session row until commit and read it afresh, so two servers never act on stale state."""
    db.session.execute(
        sa.update(LiveSession).where(LiveSession.id == live.id).values(status=LiveSession.status),
        execution_options={"synchronize_session": False},
    )
    db.session.refresh(live)
    return live


def participant_for(live: LiveSession, user: User) -> LiveParticipant | None:
    """The user's place in the session, if they joined."""
    return db.session.scalar(
        sa.select(LiveParticipant).where(
            LiveParticipant.session_id == live.id, LiveParticipant.user_id == user.id
        )
    )


def joinable_session(cohort: Cohort) -> LiveSession | None:
    """The cohort's newest session that has not ended, if any."""
    return db.session.scalar(
        sa.select(LiveSession)
        .where(LiveSession.cohort_id == cohort.id, LiveSession.status != "ended")
        .order_by(LiveSession.created_at.desc(), LiveSession.id.desc())
        .limit(1)
    )


def session_for_code(user: User, code: str) -> LiveSession:
    """The session the user's cohort with this join code is running, or a clear error."""
    cohort = db.session.scalar(sa.select(Cohort).where(Cohort.join_code == code.strip().upper()))
    if cohort is None or cohort.organisation_id != user.organisation_id:
        raise _error("No cohort has that code. Check the code on the projector and try again.", "code", 404)
    live = joinable_session(cohort)
    if live is None:
        raise _error("Your cohort has no session running just now; the last one has ended.", "code")
    return live


def may_join_by_id(user: User, live: LiveSession) -> bool:
    """Whether the user may join by the session's number alone: a member of its cohort, or its staff."""
    return may_run(user, live) or is_member(live.cohort, user)


def session_for_id(user: User, live: LiveSession, code: str | None = None) -> LiveSession:
    """The session, when the user may join it by its number (or gave its cohort's code); else 403."""
    if code is not None:
        typed = clean_join_code(code).encode()  # bytes: compare_digest refuses non-ASCII text
        if not hmac.compare_digest(typed, live.cohort.join_code.encode()):
            raise _error("That is not the code of this session's cohort.", "code", 403)
    elif not may_join_by_id(user, live):
        raise _error("You are not in this session's cohort: join with the cohort code.", "code", 403)
    return live


def join(live: LiveSession, user: User, pseudonym: str | None = None, group: str = "") -> LiveParticipant:
    """Put a trainee in the session with a run of their own; joining again returns their place."""
    if live.status == "ended":
        raise _error("This session has ended; ask your instructor for the next one.")
    if user.organisation_id != live.organisation_id:
        raise _error("There is no such session.", status=404)
    if user.role not in (Role.TRAINEE, Role.ROLE_PLAYER, Role.INSTRUCTOR, Role.ADMIN):
        raise _error("Reviewers watch sessions from the review pages; they do not play.", "user", 403)
    existing = participant_for(live, user)
    if existing is not None:
        return existing
    pseudonym = (pseudonym or "").strip()
    if pseudonym and not live.allow_pseudonyms:
        raise _error("This session uses your account name; pseudonyms are not allowed.", "pseudonym", 400)
    if len(pseudonym) > 40:
        raise _error("A pseudonym can have at most 40 characters.", "pseudonym", 400)
    _ensure_member(live.cohort, user)
    scenario = scenario_of_session(live)
    driven = "all" if live.mode == "shared" else "timed"
    run = new_run(
        user, scenario, utcnow(), live_session_id=live.id, driven=driven, world_run_id=live.world_run_id
    )
    participant = LiveParticipant(
        session_id=live.id,
        user_id=user.id,
        display_name=pseudonym or user.display_name,
        group=group,
        run_id=run.id,
    )
    db.session.add(participant)
    db.session.flush()
    if live.status in ("running", "paused"):
        _catch_up(live, participant, run)
    audit.record("live.joined", live, actor=user, pseudonym=bool(pseudonym))
    emit(live, "participant.joined", participant_json(participant), STAFF_AUDIENCE)
    return participant


def is_member(cohort: Cohort, user: User) -> bool:
    """Whether the user has a place in the cohort."""
    member = db.session.scalar(
        sa.select(CohortMembership.id).where(
            CohortMembership.cohort_id == cohort.id, CohortMembership.user_id == user.id
        )
    )
    return member is not None


def _ensure_member(cohort: Cohort, user: User) -> None:
    if user.role == Role.TRAINEE and not is_member(cohort, user):
        db.session.add(CohortMembership(cohort_id=cohort.id, user_id=user.id))


def _catch_up(live: LiveSession, participant: LiveParticipant, run: Run) -> None:
    """A late joiner starts where the room is: everything released to them so far arrives at once."""
    now = utcnow()
    at = live.clock(now)
    start_live_run(run, at, now)
    for key, release in live.released.items():
        if _reaches(release, participant.group):
            release_in_run(run, key, at, now)


def _reaches(release: dict, group: str) -> bool:
    return release.get("groups") is None or group in release["groups"]


def participant_json(participant: LiveParticipant) -> dict:
    """What the console shows of a participant."""
    return {
        "id": participant.id,
        "user_id": participant.user_id,
        "name": participant.display_name,
        "group": participant.group,
        "run_id": participant.run_id,
    }


def state_json(live: LiveSession, now: datetime | None = None) -> dict:
    """The session's status and clock, as events and the API carry them."""
    return {
        "status": live.status,
        "clock": round(live.clock(now or utcnow()), 1),
        "speed": live.speed,
        "released": live.released,
        "schedule": live.schedule,
    }


def _runs(live: LiveSession) -> list[Run]:
    return list(db.session.scalars(sa.select(Run).where(Run.live_session_id == live.id).order_by(Run.id)))


def start(live: LiveSession, by: User) -> None:
    """Start the clock; what is due at the start is released to everyone."""
    lock(live)
    if live.status != "lobby":
        raise _error("This session has already started.")
    now = utcnow()
    live.status, live.started_at, live.clock_anchor, live.clock_seconds = "running", now, now, 0.0
    for run in _runs(live):
        start_live_run(run, 0.0, now)
    audit.record("live.started", live, actor=by)
    emit(live, "session.state", state_json(live, now))
    release_due(live, now)


def pause(live: LiveSession, by: User) -> None:
    """Stop the clock (trainees can still answer what they have)."""
    lock(live)
    if live.status != "running":
        raise _error("Only a running session can be paused.")
    now = utcnow()
    live.clock_seconds, live.clock_anchor, live.status = live.clock(now), None, "paused"
    audit.record("live.paused", live, actor=by, clock=live.clock_seconds)
    emit(live, "session.state", state_json(live, now))


def resume(live: LiveSession, by: User) -> None:
    """Start the clock again from where it stopped."""
    lock(live)
    if live.status != "paused":
        raise _error("Only a paused session can be resumed.")
    now = utcnow()
    live.clock_anchor, live.status = now, "running"
    audit.record("live.resumed", live, actor=by)
    emit(live, "session.state", state_json(live, now))
    release_due(live, now)


def set_speed(live: LiveSession, speed: float, by: User) -> None:
    """Run the clock faster or slower from now on."""
    lock(live)
    if speed not in SPEEDS:
        raise _error(f"Speed must be one of {', '.join(f'{s:g}x' for s in SPEEDS)}.", "speed", 400)
    if live.status == "ended":
        raise _error("This session has ended.")
    now = utcnow()
    if live.clock_anchor is not None:
        live.clock_seconds, live.clock_anchor = live.clock(now), now
    live.speed = speed
    audit.record("live.speed", live, actor=by, speed=speed)
    emit(live, "session.state", state_json(live, now))


def end(live: LiveSession, by: User) -> None:
    """Stop the session: every run ends and is scored; nobody can join any more."""
    lock(live)
    if live.status == "ended":
        raise _error("This session has already ended.")
    now = utcnow()
    live.clock_seconds, live.clock_anchor = live.clock(now), None
    live.status, live.ended_at = "ended", now
    for run in _runs(live):
        if run.status == "running":
            finish_live_run(run, now)
        elif run.status == "ready":
            run.status, run.finished_at = "finished", now
    audit.record("live.ended", live, actor=by, clock=live.clock_seconds)
    emit(live, "session.ended", state_json(live, now))


def schedule(live: LiveSession, inject_key: str, minutes: float, by: User) -> None:
    """Plan an inject for a time on the session clock (minutes from the start)."""
    lock(live)
    _inject(live, inject_key)
    if live.status == "ended":
        raise _error("This session has ended.")
    if inject_key in live.released and live.released[inject_key].get("groups") is None:
        raise _error("That inject has already been released to everyone.")
    if not 0 <= minutes <= 24 * 60:
        raise _error("Schedule it between 0 and 1440 minutes from the start.", "minutes", 400)
    live.schedule = {**live.schedule, inject_key: minutes * 60.0}
    audit.record("live.scheduled", live, actor=by, inject=inject_key, minutes=minutes)
    emit(live, "session.state", state_json(live), STAFF_AUDIENCE)
    if live.status == "running":
        release_due(live, utcnow())


def _inject(live: LiveSession, key: str):
    inject = next((i for i in scenario_of_session(live).injects if i.key == key), None)
    if inject is None:
        raise _error("This scenario has no inject with that key.", "inject", 404)
    return inject


def release(live: LiveSession, inject_key: str, by: User | None, group: str | None = None) -> None:
    """Release an inject now, to everyone or to one group; a second release to the same people is refused."""
    lock(live)
    inject = _inject(live, inject_key)
    if live.status not in ("running", "paused"):
        raise _error(
            "Start the session before releasing injects."
            if live.status == "lobby"
            else "This session has ended."
        )
    group = (group or "").strip() or None
    before = live.released.get(inject_key)
    if before is not None and (before.get("groups") is None or group in before["groups"]):
        raise _error(
            "That inject has already been released" + (f" to {group}." if group else " to everyone.")
        )
    if group is not None and live.mode == "shared" and inject.kind != "dm":
        raise _error(
            "In a shared room everyone sees one feed: release public posts to everyone.", "group", 400
        )
    _release(live, inject_key, group, utcnow(), by)


def _release(live: LiveSession, key: str, group: str | None, now: datetime, by: User | None) -> None:
    at = live.clock(now)
    groups = None if group is None else sorted({*(live.released.get(key, {}).get("groups") or []), group})
    live.released = {**live.released, key: {"at": round(at, 1), "groups": groups}}
    seated = {p.run_id: p.group for p in live.participants}
    for run in _runs(live):
        if run.world_run_id == run.id or group is None or seated.get(run.id) == group:
            release_in_run(run, key, at, now)
    audit.record("live.released", live, actor=by, inject=key, group=group, clock=round(at, 1))
    emit(live, "inject.released", {"key": key, "at": round(at, 1)}, f"group:{group}" if group else "all")


def due_keys(live: LiveSession, clock: float) -> list[str]:
    """Scheduled injects due by this session time and not yet released to everyone, in schedule order."""
    return [
        key
        for key, at in sorted(live.schedule.items(), key=lambda item: item[1])
        if at <= clock and (live.released.get(key) or {"groups": []}).get("groups") is not None
    ]


def release_due(live: LiveSession, now: datetime) -> list[str]:
    """Release to everyone whatever the schedule says is due by now (the caller holds the lock)."""
    if live.status != "running":
        return []
    due = due_keys(live, live.clock(now))
    for key in due:
        _release(live, key, None, now, None)
    return due


def platform_of(live: LiveSession):
    """The platform a session plays on."""
    return PLATFORMS[live.platform]


def set_group(live: LiveSession, participant_id: int, group: str, by: User) -> None:
    """Seat a participant at a table or in a group (releases to a group reach them from now on)."""
    participant = next((p for p in live.participants if p.id == participant_id), None)
    if participant is None:
        raise _error("That trainee is not in this session.", "participant", 404)
    participant.group = group.strip()[:40]
    audit.record("live.grouped", live, actor=by, participant=participant.id, group=participant.group)
    emit(live, "participant.grouped", participant_json(participant), STAFF_AUDIENCE)


def toggle_spotlight(live: LiveSession, post_id: str, by: User) -> None:
    """Put a trainee's post on the projector, or take it down again."""
    lock(live)
    runs = {p.run_id for p in live.participants}
    post = db.session.get(Post, int(post_id)) if str(post_id).isdigit() else None
    if post is None or post.run_id not in runs or post.author_user_id is None:
        raise _error("That post is not a trainee's post in this session.", "post_id", 404)
    shown = list(live.projector.get("spotlight", []))
    shown = [i for i in shown if i != post.id] if post.id in shown else [*shown, post.id]
    live.projector = {**live.projector, "spotlight": shown}
    audit.record("live.spotlight", live, actor=by, post=post.id, shown=post.id in shown)
    emit(live, "projector.changed", dict(live.projector), STAFF_AUDIENCE)


PROJECTOR_SWITCHES = {"authors": "show_authors", "debrief": "debrief"}


def toggle_projector(live: LiveSession, setting: str, by: User) -> None:
    """Show or hide the authors' names, or switch between the current inject and the debrief."""
    lock(live)
    key = PROJECTOR_SWITCHES.get(setting)
    if key is None:
        raise _error("The projector can show authors or the debrief.", "setting", 404)
    live.projector = {**live.projector, key: not live.projector.get(key, False)}
    audit.record("live.projector", live, actor=by, setting=key, value=live.projector[key])
    emit(live, "projector.changed", dict(live.projector), STAFF_AUDIENCE)
