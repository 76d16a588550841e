"""Publish/subscribe event bus: in-process by default, Redis pub/sub across workers and hosts."""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from typing import Any, Protocol

from flask import Flask, current_app

log = logging.getLogger(__name__)


class Subscription(Protocol):
    """A subscriber's end of a channel."""

    def get(self, timeout: float = 1.0) -> dict[str, Any] | None:
        """Return the next message, or None when none arrived within timeout seconds."""

    def close(self) -> None:
        """Stop receiving messages."""


class BusUnavailable(ConnectionError):
    """The bus stopped delivering; a subscriber must catch up another way and subscribe again."""


class InProcessSubscription:
    """A queue that an InProcessBus fills with the channel's messages."""

    def __init__(self, bus: InProcessBus, channel: str) -> None:
        self._bus, self._channel = bus, channel
        self._queue: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._failed = False

    def deliver(self, message: dict[str, Any]) -> None:
        """Queue a message for this subscriber."""
        self._queue.put(message)

    def fail(self) -> None:
        """Tell the subscriber the bus went away (the next get raises BusUnavailable)."""
        self._failed = True
        self._queue.put(None)

    def get(self, timeout: float = 1.0) -> dict[str, Any] | None:
        """Return the next message, or None after timeout seconds."""
        try:
            message = self._queue.get(timeout=timeout)
        except queue.Empty:
            message = None
        if self._failed:
            raise BusUnavailable("the event bus went away")
        return message

    def close(self) -> None:
        """Stop receiving messages."""
        self._bus.unsubscribe(self._channel, self)


class InProcessBus:
    """Delivers messages to subscribers in the same process: the embedded, single-server setup."""

    name = "in-process"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: dict[str, set[InProcessSubscription]] = {}

    def publish(self, channel: str, message: dict[str, Any]) -> None:
        """Send a message to every current subscriber of the channel."""
        json.dumps(message)  # the same contract as Redis: messages must be JSON
        with self._lock:
            targets = list(self._subscribers.get(channel, ()))
        for subscription in targets:
            subscription.deliver(message)

    def subscribe(self, channel: str) -> InProcessSubscription:
        """Start receiving the channel's messages."""
        subscription = InProcessSubscription(self, channel)
        with self._lock:
            self._subscribers.setdefault(channel, set()).add(subscription)
        return subscription

    def unsubscribe(self, channel: str, subscription: InProcessSubscription) -> None:
        """Stop delivering to a subscription."""
        with self._lock:
            self._subscribers.get(channel, set()).discard(subscription)

    def fail_all(self) -> None:
        """Tell every current subscriber that messages may have been lost, and forget them."""
        with self._lock:
            everyone = [s for subscribers in self._subscribers.values() for s in subscribers]
            self._subscribers.clear()
        for subscription in everyone:
            subscription.fail()

    def ping(self) -> bool:
        """The in-process bus is always reachable."""
        return True


class RedisBus:
    """Redis pub/sub across workers and hosts, read by one listener thread per process.

    The listener holds a single pattern subscription and hands each message to this process's
    subscribers through an in-process bus, so a message is read and decoded once per process, not once
    per client. If Redis goes away every subscriber is told (their get raises BusUnavailable) and
    subscribing fails until the listener is back.
    """

    name = "redis"

    def __init__(self, url: str, prefix: str = "sandbox:") -> None:
        import redis

        self._client = redis.Redis.from_url(url, socket_connect_timeout=2, health_check_interval=30)
        self._prefix = prefix
        self._local = InProcessBus()
        self._ready = threading.Event()
        self._start_lock = threading.Lock()
        self._listener: threading.Thread | None = None

    def publish(self, channel: str, message: dict[str, Any]) -> None:
        """Send a message to the channel's subscribers in every process."""
        self._client.publish(self._prefix + channel, json.dumps(message))

    def subscribe(self, channel: str, wait: float = 3.0) -> InProcessSubscription:
        """Start receiving the channel's messages (BusUnavailable while Redis cannot be reached)."""
        self._start_listener()
        if not self._ready.wait(wait):
            raise BusUnavailable("Redis is not reachable")
        return self._local.subscribe(channel)

    def _start_listener(self) -> None:
        with self._start_lock:
            if self._listener is None or not self._listener.is_alive():
                self._listener = threading.Thread(target=self._listen, name="redis-bus-listener", daemon=True)
                self._listener.start()

    def _listen(self) -> None:
        while True:
            try:
                self._relay()
            except Exception:
                log.warning("event bus: lost Redis; subscribers fall back until it returns", exc_info=True)
            self._ready.clear()
            self._local.fail_all()
            time.sleep(1.0)

    def _relay(self) -> None:
        pubsub = self._client.pubsub()
        try:
            pubsub.psubscribe(self._prefix + "*")
            while pubsub.get_message(timeout=5.0) is None:
                pass  # the first message is Redis confirming the subscription
            self._ready.set()
            while True:
                message = pubsub.get_message(timeout=30.0)
                if message is not None and message.get("type") == "pmessage":
                    channel = message["channel"].decode()[len(self._prefix) :]
                    self._local.publish(channel, json.loads(message["data"]))
        finally:
            pubsub.close()

    def ping(self) -> bool:
        """Whether Redis answers."""
        return bool(self._client.ping())


def init_bus(app: Flask) -> None:
    """Attach the configured event bus to the app."""
    url = app.config.get("REDIS_URL")
    app.extensions["event_bus"] = RedisBus(url) if url else InProcessBus()


def get_bus() -> InProcessBus | RedisBus:
    """Return the current app's event bus."""
    return current_app.extensions["event_bus"]
