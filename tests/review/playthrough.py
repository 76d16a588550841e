"""Test data for the review tests: runs played through the real operations, and ended live sessions."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sandbox.extensions import db
from sandbox.feeds.operations import Draft, PauseRequired, create_post, delete_post, edit_post
from sandbox.feeds.platforms import PLATFORMS
from sandbox.models import LiveParticipant, LiveSession, Post, PostKind, Run, User, utcnow
from sandbox.scenarios.runs import finish_run, run_post, scenario_for, start_run

DENTAL = "reviews-dental-one-star-baits-phi"
REVIEWS = PLATFORMS["reviews"]
UNSAFE = (
    "Karen, your appointment on the 12th ran late because of an emergency, and your gums bled "
    "after four years."
)
SAFE = (
    "We're sorry to hear about this experience; waiting is frustrating. We can't discuss anyone's care "
    "here, but please call our office at 555-0142 and ask for the practice manager."
)
SAFER_EDIT = (
    "We're sorry about the wait. Please call our office at 555-0142 so the practice manager can help."
)


def _answer(trainee: User, run: Run, body: str, override: bool) -> Post:
    review = run_post(run, "review")
    draft = Draft(
        body=body, kind=PostKind.OWNER_RESPONSE, parent_id=review.id, run_id=run.id, override=override
    )
    post, _report = create_post(trainee, REVIEWS, draft)
    return post


def play_dental(
    trainee: User, answer: str, *, pause_first: bool = False, edit_to: str | None = None, delete: bool = False
) -> tuple[Run, Post]:
    """Play the dental review scenario: (be stopped,) answer, (edit,) (delete,) and finish."""
    run = start_run(trainee, scenario_for(DENTAL))
    db.session.commit()
    if pause_first:
        with pytest.raises(PauseRequired):
            _answer(trainee, run, answer, override=False)
        db.session.commit()
    post = _answer(trainee, run, answer, override=True)
    db.session.commit()
    if edit_to:
        edit_post(trainee, REVIEWS, post.id, edit_to, override=True)
        db.session.commit()
    if delete:
        delete_post(trainee, post.id)
        db.session.commit()
    if run.status != "finished":
        finish_run(run)
    db.session.commit()
    return run, post


def ended_session(cohort, instructor: User, trainees: list[User], mode: str = "parallel") -> LiveSession:
    """A live session of the cohort that has ended, with a (still running) run per trainee.

    In a shared room the trainees post into the world run, which the instructor owns and which points
    at itself; in parallel worlds each trainee posts in their own run.
    """
    now = utcnow()
    session = LiveSession(
        organisation_id=cohort.organisation_id,
        cohort_id=cohort.id,
        created_by_id=instructor.id,
        scenario_id="microblog-celebrity-admission-rumour",
        scenario_title="A celebrity admission rumour",
        platform="microblog",
        mode=mode,
        status="ended",
        started_at=now - timedelta(minutes=20),
        ended_at=now,
    )
    db.session.add(session)
    db.session.flush()
    world = None
    if mode == "shared":
        world = _session_run(session, instructor)
        world.world_run_id = world.id
        session.world_run_id = world.id
    for trainee in trainees:
        run = _session_run(session, trainee, world_run_id=world.id if world else None)
        db.session.add(
            LiveParticipant(
                session_id=session.id, user_id=trainee.id, display_name=trainee.display_name, run_id=run.id
            )
        )
    db.session.commit()
    return session


def _session_run(session: LiveSession, user: User, world_run_id: int | None = None) -> Run:
    run = Run(
        organisation_id=session.organisation_id,
        user_id=user.id,
        scenario_id=session.scenario_id,
        scenario_title=session.scenario_title,
        platform=session.platform,
        status="running",
        started_at=session.started_at,
        live_session_id=session.id,
        world_run_id=world_run_id,
    )
    db.session.add(run)
    db.session.flush()
    return run


def session_runs(session: LiveSession) -> dict[int, Run]:
    """The session's participant runs by user id."""
    return {p.user_id: db.session.get(Run, p.run_id) for p in session.participants}
