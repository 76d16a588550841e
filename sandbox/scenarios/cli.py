"""flask scenarios validate [PATH...] and flask scenarios list."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from .loader import LIBRARY, ScenarioError, library_files, load_library, load_scenario

scenarios_cli = AppGroup("scenarios", help="Check and list scenario files.")


@scenarios_cli.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
def validate(paths: tuple[Path, ...]) -> None:
    """Validate scenario files (default: the whole library); exits 1 when any is wrong."""
    files = [f for p in paths for f in (library_files(p) if p.is_dir() else [p])] or library_files(LIBRARY)
    if not files:
        raise click.ClickException("No scenario files (*.yaml) found.")
    failed = 0
    for path in files:
        try:
            scenario = load_scenario(path)
        except ScenarioError as error:
            failed += 1
            for problem in error.problems:
                click.echo(f"ERROR {problem}", err=True)
            continue
        click.echo(f"ok    {path.name}: {scenario.id} ({scenario.platform}, {len(scenario.injects)} injects)")
    click.echo(f"{len(files) - failed} valid, {failed} with errors")
    if failed:
        raise SystemExit(1)


@scenarios_cli.command("list")
def list_scenarios() -> None:
    """List the library: id, platform, level, minutes and title."""
    try:
        scenarios = load_library()
    except ScenarioError as error:
        raise click.ClickException(
            f"The library has errors; run 'flask scenarios validate'.\n{error}"
        ) from None
    for scenario in sorted(scenarios.values(), key=lambda s: (s.platform, s.id)):
        click.echo(
            f"{scenario.id:45} {scenario.platform:13} {scenario.audience_level:13} "
            f"{scenario.minutes:>3} min  {scenario.title}"
        )
    click.echo(f"{len(scenarios)} scenarios")
