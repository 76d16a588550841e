"""Server-sent events for one viewer of a live session: catch up from the database, then follow the bus.

Subscribing comes before the catch-up read, so nothing published in between is lost; numbers already
sent are skipped. Two servers can publish in another order than they committed, so an event that
arrives ahead of an earlier number waits a moment for it; if it does not come, the gap is read from the
database. When the bus is unreachable the
stream polls the database instead and subscribes again as soon as the bus answers.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from typing import Any

from flask import Flask, Response, abort, current_app, request

from ..extensions import db
from ..inputs import MAX_ID, whole_number
from ..models import LiveSession, Role, User
from .events import audiences_for, channel, events_after, visible
from .sessions import may_run, participant_for

log = logging.getLogger(__name__)
RETRY_MS = 2000
GAP_WAIT = 0.25  # how long an event that overtook an earlier one waits for it before the database is read
END_KINDS = {"session.ended"}


def sse(body: dict[str, Any]) -> str:
    """One event in the text/event-stream format."""
    data = json.dumps(body, separators=(",", ":"))
    return f"id: {body['seq']}\nevent: {body['kind']}\ndata: {data}\n\n"


class SessionStream:
    """The event stream one viewer reads; iterate it to get SSE text."""

    def __init__(
        self,
        app: Flask,
        session_id: int,
        audiences: set[str] | None,
        last_seq: int,
        keepalive: float = 15.0,
        poll_interval: float = 1.0,
    ) -> None:
        self.app, self.session_id, self.audiences = app, session_id, audiences
        self.last, self.keepalive, self.poll_interval = last_seq, keepalive, poll_interval
        self.pending: dict[int, dict[str, Any]] = {}  # arrived ahead of an earlier number
        self.gap_deadline: float | None = None
        self.subscription = self._subscribe()  # before the catch-up read: see the module's docstring

    def _subscribe(self):
        try:
            return self.app.extensions["event_bus"].subscribe(channel(self.session_id))
        except Exception:
            log.warning("live stream for session %s: the event bus is unreachable; polling", self.session_id)
            return None

    def _stored(self, until: int | None = None) -> list[dict[str, Any]]:
        with self.app.app_context():
            try:
                return events_after(self.session_id, self.last, until=until)
            finally:
                db.session.remove()

    def _next_batch(self) -> list[dict[str, Any]] | None:
        """The next events in order; None when nothing arrived within the keep-alive time."""
        if self.subscription is None:
            time.sleep(self.poll_interval)
            self.subscription = self._subscribe()
            return self._stored() or None
        try:
            body = self.subscription.get(timeout=self._wait())
        except Exception:
            self.close()
            self.pending.clear()
            return self._stored()
        if body is None and not self.pending:
            # Quiet for a while: check the database, in case the bus dropped a message (a reconnect).
            return self._stored() or None
        if body is not None and body["seq"] > self.last:
            self.pending[body["seq"]] = body
        ready = self._in_order()
        if not self.pending:
            self.gap_deadline = None
            return ready
        if ready:  # sent what follows on; what is still waiting gets its own wait
            self.gap_deadline = time.monotonic() + GAP_WAIT
            return ready
        if self.gap_deadline is None:
            self.gap_deadline = time.monotonic() + GAP_WAIT
        elif time.monotonic() >= self.gap_deadline:
            # The missing number did not come by: it is in the database (it committed first).
            stored = self._stored(until=max(self.pending))
            self.pending.clear()
            self.gap_deadline = None
            return stored
        return []

    def _wait(self) -> float:
        if self.gap_deadline is None:
            return self.keepalive
        return max(self.gap_deadline - time.monotonic(), 0.0)

    def _in_order(self) -> list[dict[str, Any]]:
        """Pending events that follow on from the last one sent, without a gap."""
        ready, cursor = [], self.last
        while cursor + 1 in self.pending:
            cursor += 1
            ready.append(self.pending.pop(cursor))
        return ready

    def __iter__(self) -> Iterator[str]:
        yield f"retry: {RETRY_MS}\n\n"
        try:
            batch: list[dict[str, Any]] | None = self._stored()
            while True:
                if batch is None:
                    yield ": keep-alive\n\n"
                for body in batch or ():
                    self.last = body["seq"]
                    if visible(body, self.audiences):
                        yield sse(body)
                    if body["kind"] in END_KINDS:
                        return
                batch = self._next_batch()
        finally:
            self.close()

    def close(self) -> None:
        """Let go of the bus subscription."""
        if self.subscription is not None:
            try:
                self.subscription.close()
            except Exception:
                log.debug("closing a live subscription failed", exc_info=True)
            self.subscription = None


def stream_response(live: LiveSession, user: User) -> Response:
    """The SSE response for this viewer: participants, the session's staff and reviewers may listen."""
    participant = participant_for(live, user)
    if participant is None and not may_run(user, live) and user.role != Role.REVIEWER:
        abort(403, description="You are not in this session.")
    audiences = audiences_for(user, live, participant.group if participant else None)
    stream = SessionStream(current_app._get_current_object(), live.id, audiences, _last_event_id())
    db.session.remove()  # the stream reads the database in short contexts of its own; free the connection
    response = Response(iter(stream), mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"  # proxies must not hold events back
    return response


def _last_event_id() -> int:
    raw = request.headers.get("Last-Event-ID") or request.args.get("after")
    return whole_number(raw, "after", default=0, low=0, high=MAX_ID)
