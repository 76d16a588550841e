"""Review data as JSON for the API: queue rows, a run's detail, notes, entries and audit events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..models import AuditEvent
from ..models.review import REVIEW_STATUSES, CohortSignoff, ReviewNote, RunReview
from .detail import NoteThread, RunDetail
from .queries import QueueRow
from .transcript import Entry


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def queue_row_json(row: QueueRow) -> dict[str, Any]:
    """A run as the queue lists it."""
    run = row.run
    return {
        "id": run.id,
        "trainee": {"id": row.trainee.id, "name": row.trainee.display_name},
        "scenario_id": run.scenario_id,
        "scenario_title": run.scenario_title,
        "platform": run.platform,
        "attempt": run.attempt,
        "status": run.status,
        "review_status": row.review_status,
        "score": run.score,
        "started_at": _when(run.started_at),
        "finished_at": _when(run.finished_at),
        "live_session_id": run.live_session_id,
        "posts": row.stats.posts,
        "findings": row.stats.findings,
        "labels": row.stats.labels,
        "overridden": row.stats.overridden,
        "deleted": row.stats.deleted,
    }


def note_json(note: ReviewNote) -> dict[str, Any]:
    """One version of a note."""
    return {
        "id": note.id,
        "post_id": note.post_id,
        "version": note.version,
        "supersedes_id": note.supersedes_id,
        "author": {"id": note.author_id, "name": note.author.display_name},
        "body": note.body,
        "created_at": _when(note.created_at),
    }


def thread_json(thread: NoteThread) -> dict[str, Any]:
    """A note at its newest version, with its earlier versions (newest first)."""
    return {**note_json(thread.current), "history": [note_json(old) for old in thread.history]}


def review_json(review: RunReview | None) -> dict[str, Any]:
    """The run's review status, and who set it when."""
    if review is None:
        return {
            "status": "new",
            "status_name": REVIEW_STATUSES["new"],
            "updated_by": None,
            "updated_at": None,
        }
    return {
        "status": review.status,
        "status_name": REVIEW_STATUSES[review.status],
        "updated_by": {"id": review.updated_by_id, "name": review.updated_by.display_name},
        "updated_at": _when(review.updated_at),
    }


def entry_json(entry: Entry) -> dict[str, Any]:
    """One moment of the transcript."""
    body: dict[str, Any] = {
        "at": _when(entry.at),
        "kind": entry.kind,
        "author": entry.author,
        "body": entry.body,
        "post_id": entry.post.id if entry.post else None,
        "version": entry.version,
        "superseded_at": _when(entry.superseded_at),
        "overridden": entry.overridden,
        "findings": entry.findings,
        "traces": [
            {"persona": c.persona.handle, "kind": c.kind, "snapshot": c.snapshot, "at": _when(c.created_at)}
            for c in entry.captures
        ],
    }
    if entry.post is not None:
        body["scenario_key"] = entry.post.scenario_key
    body.update(entry.details)
    return body


def detail_json(detail: RunDetail) -> dict[str, Any]:
    """A run's review: facts, transcript, rubric, notes and status."""
    run = detail.run
    return {
        "run": {
            "id": run.id,
            "trainee": {"id": detail.trainee.id, "name": detail.trainee.display_name},
            "cohorts": [{"id": c.id, "name": c.name} for c in detail.cohorts],
            "scenario_id": run.scenario_id,
            "scenario_title": run.scenario_title,
            "platform": run.platform,
            "attempt": run.attempt,
            "status": run.status,
            "score": run.score,
            "started_at": _when(run.started_at),
            "finished_at": _when(run.finished_at),
            "seconds_taken": detail.seconds,
            "live_session_id": run.live_session_id,
        },
        "review": review_json(detail.review),
        "transcript": [entry_json(entry) for entry in detail.entries],
        "rubric": detail.rubric,
        "notes": [thread_json(thread) for thread in detail.notes],
    }


def audit_json(event: AuditEvent, actor: str) -> dict[str, Any]:
    """One audit event."""
    return {
        "id": event.id,
        "at": _when(event.created_at),
        "action": event.action,
        "actor": {"id": event.actor_id, "name": actor},
        "target_type": event.target_type,
        "target_id": event.target_id,
        "details": event.details or {},
    }


def signoff_json(signoff: CohortSignoff) -> dict[str, Any]:
    """A cohort sign-off."""
    return {
        "id": signoff.id,
        "cohort_id": signoff.cohort_id,
        "user": {"id": signoff.user_id, "name": signoff.user.display_name},
        "note": signoff.note,
        "created_at": _when(signoff.created_at),
    }
