"""The answers other tests play through scenarios still take the branches those tests rely on (no database).

The run, review, live and browser tests post fixed safe and unsafe answers and assert which follow-up arrives,
whether the strategic pause stops them and how the rubric comes out. Those outcomes depend on the feedback
engine's labels, so this checks them here, with the engine and the scenario state machine alone, in the same
setting the app gives the engine (platform, audience, the scenario's facts, the post being answered).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sandbox.feedback import analyze
from sandbox.scenarios.engine import Reply, Start, new_state, step
from sandbox.scenarios.loader import load_library
from sandbox.scenarios.scoring import score_run

from ..browser import test_scenarios_browser as browser
from ..live import test_sessions as live
from ..review import playthrough
from . import test_runs, test_runs_api

LIBRARY = load_library()


@dataclass(frozen=True)
class Played:
    """An answer a test posts to an inject, the branch it expects, and what else it relies on."""

    scenario_id: str
    answered: str
    text: str
    branch: str
    used_in: str
    blocks: bool | None = None  # the test expects the strategic pause (True), no pause (False), or either
    full_marks: bool = False  # the test expects every rubric item of the answered inject met
    missed: str | None = None  # a rubric item of the answered inject the test expects missed


DENTAL = "reviews-dental-one-star-baits-phi"
RUNS, API = "tests/scenarios/test_runs.py", "tests/scenarios/test_runs_api.py"
REVIEW, LIVE = "tests/review/playthrough.py", "tests/live/test_sessions.py"
BROWSER = "tests/browser/test_scenarios_browser.py"
PLAYED = [
    Played(DENTAL, "review", test_runs.UNSAFE, "escalation", RUNS, missed="no-confirmation"),
    Played(DENTAL, "review", test_runs.SAFE, "calmer", RUNS, blocks=False),
    Played(DENTAL, "review", playthrough.UNSAFE, "escalation", REVIEW, blocks=True),
    Played(DENTAL, "review", playthrough.SAFE, "calmer", REVIEW, blocks=False),
    Played(DENTAL, "review", test_runs_api.UNSAFE, "escalation", API),
    Played(DENTAL, "review", test_runs_api.SAFE, "calmer", API, blocks=False, full_marks=True),
    Played("microblog-celebrity-admission-rumour", "ask", live.UNSAFE, "confirmed", LIVE),
    *(
        Played(c.scenario_id, c.answered, c.safe, c.safe_branch, BROWSER, blocks=False, full_marks=True)
        for c in browser.CASES
    ),
    *(
        Played(
            c.scenario_id, c.answered, c.unsafe, c.unsafe_branch, BROWSER, blocks=True, missed=c.privacy_item
        )
        for c in browser.CASES
    ),
]


def _report(played: Played):
    scenario = LIBRARY[played.scenario_id]
    inject = next(i for i in scenario.injects if i.key == played.answered)
    return analyze(
        played.text,
        platform=scenario.platform,
        audience="private" if inject.kind == "dm" else "public",
        facts=[fact.model_dump() for fact in scenario.patient_facts],
        context=None if inject.kind == "dm" else inject.body,  # the app passes the post a reply answers
    )


@pytest.mark.parametrize(
    "played", PLAYED, ids=[f"{p.scenario_id}-{p.branch}-{p.used_in.split('/')[-1][:-3]}" for p in PLAYED]
)
def test_a_tested_answer_takes_the_branch_its_test_expects(played):
    scenario = LIBRARY[played.scenario_id]
    report = _report(played)
    state, _ = step(scenario, new_state(), Start(0))
    state, _ = step(scenario, state, Reply(60, played.answered, 1, tuple(report.labels), played.text))
    findings = [f"{f.kind} {f.label} {f.severity} {f.rule} {f.text!r}" for f in report.findings]
    assert state["branches"].get(played.answered) == played.branch, findings
    if played.blocks is not None:
        assert report.blocking == played.blocks, findings
    items = {item.key: item for item in score_run(scenario, state).items if item.inject == played.answered}
    if played.full_marks:
        assert all(item.met for item in items.values()), [i.reason for i in items.values() if not i.met]
    if played.missed:
        assert not items[played.missed].met, findings
