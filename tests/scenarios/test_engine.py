"""The scenario engine as a pure state machine, and scoring, without a request or a database."""

from __future__ import annotations

import json

import yaml

from sandbox.scenarios import parse_scenario
from sandbox.scenarios.engine import (
    Deleted,
    Deliver,
    Finish,
    Finished,
    Reply,
    Start,
    Tick,
    new_state,
    next_due,
    step,
)
from sandbox.scenarios.loader import LIBRARY
from sandbox.scenarios.scoring import score_run

DENTAL = parse_scenario((LIBRARY / "reviews-dental-one-star-baits-phi.yaml").read_text())


def _run(*events, scenario=DENTAL):
    state, effects = new_state(), []
    for event in events:
        state, new = step(scenario, state, event)
        effects += new
    return state, effects


def _delivered(effects) -> list[str]:
    return [e.inject for e in effects if isinstance(e, Deliver)]


def test_start_delivers_the_opening_inject_once():
    state, effects = _run(Start(0), Start(5))
    assert _delivered(effects) == ["review"] and state["status"] == "running"


def test_a_disclosing_reply_takes_the_unsafe_branch_and_scores_low():
    state, effects = _run(
        Start(0), Reply(120, "review", 7, ("RELATIONSHIP", "DATE", "DEFENSIVE"), "your visit")
    )
    assert _delivered(effects) == ["review", "escalation"]
    assert state["branches"] == {"review": "escalation"} and isinstance(effects[-1], Finished)
    card = score_run(DENTAL, state)
    met = {item.key: item.met for item in card.items}
    assert met == {"no-confirmation": False, "acknowledge": False, "redirect": False, "calm": False}
    # Reasons are in plain words: a trainee never reads an internal label like RELATIONSHIP.
    reasons = {item.key: item.reason for item in card.items}
    assert card.score == 0
    assert reasons["no-confirmation"] == "it contained a date tied to someone, who is in your care"
    assert reasons["redirect"] == "not found in it: a pointer to a private or official channel"


def test_a_safe_reply_takes_the_calm_branch_and_scores_full():
    state, effects = _run(
        Start(0), Reply(60, "review", 7, ("EMPATHY", "REDIRECT", "DISCLAIMER"), "please call")
    )
    assert _delivered(effects) == ["review", "calmer"]
    card = score_run(DENTAL, state)
    assert card.score == 100 and all(item.met for item in card.items)


def test_silence_takes_the_no_reply_branch_when_it_is_due():
    state, effects = _run(Start(0), Tick(7 * 60))
    assert _delivered(effects) == ["review"] and next_due(DENTAL, state) == 8 * 60
    state, more = step(DENTAL, state, Tick(8 * 60 + 1))
    assert _delivered(more) == ["still-waiting"] and state["delivered"]["still-waiting"] == 8 * 60
    card = score_run(DENTAL, state)
    assert {item.reason for item in card.items} == {"no answer"} and card.score == 0


def test_a_reply_after_the_branch_was_taken_does_not_branch_again():
    state, effects = _run(Start(0), Reply(60, "review", 7, ("EMPATHY",)), Reply(90, "review", 8, ("NAME",)))
    assert _delivered(effects).count("escalation") == 0
    assert state["replies"]["review"]["post_id"] == 7  # the first answer is the one scored


def test_no_branch_matching_leaves_the_thread_quiet():
    state, effects = _run(Start(0), Reply(60, "review", 7, ("EMPATHY",), "sorry"))
    assert _delivered(effects) == ["review"] and state["branches"] == {"review": None}
    assert state["status"] == "finished"


def test_deleting_the_answer_is_recorded_and_events_after_finish_change_nothing():
    state, _ = _run(Start(0), Reply(60, "review", 7, ("EMPATHY", "REDIRECT")), Deleted(70, 7))
    assert state["status"] == "finished" and state["replies"]["review"]["deleted"] is True
    again, effects = step(DENTAL, state, Reply(80, "review", 9, ("NAME",)))
    assert again == state and effects == []


def test_trainee_can_finish_early_and_state_is_plain_json():
    state, effects = _run(Start(0), Finish(30))
    assert state["status"] == "finished" and state["finish_reason"] == "finished by the trainee"
    assert json.loads(json.dumps(state)) == state


def test_timed_injects_fire_in_order_and_keywords_pick_branches():
    data = yaml.safe_load((LIBRARY / "reviews-dental-one-star-baits-phi.yaml").read_text())
    data["injects"].append(
        {
            "key": "follow-up",
            "persona": "neighbour",
            "kind": "review",
            "rating": 4,
            "body": "Still my favourite practice.",
            "fires": {"after_minutes": 5},
        }
    )
    data["injects"][2]["when"] = {"keywords": ["apolog"]}
    scenario = parse_scenario(yaml.safe_dump(data))
    state, effects = _run(Start(0), Tick(4 * 60), scenario=scenario)
    assert _delivered(effects) == ["review"]
    state, effects = step(scenario, state, Reply(290, "review", 1, ("EMPATHY",), "We apologise for the wait"))
    assert _delivered(effects) == ["calmer"]
    state, effects = step(scenario, state, Tick(301))
    assert _delivered(effects) == ["follow-up"] and state["delivered"]["follow-up"] == 300


def test_group_labels_expand():
    from sandbox.scenarios.engine import reply_matches
    from sandbox.scenarios.schema import Condition

    condition = Condition(labels_present=["ANY_PRIVACY"], labels_absent=["ANY_TONE_PROBLEM"])
    assert reply_matches(condition, {"AGE"}, "")
    assert not reply_matches(condition, {"AGE", "SARCASTIC"}, "")
    assert not reply_matches(condition, {"EMPATHY"}, "")
