"""Every scenario in the library, played with its model answers through the real run operations, scores 100.

A trainee who answers each inject with its model answer, promptly, should meet every rubric item, never be
stopped by a blocking finding, and get a perfect scorecard. When this fails, the message lists what the
feedback engine found in each answer, so a reader can tell a wrong scenario from a wrong engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest

from sandbox.extensions import db
from sandbox.feedback import Report, analyze
from sandbox.feeds.operations import Draft, PauseRequired, create_post
from sandbox.feeds.platforms import PLATFORMS
from sandbox.models import PostKind, Role, Run, User, utcnow
from sandbox.scenarios import runs
from sandbox.scenarios.engine import next_due
from sandbox.scenarios.loader import load_library
from sandbox.scenarios.schema import Inject, Scenario
from sandbox.scenarios.scoring import score_run

from ..factories import make_user

LIBRARY = load_library()
PROMPTLY = timedelta(seconds=30)  # how long the trainee takes to answer something that arrived
# Model answers the feedback engine misjudges today ("scenario/inject": what it gets wrong). The scenario is
# right and the problem is reported; strict, so the entry goes once a retrained engine gets the answer right.
ENGINE_MISJUDGES = {
    "professional-outbreak-update-colleagues/manager-post": (
        "no REDIRECT: the rule finds 'call our infection prevention team' and the tone model drops it"
    ),
}


def _model_answer(scenario: Scenario, inject: Inject) -> str:
    """What the trainee writes: the inject's model answer (the debrief's for a scored inject without one)."""
    text = inject.model_answer or (scenario.debrief.model_answer if inject.expected else "")
    return " ".join(text.split())


def _answered_by_trainee(scenario: Scenario) -> set[str]:
    """The injects the trainee answers: every scored one, and any other the scenario gives a model answer
    (a persona's reply whose answer brings a scored follow-up)."""
    return {i.key for i in scenario.injects if _model_answer(scenario, i)}


def _left_waiting(scenario: Scenario, state: dict) -> list[str]:
    """Scored follow-ups that never came because the trainee did not answer the post they follow."""
    return [
        f"{i.key} (after {i.fires.after_reply_to})"
        for i in scenario.injects
        if i.expected
        and i.key not in state["delivered"]
        and i.fires.after_reply_to in state["delivered"]
        and i.fires.after_reply_to not in state["replies"]
        and i.fires.after_reply_to not in state["branches"]
        and not (i.when and i.when.no_reply_within_minutes)
    ]


class Clock:
    """The time as the run operations see it; the test moves it forward."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Playthrough:
    """What happened: each answer with its report, and whether it was stopped by a blocking finding."""

    run: Run
    answers: list[tuple[str, str, Report, bool]] = field(default_factory=list)

    def explain(self) -> str:
        lines = []
        for key, text, report, paused in self.answers:
            lines.append(f"  {key}{' (PAUSED)' if paused else ''}: {text}")
            lines += [
                f"      {f.kind} {f.label} {f.severity} {f.rule} {f.text!r}" for f in report.findings
            ] or ["      (no findings)"]
        return "\n".join(lines)


def _answer(trainee: User, run: Run, scenario: Scenario, inject: Inject, text: str) -> tuple[Report, bool]:
    """Answer an inject as the player does: a DM back to the persona, or a reply in the inject's thread."""
    platform = PLATFORMS[scenario.platform]
    if inject.kind == "dm":
        handle = next(p.handle for p in scenario.personas if p.key == inject.persona)
        draft = Draft(body=text, kind=PostKind.DM, recipient_handle=handle, run_id=run.id)
    else:
        parent = runs.run_post(run, inject.key)
        draft = Draft(body=text, kind=platform.reply_kind, parent_id=parent.id, run_id=run.id)
    try:
        _post, report = create_post(trainee, platform, draft)
        paused = False
    except PauseRequired:  # recorded as a failure below; post anyway so the run goes on
        draft.override, paused = True, True
        _post, report = create_post(trainee, platform, draft)
    db.session.commit()
    return report, paused


def play(trainee: User, scenario: Scenario, clock: Clock) -> Playthrough:
    """Start the run, answer what arrives promptly, let time pass to the next event, finish at the end."""
    run = runs.start_run(trainee, scenario, clock())
    db.session.commit()
    played = Playthrough(run)
    to_answer = _answered_by_trainee(scenario)
    while run.status == "running":
        state = run.state
        waiting = [key for key in state["delivered"] if key in to_answer and key not in state["replies"]]
        if waiting:
            key = min(waiting, key=lambda k: state["delivered"][k])
            assert key not in [answered for answered, *_ in played.answers], f"the answer to {key} was lost"
            clock.now = max(clock.now, run.started_at + timedelta(seconds=state["delivered"][key]) + PROMPTLY)
            inject = next(i for i in scenario.injects if i.key == key)
            text = _model_answer(scenario, inject)
            played.answers.append((key, text, *_answer(trainee, run, scenario, inject, text)))
            continue
        due = next_due(scenario, state)
        if due is None:
            break
        clock.now = max(clock.now, run.started_at + timedelta(seconds=due))
        runs.advance(run, clock())
        db.session.commit()
    if run.status == "running":
        runs.finish_run(run, clock())
        db.session.commit()
    return played


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """A clock the test moves, in place of the wall clock the run operations read."""
    fake = Clock(utcnow())
    monkeypatch.setattr(runs, "utcnow", fake)
    return fake


def _marks(*keys: str) -> list:
    """xfail (strict) when the engine misjudges one of these model answers ("scenario/inject" keys)."""
    reasons = [
        f"{key}: {why}" for key, why in ENGINE_MISJUDGES.items() if {key, key.split("/")[0]} & set(keys)
    ]
    return [pytest.mark.xfail(strict=True, reason="; ".join(reasons))] if reasons else []


@pytest.mark.parametrize("scenario_id", [pytest.param(sid, marks=_marks(sid)) for sid in sorted(LIBRARY)])
def test_playing_the_model_answers_scores_100(org, clock, scenario_id):
    scenario = LIBRARY[scenario_id]
    played = play(make_user(org, Role.TRAINEE), scenario, clock)
    card = score_run(scenario, played.run.state)
    missed = [f"{i.inject}/{i.key}: {i.reason}" for i in card.items if not i.met]
    blocked = [key for key, _text, report, paused in played.answers if paused or report.blocking]
    assert played.run.status == "finished"
    waiting = _left_waiting(scenario, played.run.state)
    assert not waiting, f"scored follow-ups never came: {waiting}; give the post they follow a model answer"
    assert not blocked and not missed and card.score == 100, (
        f"score {card.score}; missed {missed}; blocked {blocked}; branches {played.run.state['branches']}\n"
        + played.explain()
    )


def _scored_injects() -> list:
    return [
        pytest.param(s, i, id=f"{s.id}/{i.key}", marks=_marks(f"{s.id}/{i.key}"))
        for s in sorted(LIBRARY.values(), key=lambda s: s.id)
        for i in s.injects
        if i.expected
    ]


@pytest.mark.parametrize(("scenario", "inject"), _scored_injects())
def test_every_model_answer_meets_its_own_rubric(scenario, inject):
    """Also the answers on branches a model playthrough never takes (after unsafe or late answers)."""
    text = _model_answer(scenario, inject)
    report = analyze(
        text,
        platform=scenario.platform,
        audience="private" if inject.kind == "dm" else "public",
        facts=[fact.model_dump() for fact in scenario.patient_facts],
        context=None if inject.kind == "dm" else inject.body,  # the app passes the post a reply answers
    )
    reply = {"at": PROMPTLY.total_seconds(), "post_id": 1, "labels": sorted(report.labels), "text": text}
    state = {"delivered": {inject.key: 0.0}, "replies": {inject.key: {**reply, "deleted": False}}}
    card = score_run(scenario, state)
    missed = [f"{i.key}: {i.reason}" for i in card.items if not i.met]
    findings = [f"{f.kind} {f.label} {f.severity} {f.rule} {f.text!r}" for f in report.findings]
    assert not report.blocking and not missed, f"missed {missed}; findings {findings}"
    assert len(text) <= PLATFORMS[scenario.platform].char_limit
