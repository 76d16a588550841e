"""Reviewer actions: each validates, writes, records an append-only audit event, flushes and returns.

Notes are never changed in place: an edit adds a version that supersedes the one edited, with its own
author and time, and the page shows every version.
"""

from __future__ import annotations

import sqlalchemy as sa

from .. import audit
from ..errors import InvalidInput
from ..extensions import db
from ..models import Cohort, Post, Run, User, utcnow
from ..models.review import REVIEW_STATUSES, CohortSignoff, ReviewNote, RunReview
from .filters import QueueFilters
from .queries import status_counts
from .transcript import world_ids

NOTE_MAX = 5000
SIGNOFF_NOTE_MAX = 2000
SETTABLE_STATUSES = ("needs_follow_up", "discussed", "closed")


def _note_body(body: object) -> str:
    text = body.strip() if isinstance(body, str) else ""
    if not text:
        raise InvalidInput("Write the note first: it is empty.", "note")
    if len(text) > NOTE_MAX:
        raise InvalidInput(f"Keep a note under {NOTE_MAX} characters; this one has {len(text)}.", "note")
    return text


def _post_of_run(run: Run, post_id: object) -> Post:
    if not isinstance(post_id, int) or isinstance(post_id, bool):
        raise InvalidInput("post_id must be the number of a post in this run.", "post_id")
    post = db.session.get(Post, post_id)
    if post is None or post.run_id not in world_ids(run):
        raise InvalidInput("That post is not part of this run.", "post_id", status=404)
    return post


def add_note(author: User, run: Run, body: object, post_id: object = None) -> ReviewNote:
    """Annotate the run, or one post in it."""
    post = _post_of_run(run, post_id) if post_id is not None else None
    note = ReviewNote(
        organisation_id=run.organisation_id,
        run_id=run.id,
        post_id=post.id if post else None,
        author_id=author.id,
        body=_note_body(body),
        version=1,
        created_at=utcnow(),
    )
    db.session.add(note)
    db.session.flush()
    audit.record("review.note_added", note, actor=author, run_id=run.id, post_id=note.post_id, version=1)
    db.session.flush()
    return note


def revise_note(author: User, run: Run, note_id: object, body: object) -> ReviewNote:
    """Edit a note: a new version supersedes it; the old one stays, visible in the history."""
    note = db.session.get(ReviewNote, note_id) if isinstance(note_id, int) else None
    if note is None or note.run_id != run.id:
        raise InvalidInput("There is no such note on this run.", "note_id", status=404)
    newer = db.session.scalar(sa.select(ReviewNote).where(ReviewNote.supersedes_id == note.id))
    if newer is not None:
        raise InvalidInput(
            f"This note was already edited (version {newer.version}); edit its newest version.",
            "note_id",
            status=409,
        )
    text = _note_body(body)
    if text == note.body:
        raise InvalidInput("The note is unchanged; nothing was saved.", "note")
    revised = ReviewNote(
        organisation_id=run.organisation_id,
        run_id=run.id,
        post_id=note.post_id,
        author_id=author.id,
        body=text,
        version=note.version + 1,
        supersedes_id=note.id,
        created_at=utcnow(),
    )
    db.session.add(revised)
    db.session.flush()
    audit.record(
        "review.note_revised",
        revised,
        actor=author,
        run_id=run.id,
        post_id=revised.post_id,
        version=revised.version,
        supersedes=note.id,
    )
    db.session.flush()
    return revised


def set_status(author: User, run: Run, status: object) -> tuple[RunReview, bool]:
    """Set the run's review status; returns the review and whether it changed."""
    if status not in SETTABLE_STATUSES:
        names = ", ".join(f"{key} ({REVIEW_STATUSES[key]})" for key in SETTABLE_STATUSES)
        raise InvalidInput(f"Choose a status: one of {names}.", "status")
    review = db.session.scalar(sa.select(RunReview).where(RunReview.run_id == run.id))
    old = review.status if review else "new"
    if review is None:
        review = RunReview(organisation_id=run.organisation_id, run_id=run.id, updated_by_id=author.id)
        db.session.add(review)
    elif old == status:
        return review, False
    review.status, review.updated_by_id, review.updated_at = str(status), author.id, utcnow()
    audit.record("review.status_changed", run, actor=author, old=old, new=status)
    db.session.flush()
    return review, True


def sign_off(author: User, cohort: Cohort, note: object = "") -> CohortSignoff:
    """Sign off the cohort's review, recording who, when, and how its runs stood at that moment."""
    text = note.strip() if isinstance(note, str) else ""
    if len(text) > SIGNOFF_NOTE_MAX:
        raise InvalidInput(f"Keep the sign-off note under {SIGNOFF_NOTE_MAX} characters.", "note")
    now = utcnow()
    signoff = CohortSignoff(
        organisation_id=cohort.organisation_id,
        cohort_id=cohort.id,
        user_id=author.id,
        note=text,
        created_at=now,
    )
    db.session.add(signoff)
    cohort.signed_off_at = now
    db.session.flush()
    counts = status_counts(author, QueueFilters(cohort_id=cohort.id))
    audit.record("review.cohort_signed_off", cohort, actor=author, signoff_id=signoff.id, runs=counts)
    db.session.flush()
    return signoff


def cohort_signoffs(cohort: Cohort) -> list[CohortSignoff]:
    """Every sign-off of the cohort's review, newest first."""
    stmt = (
        sa.select(CohortSignoff)
        .where(CohortSignoff.cohort_id == cohort.id)
        .order_by(CohortSignoff.created_at.desc(), CohortSignoff.id.desc())
    )
    return list(db.session.scalars(stmt))
