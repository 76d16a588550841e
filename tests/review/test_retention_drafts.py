"""Words typed in a draft the pause stopped live apart from the audit trail, and the purge removes them."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.feeds.operations import Draft, PauseRequired, create_post
from sandbox.feeds.platforms import PLATFORMS
from sandbox.models import AuditEvent, AuditText, Role, utcnow
from sandbox.models.retention import PurgeRecord
from sandbox.review.retention import plan_purge, purge
from sandbox.review.transcript import PURGED_DRAFT, transcript
from sandbox.scenarios.runs import scenario_for

from ..factories import make_user
from .playthrough import DENTAL, UNSAFE, play_dental

WORDS = ("Karen", "gums bled")


def _all_event_details() -> str:
    return json.dumps(db.session.scalars(sa.select(AuditEvent.details)).all())


def _stopped_in_free_practice(trainee, body: str) -> AuditText:
    with pytest.raises(PauseRequired):
        create_post(trainee, PLATFORMS["microblog"], Draft(body=body))
    db.session.commit()
    return db.session.scalars(sa.select(AuditText).order_by(AuditText.id.desc())).first()


def test_the_audit_trail_never_holds_the_words_of_a_stopped_or_overridden_draft(app, org):
    trainee = make_user(org, Role.TRAINEE)
    play_dental(trainee, UNSAFE, pause_first=True)
    actions = set(db.session.scalars(sa.select(AuditEvent.action)))
    assert {"post.paused", "post.override"} <= actions
    details = _all_event_details()
    assert not any(word in details for word in WORDS)
    assert db.session.scalar(sa.select(AuditText.body)) == UNSAFE


def test_the_purge_removes_stopped_drafts_of_expired_runs_and_the_transcript_says_so(app, org):
    org.retention_days = 30
    trainee = make_user(org, Role.TRAINEE)
    old_run, _post = play_dental(trainee, UNSAFE, pause_first=True)
    cutoff = utcnow()  # the first run finished before it, the second after
    recent_run, _post = play_dental(trainee, UNSAFE, pause_first=True)
    plan = plan_purge(org, cutoff)
    assert plan.counts["stopped_drafts"] == 1
    purge(plan)
    db.session.commit()
    texts = {t.run_id: t for t in db.session.scalars(sa.select(AuditText))}
    assert texts[old_run.id].body == "" and texts[old_run.id].findings == [] and texts[old_run.id].purged_at
    assert texts[recent_run.id].body == UNSAFE and texts[recent_run.id].purged_at is None
    assert db.session.scalar(sa.select(PurgeRecord.stopped_drafts)) == 1
    stopped = [e for e in transcript(old_run, scenario_for(DENTAL), "T") if e.kind == "paused"]
    assert [e.body for e in stopped] == [PURGED_DRAFT]
    assert all(set(f) >= {"label", "start", "end"} and "text" not in f for f in stopped[0].findings)
    kept = [e for e in transcript(recent_run, scenario_for(DENTAL), "T") if e.kind == "paused"]
    assert [e.body for e in kept] == [UNSAFE] and kept[0].findings[0]["text"]


def test_free_practice_drafts_expire_by_their_own_age(app, org):
    org.retention_days = 30
    trainee = make_user(org, Role.TRAINEE)
    old = _stopped_in_free_practice(trainee, "Mrs. Delgado in bed 12 is 93 today and still cracking jokes")
    old.created_at = utcnow() - timedelta(days=31)
    recent = _stopped_in_free_practice(trainee, "Mr. Okafor in bed 4 is 91 today and asking for tea")
    db.session.commit()
    purge(plan_purge(org, utcnow() - timedelta(days=30)))
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(AuditText, old.id).body == ""
    assert "Okafor" in db.session.get(AuditText, recent.id).body
