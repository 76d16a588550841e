"""Scenarios: the file format, its loader and validator (the engine and player build on these)."""

from .loader import Problem, ScenarioError, library_files, load_library, load_scenario, parse_scenario
from .schema import Scenario

__all__ = [
    "Problem",
    "Scenario",
    "ScenarioError",
    "library_files",
    "load_library",
    "load_scenario",
    "parse_scenario",
]
