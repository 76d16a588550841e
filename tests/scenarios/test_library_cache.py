"""Uploaded scenarios are parsed once per version, however many an organisation has."""

from __future__ import annotations

import pytest
import yaml

from sandbox.extensions import db
from sandbox.models import Role, UploadedScenario, utcnow
from sandbox.scenarios import runs
from sandbox.scenarios.loader import LIBRARY

from ..factories import make_user

EXAMPLE = yaml.safe_load((LIBRARY / "reviews-dental-one-star-baits-phi.yaml").read_text())


def _text(n: int, title: str = "Drill") -> str:
    return yaml.safe_dump({**EXAMPLE, "id": f"drill-{n}", "title": f"{title} {n}"}, sort_keys=False)


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The scenario texts parsed from now on (the parse cache starts empty)."""
    runs._parsed.cache_clear()
    seen: list[str] = []
    real = runs.parse_scenario

    def counting(text: str, *args):
        seen.append(text)
        return real(text, *args)

    monkeypatch.setattr(runs, "parse_scenario", counting)
    return seen


def test_library_of_more_uploads_than_the_old_cache_parses_each_once(org, parses):
    author = make_user(org, Role.INSTRUCTOR)
    db.session.add_all(
        UploadedScenario(
            organisation_id=org.id, scenario_id=f"drill-{n}", yaml_text=_text(n), uploaded_by_id=author.id
        )
        for n in range(100)
    )
    db.session.commit()
    for _ in range(3):
        assert len(runs.library_for(org.id)) == len(runs.library()) + 100
    runs.scenario_for("drill-7", org.id)
    assert len(parses) == 100


def test_replaced_upload_is_parsed_again_and_its_new_version_served(org, parses):
    author = make_user(org, Role.INSTRUCTOR)
    row = UploadedScenario(
        organisation_id=org.id, scenario_id="drill-1", yaml_text=_text(1), uploaded_by_id=author.id
    )
    db.session.add(row)
    db.session.commit()
    assert runs.scenario_for("drill-1", org.id).title == "Drill 1"
    row.yaml_text, row.updated_at = _text(1, "Better drill"), utcnow()
    db.session.commit()
    assert runs.scenario_for("drill-1", org.id).title == "Better drill 1"
    assert runs.library_for(org.id)["drill-1"].title == "Better drill 1" and len(parses) == 2
