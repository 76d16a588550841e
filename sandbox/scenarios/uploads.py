"""Instructors' own scenario files: upload (validated), replace while unused, and read back as YAML."""

from __future__ import annotations

import sqlalchemy as sa

from .. import audit
from ..errors import InvalidInput
from ..extensions import db
from ..models import Run, UploadedScenario, User, utcnow
from .loader import LIBRARY, MAX_FILE_BYTES, ScenarioError, parse_scenario
from .runs import library
from .schema import Scenario


def upload_scenario(user: User, filename: str, data: bytes) -> Scenario:
    """Validate an uploaded scenario and keep it for the organisation; errors raise, nothing is saved."""
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInput(f"The file is larger than {MAX_FILE_BYTES // 1024} KB.", "file", status=413)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("The file is not UTF-8 text. Save it as UTF-8 YAML.", "file") from None
    scenario = parse_scenario(text, filename or "upload.yaml")
    if scenario.id in library():
        raise InvalidInput(
            f"The id {scenario.id!r} belongs to a scenario shipped with the app; choose another id.",
            "file",
            status=409,
        )
    row = db.session.scalar(
        sa.select(UploadedScenario).where(
            UploadedScenario.organisation_id == user.organisation_id,
            UploadedScenario.scenario_id == scenario.id,
        )
    )
    if row is not None:
        played = db.session.scalar(
            sa.select(sa.func.count(Run.id)).where(
                Run.organisation_id == user.organisation_id, Run.scenario_id == scenario.id
            )
        )
        if played:
            raise InvalidInput(
                f"{scenario.id!r} has been played {played} time(s), so it cannot change under those "
                "runs. Upload it with a new id (for example add -v2).",
                "file",
                status=409,
            )
        row.yaml_text, row.updated_at, row.uploaded_by_id = text, utcnow(), user.id
        audit.record("scenario.replaced", row, scenario=scenario.id)
    else:
        row = UploadedScenario(
            organisation_id=user.organisation_id,
            scenario_id=scenario.id,
            yaml_text=text,
            uploaded_by_id=user.id,
        )
        db.session.add(row)
        db.session.flush()
        audit.record("scenario.uploaded", row, scenario=scenario.id)
    db.session.flush()
    return scenario


def scenario_yaml(organisation_id: int, scenario_id: str) -> str:
    """A scenario's YAML text, shipped or uploaded, or a clear error."""
    shipped = LIBRARY / f"{scenario_id}.yaml"
    if scenario_id in library() and shipped.exists():
        return shipped.read_text(encoding="utf-8")
    text = db.session.scalar(
        sa.select(UploadedScenario.yaml_text).where(
            UploadedScenario.organisation_id == organisation_id, UploadedScenario.scenario_id == scenario_id
        )
    )
    if text is None:
        raise InvalidInput("There is no scenario with that id.", "scenario_id", status=404)
    return text


def uploaded_for(organisation_id: int) -> list[UploadedScenario]:
    """The organisation's uploaded scenarios, newest first."""
    return list(
        db.session.scalars(
            sa.select(UploadedScenario)
            .where(UploadedScenario.organisation_id == organisation_id)
            .order_by(UploadedScenario.updated_at.desc())
        )
    )


__all__ = ["ScenarioError", "scenario_yaml", "upload_scenario", "uploaded_for"]
