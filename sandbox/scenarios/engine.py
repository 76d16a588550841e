"""The scenario engine: a pure state machine. step(scenario, state, event) -> (state, effects).

No Flask, no database, no clock: times arrive inside events as seconds since the run started, and the
state is plain JSON so a run survives a server restart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..feedback.model import PRIVACY_LABELS, TONE_PROBLEMS
from .schema import Condition, Inject, Scenario

GROUPS = {"ANY_PRIVACY": set(PRIVACY_LABELS), "ANY_TONE_PROBLEM": set(TONE_PROBLEMS)}


# Events -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Start:
    """The trainee (or the instructor) starts the run."""

    at: float = 0.0


@dataclass(frozen=True)
class Tick:
    """Time has passed; timed injects and no-reply branches that are due fire."""

    at: float


@dataclass(frozen=True)
class Reply:
    """The trainee answered a setting post or inject (`to` is its key)."""

    at: float
    to: str
    post_id: int
    labels: tuple[str, ...] = ()
    text: str = ""
    overridden: bool = False


@dataclass(frozen=True)
class Deleted:
    """The trainee deleted one of their answers."""

    at: float
    post_id: int


@dataclass(frozen=True)
class Finish:
    """The trainee ends the run."""

    at: float


@dataclass(frozen=True)
class Release:
    """An instructor releases an inject now (live sessions), whatever its own trigger says."""

    at: float
    inject: str


Event = Start | Tick | Reply | Deleted | Finish | Release


# Effects ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Deliver:
    """Publish this inject in the run's world now."""

    inject: str


@dataclass(frozen=True)
class Finished:
    """The run is over (the timeline ended, or the trainee finished)."""

    reason: str


Effect = Deliver | Finished


# How much of a live run the instructor drives: "timed" (parallel worlds: the instructor releases the
# timeline, each trainee's answers still choose their own follow-ups) or "all" (a shared room: one feed for
# everyone, so nothing arrives unless released). A driven run only ends when its session ends.
DRIVEN_MODES = ("timed", "all")


def new_state(driven: str | None = None) -> dict[str, Any]:
    """The state of a run that has not started (driven by a live session's instructor, or not)."""
    state: dict[str, Any] = {
        "status": "ready",
        "delivered": {},
        "replies": {},
        "branches": {},
        "finished_at": None,
    }
    if driven is not None:
        if driven not in DRIVEN_MODES:
            raise ValueError(f"driven must be one of {DRIVEN_MODES}")
        state["driven"] = driven
    return state


def expand_labels(labels) -> set[str]:
    """Feedback labels with the groups ANY_PRIVACY and ANY_TONE_PROBLEM spelled out."""
    expanded: set[str] = set()
    for label in labels:
        expanded |= GROUPS.get(label, {label})
    return expanded


def reply_matches(condition: Condition | None, labels: set[str], text: str) -> bool:
    """Whether a reply with these feedback labels and words satisfies a branch condition."""
    if condition is None:
        return True
    if condition.no_reply_within_minutes is not None:
        return False
    if condition.labels_present and not all(
        expand_labels([label]) & labels for label in condition.labels_present
    ):
        return False
    if expand_labels(condition.labels_absent) & labels:
        return False
    lowered = text.lower()
    return not condition.keywords or any(word.lower() in lowered for word in condition.keywords)


def _followers(scenario: Scenario, key: str) -> list[Inject]:
    return [i for i in scenario.injects if i.fires.after_reply_to == key]


def _setting_keys(scenario: Scenario) -> set[str]:
    return {post.key for post in scenario.setting}


def _deliver(state: dict, inject: Inject, at: float, effects: list[Effect]) -> None:
    if inject.key not in state["delivered"]:
        state["delivered"][inject.key] = at
        effects.append(Deliver(inject.key))


def _available_since(scenario: Scenario, state: dict, key: str) -> float | None:
    """When the trainee could first answer this post: setting posts from the start, injects once delivered."""
    if key in _setting_keys(scenario):
        return 0.0
    return state["delivered"].get(key)


def _on_reply(scenario: Scenario, state: dict, event: Reply, effects: list[Effect]) -> None:
    first = event.to not in state["replies"]
    if first:
        state["replies"][event.to] = {
            "at": event.at,
            "post_id": event.post_id,
            "labels": sorted(event.labels),
            "text": event.text,
            "overridden": event.overridden,
            "deleted": False,
        }
    if event.to in state["branches"] or not first or state.get("driven") == "all":
        return
    for inject in _followers(scenario, event.to):
        if reply_matches(inject.when, set(event.labels), event.text):
            state["branches"][event.to] = inject.key
            _deliver(state, inject, event.at, effects)
            return
    if _followers(scenario, event.to):
        state["branches"][event.to] = None  # no branch matched: the thread goes quiet


def _on_release(scenario: Scenario, state: dict, event: Release, effects: list[Effect]) -> None:
    inject = next((i for i in scenario.injects if i.key == event.inject), None)
    if inject is None or inject.key in state["delivered"]:
        return
    parent = inject.fires.after_reply_to
    if parent is not None and parent not in state["branches"]:
        state["branches"][parent] = inject.key  # a released follow-up is the branch this thread took
    _deliver(state, inject, event.at, effects)


def _on_tick(scenario: Scenario, state: dict, now: float, effects: list[Effect]) -> None:
    driven = state.get("driven")
    if driven == "all":
        return
    for inject in scenario.injects:
        minutes = inject.fires.after_minutes
        if minutes is not None and now >= minutes * 60 and driven is None:
            _deliver(state, inject, minutes * 60, effects)
    for inject in scenario.injects:
        parent = inject.fires.after_reply_to
        wait = inject.when.no_reply_within_minutes if inject.when else None
        if parent is None or wait is None or parent in state["branches"] or parent in state["replies"]:
            continue
        since = _available_since(scenario, state, parent)
        if since is not None and now >= since + wait * 60:
            state["branches"][parent] = inject.key
            _deliver(state, inject, since + wait * 60, effects)


def _can_still_fire(scenario: Scenario, state: dict, inject: Inject) -> bool:
    if inject.key in state["delivered"]:
        return False
    parent = inject.fires.after_reply_to
    if parent is None:
        return True
    if parent in state["branches"]:
        return False
    return _available_since(scenario, state, parent) is not None or any(
        i.key == parent and _can_still_fire(scenario, state, i) for i in scenario.injects
    )


def _answers_outstanding(scenario: Scenario, state: dict) -> bool:
    return any(
        i.expected and i.key in state["delivered"] and i.key not in state["replies"] for i in scenario.injects
    )


def step(scenario: Scenario, state: dict[str, Any], event: Event) -> tuple[dict[str, Any], list[Effect]]:
    """Apply one event to a run's state; returns the new state and what the caller must do."""
    state = _copy(state)
    effects: list[Effect] = []
    if isinstance(event, Deleted):  # counts even after the run ended: the deletion is part of the record
        for reply in state["replies"].values():
            if reply["post_id"] == event.post_id:
                reply["deleted"] = True
    if state["status"] == "finished":
        return state, effects
    if isinstance(event, Start):
        if state["status"] != "ready":
            return state, effects
        state["status"] = "running"
        for inject in scenario.injects:
            if inject.fires.at_start and not state.get("driven"):
                _deliver(state, inject, event.at, effects)
    elif state["status"] != "running":
        return state, effects
    elif isinstance(event, Reply):
        _on_reply(scenario, state, event, effects)
    elif isinstance(event, Release):
        _on_release(scenario, state, event, effects)
    elif isinstance(event, Finish):
        return _finish(state, event.at, "finished by the trainee", effects)
    if not isinstance(event, Finish):
        _on_tick(scenario, state, event.at, effects)
    if state.get("driven"):
        return state, effects  # a live run ends with its session
    if not any(_can_still_fire(scenario, state, i) for i in scenario.injects) and not _answers_outstanding(
        scenario, state
    ):
        return _finish(state, event.at, "the timeline ended", effects)
    return state, effects


def _finish(state: dict, at: float, reason: str, effects: list[Effect]) -> tuple[dict, list[Effect]]:
    state["status"], state["finished_at"], state["finish_reason"] = "finished", at, reason
    effects.append(Finished(reason))
    return state, effects


def _copy(state: dict) -> dict:
    return {
        **state,
        "delivered": dict(state["delivered"]),
        "branches": dict(state["branches"]),
        "replies": {key: dict(value) for key, value in state["replies"].items()},
    }


def next_due(scenario: Scenario, state: dict[str, Any]) -> float | None:
    """Seconds since the start at which the next timed event is due (for scheduling a Tick), if any."""
    if state.get("driven") == "all":
        return None
    times = [
        i.fires.after_minutes * 60
        for i in scenario.injects
        if i.fires.after_minutes is not None and i.key not in state["delivered"] and not state.get("driven")
    ]
    for inject in scenario.injects:
        parent = inject.fires.after_reply_to
        wait = inject.when.no_reply_within_minutes if inject.when else None
        if parent and wait and parent not in state["branches"] and parent not in state["replies"]:
            since = _available_since(scenario, state, parent)
            if since is not None:
                times.append(since + wait * 60)
    return min(times) if times else None


__all__ = [
    "Deleted",
    "Deliver",
    "Finish",
    "Finished",
    "Release",
    "Reply",
    "Start",
    "Tick",
    "new_state",
    "next_due",
    "reply_matches",
    "step",
]
