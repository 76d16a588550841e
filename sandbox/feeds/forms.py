"""The composer form and small action forms; all carry a CSRF token."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, HiddenField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from .images import FRAME_ITEMS
from .platforms import Platform


class ComposeForm(FlaskForm):
    """A post, reply, comment, quote, DM or owner response, with an optional picture."""

    body = TextAreaField("What do you want to say?", validators=[Optional(), Length(max=20_000)])
    audience = StringField("Audience", validators=[Optional(), Length(max=20)])
    kind = HiddenField(default="post")
    parent_id = HiddenField()
    shared_id = HiddenField()
    recipient = HiddenField()
    run_id = HiddenField()
    identity = StringField("Post as", validators=[Optional(), Length(max=10)])
    override = BooleanField("Post anyway")
    image = FileField("Add a picture (optional)")
    alt_text = StringField("Describe the picture (alt text)", validators=[Optional(), Length(max=1000)])
    frame = SelectMultipleField(
        "What is in the frame?",
        choices=[SelectChoice(key, label) for key, label in FRAME_ITEMS.items()]
        + [SelectChoice("none", "None of these")],
        option_widget=CheckboxInput(),
        widget=ListWidget(prefix_label=False),
        validators=[Optional()],
    )
    submit = SubmitField("Post")


def compose_form(platform: Platform, **defaults) -> ComposeForm:
    """A composer with the platform's own words."""
    form = ComposeForm(**defaults)
    form.submit.label.text = (
        platform.word("reply") if defaults.get("kind") in ("reply", "comment", "owner_response") else "Post"
    )
    return form


class ActionForm(FlaskForm):
    """A button that only needs its CSRF token (react, delete, accept...)."""

    submit = SubmitField("Go")
