"""The live event bus: in-process by default, Redis pub/sub when SANDBOX_REDIS_URL is set."""

from __future__ import annotations

import threading
import uuid

import pytest

from sandbox import create_app
from sandbox.config import TestConfig
from sandbox.live.bus import InProcessBus, RedisBus

from .services import require_redis

pytestmark = pytest.mark.bus


def _exchange(publisher, subscriber) -> None:
    channel = f"test-{uuid.uuid4().hex}"
    first, second = subscriber.subscribe(channel), subscriber.subscribe(channel)
    try:
        publisher.publish(channel, {"seq": 1, "kind": "inject.released"})
        publisher.publish(channel, {"seq": 2, "kind": "post.created"})
        for subscription in (first, second):
            assert subscription.get(timeout=2) == {"seq": 1, "kind": "inject.released"}
            assert subscription.get(timeout=2) == {"seq": 2, "kind": "post.created"}
            assert subscription.get(timeout=0.05) is None
    finally:
        first.close()
        second.close()


def test_in_process_bus_delivers_to_every_subscriber_in_order():
    bus = InProcessBus()
    _exchange(bus, bus)


def test_in_process_bus_stops_delivering_after_close_and_refuses_non_json():
    bus = InProcessBus()
    subscription = bus.subscribe("c")
    subscription.close()
    bus.publish("c", {"seq": 1})
    assert subscription.get(timeout=0.01) is None
    with pytest.raises(TypeError):
        bus.publish("c", {"when": object()})


def test_in_process_bus_is_thread_safe_across_publishers():
    bus = InProcessBus()
    subscription = bus.subscribe("busy")
    threads = [
        threading.Thread(target=lambda n=n: [bus.publish("busy", {"n": n, "i": i}) for i in range(200)])
        for n in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    received = [subscription.get(timeout=1) for _ in range(800)]
    assert sorted((m["n"], m["i"]) for m in received) == [(n, i) for n in range(4) for i in range(200)]


@pytest.mark.redis
def test_redis_bus_delivers_between_separate_connections_as_between_workers():
    url = require_redis()
    worker_a, worker_b = RedisBus(url), RedisBus(url)
    assert worker_a.ping() and worker_b.ping()
    _exchange(worker_a, worker_b)


@pytest.mark.redis
def test_app_uses_redis_when_sandbox_redis_url_is_set(tmp_path, monkeypatch):
    url = require_redis()
    monkeypatch.setenv("SANDBOX_REDIS_URL", url)
    monkeypatch.setenv("SANDBOX_DATABASE_URL", f"sqlite:///{tmp_path}/x.sqlite3")
    monkeypatch.setenv("SANDBOX_SECRET_KEY", "test-only-key")
    app = create_app()
    assert app.extensions["event_bus"].name == "redis"
    assert app.config["RATELIMIT_STORAGE_URI"] == url


def test_app_uses_the_in_process_bus_by_default(tmp_path):
    app = create_app(TestConfig(str(tmp_path), f"sqlite:///{tmp_path}/x.sqlite3"))
    assert app.extensions["event_bus"].name == "in-process"
