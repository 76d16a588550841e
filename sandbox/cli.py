"""flask commands: seed the demo population, create an administrator, verify the audit trail."""

from __future__ import annotations

import click
import sqlalchemy as sa
from flask import Flask, current_app

from .extensions import db
from .models import Organisation, Role, User


def init_cli(app: Flask) -> None:
    """Register the commands."""
    app.cli.add_command(seed_command)
    app.cli.add_command(create_admin_command)
    from .scenarios.cli import scenarios_cli

    app.cli.add_command(scenarios_cli)
    from .review.retention import purge_command

    app.cli.add_command(purge_command)
    app.cli.add_command(audit_cli)


@click.command("seed")
@click.option("--reset", is_flag=True, help="Delete everything first (asks for confirmation).")
@click.option(
    "--seed", "seed_value", default=2026, show_default=True, help="Random seed: same seed, same data."
)
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has an organisation.")
def seed_command(reset: bool, seed_value: int, if_empty: bool) -> None:
    """Fill the database with the demo organisation, accounts, cohort, personas and posts."""
    from seed import DEMO_ACCOUNTS, DEMO_PASSWORD, populate
    from seed.population import reset_database

    if not current_app.config["ENABLE_DEMO_SEED"]:
        raise click.ClickException("The demo seed is for development only (SANDBOX_ENV=production is set).")
    has_data = db.session.scalar(sa.select(sa.func.count()).select_from(Organisation)) > 0
    if has_data and if_empty:
        click.echo("The database already has data; not seeding.")
    elif has_data and not reset:
        raise click.ClickException("The database already has data. Use --reset to replace it.")
    else:
        if reset and has_data:
            click.confirm("This deletes every account, post and audit event. Continue?", abort=True)
            reset_database()
        populate(seed_value, current_app.config["PASSWORD_HASH_METHOD"])
        db.session.commit()
        click.echo(f"Seeded the demo organisation (seed {seed_value}).")
    click.echo(f"Demo logins (password for all: {DEMO_PASSWORD}):")
    for email, _name, role in DEMO_ACCOUNTS:
        click.echo(f"  {role.value:12} {email}")


@click.command("create-admin")
@click.option("--email", required=True)
@click.option("--name", "display_name", required=True)
@click.option("--organisation", required=True, help="Organisation name (created when new).")
@click.password_option()
def create_admin_command(email: str, display_name: str, organisation: str, password: str) -> None:
    """Create an administrator account (the production way to get the first login)."""
    from .audit import record
    from .auth.operations import create_organisation, normalize_email, set_password
    from .errors import InvalidInput

    email = normalize_email(email)
    if db.session.scalar(sa.select(User.id).where(User.email == email)) is not None:
        raise click.ClickException("An account with that email already exists.")
    org = db.session.scalar(sa.select(Organisation).where(Organisation.name == organisation))
    org = org or create_organisation(organisation)
    user = User(email=email, display_name=display_name, role=Role.ADMIN, organisation_id=org.id)
    try:
        set_password(user, password)
    except InvalidInput as error:
        raise click.ClickException(error.message) from error
    db.session.add(user)
    db.session.flush()
    record("account.created_from_cli", user, role=Role.ADMIN.value)
    db.session.commit()
    click.echo(f"Administrator {user.email} created in {org.name}.")


@click.group("audit")
def audit_cli() -> None:
    """The audit trail."""


@audit_cli.command("verify")
def audit_verify_command() -> None:
    """Check the audit trail's hash chain from its first event; exit 1 when anything does not match."""
    from .audit_chain import verify

    with db.engine.connect() as connection:
        result = verify(connection)
    for problem in result.problems:
        click.echo(f"PROBLEM  {problem}", err=True)
    click.echo(f"{result.sealed} event(s) in the chain; head {result.head}")
    if not result.ok:
        raise click.ClickException(f"the audit trail does not verify ({len(result.problems)} problem(s))")
    click.echo("The audit trail verifies: nothing was changed, removed or added out of line.")
