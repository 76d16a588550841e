"""The review queue: which runs it holds, every filter with its counts, sorting, pagination, efficiency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.models import LiveSession, Role, Run, User, utcnow
from sandbox.models.review import RunReview
from sandbox.review.filters import QueueFilters
from sandbox.review.queries import queue_page

from ..factories import make_cohort, make_org, make_review_post, make_review_run, make_user
from .playthrough import ended_session, session_runs

NOW = utcnow()


@dataclass
class World:
    """An organisation's review queue in miniature."""

    reviewer: User
    instructor: User
    cohort_a: object
    cohort_b: object
    t1: User
    t2: User
    t3: User
    r1: Run  # t1, microblog, NAME blocked and overridden, score 20
    r2: Run  # t2, reviews, CLINICAL warning, post deleted, score 60
    r3: Run  # t3, social, no posts, score 90
    r6: Run  # t3 in an ended shared live session of cohort B
    session: LiveSession


@pytest.fixture
def world(org) -> World:
    reviewer, instructor = make_user(org, Role.REVIEWER), make_user(org, Role.INSTRUCTOR)
    t1, t2, t3 = (make_user(org) for _ in range(3))
    cohort_a = make_cohort(org, instructor=instructor, members=(t1, t2))
    cohort_b = make_cohort(org, members=(t3,))
    r1 = make_review_run(
        org,
        t1,
        "microblog-troll",
        score=20,
        started_at=NOW - timedelta(hours=5),
        finished_at=NOW - timedelta(hours=4),
    )
    make_review_post(r1, "Named the patient", [("privacy", "NAME", "block")], overridden=True)
    r2 = make_review_run(
        org, t2, score=60, started_at=NOW - timedelta(hours=3), finished_at=NOW - timedelta(hours=2)
    )
    make_review_post(r2, "Clinical detail", [("privacy", "CLINICAL", "warn")], deleted_at=NOW)
    make_review_post(r2, "A kind reply", [("tone", "EMPATHY", "good")])
    r3 = make_review_run(
        org,
        t3,
        "social-patient-tags-clinician",
        score=90,
        started_at=NOW - timedelta(hours=1),
        finished_at=NOW,
    )
    make_review_run(org, t1, status="running", finished_at=None)  # not finished: not in the queue
    other = make_org()
    make_review_run(other, make_user(other))  # another organisation's
    session = ended_session(cohort_b, make_user(org, Role.INSTRUCTOR), [t3], mode="shared")
    r6 = session_runs(session)[t3.id]
    return World(reviewer, instructor, cohort_a, cohort_b, t1, t2, t3, r1, r2, r3, r6, session)


def ids(viewer: User, **args) -> list[int]:
    return [row.run.id for row in queue_page(viewer, QueueFilters.from_args(args)).rows]


def test_the_queue_holds_finished_runs_and_ended_sessions_runs_of_the_organisation_newest_first(world):
    assert ids(world.reviewer) == [world.r6.id, world.r3.id, world.r2.id, world.r1.id]
    world_run = world.session.world_run_id
    assert world_run not in ids(world.reviewer)  # the shared room's world is not anyone's answers


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({"platform": "microblog"}, ["r6", "r1"]),
        ({"scenario_id": "microblog-troll"}, ["r1"]),
        ({"label": "NAME"}, ["r1"]),
        ({"label": "EMPATHY"}, ["r2"]),
        ({"severity": "warn"}, ["r2"]),
        ({"label": "NAME", "severity": "warn"}, []),
        ({"overridden": "true"}, ["r1"]),
        ({"deleted": "true"}, ["r2"]),
        ({"overridden": "true", "deleted": "true"}, []),
    ],
)
def test_each_filter_narrows_the_queue(world, args, expected):
    assert ids(world.reviewer, **args) == [getattr(world, name).id for name in expected]


def test_cohort_session_and_trainee_filters(world):
    assert ids(world.reviewer, cohort_id=str(world.cohort_a.id)) == [world.r2.id, world.r1.id]
    assert ids(world.reviewer, cohort_id=str(world.cohort_b.id)) == [world.r6.id, world.r3.id]
    assert ids(world.reviewer, session_id=str(world.session.id)) == [world.r6.id]
    assert ids(world.reviewer, trainee_id=str(world.t3.id)) == [world.r6.id, world.r3.id]


def test_a_shared_room_counts_the_trainees_posts_in_the_world_run(world):
    room = db.session.get(Run, world.session.world_run_id)
    post = make_review_post(room, "Yes she is on ward 7", [("privacy", "NAME", "block")])
    post.author_user_id = world.t3.id  # a trainee's post in the room's world
    db.session.commit()
    assert room.id not in ids(world.reviewer)
    assert ids(world.reviewer, label="NAME") == [world.r6.id, world.r1.id]


def test_review_status_filter_and_per_status_counts(world):
    db.session.add(
        RunReview(
            organisation_id=world.r1.organisation_id,
            run_id=world.r1.id,
            status="closed",
            updated_by_id=world.reviewer.id,
        )
    )
    db.session.commit()
    page = queue_page(world.reviewer, QueueFilters.from_args({"status": "closed"}))
    assert [row.run.id for row in page.rows] == [world.r1.id] and page.total == 1
    assert page.counts == {"new": 3, "needs_follow_up": 0, "discussed": 0, "closed": 1}
    assert ids(world.reviewer, status="new") == [world.r6.id, world.r3.id, world.r2.id]
    narrowed = queue_page(world.reviewer, QueueFilters.from_args({"platform": "microblog"}))
    assert narrowed.total == 2 and narrowed.counts["closed"] == 1 and narrowed.counts["new"] == 1


def test_row_statistics(world):
    rows = {row.run.id: row for row in queue_page(world.reviewer, QueueFilters()).rows}
    r1, r2 = rows[world.r1.id].stats, rows[world.r2.id].stats
    assert (r1.posts, r1.overridden, r1.deleted, r1.findings, r1.labels) == (1, 1, 0, 1, ["NAME"])
    assert (r2.posts, r2.overridden, r2.deleted, r2.findings, r2.labels) == (
        2,
        0,
        1,
        2,
        ["CLINICAL", "EMPATHY"],
    )


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("oldest", ["r1", "r2", "r3", "r6"]),
        ("score_low", ["r1", "r2", "r3", "r6"]),
        ("score_high", ["r3", "r2", "r1", "r6"]),
        ("findings", ["r2", "r1", "r6", "r3"]),
    ],
)
def test_sort_orders(world, sort, expected):
    assert ids(world.reviewer, sort=sort) == [getattr(world, name).id for name in expected]


def test_instructors_see_only_their_cohorts_runs(world):
    assert ids(world.instructor) == [world.r2.id, world.r1.id]


def test_pagination_25_per_page_with_totals(org, client, login_as):
    trainee = make_user(org)
    for n in range(30):
        make_review_run(org, trainee, finished_at=NOW - timedelta(minutes=n))
    login_as(Role.REVIEWER)
    first = client.get("/review/")
    assert first.text.count('href="/review/runs/') == 25 and "30</strong> runs match" in first.text
    assert "Page 1 of 2" in first.text and "page=2" in first.text
    second = client.get("/review/?page=2")
    assert second.text.count('href="/review/runs/') == 5 and "Next page" not in second.text
    assert "past the end" in client.get("/review/?page=9").text


def test_a_page_costs_the_same_number_of_queries_for_5_or_30_runs(org, app):
    reviewer, trainee = make_user(org, Role.REVIEWER), make_user(org)

    def statements_for_a_page() -> int:
        seen = []
        listener = lambda *args: seen.append(args[2])  # noqa: E731
        sa.event.listen(db.engine, "before_cursor_execute", listener)
        try:
            queue_page(reviewer, QueueFilters())
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", listener)
        return len(seen)

    for _ in range(5):
        make_review_post(make_review_run(org, trainee), "x", [("privacy", "NAME", "block")])
    few = statements_for_a_page()
    for _ in range(25):
        make_review_post(make_review_run(org, trainee), "x", [("privacy", "NAME", "block")])
    db.session.expire_all()
    assert statements_for_a_page() == few <= 5


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("platform=myspace", "platform"),
        ("cohort_id=abc", "cohort_id"),
        ("overridden=maybe", "overridden"),
        ("sort=random", "sort"),
        ("status=lost", "status"),
        ("page=0", "page"),
    ],
)
def test_bad_filter_values_are_named_in_the_error(client, login_as, query, field):
    login_as(Role.REVIEWER)
    page = client.get(f"/review/?{query}")
    assert page.status_code == 400 and field in page.text
    api = client.get(f"/api/v1/review/runs?{query}")
    if field != "page":
        assert api.status_code == 400 and api.json["error"]["field"] == field


def test_the_queue_page_shows_filters_counts_and_sessions(world, client, login_as):
    login_as(Role.REVIEWER, world.reviewer.organisation)
    page = client.get("/review/?overridden=true")
    assert page.status_code == 200
    assert '<input type="checkbox" name="overridden" value="true" checked>' in page.text
    assert "1</strong> run matches" in page.text and "Unreviewed: <strong>1</strong>" in page.text
    assert (
        f'href="/review/runs/{world.r1.id}"' in page.text
        and f'href="/review/runs/{world.r2.id}"' not in page.text
    )
    assert "Ended live sessions" in page.text and f"session_id={world.session.id}" in page.text
    empty = client.get("/review/?label=JARGON")
    assert "No finished runs match these filters" in empty.text
