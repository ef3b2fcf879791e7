"""``oversight annex-a export|import``: Ofsted's Annex A workbook, out of and into the records."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from oversight.cli.base import db_option, main, migrate, use_database
from oversight.cli.jobs import BACKGROUND_HELP, queue_import

if TYPE_CHECKING:
    from oversight.accounts.models import User
    from oversight.exchange.annex_a.load import Loaded
    from oversight.exchange.annex_a.write import Written

date_type = click.DateTime(["%Y-%m-%d"])
MAX_WORKBOOK_BYTES = 100 * 1024 * 1024
SHOWN_PROBLEMS = 50


@main.group(name="annex-a")
def annex_a_group() -> None:
    """Ofsted's Annex A: the child-level lists 1-11 for an inspection (docs/annex_a.md)."""


@annex_a_group.command(name="export")
@click.option(
    "--as-at",
    type=date_type,
    required=True,
    help="The inspection's notification date, YYYY-MM-DD: each list's window ends on it.",
)
@click.argument("out", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@click.option(
    "--by",
    "username",
    default=None,
    metavar="USERNAME",
    help="Only the children (and prospective adopters) this user may see; the export is "
    "logged as theirs.",
)
@db_option
def export_command(as_at: datetime, out: Path, username: str | None, db: str | None) -> None:
    """Write the Annex A workbook OUT.xlsx for the date --as-at (an export: access-logged)."""
    _database(db)
    from django.conf import settings

    from oversight.casework.access import visible_children
    from oversight.casework.policy_rules import reads_adopters
    from oversight.exchange.annex_a.spec import LISTS
    from oversight.exchange.annex_a.write import write_workbook

    user = _user(username) if username else None
    scope = visible_children(user) if user else None
    adopters = reads_adopters(user) if user else None
    with click.progressbar(length=len(LISTS), label="Writing the lists", file=sys.stderr) as bar:
        written = write_workbook(out, as_at.date(), by=user, scope=scope, adopters=adopters,
                                 la_name=settings.OVERSIGHT_LA_NAME,
                                 progress=lambda _: bar.update(1))  # fmt: skip
    _echo_written(written, out, user)


@annex_a_group.command(name="import")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--quarantine",
    is_flag=True,
    help="Import the good rows and list the rows left out, instead of nothing.",
)
@click.option(
    "--as-at",
    type=date_type,
    default=None,
    help="The workbook's date, when its About sheet does not give it (lists 6 and 9 need it).",
)
@click.option("--background", is_flag=True, help=BACKGROUND_HELP)
@db_option
def import_command(
    workbook: Path, quarantine: bool, as_at: datetime | None, background: bool, db: str | None
) -> None:
    """Import an Annex A WORKBOOK (.xlsx) into the records: all of it, or nothing."""
    from oversight.exchange.annex_a.read import read_workbook

    book = _open(workbook)
    if background:
        _database(db)
        queue_import("annex-a", workbook, quarantine=quarantine,
                     as_at=as_at.date() if as_at else None)  # fmt: skip
        return
    _database(db)
    from oversight.exchange.annex_a.load import ImportRefused, load

    reading = read_workbook(book, workbook.name)
    rows = reading.row_count
    with click.progressbar(length=rows, label="Importing rows", file=sys.stderr) as bar:
        try:
            loaded = load(reading, quarantine=quarantine, progress=bar.update,
                          as_at=as_at.date() if as_at else None)  # fmt: skip
        except ImportRefused as refused:
            _echo_problems(refused.loaded)
            raise click.ClickException(
                f"{refused.loaded.quarantined} rows have problems, so nothing was imported. "
                "Correct them, or give --quarantine to import the other rows."
            ) from None
    _echo_loaded(loaded, reading.sheets_not_read)


def _database(db: str | None) -> None:
    if db and not Path(db).exists():
        raise click.UsageError(f"no database at {db}: give the file `oversight generate` made")
    use_database(db)
    migrate()


def _user(username: str) -> User:
    from oversight.accounts.models import User

    found = User.objects.filter(username=username, is_active=True).first()
    if found is None:
        raise click.ClickException(f"no active user called {username!r}: check --by")
    return found


def _open(path: Path) -> object:
    """The workbook, once checked to be a real workbook and no zip bomb."""
    from oversight.web.uploads import XLSX, UnsafeUpload, check_upload, open_workbook

    try:
        with path.open("rb") as file:
            check_upload(file, (XLSX,), MAX_WORKBOOK_BYTES)
            return open_workbook(file)
    except UnsafeUpload as error:
        raise click.ClickException(str(error)) from None


def _echo_written(written: Written, out: Path, user: User | None) -> None:
    from oversight.exchange.annex_a.spec import LISTS

    click.echo(f"Annex A as at {written.as_at:%-d %B %Y}: {out} "
               f"({written.children:,} children, {written.seconds:.1f} s).")  # fmt: skip
    for annex in LISTS:
        click.echo(f"  {annex.sheet:<8} {annex.title:<22} {written.rows[annex.number]:>7,} rows")
    for annex in written.empty_lists:
        if not annex.imported:
            click.echo(f"{annex.sheet} has its columns and no rows: "
                       f"{annex.imports_into.removeprefix('nothing: ')}.")  # fmt: skip
    who = f"as {user.get_username()}" if user else "from the command line"
    click.echo(f"The export is in the access log ({who}).")


def _echo_problems(loaded: Loaded, err: bool = True) -> None:
    for problem in loaded.problems[:SHOWN_PROBLEMS]:
        click.echo(f"  {problem}", err=err)
    if len(loaded.problems) > SHOWN_PROBLEMS:
        click.echo(f"  ... and {len(loaded.problems) - SHOWN_PROBLEMS} more problems", err=err)


def _echo_loaded(loaded: Loaded, sheets_not_read: list[str]) -> None:
    click.echo(f"Imported {loaded.file}: {loaded.rows:,} rows in {loaded.seconds:.1f} s.")
    for kind in sorted(set(loaded.added) | set(loaded.matched)):
        click.echo(f"  {kind:<26} {loaded.added[kind]:>7,} added {loaded.matched[kind]:>7,} "
                   "already held")  # fmt: skip
    if loaded.problems:
        click.echo(f"{loaded.quarantined} rows left out (quarantined):")
        _echo_problems(loaded, err=False)
    for line in loaded.notes.lines():
        click.echo(f"  not kept as given: {line}")
    for what in loaded.not_imported:
        click.echo(f"Not imported: {what}.")
    if sheets_not_read:
        click.echo(f"Sheets not read as lists: {', '.join(sheets_not_read)}.")
