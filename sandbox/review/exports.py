"""Exports of runs, posts with findings and the audit log: filtered, read in chunks, streamed as CSV or JSON.

Rows are read by keyset pagination (id > last id, CHUNK at a time) as plain column tuples, never as ORM
objects, so an export of any size holds one chunk in memory at a time.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from flask import Response, current_app, stream_with_context

from .. import audit
from ..errors import InvalidInput
from ..extensions import db
from ..models import AuditEvent, Finding, Post, Run, User, utcnow
from ..models.retention import PurgedRun
from .export_filters import ExportFilter, date_conditions, post_scope, run_scope, runs_filter
from .practice import author_scope, free_practice
from .queries import RunStats, run_stats

CHUNK = 1000
DATASETS = ("runs", "posts", "audit")
FORMATS = ("csv", "json")


def _id_windows(key, *conditions) -> Iterator[list[int]]:
    """The ids of one organisation's rows, CHUNK at a time in id order (keyset pagination).

    Only cheap conditions on the table itself go here; the organisation test is written `column + 0`
    so the database walks the primary key in order (an index on the organisation would make it sort
    every matching id again for each window).
    """
    last = 0
    while True:
        ids = db.session.scalars(
            sa.select(key).where(key > last, *conditions).order_by(key).limit(CHUNK)
        ).all()
        if not ids:
            return
        yield list(ids)
        last = ids[-1]
        if len(ids) < CHUNK:
            return


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


RUN_COLUMNS = (
    "run_id",
    "trainee_id",
    "trainee_name",
    "trainee_email",
    "live_session_id",
    "scenario_id",
    "scenario_title",
    "platform",
    "attempt",
    "status",
    "score",
    "started_at",
    "finished_at",
    "posts",
    "overridden_posts",
    "deleted_posts",
    "findings",
    "labels",
    "purged",
)


def iter_runs(f: ExportFilter) -> Iterator[list[dict[str, Any]]]:
    """The filtered finished runs, oldest first, one chunk of row dicts at a time."""
    stmt = (
        sa.select(
            Run.id,
            Run.user_id,
            User.display_name,
            User.email,
            Run.live_session_id,
            Run.scenario_id,
            Run.scenario_title,
            Run.platform,
            Run.attempt,
            Run.status,
            Run.score,
            Run.started_at,
            Run.finished_at,
            PurgedRun.id.is_not(None),
        )
        .join(User, User.id == Run.user_id)
        .outerjoin(PurgedRun, PurgedRun.run_id == Run.id)
        .where(*runs_filter(f))
        .order_by(Run.id)
    )
    for ids in _id_windows(Run.id, Run.organisation_id + 0 == f.organisation_id):
        rows = db.session.execute(stmt.where(Run.id.in_(ids))).all()
        if not rows:
            continue
        stats = run_stats([row[0] for row in rows])
        yield [_run_item(row, stats[row[0]]) for row in rows]


def _run_item(row: sa.Row, stats: RunStats) -> dict[str, Any]:
    values = dict(zip(RUN_COLUMNS[:13], row[:13], strict=True))
    values["started_at"], values["finished_at"] = _iso(values["started_at"]), _iso(values["finished_at"])
    values.update(
        posts=stats.posts,
        overridden_posts=stats.overridden,
        deleted_posts=stats.deleted,
        findings=stats.findings,
        labels=sorted(stats.labels),
        purged=bool(row[13]),
    )
    return values


POST_COLUMNS = (
    "post_id",
    "context",  # "run" or "free_practice" (a post outside any scenario: no run, session or scenario)
    "run_id",
    "trainee_id",
    "trainee_name",
    "live_session_id",
    "scenario_id",
    "platform",
    "kind",
    "audience",
    "parent_id",
    "created_at",
    "edited_at",
    "deleted_at",
    "overridden",
    "body",
    "findings",
)
FINDING_KEYS = (
    "id",
    "kind",
    "label",
    "severity",
    "start",
    "end",
    "text",
    "rule",
    "message",
    "overridden",
    "created_at",
    "superseded_at",
)


def _findings_of(post_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    by_post: dict[int, list[dict[str, Any]]] = {pid: [] for pid in post_ids}
    columns = [getattr(Finding, key) for key in FINDING_KEYS]
    rows = db.session.execute(
        sa.select(Finding.post_id, *columns).where(Finding.post_id.in_(post_ids)).order_by(Finding.id)
    )
    for post_id, *values in rows:
        finding = dict(zip(FINDING_KEYS, values, strict=True))
        finding["created_at"], finding["superseded_at"] = (
            _iso(finding["created_at"]),
            _iso(finding["superseded_at"]),
        )
        by_post[post_id].append(finding)
    return by_post


def _trainee_runs(f: ExportFilter, world_ids: set[int]) -> dict[tuple[int, int], sa.Row]:
    """The runs in the filter's scope whose trainee posts live in these worlds, by (world id, trainee id).

    A trainee's post lives in their own run, or in a shared room's world run (trainee_post_of_run); the
    lookups go by primary key and the world-run index, so each chunk costs the same few small queries.
    """
    candidates = set(db.session.scalars(sa.select(Run.id).where(Run.id.in_(world_ids))))
    candidates |= set(db.session.scalars(sa.select(Run.id).where(Run.world_run_id.in_(world_ids))))
    rows = db.session.execute(
        sa.select(
            Run.id, Run.world_run_id, Run.user_id, User.display_name, Run.live_session_id, Run.scenario_id
        )
        .join(User, User.id == Run.user_id)
        .where(Run.id.in_(candidates), *run_scope(f))
    ).all()
    by_world = {(row.world_run_id, row.user_id): row for row in rows if row.world_run_id is not None}
    by_world.update({(row.id, row.user_id): row for row in rows})  # a run's own posts come first
    return by_world


POST_FIELDS = (
    Post.id,
    Post.run_id,
    Post.author_user_id,
    Post.platform,
    Post.kind,
    Post.audience,
    Post.parent_id,
    Post.created_at,
    Post.edited_at,
    Post.deleted_at,
    Post.overridden,
    Post.body,
)


def iter_posts(f: ExportFilter) -> Iterator[list[dict[str, Any]]]:
    """Trainee posts of the filtered runs, then free-practice posts, with their findings as stored."""
    stmt = sa.select(*POST_FIELDS).order_by(Post.id)
    windows = _id_windows(
        Post.id,
        Post.organisation_id + 0 == f.organisation_id,
        Post.author_user_id.is_not(None),
        Post.run_id.is_not(None),
    )
    if f.narrows_runs:  # skip posts of other runs in the database, not after loading them
        scoped = [*run_scope(f), Run.world_run_id.is_not(None)]
        worlds = sa.union(sa.select(Run.id).where(*run_scope(f)), sa.select(Run.world_run_id).where(*scoped))
        stmt = stmt.where(Post.run_id.in_(worlds))
    for ids in windows:
        posts = db.session.execute(stmt.where(Post.id.in_(ids), *post_scope(f))).all()
        runs = _trainee_runs(f, {post.run_id for post in posts})
        matched = [(post, runs[key]) for post in posts if (key := (post.run_id, post.author_user_id)) in runs]
        if not matched:
            continue
        findings = _findings_of([post.id for post, _run in matched])
        yield [_post_item(post, run, findings[post.id]) for post, run in matched]
    yield from iter_practice_posts(f)


def iter_practice_posts(f: ExportFilter) -> Iterator[list[dict[str, Any]]]:
    """Free-practice posts (outside any run) the filter matches, as rows of their own context."""
    if f.session_id is not None or f.scenario_id is not None or f.status is not None:
        return  # filters only runs have
    stmt = sa.select(*POST_FIELDS, User.id.label("user_id"), User.display_name).join(
        User, User.id == Post.author_user_id
    )
    conditions = [
        *post_scope(f),
        *date_conditions(Post.created_at, f),
        *author_scope(f.cohort_id, f.platform, f.trainee_id),
    ]
    for ids in _id_windows(Post.id, Post.organisation_id + 0 == f.organisation_id, free_practice()):
        posts = db.session.execute(stmt.where(Post.id.in_(ids), *conditions).order_by(Post.id)).all()
        if posts:
            findings = _findings_of([post.id for post in posts])
            yield [_post_item(post, None, findings[post.id]) for post in posts]


def _post_item(post: sa.Row, run: sa.Row | None, findings: list[dict[str, Any]]) -> dict[str, Any]:
    author = run if run is not None else post
    return {
        "post_id": post.id,
        "context": "run" if run is not None else "free_practice",
        "run_id": run.id if run is not None else None,
        "trainee_id": author.user_id,
        "trainee_name": author.display_name,
        "live_session_id": run.live_session_id if run is not None else None,
        "scenario_id": run.scenario_id if run is not None else None,
        "platform": post.platform,
        "kind": str(post.kind),
        "audience": str(post.audience),
        "parent_id": post.parent_id,
        "created_at": _iso(post.created_at),
        "edited_at": _iso(post.edited_at),
        "deleted_at": _iso(post.deleted_at),
        "overridden": post.overridden,
        "body": post.body,
        "findings": findings,
    }


AUDIT_COLUMNS = (
    "event_id",
    "created_at",
    "actor_id",
    "actor_name",
    "action",
    "target_type",
    "target_id",
    "details",
    "ip_address",
)


def _audit_target_scope(f: ExportFilter):
    runs = sa.select(Run.id).where(*run_scope(f))
    posts = sa.select(Post.id).where(Post.run_id.in_(runs))
    return sa.or_(
        sa.and_(AuditEvent.target_type == "run", AuditEvent.target_id.in_(runs)),
        sa.and_(AuditEvent.target_type == "post", AuditEvent.target_id.in_(posts)),
    )


def iter_audit(f: ExportFilter) -> Iterator[list[dict[str, Any]]]:
    """The organisation's audit events (dates, actor = trainee; run filters: events on those runs' posts)."""
    conditions = [AuditEvent.organisation_id == f.organisation_id, *date_conditions(AuditEvent.created_at, f)]
    if f.trainee_id is not None:
        conditions.append(AuditEvent.actor_id == f.trainee_id)
    if f.has_run_scope:
        conditions.append(_audit_target_scope(f))
    stmt = (
        sa.select(
            AuditEvent.id,
            AuditEvent.created_at,
            AuditEvent.actor_id,
            User.display_name,
            AuditEvent.action,
            AuditEvent.target_type,
            AuditEvent.target_id,
            AuditEvent.details,
            AuditEvent.ip_address,
        )
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(*conditions)
        .order_by(AuditEvent.id)
    )
    for ids in _id_windows(AuditEvent.id, AuditEvent.organisation_id + 0 == f.organisation_id):
        rows = db.session.execute(stmt.where(AuditEvent.id.in_(ids))).all()
        if rows:
            yield [_audit_item(row) for row in rows]


def _audit_item(row: sa.Row) -> dict[str, Any]:
    values = dict(zip(AUDIT_COLUMNS, row, strict=True))
    values["created_at"] = _iso(values["created_at"])
    return values


ITERATORS: dict[str, Callable[[ExportFilter], Iterator[list[dict[str, Any]]]]] = {
    "runs": iter_runs,
    "posts": iter_posts,
    "audit": iter_audit,
}
CSV_COLUMNS = {
    "runs": RUN_COLUMNS,
    "posts": (*POST_COLUMNS[:-1], "finding_count", "labels", "severities", "overridden_labels"),
    "audit": AUDIT_COLUMNS,
}


def safe_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula (text starting =, +, -, @ gets a ')."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv_row(dataset: str, item: dict[str, Any]) -> list[Any]:
    item = dict(item)
    if dataset == "posts":
        findings = item["findings"]
        item.update(
            finding_count=len(findings),
            labels=";".join(sorted({x["label"] for x in findings})),
            severities=";".join(sorted({x["severity"] for x in findings})),
            overridden_labels=";".join(sorted({x["label"] for x in findings if x["overridden"]})),
        )
    elif dataset == "runs":
        item["labels"] = ";".join(item["labels"])
    elif dataset == "audit":
        item["details"] = json.dumps(item["details"], sort_keys=True)
    return [safe_cell(item[column]) for column in CSV_COLUMNS[dataset]]


def stream_csv(dataset: str, f: ExportFilter) -> Iterator[str]:
    """The export as CSV text, a header then one chunk of rows per piece."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS[dataset])
    yield buffer.getvalue()
    for items in ITERATORS[dataset](f):
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(_csv_row(dataset, item) for item in items)
        yield buffer.getvalue()


def stream_json(dataset: str, f: ExportFilter) -> Iterator[str]:
    """The export as one JSON array, written piece by piece (one chunk of objects per piece)."""
    yield "["
    first = True
    for items in ITERATORS[dataset](f):
        piece = ",\n".join(json.dumps(item, default=str) for item in items)
        yield ("\n" if first else ",\n") + piece
        first = False
    yield "\n]\n"


def export_filename(dataset: str, fmt: str, when: datetime) -> str:
    """The attachment name: sandbox-<dataset>-<UTC time>.<format>."""
    return f"sandbox-{dataset}-{when:%Y%m%d-%H%M%S}.{fmt}"


# The last line of an export that broke after its first rows were sent (the status was already 200).
INCOMPLETE = {
    "csv": "# EXPORT INCOMPLETE: an error stopped it part way; download it again\n",
    "json": "\n",  # the array is left unclosed, so a JSON reader refuses the file
}


def _first_rows(chunks: Iterator[str]) -> list[str]:
    """Read the header and the first window of rows (an error here fails the request, not the file)."""
    return [chunk for chunk in (next(chunks, None), next(chunks, None)) if chunk is not None]


def _finish(dataset: str, fmt: str, f: ExportFilter, chunks: Iterator[str]) -> Iterator[str]:
    try:
        yield from chunks
    except Exception:  # noqa: BLE001 - the answer is already 200: say so in the file and the audit trail
        current_app.logger.exception("export of %s failed part way", dataset)
        db.session.rollback()
        audit.record(
            "review.export_failed", None, organisation_id=f.organisation_id, dataset=dataset, format=fmt
        )
        db.session.commit()
        yield INCOMPLETE[fmt]


def export_response(dataset: str, fmt: str, f: ExportFilter) -> Response:
    """Stream the export as an attachment once its first rows are read; record who exported what."""
    if dataset not in DATASETS or fmt not in FORMATS:
        raise InvalidInput(f"Choose a dataset ({', '.join(DATASETS)}) and a format (csv or json).", "dataset")
    chunks = stream_csv(dataset, f) if fmt == "csv" else stream_json(dataset, f)
    first = _first_rows(chunks)
    audit.record(
        "review.exported",
        None,
        organisation_id=f.organisation_id,
        dataset=dataset,
        format=fmt,
        filter=f.as_args(),
    )
    db.session.commit()
    body = itertools.chain(first, _finish(dataset, fmt, f, chunks))
    mimetype = "text/csv" if fmt == "csv" else "application/json"
    response = Response(stream_with_context(body), mimetype=mimetype)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{export_filename(dataset, fmt, utcnow())}"'
    )
    response.headers["Cache-Control"] = "no-store"
    return response
