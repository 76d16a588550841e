"""Server-sent events for one viewer of a live session: catch up from the database, then follow the bus.

Subscribing comes before the catch-up read, so nothing published in between is lost; numbers already
sent are skipped, and a gap in the numbers is filled from the database. When the bus is unreachable the
stream polls the database instead and subscribes again as soon as the bus answers.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from typing import Any

from flask import Flask

from ..extensions import db
from .events import channel, events_after, visible

log = logging.getLogger(__name__)
RETRY_MS = 2000
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
            body = self.subscription.get(timeout=self.keepalive)
        except Exception:
            self.close()
            return self._stored()
        if body is None:
            return None
        if body["seq"] <= self.last:
            return []
        gap = self._stored(until=body["seq"] - 1) if body["seq"] > self.last + 1 else []
        return [*gap, body]

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
