"""An export that fails is never a 200 file that looks complete, and is audited as what it was."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.models import AuditEvent, Role
from sandbox.review import exports

from .test_exports import DOWNLOAD, world  # noqa: F401 - the exports' test world

ARGS = {"dataset": "runs", "format": "csv"}


class ExportBroke(RuntimeError):
    """What the failing iterator raises."""


def _actions() -> list[str]:
    reviews = sa.select(AuditEvent.action).where(AuditEvent.action.like("review.%"))
    return list(db.session.scalars(reviews.order_by(AuditEvent.id)))


def _failing_after(windows: int):
    real = exports.ITERATORS["runs"]

    def iterate(f):
        for number, items in enumerate(real(f)):
            if number >= windows:
                break
            yield items
        raise ExportBroke("the database went away")

    return iterate


def test_an_export_failing_before_its_first_rows_is_an_error_and_not_audited(
    client, login_as, world, monkeypatch  # noqa: F811
):
    login_as(Role.REVIEWER)
    monkeypatch.setattr(exports, "ITERATORS", {**exports.ITERATORS, "runs": _failing_after(0)})
    with pytest.raises(ExportBroke):  # the test app lets errors through; a server answers 500
        client.get(DOWNLOAD, query_string=ARGS)
    assert _actions() == []


def test_an_export_failing_part_way_says_so_in_the_file_and_the_audit_trail(
    client, login_as, world, monkeypatch  # noqa: F811
):
    login_as(Role.REVIEWER)
    monkeypatch.setattr(exports, "CHUNK", 1)
    monkeypatch.setattr(exports, "ITERATORS", {**exports.ITERATORS, "runs": _failing_after(1)})
    response = client.get(DOWNLOAD, query_string=ARGS)
    lines = response.get_data(as_text=True).splitlines()
    assert response.status_code == 200 and len(lines) == 3  # header, the first row, the warning
    assert lines[-1].startswith("# EXPORT INCOMPLETE")
    assert _actions() == ["review.exported", "review.export_failed"]
