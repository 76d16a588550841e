"""What the console, the projector and the report show of a session: plain dicts for templates and JSON."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from ..models import LiveSession, utcnow
from ..scenarios.schema import Inject, Scenario
from .wall import wall_posts


def clock_text(seconds: float) -> str:
    """Session time as m:ss."""
    seconds = max(int(seconds), 0)
    return f"{seconds // 60}:{seconds % 60:02d}"


def trigger_text(inject: Inject) -> str:
    """What the script says starts an inject, in words."""
    fires = inject.fires
    if fires.at_start:
        return "at the start"
    if fires.after_minutes is not None:
        return f"after {fires.after_minutes:g} min"
    condition = inject.when
    if condition is not None and condition.no_reply_within_minutes is not None:
        return f"if nobody answers {fires.after_reply_to} within {condition.no_reply_within_minutes:g} min"
    if condition is not None and (condition.labels_present or condition.keywords):
        cues = [*condition.labels_present, *(f'"{k}"' for k in condition.keywords[:3])]
        return f"after an answer to {fires.after_reply_to} with {', '.join(cues)}"
    if condition is not None and condition.labels_absent:
        return f"after a clean answer to {fires.after_reply_to}"
    return f"after an answer to {fires.after_reply_to}"


def master_events(live: LiveSession, scenario: Scenario) -> list[dict[str, Any]]:
    """The master events list: every inject with its trigger and where it stands in this session."""
    personas = {p.key: p.name for p in scenario.personas}
    delivered = [p.run.state.get("delivered", {}) for p in live.participants]
    items = []
    for inject in scenario.injects:
        reached = sum(inject.key in d for d in delivered)
        release = live.released.get(inject.key)
        scheduled = live.schedule.get(inject.key)
        if release is not None and release.get("groups") is None:
            state = f"released at {clock_text(release['at'])}"
        elif release is not None:
            state = f"released to {', '.join(release['groups'])} at {clock_text(release['at'])}"
        elif scheduled is not None:
            state = f"scheduled for {clock_text(scheduled)}"
        else:
            state = "waiting for release"
        if reached and not (release is not None and release.get("groups") is None):
            state += f" · reached {reached} of {len(delivered)} trainees through their answers"
        items.append(
            {
                "key": inject.key,
                "persona": personas.get(inject.persona, inject.persona),
                "kind": inject.kind,
                "body": inject.body,
                "trigger": trigger_text(inject),
                "state": state,
                "released": release is not None and release.get("groups") is None,
                "released_to": (release or {}).get("groups") or [],
                "scheduled_minutes": round(scheduled / 60, 1) if scheduled is not None else None,
                "expected": bool(inject.expected),
                "reached": reached,
            }
        )
    return items


def current_inject(live: LiveSession, scenario: Scenario) -> dict[str, Any] | None:
    """The most recently released inject, for the projector."""
    if not live.released:
        return None
    key = max(live.released, key=lambda k: live.released[k]["at"])
    inject = next(i for i in scenario.injects if i.key == key)
    persona = next(p for p in scenario.personas if p.key == inject.persona)
    return {
        "key": key,
        "persona": persona.name,
        "handle": persona.handle,
        "kind": inject.kind,
        "body": inject.body,
    }


def debrief(live: LiveSession, scenario: Scenario, wall: list[dict] | None = None) -> dict[str, Any]:
    """Answers side by side per inject, the model answers and the most common findings."""
    wall = wall if wall is not None else wall_posts(live)
    answered = [item for item in wall if not item["deleted"]]
    sections = [
        {
            "key": inject.key,
            "body": inject.body,
            "model_answer": inject.model_answer,
            "answers": [item for item in answered if item["answers"] == inject.key],
        }
        for inject in scenario.injects
        if inject.expected and inject.key in live.released
    ]
    findings = Counter(f["label"] for item in wall for f in item["findings"] if f["severity"] != "good")
    good = Counter(f["label"] for item in wall for f in item["findings"] if f["severity"] == "good")
    return {
        "sections": sections,
        "model_answer": scenario.debrief.model_answer,
        "teaching_points": scenario.debrief.teaching_points,
        "top_findings": findings.most_common(6),
        "good_practice": good.most_common(3),
    }


def spotlight_posts(live: LiveSession, wall: list[dict]) -> list[dict]:
    """The posts the instructor put on the projector, in the order chosen."""
    by_id = {item["post_id"]: item for item in wall}
    return [by_id[i] for i in live.projector.get("spotlight", []) if i in by_id]


def report_rows(live: LiveSession, scenario: Scenario, now: datetime | None = None) -> list[dict[str, Any]]:
    """Per participant: score, answers with the time taken after each release, findings, overrides."""
    wall = wall_posts(live)
    rows = []
    for participant in live.participants:
        posts = [item for item in wall if item["participant_id"] == participant.id]
        replies = participant.run.state.get("replies", {})
        answers = []
        for inject in scenario.injects:
            reply = replies.get(inject.key)
            released = live.released.get(inject.key)
            if reply is None or not inject.expected:
                continue
            delay = reply["at"] - released["at"] if released else None
            answers.append(
                {"key": inject.key, "text": reply["text"], "after_seconds": delay, **_flags(reply)}
            )
        rows.append(
            {
                "participant": participant,
                "score": participant.run.score,
                "status": participant.run.status,
                "answers": answers,
                "posts": posts,
                "findings": Counter(f["label"] for item in posts for f in item["findings"]),
                "overrides": sum(item["overridden"] for item in posts),
                "deletions": sum(item["deleted"] for item in posts),
            }
        )
    return rows


def _flags(reply: dict) -> dict[str, Any]:
    return {
        "labels": reply.get("labels", []),
        "overridden": reply.get("overridden", False),
        "deleted": reply.get("deleted", False),
    }


def session_json(live: LiveSession, now: datetime | None = None) -> dict[str, Any]:
    """A session as the API shows it."""
    now = now or utcnow()
    return {
        "id": live.id,
        "scenario_id": live.scenario_id,
        "title": live.scenario_title,
        "platform": live.platform,
        "mode": live.mode,
        "cohort_id": live.cohort_id,
        "status": live.status,
        "allow_pseudonyms": live.allow_pseudonyms,
        "clock": round(live.clock(now), 1),
        "speed": live.speed,
        "schedule": live.schedule,
        "released": live.released,
        "last_event": live.event_seq,
        "participants": len(live.participants),
        "created_at": live.created_at.isoformat(),
        "started_at": live.started_at.isoformat() if live.started_at else None,
        "ended_at": live.ended_at.isoformat() if live.ended_at else None,
    }
