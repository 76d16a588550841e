"""Runs in the database: a world of the trainee's own, branches chosen by their words, restart-safe."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from sandbox import create_app
from sandbox.errors import InvalidInput
from sandbox.extensions import db
from sandbox.feeds import queries
from sandbox.feeds.operations import Draft, create_post, delete_post
from sandbox.feeds.platforms import PLATFORMS
from sandbox.models import Finding, Persona, Post, PostKind, Role, Run, utcnow
from sandbox.scenarios.runs import advance, finish_run, run_post, scenario_for, start_run

from ..factories import make_user

REVIEWS = PLATFORMS["reviews"]
UNSAFE = (
    "Karen, your appointment on the 12th ran late because of an emergency, and your gums bled "
    "after four years."
)
SAFE = (
    "We're sorry to hear about this experience; waiting is frustrating. We can't discuss anyone's care "
    "here, but please call our office at 555-0142 and ask for the practice manager."
)


@pytest.fixture
def trainee(org):
    return make_user(org, Role.TRAINEE)


@pytest.fixture
def run(trainee):
    run = start_run(trainee, scenario_for("reviews-dental-one-star-baits-phi"))
    db.session.commit()
    return run


def _answer(trainee, run, body, override=True):
    review = run_post(run, "review")
    post, report = create_post(
        trainee,
        REVIEWS,
        Draft(body=body, kind=PostKind.OWNER_RESPONSE, parent_id=review.id, run_id=run.id, override=override),
    )
    db.session.commit()
    return post, report


def test_starting_a_run_builds_its_own_world(trainee, run):
    assert run.status == "running" and run.attempt == 1
    review = run_post(run, "review")
    assert review.kind == PostKind.REVIEW and review.rating == 1 and review.author_persona.run_id == run.id
    assert run_post(run, "old-review").created_at < review.created_at
    world = [item.post.scenario_key for item in queries.feed_page(trainee, REVIEWS, run=run).items]
    assert world == ["review", "old-review"]
    assert queries.feed_page(trainee, REVIEWS).items == []  # the sandbox feed never shows a run


def test_an_unsafe_answer_takes_the_unsafe_branch_and_scores_low(trainee, run):
    _post, report = _answer(trainee, run, UNSAFE)
    assert "RELATIONSHIP" in report.labels or "CLINICAL" in report.labels
    escalation = run_post(run, "escalation")
    assert escalation is not None and escalation.parent_id == run_post(run, "review").id
    assert run_post(run, "calmer") is None
    assert run.status == "finished" and run.score < 50


def test_a_safe_answer_takes_the_safe_branch(trainee, run):
    _post, report = _answer(trainee, run, SAFE, override=False)
    assert not report.blocking
    assert run_post(run, "calmer") is not None and run_post(run, "escalation") is None
    assert run.state["branches"] == {"review": "calmer"}


def test_the_scenarios_patient_facts_are_flagged(trainee, run):
    post, _report = _answer(trainee, run, "Ms Mitchell, we have reviewed your file.")
    rules = db.session.scalars(sa.select(Finding.rule).where(Finding.post_id == post.id)).all()
    assert "privacy.scenario_fact" in rules


def test_silence_brings_the_no_reply_branch(trainee, run):
    advance(run, run.started_at + timedelta(minutes=9))
    db.session.commit()
    assert run_post(run, "still-waiting") is not None


def test_the_run_survives_a_restart(trainee, run, config):
    run_id, trainee_id = run.id, trainee.id
    db.session.remove()
    restarted = create_app(config)
    with restarted.app_context():
        again = db.session.get(Run, run_id)
        _answer(db.session.get(type(trainee), trainee_id), again, SAFE, override=False)
        assert again.state["branches"] == {"review": "calmer"}
        db.session.remove()
        db.engine.dispose()


def test_two_attempts_have_separate_casts_with_the_same_handles(trainee, run):
    second = start_run(trainee, scenario_for("reviews-dental-one-star-baits-phi"))
    db.session.commit()
    assert second.attempt == 2
    handles = db.session.scalars(
        sa.select(Persona.handle).where(Persona.run_id.in_([run.id, second.id]))
    ).all()
    assert sorted(handles) == sorted(["karen_m_reviews", "pete_l"] * 2)


def test_deleting_an_answer_after_the_end_is_still_recorded(trainee, run):
    post, _ = _answer(trainee, run, SAFE, override=False)
    delete_post(trainee, post.id)
    db.session.commit()
    assert run.state["replies"]["review"]["deleted"] is True


def test_runs_refuse_strangers_and_ended_runs(org, trainee, run):
    other = make_user(org, Role.TRAINEE)
    with pytest.raises(InvalidInput) as caught:
        _answer(other, run, SAFE)
    assert caught.value.status == 404
    finish_run(run)
    db.session.commit()
    with pytest.raises(InvalidInput) as caught:
        _answer(trainee, run, SAFE)
    assert caught.value.status == 409
    assert db.session.scalar(sa.select(sa.func.count(Post.id)).where(Post.author_user_id == trainee.id)) == 0


def test_finishing_early_scores_unanswered_items_as_missed(trainee, run):
    finish_run(run, utcnow())
    assert run.status == "finished" and run.score == 0 and run.finished_at is not None


def test_feedback_api_uses_the_runs_facts(client, trainee, run):
    from ..factories import PASSWORD

    client.post("/login", data={"email": trainee.email, "password": PASSWORD})
    draft = {"text": "Hi Ms Mitchell, thanks for the feedback.", "platform": "reviews"}
    plain = client.post("/api/v1/feedback", json=draft).json
    with_run = client.post("/api/v1/feedback", json={**draft, "run_id": run.id}).json
    assert "privacy.scenario_fact" not in {f["rule"] for f in plain["findings"]}
    assert "privacy.scenario_fact" in {f["rule"] for f in with_run["findings"]}
    assert client.post("/api/v1/feedback", json={**draft, "run_id": 99999}).status_code == 404
