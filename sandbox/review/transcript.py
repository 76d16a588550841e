"""A run's full transcript for review: setting, injects, paused drafts, posts, edits, deletions, replies.

Each of the trainee's posts is shown version by version: the words as first posted with the findings
stored at that moment, then each edit with the findings stored for it. Findings are never recomputed;
an edit marks the earlier ones superseded (Finding.superseded_at), which is how they are grouped here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import AuditEvent, AuditText, Capture, Finding, LiveSession, Post, Run, utcnow
from ..scenarios.schema import Scenario

# Within the same second, the order things happen in.
KIND_ORDER = {"setting": 0, "inject": 1, "persona": 2, "paused": 3, "post": 4, "edit": 5, "deleted": 6}
KIND_NAMES = {
    "setting": "Setting post",
    "inject": "Inject",
    "persona": "Persona reply",
    "paused": "Draft stopped by a warning (not posted)",
    "post": "Posted",
    "edit": "Edited",
    "deleted": "Deleted",
}


@dataclass
class Entry:
    """One moment in the transcript."""

    at: datetime
    kind: str
    author: str
    body: str
    post: Post | None = None
    version: int | None = None
    superseded_at: datetime | None = None
    overridden: bool = False
    findings: list[dict[str, Any]] = field(default_factory=list)
    captures: list[Capture] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def kind_name(self) -> str:
        """What the entry is, in words."""
        return KIND_NAMES[self.kind]


def world_ids(run: Run) -> list[int]:
    """The runs whose posts make up this run's world: the run, and a shared room's world run."""
    return [run.id] if run.world_run_id in (None, run.id) else [run.id, run.world_run_id]


def run_posts(run: Run) -> list[Post]:
    """The personas' posts in the run's world and the trainee's own, with what review needs loaded."""
    stmt = (
        sa.select(Post)
        .where(
            Post.run_id.in_(world_ids(run)),
            sa.or_(Post.author_persona_id.is_not(None), Post.author_user_id == run.user_id),
        )
        .options(
            selectinload(Post.findings),
            selectinload(Post.revisions),
            selectinload(Post.captures).selectinload(Capture.persona),
            selectinload(Post.author_persona),
        )
        .order_by(Post.created_at, Post.id)
    )
    return list(db.session.scalars(stmt))


def ended_at(run: Run) -> datetime:
    """When the run stopped: finished, or its live session ended (now, if neither is recorded)."""
    if run.finished_at is not None:
        return run.finished_at
    if run.live_session_id is not None:
        session = db.session.get(LiveSession, run.live_session_id)
        if session is not None and session.ended_at is not None:
            return session.ended_at
    return utcnow()


def seconds_taken(run: Run) -> int:
    """How long the run lasted, in whole seconds."""
    return max(int((ended_at(run) - run.started_at).total_seconds()), 0)


def finding_json(finding: Finding) -> dict[str, Any]:
    """A stored finding as review shows it."""
    return {
        "id": finding.id,
        "kind": finding.kind,
        "label": finding.label,
        "severity": finding.severity,
        "text": finding.text,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "rule": finding.rule,
        "source": finding.source,
        "overridden": finding.overridden,
        "created_at": finding.created_at.isoformat(),
        "superseded_at": finding.superseded_at.isoformat() if finding.superseded_at else None,
    }


def _persona_entry(post: Post, scenario: Scenario | None) -> Entry:
    setting = {p.key for p in scenario.setting} if scenario else set()
    kind = "setting" if post.scenario_key in setting else "inject" if post.scenario_key else "persona"
    persona = post.author_persona
    return Entry(post.created_at, kind, f"{persona.name} (@{persona.handle})", post.body, post=post)


def _version_of(finding: Finding, ends: list[datetime | None]) -> int:
    if finding.superseded_at is None:
        return len(ends) - 1
    for index, end in enumerate(ends[:-1]):
        if end is not None and end >= finding.superseded_at:
            return index
    return max(len(ends) - 2, 0)


def trainee_entries(post: Post, trainee: str) -> list[Entry]:
    """A trainee post version by version (findings as stored for each), then its deletion if any."""
    bodies = [r.body for r in post.revisions] + [post.body]
    starts = [post.created_at] + [r.replaced_at for r in post.revisions]
    ends: list[datetime | None] = [r.replaced_at for r in post.revisions] + [None]
    grouped: list[list[Finding]] = [[] for _ in bodies]
    for finding in post.findings:
        grouped[_version_of(finding, ends)].append(finding)
    entries = []
    for index, body in enumerate(bodies):
        overridden = post.overridden if len(bodies) == 1 else any(f.overridden for f in grouped[index])
        entries.append(
            Entry(
                starts[index],
                "post" if index == 0 else "edit",
                trainee,
                body,
                post=post,
                version=index + 1,
                superseded_at=ends[index],
                overridden=overridden,
                findings=[finding_json(f) for f in grouped[index]],
                captures=list(post.captures) if index == 0 else [],
            )
        )
    if post.deleted_at is not None:
        entries.append(
            Entry(post.deleted_at, "deleted", trainee, post.body, post=post, captures=post.captures)
        )
    return entries


def paused_drafts(run: Run, post_ids: list[int]) -> list[AuditEvent]:
    """Drafts the trainee was stopped at during the run (new posts, and edits of the run's posts).

    A paused new post is recorded against its author; it belongs to this run when it says so (run_id
    in its details) or, when it does not, when it was on the run's platform while the run was going.
    """
    during = sa.and_(
        AuditEvent.target_type == "user",
        AuditEvent.target_id == run.user_id,
        AuditEvent.created_at >= run.started_at,
        AuditEvent.created_at <= ended_at(run),
    )
    editing = sa.and_(AuditEvent.target_type == "post", AuditEvent.target_id.in_(post_ids or [-1]))
    stmt = (
        sa.select(AuditEvent)
        .where(
            AuditEvent.action == "post.paused",
            AuditEvent.organisation_id == run.organisation_id,
            sa.or_(during, editing),
        )
        .order_by(AuditEvent.created_at, AuditEvent.id)
    )
    ours = set(world_ids(run))
    return [
        event
        for event in db.session.scalars(stmt)
        if event.target_type == "post"
        or (event.details.get("run_id", run.id) in ours and event.details.get("platform") == run.platform)
    ]


PURGED_DRAFT = "[removed under the retention policy]"


def texts_of(events: list[AuditEvent]) -> dict[int, AuditText]:
    """The stored words of these events, by id (one query)."""
    ids = [event.details["text_id"] for event in events if isinstance(event.details.get("text_id"), int)]
    rows = db.session.scalars(sa.select(AuditText).where(AuditText.id.in_(ids))) if ids else []
    return {text.id: text for text in rows}


def _paused_entry(event: AuditEvent, trainee: str, texts: dict[int, AuditText]) -> Entry:
    details = event.details or {}
    text = texts.get(details.get("text_id"))
    purged = text is None or text.purged_at is not None
    return Entry(
        event.created_at,
        "paused",
        trainee,
        PURGED_DRAFT if purged else text.body,
        findings=[dict(f) for f in (details.get("findings", []) if purged else text.findings)],
        details={
            "audit_event_id": event.id,
            "editing_post_id": event.target_id if details.get("editing") else None,
        },
    )


def transcript(run: Run, scenario: Scenario | None, trainee_name: str) -> list[Entry]:
    """Everything that happened in the run, in time order."""
    posts = run_posts(run)
    entries: list[Entry] = []
    for post in posts:
        if post.author_persona_id is not None:
            entries.append(_persona_entry(post, scenario))
        else:
            entries.extend(trainee_entries(post, trainee_name))
    mine = [p.id for p in posts if p.author_user_id == run.user_id]
    paused = paused_drafts(run, mine)
    texts = texts_of(paused)
    entries.extend(_paused_entry(event, trainee_name, texts) for event in paused)
    entries.sort(key=lambda e: (e.at, KIND_ORDER[e.kind], e.post.id if e.post else 0))
    return entries
