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
MAX_DEPTH = 16  # a scenario nests about 6 deep; deeper is a mistake or an attack on the parser
MAX_PROBLEMS = 20  # the first problems are reported; a file with thousands of them stops there
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENING, _CLOSING = (
    (yaml.MappingStartEvent, yaml.SequenceStartEvent),
    (yaml.MappingEndEvent, yaml.SequenceEndEvent),
)


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


def _check_shape(text: str, name: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH and aliases, from the event stream, before building anything."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            raise ScenarioError([Problem(name, line, "", "aliases (*name) are not supported: write it out")])
        depth += isinstance(event, _OPENING) - isinstance(event, _CLOSING)
        if depth > MAX_DEPTH:
            raise ScenarioError([Problem(name, line, "", f"nested deeper than {MAX_DEPTH} levels")])


def _read_yaml(text: str, name: str) -> tuple[object, yaml.Node | None]:
    """The YAML's data and its node tree (for line numbers), parsed once."""
    _check_shape(text, name)
    root = yaml.compose(text, Loader=_Loader)
    return _Loader("").construct_document(root) if root is not None else None, root


def _limited(problems: list[Problem], total: int, name: str) -> list[Problem]:
    """The first MAX_PROBLEMS of `total` problems, and a line saying how many more there are."""
    if total <= MAX_PROBLEMS:
        return problems
    more = total - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], Problem(name, None, "", f"and {more} more problems: fix these first")]


def parse_scenario(text: str, name: str = "<scenario>") -> Scenario:
    """Validate scenario YAML text; raises ScenarioError listing its problems (the first MAX_PROBLEMS)."""
    try:
        data, root = _read_yaml(text, name)
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
        errors = error.errors()
        problems = [
            Problem(name, _line_of(root, e["loc"]), _dotted(e["loc"]), _message(e))
            for e in errors[:MAX_PROBLEMS]
        ]
        raise ScenarioError(_limited(problems, len(errors), name)) from None
    found = check_references(scenario)
    problems = [
        Problem(name, _line_of(root, loc), _dotted(loc), message) for loc, message in found[:MAX_PROBLEMS]
    ]
    if problems:
        raise ScenarioError(_limited(problems, len(found), name))
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
