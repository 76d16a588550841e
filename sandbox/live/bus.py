"""Publish/subscribe event bus: in-process by default, Redis pub/sub across workers and hosts."""

from __future__ import annotations

import json
import queue
import threading
import time
from typing import Any, Protocol

from flask import Flask, current_app


class Subscription(Protocol):
    """A subscriber's end of a channel."""

    def get(self, timeout: float = 1.0) -> dict[str, Any] | None:
        """Return the next message, or None when none arrived within timeout seconds."""

    def close(self) -> None:
        """Stop receiving messages."""


class InProcessSubscription:
    """A queue that an InProcessBus fills with the channel's messages."""

    def __init__(self, bus: InProcessBus, channel: str) -> None:
        self._bus, self._channel = bus, channel
        self._queue: queue.Queue[dict[str, Any]] = queue.Queue()

    def deliver(self, message: dict[str, Any]) -> None:
        """Queue a message for this subscriber."""
        self._queue.put(message)

    def get(self, timeout: float = 1.0) -> dict[str, Any] | None:
        """Return the next message, or None after timeout seconds."""
        try:
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            return None

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

    def ping(self) -> bool:
        """The in-process bus is always reachable."""
        return True


class RedisSubscription:
    """A Redis pub/sub connection listening to one channel."""

    def __init__(self, client: Any, channel: str, confirm_timeout: float = 5.0) -> None:
        self._pubsub = client.pubsub()
        self._pubsub.subscribe(channel)
        # Wait until Redis confirms, so nothing published after subscribe() returns can be missed.
        deadline = time.monotonic() + confirm_timeout
        while time.monotonic() < deadline:
            message = self._pubsub.get_message(timeout=0.1)
            if message is not None and message.get("type") == "subscribe":
                return
        raise ConnectionError(f"Redis did not confirm the subscription to {channel}")

    def get(self, timeout: float = 1.0) -> dict[str, Any] | None:
        """Return the next message, or None after timeout seconds."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            message = self._pubsub.get_message(timeout=max(remaining, 0))
            if message is not None and message.get("type") == "message":
                return json.loads(message["data"])
            if remaining <= 0:
                return None

    def close(self) -> None:
        """Unsubscribe and release the connection."""
        self._pubsub.close()


class RedisBus:
    """Redis pub/sub: every worker and host subscribed to a channel gets its messages."""

    name = "redis"

    def __init__(self, url: str, prefix: str = "sandbox:") -> None:
        import redis

        self._client = redis.Redis.from_url(url, socket_connect_timeout=2, health_check_interval=30)
        self._prefix = prefix

    def publish(self, channel: str, message: dict[str, Any]) -> None:
        """Send a message to the channel's subscribers in every process."""
        self._client.publish(self._prefix + channel, json.dumps(message))

    def subscribe(self, channel: str) -> RedisSubscription:
        """Start receiving the channel's messages."""
        return RedisSubscription(self._client, self._prefix + channel)

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
