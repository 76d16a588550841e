"""Reading scenario files: YAML in, a validated Scenario out, or errors naming file, line and path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from .references import check_references
from .schema import Scenario

LIBRARY = Path(__file__).parent / "library"
MAX_FILE_BYTES = 256 * 1024


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario file."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path or '(file)'}: {self.message}"


class ScenarioError(ValueError):
    """A scenario file that cannot be used, with every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def _dotted(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _line_of(root: yaml.Node | None, loc: tuple) -> int | None:
    """The line of the deepest YAML node on a path (1-based)."""
    node, line = root, (root.start_mark.line + 1) if root is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _message(error: dict) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown key (check the spelling; see docs/scenarios.md)"
    if error["type"] == "missing":
        return "this key is required"
    return error["msg"].removeprefix("Value error, ")


def parse_scenario(text: str, name: str = "<scenario>") -> Scenario:
    """Validate scenario YAML text; raises ScenarioError listing every problem."""
    try:
        data, root = yaml.safe_load(text), yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ScenarioError(
            [Problem(name, line, "", f"not valid YAML: {getattr(error, 'problem', error)}")]
        ) from None
    if not isinstance(data, dict):
        raise ScenarioError(
            [Problem(name, 1, "", "a scenario file must be a YAML mapping (key: value lines)")]
        )
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        raise ScenarioError(
            [Problem(name, _line_of(root, e["loc"]), _dotted(e["loc"]), _message(e)) for e in error.errors()]
        ) from None
    problems = [
        Problem(name, _line_of(root, loc), _dotted(loc), message)
        for loc, message in check_references(scenario)
    ]
    if problems:
        raise ScenarioError(problems)
    return scenario


def load_scenario(path: str | Path) -> Scenario:
    """Read and validate one scenario file."""
    path = Path(path)
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ScenarioError(
            [Problem(path.name, None, "", f"file is larger than {MAX_FILE_BYTES // 1024} KB")]
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ScenarioError([Problem(path.name, None, "", "file is not UTF-8 text")]) from None
    return parse_scenario(text, path.name)


def library_files(folder: Path = LIBRARY) -> list[Path]:
    """The scenario files shipped with the app."""
    return sorted(folder.glob("*.yaml"))


def load_library(folder: Path = LIBRARY) -> dict[str, Scenario]:
    """Every scenario in the library by id; raises ScenarioError listing all problems in all files."""
    scenarios, problems = {}, []
    for path in library_files(folder):
        try:
            scenario = load_scenario(path)
        except ScenarioError as error:
            problems += error.problems
            continue
        if scenario.id in scenarios:
            problems.append(Problem(path.name, None, "id", f"id {scenario.id!r} is used by another file too"))
        scenarios[scenario.id] = scenario
    if problems:
        raise ScenarioError(problems)
    return scenarios
