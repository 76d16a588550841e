"""The clock's hand: release what the schedule says is due, and let no-reply branches fire, every second.

One ticker thread runs in each server process that serves live pages. Several processes (gunicorn
workers, hosts) may tick the same session: each release happens under the session row's lock and
re-reads what was released, so an inject is never released twice. Nothing is kept in memory, so after a
restart the next tick carries on from the database.
"""

from __future__ import annotations

import logging
import threading

import sqlalchemy as sa
from flask import Flask

from ..extensions import db
from ..models import LiveSession, Run, utcnow
from ..scenarios.engine import next_due
from ..scenarios.runs import advance, scenario_of
from .sessions import due_keys, lock, release_due

log = logging.getLogger(__name__)
INTERVAL = 1.0


def tick_session(live: LiveSession) -> list[str]:
    """Release what is due and advance runs whose no-reply wait is over; returns the released keys."""
    now = utcnow()
    clock = live.clock(now)
    released: list[str] = []
    if due_keys(live, clock):
        released = release_due(lock(live), now)
    if live.mode == "parallel":
        for run in db.session.scalars(
            sa.select(Run).where(Run.live_session_id == live.id, Run.status == "running")
        ):
            due = next_due(scenario_of(run), run.state)
            if due is not None and due <= clock:
                advance(run, now)
    return released


def tick_all() -> int:
    """One tick over every running session; returns how many injects were released."""
    released = 0
    ids = db.session.scalars(sa.select(LiveSession.id).where(LiveSession.status == "running")).all()
    for session_id in ids:
        try:
            live = db.session.get(LiveSession, session_id)
            released += len(tick_session(live))
            db.session.commit()
        except Exception:
            db.session.rollback()
            log.exception("live session %s: tick failed; the next tick tries again", session_id)
    return released


class Ticker:
    """A daemon thread that ticks every running session once a second."""

    def __init__(self, app: Flask, interval: float = INTERVAL) -> None:
        self.app, self.interval = app, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="live-ticker", daemon=True)

    def start(self) -> None:
        """Start ticking in the background."""
        self._thread.start()

    def stop(self) -> None:
        """Stop after the current tick."""
        self._stop.set()
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            with self.app.app_context():
                try:
                    tick_all()
                except Exception:
                    log.exception("live ticker: tick failed")


_start_lock = threading.Lock()


def ensure_ticker(app: Flask) -> None:
    """Start this process's ticker the first time a live page is served (not in tests or CLI commands)."""
    if not app.config.get("LIVE_TICKER", True) or "live_ticker" in app.extensions:
        return
    with _start_lock:
        if "live_ticker" not in app.extensions:
            ticker = Ticker(app)
            app.extensions["live_ticker"] = ticker
            ticker.start()
