"""Scenario files: the library validates, and each kind of mistake gets a precise error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sandbox.scenarios import ScenarioError, load_library, parse_scenario
from sandbox.scenarios.loader import LIBRARY

EXAMPLE = LIBRARY / "reviews-dental-one-star-baits-phi.yaml"


def _example() -> dict:
    return yaml.safe_load(EXAMPLE.read_text())


def _problems(data_or_text) -> list:
    text = data_or_text if isinstance(data_or_text, str) else yaml.safe_dump(data_or_text, sort_keys=False)
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "case.yaml")
    return caught.value.problems


def test_the_shipped_library_is_valid():
    scenarios = load_library()
    assert "reviews-dental-one-star-baits-phi" in scenarios


def test_the_example_parses_with_its_branches():
    scenario = parse_scenario(EXAMPLE.read_text(), EXAMPLE.name)
    followers = [i.key for i in scenario.injects if i.fires.after_reply_to == "review"]
    assert followers == ["escalation", "calmer", "still-waiting"]


def test_invalid_yaml_names_the_line():
    [problem] = _problems("id: x\ntitle: [unclosed\n")
    assert problem.line == 3 and "not valid YAML" in problem.message


def test_a_file_that_is_not_a_mapping_is_refused():
    [problem] = _problems("- just\n- a list\n")
    assert "mapping" in problem.message


def test_unknown_key_is_named_with_its_line():
    data = _example()
    data["colour"] = "blue"
    [problem] = _problems(data)
    assert problem.path == "colour" and "unknown key" in problem.message and problem.line


def test_missing_required_key():
    data = _example()
    del data["debrief"]
    [problem] = _problems(data)
    assert problem.path == "debrief" and problem.message == "this key is required"


def test_wrong_value_names_the_allowed_ones():
    data = _example()
    data["platform"] = "myspace"
    [problem] = _problems(data)
    assert problem.path == "platform" and "'microblog'" in problem.message


def test_nested_error_has_a_precise_path_and_line():
    data = _example()
    data["injects"][0]["expected"][1]["weight"] = 50
    text = yaml.safe_dump(data, sort_keys=False)
    [problem] = _problems(text)
    assert problem.path == "injects[0].expected[1].weight"
    assert "weight: 50" in text.splitlines()[problem.line - 1]


def test_fires_needs_exactly_one_trigger():
    data = _example()
    data["injects"][0]["fires"] = {"at_start": True, "after_minutes": 3}
    [problem] = _problems(data)
    assert problem.path == "injects[0].fires" and "exactly one" in problem.message


def test_unknown_feedback_label_in_a_condition():
    data = _example()
    data["injects"][1]["when"] = {"labels_present": ["GOSSIP"]}
    [problem] = _problems(data)
    assert problem.path.startswith("injects[1].when.labels_present")


def test_references_to_missing_personas_and_posts():
    data = _example()
    data["injects"][0]["persona"] = "nobody"
    data["injects"][1]["fires"] = {"after_reply_to": "no-such-inject"}
    problems = {p.path: p.message for p in _problems(data)}
    assert problems["injects[0].persona"] == "no persona with key 'nobody'"
    assert "no-such-inject" in problems["injects[1].fires.after_reply_to"]


def test_duplicate_keys_and_handles():
    data = _example()
    data["personas"][1]["key"] = "karen"
    data["personas"][1]["handle"] = "KAREN_M_REVIEWS"
    data["injects"][2]["key"] = "review"
    paths = {p.path for p in _problems(data)}
    assert {"personas[1].key", "personas[1].handle", "injects[2].key"} <= paths


def test_conditions_without_a_reply_to_test_and_a_timeline_that_never_starts():
    data = _example()
    data["injects"] = [
        dict(data["injects"][1], fires={"after_reply_to": "old-review"}),
        dict(data["injects"][2], fires={"after_minutes": 2}, when={"labels_present": ["EMPATHY"]}),
    ]
    problems = {p.path: p.message for p in _problems(data)}
    assert "after_reply_to" in problems["injects[1].when"]
    data["injects"] = [dict(data["injects"][0], when=None)]
    messages = [p.message for p in _problems(data)]
    assert any("nothing starts the timeline" in m for m in messages)


def test_platform_rules_reviews_and_ratings():
    data = _example()
    data["platform"] = "microblog"
    paths = {p.path for p in _problems(data)}
    assert "injects[0].kind" in paths
    data = _example()
    data["injects"][1]["rating"] = 3
    assert _problems(data)[0].path == "injects[1].rating"


def test_cli_validate_reports_and_exits_nonzero(app, runner, tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    data = _example()
    data["minutes"] = 0
    bad.write_text(yaml.safe_dump(data))
    result = runner.invoke(args=["scenarios", "validate", str(bad)])
    assert result.exit_code == 1
    assert (
        "bad.yaml:" in result.output
        and "minutes" in result.output
        and "0 valid, 1 with errors" in result.output
    )
    ok = runner.invoke(args=["scenarios", "validate", str(EXAMPLE)])
    assert ok.exit_code == 0 and "1 valid" in ok.output
    listed = runner.invoke(args=["scenarios", "list"])
    assert "reviews-dental-one-star-baits-phi" in listed.output


FLOCK = LIBRARY / "microblog-troll.yaml"


@pytest.mark.parametrize("section", ["injects", "setting"])
def test_flock_post_longer_than_280_characters_is_refused_with_its_line(section):
    data = yaml.safe_load(FLOCK.read_text())
    data.setdefault("setting", [{"key": "old", "persona": data["personas"][0]["key"], "body": "Hi"}])
    data[section][0]["body"] = "x" * 281
    [problem] = _problems(data)
    assert problem.path == f"{section}[0].body" and problem.line
    assert problem.message == "281 characters; Flock allows 280"


def test_a_file_with_thousands_of_unknown_keys_reports_the_first_twenty():
    text = EXAMPLE.read_text() + "".join(f"k{i}: 1\n" for i in range(20_000))
    problems = _problems(text)
    assert len(problems) == 21 and all(p.message.startswith("unknown key") for p in problems[:20])
    assert problems[0].path == "k0" and problems[-1].message == "and 19980 more problems: fix these first"


@pytest.mark.parametrize(
    "text", ["a: " + "[" * 5000 + "]" * 5000 + "\n", "a:\n" + "".join(" " * i + "- \n" for i in range(1, 60))]
)
def test_yaml_nested_deeper_than_sixteen_levels_is_a_clear_problem(text):
    [problem] = _problems(text)
    assert problem.message == "nested deeper than 16 levels" and problem.line


def test_yaml_aliases_are_refused_before_they_can_expand():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    [problem] = _problems(bomb)
    assert problem.line == 2 and "aliases" in problem.message
