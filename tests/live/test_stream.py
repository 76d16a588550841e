"""The event stream: catch-up from Last-Event-ID, live events from the bus, gaps filled, outages survived."""

from __future__ import annotations

import json

import pytest

from sandbox.extensions import db
from sandbox.live import sessions
from sandbox.live.events import channel, events_after
from sandbox.live.stream import SessionStream
from sandbox.models import Role

from ..factories import make_cohort, make_live_session, make_user


@pytest.fixture
def live(org):
    instructor = make_user(org, Role.INSTRUCTOR)
    trainee = make_user(org, Role.TRAINEE)
    live = make_live_session(
        org, make_cohort(org, instructor, members=(trainee,)), instructor, mode="parallel"
    )
    sessions.join(live, trainee, group="Table 1")
    db.session.commit()
    return live


def _events(chunks: list[str]) -> list[dict]:
    return [json.loads(c.split("data: ", 1)[1]) for c in chunks if c.startswith("id: ")]


def _read(stream: SessionStream, count: int) -> list[dict]:
    """Read until `count` events arrived (keep-alives and the retry line are skipped)."""
    got: list[dict] = []
    for chunk in stream:
        got += _events([chunk])
        if len(got) >= count:
            break
    return got


def test_catch_up_then_live(app, live):
    stream = SessionStream(app, live.id, None, last_seq=0, keepalive=0.1)
    backlog = len(events_after(live.id, 0))
    chunks = iter(stream)
    first = _read_from(chunks, backlog)
    assert [e["seq"] for e in first] == list(range(1, backlog + 1))
    sessions.start(live, live.created_by)
    db.session.commit()
    later = _read_from(chunks, 1)
    assert later[0]["seq"] == backlog + 1 and later[0]["kind"] == "session.state"
    stream.close()


def _read_from(chunks, count: int) -> list[dict]:
    got: list[dict] = []
    while len(got) < count:
        got += _events([next(chunks)])
    return got


def test_last_event_id_resumes_without_repeats(app, live):
    sessions.start(live, live.created_by)
    db.session.commit()
    total = len(events_after(live.id, 0))
    stream = SessionStream(app, live.id, None, last_seq=2, keepalive=0.1)
    got = _read(stream, total - 2)
    assert [e["seq"] for e in got] == list(range(3, total + 1))


def test_trainees_only_get_their_audiences(app, live):
    trainee = live.participants[0].user
    sessions.start(live, live.created_by)
    sessions.release(live, "off-the-record", live.created_by, group="Table 2")
    db.session.commit()
    audiences = {"all", f"user:{trainee.id}", "group:Table 1"}
    stream = SessionStream(app, live.id, audiences, last_seq=0, keepalive=0.05)
    chunks = iter(stream)
    seen = []
    for chunk in chunks:
        if chunk.startswith(": keep-alive"):
            break
        seen += _events([chunk])
    assert seen and all(e["audience"] in audiences for e in seen)
    assert "participant.joined" not in {e["kind"] for e in seen}  # staff only
    assert not any(e["audience"] == "group:Table 2" for e in seen)


def test_a_gap_is_filled_from_the_database_and_late_duplicates_dropped(app, live):
    bus = app.extensions["event_bus"]
    stream = SessionStream(app, live.id, None, last_seq=len(events_after(live.id, 0)), keepalive=0.1)
    chunks = iter(stream)
    next(chunks)  # retry line
    sessions.start(live, live.created_by)
    db.session.commit()  # published: seq n+1 (session.state) and n+2 (inject.released) ...
    stored = events_after(live.id, stream.last)
    got = _read_from(chunks, len(stored))
    assert [e["seq"] for e in got] == [e["seq"] for e in stored]
    # now a message overtakes an earlier one: the earlier one is read from the database first
    sessions.pause(live, live.created_by)
    sessions.resume(live, live.created_by)
    db.session.commit()
    late = events_after(live.id, stream.last)
    bus.publish(channel(live.id), late[-1])  # a copy of the newest arrives again out of order
    got = _read_from(chunks, len(late))
    assert [e["seq"] for e in got] == [e["seq"] for e in late]
    stream.close()


class _BrokenBus:
    name = "broken"

    def subscribe(self, name):
        raise ConnectionError("bus down")

    def publish(self, name, message):
        raise ConnectionError("bus down")

    def ping(self):
        return False


def test_bus_outage_polls_the_database_and_loses_nothing(app, live):
    working = app.extensions["event_bus"]
    app.extensions["event_bus"] = _BrokenBus()
    try:
        stream = SessionStream(app, live.id, None, last_seq=0, keepalive=0.1, poll_interval=0.05)
        assert stream.subscription is None
        sessions.start(live, live.created_by)  # publishing fails quietly: the events are in the database
        db.session.commit()
        total = len(events_after(live.id, 0))
        got = _read(stream, total)
        assert [e["seq"] for e in got] == list(range(1, total + 1))
    finally:
        app.extensions["event_bus"] = working


def test_stream_over_http_with_a_token(app, client, live, api_token):
    token = api_token(live.created_by)
    response = client.get(
        f"/api/v1/live/sessions/{live.id}/stream",
        headers={"Authorization": f"Bearer {token}", "Last-Event-ID": "1"},
        buffered=False,
    )
    assert response.status_code == 200 and response.mimetype == "text/event-stream"
    body = iter(response.response)
    first = b""
    while b"id: " not in first:
        first += next(body)
    assert b"id: 2\n" in first
    response.close()


def test_stream_refuses_strangers(client, live, login_as):
    login_as(Role.TRAINEE)
    response = client.get(f"/live/{live.id}/events")
    assert response.status_code == 403
    response.close()


@pytest.mark.parametrize("last", ["abc", "99999999999999999999", "-3"])
def test_stream_refuses_a_bad_last_event_id(client, live, login_as, last):
    login_as(Role.ADMIN)
    response = client.get(f"/live/{live.id}/events", headers={"Last-Event-ID": last})
    assert response.status_code == 400  # before any stream starts (a huge one overflowed inside it)
    response.close()
    huge = client.get(f"/api/v1/live/sessions/{live.id}/stream?after=99999999999999999999")
    assert huge.status_code == 400 and huge.json["error"]["field"] == "after"
    huge.close()


class _HeldBus:
    """Keeps published messages so the test decides when and in which order they go out."""

    name = "held"

    def __init__(self, real):
        self.real, self.held = real, []

    def publish(self, name, message):
        self.held.append((name, message))

    def subscribe(self, name):
        return self.real.subscribe(name)

    def ping(self):
        return True


def _held_events(app, live, count):
    real = app.extensions["event_bus"]
    held = app.extensions["event_bus"] = _HeldBus(real)
    try:
        for _ in range(count):
            sessions.set_speed(live, 2.0, live.created_by)
            db.session.commit()
    finally:
        app.extensions["event_bus"] = real
    return real, held.held


def test_events_published_out_of_order_are_sent_in_order(app, live, monkeypatch):
    reads = []
    stream = SessionStream(app, live.id, None, last_seq=len(events_after(live.id, 0)), keepalive=0.1)
    monkeypatch.setattr(stream, "_stored", lambda until=None: reads.append(until) or [])
    chunks = iter(stream)
    next(chunks)  # the retry line
    real, held = _held_events(app, live, 2)
    for name, message in reversed(held):  # the later number overtakes the earlier one
        real.publish(name, message)
    got = _read_from(chunks, 2)
    assert [e["seq"] for e in got] == [held[0][1]["seq"], held[1][1]["seq"]]
    assert reads == [None], "only the catch-up read: the earlier event arrived within the wait"
    stream.close()


def test_an_event_that_never_comes_is_read_from_the_database(app, live):
    stream = SessionStream(app, live.id, None, last_seq=len(events_after(live.id, 0)), keepalive=0.1)
    chunks = iter(stream)
    next(chunks)
    next(chunks)  # nothing new yet: a keep-alive, and the catch-up read is done
    real, held = _held_events(app, live, 2)
    real.publish(*held[1])  # the first never goes out on the bus
    got = _read_from(chunks, 2)
    assert [e["seq"] for e in got] == [held[0][1]["seq"], held[1][1]["seq"]]
    stream.close()
