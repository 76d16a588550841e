"""Reviewer actions on the pages: notes with versions, statuses, cohort sign-off; each one audited."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.models import AuditEvent, Cohort, Role
from sandbox.models.review import CohortSignoff, NotesAreNeverEdited, ReviewNote, RunReview

from ..factories import count, make_cohort, make_review_post, make_review_run, make_user


@pytest.fixture
def run(org):
    trainee = make_user(org)
    run = make_review_run(org, trainee)
    make_review_post(run, "Posted with a name", [("privacy", "NAME", "block")], overridden=True)
    return run


def audit_actions() -> list[str]:
    return list(db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)))


def test_annotating_a_run_and_a_post(client, login_as, run):
    reviewer = login_as(Role.REVIEWER)
    post_id = db.session.scalar(sa.text("SELECT id FROM posts"))
    response = client.post(f"/review/runs/{run.id}/notes", data={"body": "Discuss at the debrief."})
    assert response.status_code == 302 and "#note-" in response.headers["Location"]
    client.post(f"/review/runs/{run.id}/notes", data={"body": "Names the patient.", "post_id": str(post_id)})
    notes = db.session.scalars(sa.select(ReviewNote).order_by(ReviewNote.id)).all()
    assert [(n.post_id, n.author_id, n.version) for n in notes] == [
        (None, reviewer.id, 1),
        (post_id, reviewer.id, 1),
    ]
    assert audit_actions().count("review.note_added") == 2
    page = client.get(f"/review/runs/{run.id}").text
    assert "Discuss at the debrief." in page and "Names the patient." in page


def test_empty_note_and_foreign_post_are_refused(client, login_as, run, org):
    login_as(Role.REVIEWER)
    empty = client.post(f"/review/runs/{run.id}/notes", data={"body": "   "}, follow_redirects=True)
    assert "Write the note first" in empty.text and count(ReviewNote) == 0
    other_run = make_review_run(org, make_user(org))
    other_post = make_review_post(other_run)
    foreign = client.post(f"/review/runs/{run.id}/notes", data={"body": "x", "post_id": str(other_post.id)})
    assert foreign.status_code == 404 and count(ReviewNote) == 0


def test_editing_a_note_adds_a_version_and_keeps_the_old_one(client, login_as, run, org):
    first_author = login_as(Role.REVIEWER)
    client.post(f"/review/runs/{run.id}/notes", data={"body": "Version one"})
    note_id = db.session.scalar(sa.select(ReviewNote.id))
    client.post("/logout")
    second_author = login_as(Role.ADMIN)
    response = client.post(f"/review/runs/{run.id}/notes/{note_id}", data={"body": "Version two"})
    assert response.status_code == 302
    notes = db.session.scalars(sa.select(ReviewNote).order_by(ReviewNote.id)).all()
    assert [(n.body, n.version, n.author_id, n.supersedes_id) for n in notes] == [
        ("Version one", 1, first_author.id, None),
        ("Version two", 2, second_author.id, note_id),
    ]
    assert "review.note_revised" in audit_actions()
    page = client.get(f"/review/runs/{run.id}").text
    assert "Version two" in page and "Earlier versions (1)" in page and "Version one" in page
    stale = client.post(
        f"/review/runs/{run.id}/notes/{note_id}", data={"body": "Version three"}, follow_redirects=True
    )
    assert "already edited" in stale.text and count(ReviewNote) == 2


def test_a_stored_note_cannot_be_changed_in_place(run, org):
    note = ReviewNote(
        organisation_id=org.id, run_id=run.id, author_id=make_user(org, Role.REVIEWER).id, body="a"
    )
    db.session.add(note)
    db.session.commit()
    note.body = "silently changed"
    with pytest.raises(NotesAreNeverEdited):
        db.session.commit()
    db.session.rollback()


def test_setting_a_status_is_audited_and_shown(client, login_as, run):
    reviewer = login_as(Role.REVIEWER)
    response = client.post(f"/review/runs/{run.id}/status", data={"status": "needs_follow_up"})
    assert response.status_code == 302
    review = db.session.scalar(sa.select(RunReview))
    assert (review.status, review.updated_by_id) == ("needs_follow_up", reviewer.id)
    client.post(f"/review/runs/{run.id}/status", data={"status": "closed"})
    events = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == "review.status_changed")
    ).all()
    assert [(e.details["old"], e.details["new"], e.target_id, e.actor_id) for e in events] == [
        ("new", "needs_follow_up", run.id, reviewer.id),
        ("needs_follow_up", "closed", run.id, reviewer.id),
    ]
    page = client.get(f"/review/runs/{run.id}").text
    assert "review.status_changed" in page and 'class="status status-closed">Closed' in page
    bad = client.post(f"/review/runs/{run.id}/status", data={"status": "deleted"}, follow_redirects=True)
    assert "Choose a status" in bad.text and db.session.scalar(sa.select(RunReview.status)) == "closed"


def test_signing_off_a_cohort_records_who_and_when(client, login_as, org):
    trainee = make_user(org)
    cohort = make_cohort(org, members=(trainee,))
    make_review_run(org, trainee)
    reviewer = login_as(Role.REVIEWER)
    page = client.get(f"/review/?cohort_id={cohort.id}").text
    assert "has not been signed off yet" in page and "1 of this cohort" in page
    response = client.post(f"/review/cohorts/{cohort.id}/signoff", data={"note": "All discussed."})
    assert response.status_code == 302
    signoff = db.session.scalar(sa.select(CohortSignoff))
    assert (signoff.user_id, signoff.note) == (reviewer.id, "All discussed.")
    db.session.expire_all()
    assert db.session.get(Cohort, cohort.id).signed_off_at is not None
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "review.cohort_signed_off"))
    assert event.target_id == cohort.id and event.details["runs"]["new"] == 1
    page = client.get(f"/review/?cohort_id={cohort.id}").text
    assert f"Signed off by <strong>{reviewer.display_name}</strong>" in page and "All discussed." in page


def test_instructors_read_but_do_not_act(client, login_as, org):
    trainee = make_user(org)
    instructor = login_as(Role.INSTRUCTOR)
    cohort = make_cohort(org, instructor=instructor, members=(trainee,))
    run = make_review_run(org, trainee)
    page = client.get(f"/review/runs/{run.id}")
    assert page.status_code == 200 and "Add note" not in page.text and "Set status" not in page.text
    assert client.post(f"/review/runs/{run.id}/notes", data={"body": "x"}).status_code == 403
    assert client.post(f"/review/runs/{run.id}/status", data={"status": "closed"}).status_code == 403
    assert client.post(f"/review/cohorts/{cohort.id}/signoff").status_code == 403
    assert "Sign off this cohort" not in client.get(f"/review/?cohort_id={cohort.id}").text
