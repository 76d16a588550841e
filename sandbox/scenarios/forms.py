"""The scenario upload form."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import SubmitField


class ScenarioUploadForm(FlaskForm):
    """One YAML scenario file."""

    file = FileField(
        "Scenario file (.yaml)",
        validators=[
            FileRequired("Choose a scenario file to upload."),
            FileAllowed(["yaml", "yml"], "Upload a .yaml file (see the guide for the format)."),
        ],
    )
    submit = SubmitField("Upload and check")
