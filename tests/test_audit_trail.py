"""The audit trail cannot be rewritten: the database refuses every path; the hash chain shows tampering."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from sandbox import audit
from sandbox.audit_chain import verify
from sandbox.extensions import db
from sandbox.models import AuditEvent, AuditSeal
from sandbox.models.audit import guard_lifted


def _events(org, number: int = 3) -> list[AuditEvent]:
    events = [audit.record("something.happened", org, n=n) for n in range(number)]
    db.session.commit()
    return events


def _refused(statement) -> None:
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        db.session.execute(statement)
        db.session.flush()
    db.session.rollback()


@pytest.mark.parametrize(
    "statement",
    [
        sa.update(AuditEvent).values(action="rewritten"),
        sa.delete(AuditEvent),
        sa.text("UPDATE audit_events SET details = '{}'"),
        sa.text("DELETE FROM audit_events"),
        sa.update(AuditSeal).values(digest="0" * 64),
        sa.text("DELETE FROM audit_seals"),
    ],
    ids=["core-update", "core-delete", "raw-update", "raw-delete", "seal-update", "seal-delete"],
)
def test_the_database_refuses_to_change_or_delete_audit_rows(app, org, statement):
    _events(org)
    _refused(statement)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) == 3
    assert verify(db.session.connection()).ok


def test_query_update_and_delete_are_refused_too(app, org):
    _events(org)
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        db.session.query(AuditEvent).filter(AuditEvent.id > 0).update({"action": "rewritten"})
    db.session.rollback()
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        db.session.query(AuditEvent).delete()
    db.session.rollback()
    assert set(db.session.scalars(sa.select(AuditEvent.action))) == {"something.happened"}


def test_emptying_the_table_at_once_is_refused(app, org):
    _events(org)
    # TRUNCATE on PostgreSQL; SQLite has none, but empties a table this way with its truncate optimisation.
    postgres = db.engine.dialect.name == "postgresql"
    _refused(sa.text("TRUNCATE audit_events CASCADE" if postgres else "DELETE FROM audit_events"))


def test_every_committed_event_is_sealed_in_one_unbroken_chain(app, org):
    events = _events(org, 5)
    seals = db.session.scalars(sa.select(AuditSeal).order_by(AuditSeal.seq)).all()
    assert [s.event_id for s in seals] == [e.id for e in events]
    assert [s.seq for s in seals] == [1, 2, 3, 4, 5]
    result = verify(db.session.connection())
    assert result.ok and result.sealed == 5 and result.head == seals[-1].digest


def test_rolled_back_events_leave_no_seal(app, org):
    _events(org, 1)
    audit.record("never.happened", org)
    db.session.flush()
    db.session.rollback()
    _events(org, 1)
    assert verify(db.session.connection()).ok
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditSeal)) == 2


def _tamper(statement) -> None:
    """What someone with the database's owner rights could do: drop the guard and change rows."""
    with guard_lifted(db.session.connection()):
        db.session.execute(statement)
    db.session.commit()


def test_verify_finds_a_changed_event(app, org):
    events = _events(org)
    _tamper(sa.update(AuditEvent).where(AuditEvent.id == events[1].id).values(details={"n": 99}))
    result = verify(db.session.connection())
    assert result.problems == [f"link 2: event {events[1].id} differs from what was sealed"]


def test_verify_finds_a_removed_event_and_its_seal(app, org):
    events = _events(org)
    _tamper(sa.delete(AuditSeal).where(AuditSeal.event_id == events[1].id))
    _tamper(sa.delete(AuditEvent).where(AuditEvent.id == events[1].id))
    problems = verify(db.session.connection()).problems
    assert problems[0] == "link 2: the chain jumps to link 3 (links removed)"


def test_verify_finds_an_event_added_outside_the_chain(app, org):
    _events(org)
    with db.engine.begin() as connection:  # straight to the database, not through a session
        connection.execute(sa.insert(AuditEvent.__table__).values(action="slipped.in", details={}))
    problems = verify(db.session.connection()).problems
    assert len(problems) == 1 and problems[0].startswith("1 event(s) were added without a seal")


def test_flask_audit_verify_reports_and_exits_nonzero_on_tampering(app, org, runner):
    events = _events(org)
    good = runner.invoke(args=["audit", "verify"])
    assert good.exit_code == 0 and "3 event(s) in the chain" in good.output and "verifies" in good.output
    _tamper(sa.update(AuditEvent).where(AuditEvent.id == events[0].id).values(ip_address="10.9.9.9"))
    bad = runner.invoke(args=["audit", "verify"])
    assert bad.exit_code == 1 and f"event {events[0].id} differs" in bad.output


def test_events_committed_from_many_threads_form_one_chain(app, org):
    org_id, errors = org.id, []

    def commit_events() -> None:
        try:
            with app.app_context():
                for n in range(10):
                    audit.record("thread.event", None, organisation_id=org_id, n=n)
                    db.session.commit()
                db.session.remove()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=commit_events) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    result = verify(db.session.connection())
    assert result.ok and result.sealed == 60
