"""Live sessions in the database: lobby, joins, releases, clock, shared room and parallel worlds, events."""

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
from sandbox.live import sessions
from sandbox.live.events import events_after
from sandbox.live.ticker import tick_all
from sandbox.live.wall import label_counts, wall_posts
from sandbox.models import LiveEvent, LiveSession, Post, PostKind, Role, Run, utcnow
from sandbox.scenarios.runs import finish_run, run_post, scenario_for

from ..factories import make_cohort, make_user

SCENARIO = "microblog-celebrity-admission-rumour"  # ask at start, off-the-record DM after 4 minutes
MICROBLOG = PLATFORMS["microblog"]
SAFE = "I never comment on whether anyone is or isn't a patient; any news comes from the hospital."
UNSAFE = "Yes Luma Vey came in last night with dehydration, she is on Ward 7"


@pytest.fixture
def room(org):
    instructor = make_user(org, Role.INSTRUCTOR)
    trainees = [make_user(org, Role.TRAINEE) for _ in range(3)]
    cohort = make_cohort(org, instructor, members=tuple(trainees[:2]))
    db.session.commit()
    return instructor, trainees, cohort


def _session(room, mode: str, **kwargs):
    instructor, _, cohort = room
    live = sessions.create_session(instructor, cohort, scenario_for(SCENARIO), mode, **kwargs)
    db.session.commit()
    return live


def _reply(user, run, parent: Post, body: str, override: bool = True) -> Post:
    post, _ = create_post(
        user,
        MICROBLOG,
        Draft(body=body, kind=PostKind.REPLY, parent_id=parent.id, run_id=run.id, override=override),
    )
    db.session.commit()
    return post


def _kinds(live) -> list[str]:
    return [e["kind"] for e in events_after(live.id, 0)]


def test_parallel_worlds_release_reaches_every_trainee(room):
    instructor, trainees, _ = room
    live = _session(room, "parallel")
    parts = [sessions.join(live, t) for t in trainees]
    db.session.commit()
    assert all(p.run.status == "ready" for p in parts)
    sessions.start(live, instructor)
    db.session.commit()
    # "ask" is due at the start: released to everyone, one copy in each trainee's own world
    assert set(live.released) == {"ask"}
    asks = [run_post(p.run, "ask") for p in parts]
    assert len({a.id for a in asks}) == 3
    assert all(a.run_id == p.run_id for a, p in zip(asks, parts, strict=True))
    # the DM is scheduled at 4 minutes: not yet; releasing it now is allowed once
    sessions.release(live, "off-the-record", instructor)
    db.session.commit()
    with pytest.raises(InvalidInput, match="already been released"):
        sessions.release(live, "off-the-record", instructor)
    assert all("off-the-record" in p.run.state["delivered"] for p in parts)
    # a trainee's answer chooses their own follow-up (parallel worlds branch per trainee)
    _reply(trainees[0], parts[0].run, asks[0], UNSAFE)
    assert parts[0].run.state["branches"]["ask"] == "confirmed"
    assert "ask" not in parts[1].run.state["branches"]
    kinds = _kinds(live)
    assert kinds.count("inject.released") == 2 and "post.created" in kinds


def test_shared_room_one_feed_and_everyone_sees_public_posts(room):
    instructor, trainees, _ = room
    live = _session(room, "shared")
    parts = [sessions.join(live, t) for t in trainees[:2]]
    sessions.start(live, instructor)
    db.session.commit()
    ask = run_post(parts[0].run, "ask")
    assert ask.run_id == live.world_run_id and run_post(parts[1].run, "ask").id == ask.id
    mine = _reply(trainees[0], parts[0].run, ask, SAFE)
    feed_of_other = queries.thread(trainees[1], ask)
    assert mine.id in [item.post.id for item in feed_of_other]
    assert queries.post_for_viewer(trainees[1], mine.id, MICROBLOG) is not None
    # nothing follows automatically in a shared room: the instructor releases follow-ups
    assert "ask" not in parts[0].run.state["branches"]
    sessions.release(live, "backs-off", instructor)
    db.session.commit()
    assert run_post(parts[0].run, "backs-off").run_id == live.world_run_id
    # a DM inject reaches each trainee privately
    sessions.release(live, "off-the-record", instructor)
    db.session.commit()
    dms = db.session.scalars(sa.select(Post).where(Post.scenario_key == "off-the-record")).all()
    assert sorted(d.recipient_user_id for d in dms) == sorted(t.id for t in trainees[:2])
    someone_elses = next(d for d in dms if d.recipient_user_id == trainees[0].id)
    assert queries.post_for_viewer(trainees[1], someone_elses.id, MICROBLOG) is None
    assert "feed.changed" in _kinds(live)


def test_group_release_then_everyone(room):
    instructor, trainees, _ = room
    live = _session(room, "parallel")
    a = sessions.join(live, trainees[0], group="Table 1")
    b = sessions.join(live, trainees[1], group="Table 2")
    sessions.start(live, instructor)
    sessions.release(live, "off-the-record", instructor, group="Table 1")
    db.session.commit()
    assert "off-the-record" in a.run.state["delivered"] and "off-the-record" not in b.run.state["delivered"]
    with pytest.raises(InvalidInput):
        sessions.release(live, "off-the-record", instructor, group="Table 1")
    sessions.release(live, "off-the-record", instructor)
    db.session.commit()
    assert "off-the-record" in b.run.state["delivered"]
    audiences = [e["audience"] for e in events_after(live.id, 0) if e["kind"] == "inject.released"]
    assert audiences == ["all", "group:Table 1", "all"]


def test_clock_pause_speed_and_schedule(room):
    instructor, trainees, _ = room
    live = _session(room, "parallel")
    part = sessions.join(live, trainees[0])
    sessions.start(live, instructor)
    db.session.commit()
    # five minutes pass: the DM due at 4 minutes is released by the ticker
    live.clock_anchor -= timedelta(minutes=5)
    db.session.commit()
    assert tick_all() == 1 and "off-the-record" in part.run.state["delivered"]
    sessions.pause(live, instructor)
    db.session.commit()
    frozen = live.clock(live.clock_anchor or live.started_at)
    assert live.status == "paused" and 299 < frozen < 310
    with pytest.raises(InvalidInput):
        sessions.pause(live, instructor)
    sessions.resume(live, instructor)
    sessions.set_speed(live, 4.0, instructor)
    with pytest.raises(InvalidInput, match="Speed"):
        sessions.set_speed(live, 3.0, instructor)
    db.session.commit()
    assert live.speed == 4.0


def test_late_joiner_catches_up_and_ending_scores_everyone(room):
    instructor, trainees, _ = room
    live = _session(room, "parallel")
    first = sessions.join(live, trainees[0])
    sessions.start(live, instructor)
    db.session.commit()
    late = sessions.join(live, trainees[2])  # not in the cohort yet: joining adds them
    db.session.commit()
    assert late.run.status == "running" and "ask" in late.run.state["delivered"]
    with pytest.raises(InvalidInput, match="live session"):
        finish_run(first.run)
    sessions.end(live, instructor)
    db.session.commit()
    assert {first.run.status, late.run.status} == {"finished"} and first.run.score is not None
    with pytest.raises(InvalidInput, match="ended"):
        sessions.join(live, make_user(instructor.organisation, Role.TRAINEE))
    with pytest.raises(InvalidInput, match="ended"):
        sessions.release(live, "off-the-record", instructor)
    assert _kinds(live)[-1] == "session.ended"


def test_wall_shows_findings_overrides_and_deletions(room):
    instructor, trainees, _ = room
    live = _session(room, "parallel")
    part = sessions.join(live, trainees[0], group="Table 3")
    sessions.start(live, instructor)
    db.session.commit()
    post = _reply(trainees[0], part.run, run_post(part.run, "ask"), UNSAFE)
    delete_post(trainees[0], post.id)
    db.session.commit()
    [item] = wall_posts(live)
    assert item["overridden"] and item["deleted"] and item["group"] == "Table 3"
    assert {"NAME", "CLINICAL"} <= {f["label"] for f in item["findings"]}
    assert label_counts(live)["NAME"] == 1
    assert _kinds(live)[-1] == "post.deleted"


def test_events_are_numbered_without_gaps_and_pseudonyms_need_permission(room):
    instructor, trainees, _ = room
    live = _session(room, "shared")
    with pytest.raises(InvalidInput, match="pseudonym"):
        sessions.join(live, trainees[0], pseudonym="Nightingale")
    db.session.rollback()
    open_live = _session(room, "parallel", allow_pseudonyms=True)
    part = sessions.join(open_live, trainees[0], pseudonym="Nightingale")
    db.session.commit()
    assert part.display_name == "Nightingale"
    seqs = db.session.scalars(
        sa.select(LiveEvent.seq).where(LiveEvent.session_id == open_live.id).order_by(LiveEvent.seq)
    ).all()
    assert seqs == list(range(1, len(seqs) + 1))


def test_reviewers_cannot_join_and_world_runs_are_marked(room, org):
    instructor, _, _ = room
    live = _session(room, "shared")
    with pytest.raises(InvalidInput, match="Reviewers"):
        sessions.join(live, make_user(org, Role.REVIEWER))
    world = db.session.get(Run, live.world_run_id)
    assert world.world_run_id == world.id and world.user_id == instructor.id


def test_the_timeline_keeps_running_across_a_restart(room, config):
    instructor, trainees, _ = room
    live = _session(room, "parallel")
    part = sessions.join(live, trainees[0])
    sessions.start(live, instructor)
    sessions.set_speed(live, 2.0, instructor)
    db.session.commit()
    live_id, run_id = live.id, part.run_id
    db.session.remove()
    # The server stops; while it is down the session clock keeps going (it is stored as an anchor).
    restarted = create_app(config)
    with restarted.app_context():
        again = db.session.get(LiveSession, live_id)
        again.clock_anchor -= timedelta(minutes=2.5)  # 2.5 min of wall time at 2x: 5 min of session time
        db.session.commit()
        assert again.clock(utcnow()) >= 300
        assert tick_all() == 1  # the DM scheduled at 4 minutes is released by the new process's ticker
        assert "off-the-record" in db.session.get(Run, run_id).state["delivered"]
        assert tick_all() == 0  # and only once
        db.session.remove()
        db.engine.dispose()


def test_the_master_list_counts_follow_ups_each_answer_chose(room):
    from sandbox.live.presenters import master_events

    instructor, trainees, _ = room
    live = _session(room, "parallel")
    parts = [sessions.join(live, t) for t in trainees[:2]]
    sessions.start(live, instructor)
    db.session.commit()
    _reply(trainees[0], parts[0].run, run_post(parts[0].run, "ask"), UNSAFE)
    confirmed = next(i for i in master_events(live, scenario_for(SCENARIO)) if i["key"] == "confirmed")
    assert confirmed["reached"] == 1 and "reached 1 of 2 trainees" in confirmed["state"]
