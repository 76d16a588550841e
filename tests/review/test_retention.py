"""Retention: the admin sets a period; a confirmed purge (page or CLI) removes only expired content."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.models import (
    AuditEvent,
    Capture,
    Finding,
    Organisation,
    Persona,
    Post,
    PostRevision,
    Role,
    Run,
    utcnow,
)
from sandbox.models.retention import PurgedCount, PurgedRun, PurgeRecord
from sandbox.models.review import ReviewNote

from ..factories import count, make_cohort, make_org, make_review_post, make_review_run, make_user
from .test_reports import tables_of


def _old_run(org, trainee, days_ago: int, body: str):
    finished = utcnow() - timedelta(days=days_ago)
    run = make_review_run(org, trainee, started_at=finished, finished_at=finished)
    run.state = {"replies": {"inject-1": {"text": body, "labels": ["NAME"]}}}
    persona = Persona(organisation_id=org.id, run_id=run.id, name="Angry relative", handle="angry", bio="Bio")
    db.session.add(persona)
    db.session.flush()
    post = make_review_post(run, body, findings=[("privacy", "NAME", "block")], overridden=True)
    db.session.add(PostRevision(post_id=post.id, body=body + " (first draft)"))
    db.session.add(Capture(post_id=post.id, persona_id=persona.id, kind="screenshot", snapshot=body))
    db.session.commit()
    return run, post


@pytest.fixture
def expiry(org):
    """An organisation keeping 30 days: one run finished 40 days ago, one yesterday; another org's old run."""
    org.retention_days = 30
    reviewer = make_user(org, Role.REVIEWER)
    trainee = make_user(org, Role.TRAINEE)
    cohort = make_cohort(org, members=(trainee,))
    old, old_post = _old_run(org, trainee, 40, "Mr Jones in bay 3")
    recent, recent_post = _old_run(org, trainee, 1, "Ms Lee in bay 5")
    note = ReviewNote(organisation_id=org.id, run_id=old.id, author_id=reviewer.id, body="Talked to them")
    db.session.add(note)
    other = make_org("Keeps forever (test)")
    stranger = make_user(other, Role.TRAINEE)
    foreign, foreign_post = _old_run(other, stranger, 400, "Elsewhere patient")
    db.session.commit()
    return SimpleNamespace(
        org=org,
        cohort=cohort,
        old=old,
        old_post=old_post,
        recent=recent,
        recent_post=recent_post,
        note=note,
        foreign=foreign,
        foreign_post=foreign_post,
    )


def _assert_old_purged_and_rest_kept(world) -> None:
    db.session.expire_all()
    assert db.session.get(Post, world.old_post.id).body == ""
    assert count(Finding) == 2  # the recent run's and the other organisation's
    assert db.session.scalars(sa.select(Finding.post_id).order_by(Finding.post_id)).all() == sorted(
        [world.recent_post.id, world.foreign_post.id]
    )
    assert (
        db.session.scalar(sa.select(PostRevision.post_id).where(PostRevision.post_id == world.old_post.id))
        is None
    )
    assert db.session.scalar(sa.select(Capture.id).where(Capture.post_id == world.old_post.id)) is None
    assert (
        db.session.scalar(sa.select(Persona.name).where(Persona.run_id == world.old.id)) == "Removed persona"
    )
    assert db.session.get(ReviewNote, world.note.id).body == "[removed under the retention policy]"
    assert db.session.get(Run, world.old.id).state["replies"]["inject-1"] == {"text": "", "labels": ["NAME"]}
    assert db.session.get(Post, world.recent_post.id).body == "Ms Lee in bay 5"
    assert db.session.get(Post, world.foreign_post.id).body == "Elsewhere patient"
    assert db.session.scalars(sa.select(PurgedRun.run_id)).all() == [world.old.id]


def test_purge_page_asks_for_confirmation_and_shows_what_expired(client, login_as, expiry):
    login_as(Role.ADMIN)
    page = client.get("/review/retention/purge")
    assert page.status_code == 200 and "cannot be undone" in page.text
    assert "<dt>Runs</dt><dd>1</dd>" in page.text and "<dt>Findings</dt><dd>1</dd>" in page.text


def test_purge_refuses_without_confirmation(client, login_as, expiry):
    login_as(Role.ADMIN)
    response = client.post("/review/retention/purge", data={})
    assert response.status_code == 400 and "Tick the box to confirm" in response.text
    assert db.session.get(Post, expiry.old_post.id).body == "Mr Jones in bay 3"
    assert count(PurgeRecord) == 0 and count(Finding) == 3


def test_confirmed_purge_removes_only_expired_content_and_writes_an_audit_event(client, login_as, expiry):
    admin = login_as(Role.ADMIN)
    events_before = count(AuditEvent)
    response = client.post("/review/retention/purge", data={"confirm": "y"})
    assert response.status_code == 302
    _assert_old_purged_and_rest_kept(expiry)
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "retention.purged"))
    assert event.actor_id == admin.id and event.organisation_id == expiry.org.id
    assert (
        event.details["runs"] == 1
        and event.details["findings"] == 1
        and event.details["retention_days"] == 30
    )
    assert count(AuditEvent) == events_before + 1  # audit events are never removed
    record = db.session.scalar(sa.select(PurgeRecord))
    assert (record.runs, record.posts, record.findings, record.revisions, record.captures) == (1, 1, 1, 1, 1)
    assert (record.personas, record.notes, record.performed_by_id) == (1, 1, admin.id)


def test_purge_keeps_the_aggregate_counts_so_reports_do_not_change(client, login_as, expiry):
    login_as(Role.ADMIN)
    report = f"/review/reports/cohorts/{expiry.cohort.id}"
    before = tables_of(client.get(report).text)
    client.post("/review/retention/purge", data={"confirm": "y"})
    after = tables_of(client.get(report).text)
    assert after == before
    assert before["table-findings"][1][-1] == "2"  # NAME in the expired run and in the recent one
    kept = db.session.scalars(sa.select(PurgedCount).order_by(PurgedCount.label)).all()
    assert [
        (c.cohort_id, c.label, c.runs, c.runs_with_phi, c.posts, c.overridden_posts, c.findings) for c in kept
    ] == [
        (expiry.cohort.id, "", 1, 1, 1, 1, 1),
        (expiry.cohort.id, "NAME", 0, 0, 0, 0, 1),
    ]


def test_purging_again_removes_nothing_more(client, login_as, expiry):
    login_as(Role.ADMIN)
    client.post("/review/retention/purge", data={"confirm": "y"})
    page = client.get("/review/retention/purge")
    assert "Nothing has expired" in page.text
    assert count(PurgedRun) == 1


def test_admin_sets_the_retention_period_with_an_audit_event(client, login_as, org):
    login_as(Role.ADMIN)
    assert client.post("/review/retention", data={"days": "0"}).status_code == 400
    assert client.post("/review/retention", data={"days": "90"}).status_code == 302
    assert db.session.get(Organisation, org.id).retention_days == 90
    client.post("/review/retention", data={"days": ""})
    db.session.expire_all()
    assert db.session.get(Organisation, org.id).retention_days is None
    changes = db.session.scalars(
        sa.select(AuditEvent.details).where(AuditEvent.action == "retention.changed").order_by(AuditEvent.id)
    ).all()
    assert changes == [{"old": None, "new": 90}, {"old": 90, "new": None}]
    assert "kept forever" in client.get("/review/retention").text


def test_without_a_retention_period_nothing_is_purged(client, login_as, org):
    login_as(Role.ADMIN)
    response = client.post("/review/retention/purge", data={"confirm": "y"})
    assert response.status_code == 302 and count(PurgeRecord) == 0


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.INSTRUCTOR, Role.TRAINEE])
def test_only_admins_manage_retention(client, login_as, expiry, role):
    login_as(role)
    assert client.get("/review/retention").status_code == 403
    assert client.post("/review/retention", data={"days": "1"}).status_code == 403
    assert client.post("/review/retention/purge", data={"confirm": "y"}).status_code == 403
    assert count(PurgeRecord) == 0


def test_cli_dry_run_lists_without_removing_then_purge_removes(runner, expiry):
    dry = runner.invoke(args=["purge", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "Would remove 1 runs, 1 posts, 1 findings, 1 revisions, 1 captures" in dry.output
    assert count(PurgeRecord) == 0 and db.session.get(Post, expiry.old_post.id).body == "Mr Jones in bay 3"
    done = runner.invoke(args=["purge"])
    assert done.exit_code == 0, done.output
    assert f"{expiry.org.name} (keeps 30 days" in done.output and "Removed 1 runs" in done.output
    _assert_old_purged_and_rest_kept(expiry)
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "retention.purged"))
    assert event.actor_id is None and event.organisation_id == expiry.org.id
    assert "Removed 0 runs" in runner.invoke(args=["purge"]).output


def test_cli_says_when_no_organisation_has_a_period(runner, org):
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0 and "nothing to purge" in result.output
