"""The ``oversight`` command group, and what its commands share: the database and options."""

import os
from pathlib import Path

import click


def use_database(db: str | None) -> None:
    """Point Django at ``--db`` (SQLite) unless DATABASE_URL says otherwise, then set it up."""
    if db:
        if os.environ.get("DATABASE_URL"):
            raise click.UsageError("give either --db or DATABASE_URL, not both")
        os.environ["OVERSIGHT_DB"] = str(Path(db).resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.config.settings")
    import django

    django.setup()


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def database_label() -> str:
    from django.db import connection

    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite database {settings['NAME']}"
    return (
        f"{connection.vendor} database {settings['NAME']} on {settings.get('HOST') or 'localhost'}"
    )


size_option = click.option(
    "--size",
    type=click.Choice(["small", "medium", "large"]),
    default="medium",
    show_default=True,
    help="How big an LA to simulate.",
)
seed_option = click.option("--seed", type=int, default=1, show_default=True, help="Random seed.")
problem_option = click.option(
    "--problem",
    "problems",
    multiple=True,
    metavar="NAME",
    help="A practice problem to switch on (repeatable). Default for the demo: all of them.",
)
db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=None,
    help="SQLite database file (otherwise DATABASE_URL, or oversight.sqlite3 here).",
)
today_option = click.option(
    "--today",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Last simulated day, YYYY-MM-DD (default: today).",
)
port_option = click.option("--port", type=int, default=8000, show_default=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Oversight: children's services oversight for English local authorities."""
