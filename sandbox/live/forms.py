"""Forms of live sessions: create one, join one, and the console's controls (all carry a CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DecimalField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from .sessions import MODE_NAMES


class CreateSessionForm(FlaskForm):
    """A new session: which scenario, for which cohort, in which mode."""

    scenario_id = SelectField("Scenario", validators=[DataRequired("Choose a scenario.")])
    cohort_id = SelectField("Cohort", coerce=int, validators=[DataRequired("Choose a cohort.")])
    mode = RadioField(
        "Mode",
        choices=[SelectChoice(key, name) for key, name in MODE_NAMES.items()],
        default="shared",
        validators=[DataRequired("Choose a shared room or parallel worlds.")],
    )
    allow_pseudonyms = BooleanField("Trainees may join under a pseudonym")


class JoinForm(FlaskForm):
    """Join the session your cohort is running, with its code."""

    code = StringField(
        "Cohort code",
        validators=[DataRequired("Enter the code on the projector."), Length(max=16)],
    )
    pseudonym = StringField(
        "Pseudonym (if your instructor allows one)", validators=[Optional(), Length(max=40)]
    )


class ReleaseForm(FlaskForm):
    """Release an inject now, to everyone or to one group."""

    group = StringField("To group (empty: everyone)", validators=[Optional(), Length(max=40)])


class ScheduleForm(FlaskForm):
    """Plan an inject for a time on the session clock."""

    minutes = DecimalField(
        "Minutes from start",
        places=1,
        validators=[
            InputRequired("Give a time in minutes."),
            NumberRange(0, 1440, "Between 0 and 1440 minutes."),
        ],
    )


class SpeedForm(FlaskForm):
    """How fast the session clock runs."""

    speed = SelectField(
        "Clock speed",
        choices=[SelectChoice(v, f"{label}×") for v, label in (("0.5", "½"), *((s, s) for s in "1248"))],
    )


class PersonaPostForm(FlaskForm):
    """A role-player's post as one of the session's personas."""

    persona = SelectField("As", validators=[DataRequired("Choose a persona.")])
    target = SelectField("Where", validators=[DataRequired("Choose where to post.")])
    body = TextAreaField("Message", validators=[DataRequired("Write something to post."), Length(max=5000)])


class GroupForm(FlaskForm):
    """Put a participant at a table or in a group."""

    group = StringField("Group", validators=[Optional(), Length(max=40)])


class SpotlightForm(FlaskForm):
    """Show a post on the projector (or take it down)."""

    post_id = HiddenField(validators=[DataRequired()])
