"""The scenario format: typed models that a YAML scenario file must satisfy."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from ..feedback.model import PRIVACY_LABELS, TONE_LABELS

Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,59}$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=5000, strip_whitespace=True)]
FeedbackLabel = Literal[PRIVACY_LABELS + TONE_LABELS]  # type: ignore[valid-type]
# Shorthands usable in conditions and checks: any privacy label, any tone problem.
LabelOrGroup = Literal[PRIVACY_LABELS + TONE_LABELS + ("ANY_PRIVACY", "ANY_TONE_PROBLEM")]  # type: ignore[valid-type]
PlatformId = Literal["microblog", "social", "professional", "reviews"]
PostKindName = Literal["post", "reply", "comment", "review", "dm", "quote", "share"]
PersonaKind = Literal[
    "patient",
    "relative",
    "troll",
    "journalist",
    "colleague",
    "recruiter",
    "public",
    "influencer",
    "manager",
    "student",
]


class Strict(BaseModel):
    """Unknown keys are errors, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Fact(Strict):
    """A private fact about the scenario's synthetic patient (the feedback engine's `facts`)."""

    label: Literal[PRIVACY_LABELS]  # type: ignore[valid-type]
    value: Text


class PersonaSpec(Strict):
    """A synthetic person in the scenario."""

    key: Key
    name: Text
    handle: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_]{1,30}$")]
    kind: PersonaKind
    bio: str = ""


class SettingPost(Strict):
    """A post already in the feed when the scenario starts."""

    key: Key
    persona: Key
    body: Text
    kind: PostKindName = "post"
    rating: Annotated[int, Field(ge=1, le=5)] | None = None
    minutes_ago: Annotated[int, Field(ge=0, le=60 * 24 * 30)] = 60


class Fires(Strict):
    """When an inject fires: at the start, after a delay, or after the trainee answers another inject."""

    at_start: bool = False
    after_minutes: Annotated[float, Field(ge=0, le=240)] | None = None
    after_reply_to: Key | None = None

    @model_validator(mode="after")
    def exactly_one(self) -> Fires:
        chosen = [self.at_start, self.after_minutes is not None, self.after_reply_to is not None]
        if sum(chosen) != 1:
            raise ValueError("give exactly one of at_start: true, after_minutes: N or after_reply_to: KEY")
        return self


class Condition(Strict):
    """What the trainee's last reply must (not) contain for a branch to be taken."""

    labels_present: list[LabelOrGroup] = []
    labels_absent: list[LabelOrGroup] = []
    keywords: list[Text] = []
    no_reply_within_minutes: Annotated[float, Field(gt=0, le=240)] | None = None


class Check(Strict):
    """An automatic check of the trainee's reply for one rubric item."""

    labels_present: list[LabelOrGroup] = []
    labels_absent: list[LabelOrGroup] = []
    keywords: list[Text] = []
    replied_within_minutes: Annotated[float, Field(gt=0, le=240)] | None = None
    not_deleted: bool = False
    no_override: bool = False

    @model_validator(mode="after")
    def something_to_check(self) -> Check:
        if not (
            self.labels_present
            or self.labels_absent
            or self.keywords
            or self.replied_within_minutes
            or self.not_deleted
            or self.no_override
        ):
            raise ValueError(
                "a check needs at least one test (labels_present, labels_absent, keywords, "
                "replied_within_minutes, not_deleted or no_override)"
            )
        return self


class Expectation(Strict):
    """A rubric item: what a good answer to an inject does, how it is checked, and why it matters."""

    key: Key
    description: Text
    check: Check
    weight: Annotated[int, Field(ge=1, le=10)] = 1
    teaching_point: Text
    source: Text


class Inject(Strict):
    """A scripted event: a persona's post, reply, review or DM (an entry of the master events list)."""

    key: Key
    persona: Key
    kind: PostKindName = "post"
    body: Text
    rating: Annotated[int, Field(ge=1, le=5)] | None = None
    reply_to: Key | None = None
    fires: Fires
    when: Condition | None = None
    expected: list[Expectation] = []
    model_answer: str = ""


class Debrief(Strict):
    """What the trainee reads at the end."""

    model_answer: Text
    reflection_question: Text
    teaching_points: list[Text] = []


class Scenario(Strict):
    """A whole scenario file."""

    id: Key
    title: Text
    platform: PlatformId
    audience_level: Literal["introductory", "intermediate", "advanced"]
    roles: list[Text] = []
    objectives: Annotated[list[Text], Field(min_length=1)]
    minutes: Annotated[int, Field(ge=1, le=240)]
    summary: Text
    patient_facts: list[Fact] = []
    personas: Annotated[list[PersonaSpec], Field(min_length=1)]
    setting: list[SettingPost] = []
    injects: Annotated[list[Inject], Field(min_length=1)]
    debrief: Debrief
