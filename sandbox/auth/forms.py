"""Forms for accounts; every one carries a CSRF token."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional

from ..models import Role
from ..models.accounts import EMAIL_MAX, NAME_MAX
from .operations import MIN_PASSWORD

_password = [DataRequired(), Length(min=MIN_PASSWORD, max=200, message="Use %(min)d to %(max)d characters.")]
_email = [
    DataRequired(),
    Length(max=EMAIL_MAX),
    Email(message="Enter an email address like name@example.org."),
]
_name = [DataRequired(), Length(max=NAME_MAX, message="Use at most %(max)d characters.")]


def role_choices(roles) -> list[SelectChoice]:
    """Select options for roles."""
    return [SelectChoice(r.value, r.value) for r in roles]


class LoginForm(FlaskForm):
    """Email and password."""

    email = EmailField("Email", validators=[DataRequired(), Length(max=EMAIL_MAX)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])
    next = HiddenField()
    submit = SubmitField("Log in")


class JoinForm(FlaskForm):
    """A trainee creates an account with a cohort's join code."""

    join_code = StringField("Join code", validators=[DataRequired(), Length(max=20)])
    display_name = StringField("Your name", validators=_name)
    email = EmailField("Email", validators=_email)
    password = PasswordField("Password", validators=_password)
    confirm = PasswordField(
        "Repeat password", validators=[EqualTo("password", message="The passwords differ.")]
    )
    submit = SubmitField("Join")


class JoinCohortForm(FlaskForm):
    """A logged-in trainee joins another cohort."""

    join_code = StringField("Join code", validators=[DataRequired(), Length(max=20)])
    submit = SubmitField("Join cohort")


class AcceptInvitationForm(FlaskForm):
    """An invited person chooses a password."""

    password = PasswordField("Choose a password", validators=_password)
    confirm = PasswordField(
        "Repeat password", validators=[EqualTo("password", message="The passwords differ.")]
    )
    submit = SubmitField("Set password")


class ChangePasswordForm(FlaskForm):
    """Change one's password."""

    current_password = PasswordField("Current password", validators=[DataRequired(), Length(max=200)])
    password = PasswordField("New password", validators=_password)
    confirm = PasswordField(
        "Repeat new password", validators=[EqualTo("password", message="The passwords differ.")]
    )
    submit = SubmitField("Change password")


class InviteForm(FlaskForm):
    """Invite a person into the organisation."""

    display_name = StringField("Name", validators=_name)
    email = EmailField("Email", validators=_email)
    role = SelectField("Role", choices=role_choices(Role), default=Role.TRAINEE.value)
    cohort_id = SelectField("Cohort (optional)", coerce=int, validators=[Optional()], default=0)
    submit = SubmitField("Invite")


class CohortForm(FlaskForm):
    """Create a cohort."""

    name = StringField("Cohort name", validators=[DataRequired(), Length(max=120)])
    submit = SubmitField("Create cohort")


class RoleForm(FlaskForm):
    """Change someone's role."""

    role = SelectField("Role", choices=role_choices(Role))
    submit = SubmitField("Change role")


class TokenForm(FlaskForm):
    """Name a new API token."""

    name = StringField("Token name", validators=[DataRequired(), Length(max=NAME_MAX)])
    submit = SubmitField("Create token")


class ConfirmForm(FlaskForm):
    """A button that only needs its CSRF token (deactivate, revoke, regenerate...)."""

    submit = SubmitField("Confirm")
