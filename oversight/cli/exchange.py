"""``oversight export`` and ``oversight import``: DfE returns out of and into the records.

    oversight export cin-census --year 2025-26 [--la 870] [--db F] OUT.xml
    oversight import cin-census FILE.xml [--quarantine] [--background] [--db F]
    oversight export ssda903 --year 2025-26 [--db F] OUT_DIR
    oversight import ssda903 PATHS... [--quarantine] [--background] [--db F]

An export leaves the system with children's records in it, so it is written to the
access log. An import shows its progress on stderr, then what it loaded, what it held
back and why, and what the records could not keep. Exit status: 0 when everything was
imported, 1 when children were held back or nothing was imported, 2 when the file
cannot be read at all.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from oversight.cli.base import db_option, main, migrate, use_database
from oversight.cli.jobs import BACKGROUND_HELP, queue_import, queue_ssda903

if TYPE_CHECKING:
    from oversight.exchange.cin_census.load import LoadSummary
    from oversight.exchange.importing import Notes, Problem
    from oversight.exchange.ssda903.load import LoadSummary as LoadSummary903

# How many held-back children the summary lists one by one before it only counts.
SHOWN = 50


@main.group(name="export")
def export_group() -> None:
    """Write a DfE return from the records: the CIN census or the SSDA903."""


@main.group(name="import")
def import_group() -> None:
    """Import a DfE return into the records: the CIN census or the SSDA903."""


@export_group.command(name="cin-census")
@click.argument("out", type=click.Path(dir_okay=False, writable=True))
@click.option("--year", default="2025-26", show_default=True, help="The census year.")
@click.option("--la", "la_code", default=None,
              help="The LA's DfE number (870) or GSS code; default OVERSIGHT_LA_CODE.")  # fmt: skip
@db_option
def export_cin_census(out: str, year: str, la_code: str | None, db: str | None) -> None:
    """Write the CIN census return for YEAR to OUT (XML, the DfE's 2025/26 schema)."""
    use_database(db)
    migrate()
    from oversight.accounts.access_log import append
    from oversight.exchange.cin_census.write import NoLaCode, write_cin

    try:
        summary = write_cin(out, year, la_code=la_code)
    except (NoLaCode, ValueError) as error:
        raise click.UsageError(str(error)) from error
    detail = f"cli: CIN census {year} written to {summary.file} ({summary.children} children)"
    append(None, "export", detail=detail, child_ids=summary.child_ids)
    click.echo(
        f"Wrote the CIN census {year} for LA {summary.la_code} to {out} in "
        f"{summary.seconds:.1f} s: {summary.children:,} children, {summary.episodes:,} "
        f"episodes, {summary.assessments:,} assessments, {summary.cin_plans:,} CIN plans, "
        f"{summary.section47s:,} section 47 enquiries, {summary.cp_plans:,} child protection "
        f"plans, {summary.reviews:,} reviews."
    )
    for line in summary.left_out:
        click.echo(f"  not in the return: {line}", err=True)


@import_group.command(name="cin-census")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--quarantine",
    is_flag=True,
    help="Hold back the children who cannot be imported, with reasons; import the rest.",
)
@click.option("--background", is_flag=True, help=BACKGROUND_HELP)
@db_option
def import_cin_census(file: str, quarantine: bool, background: bool, db: str | None) -> None:
    """Import the CIN census FILE into the records (all of it, or nothing)."""
    use_database(db)
    migrate()
    if background:
        queue_import("cin-census", Path(file), quarantine=quarantine)
        return
    from oversight.exchange.cin_census.load import CensusNotImported, load_cin
    from oversight.exchange.cin_census.read import CinUnreadable

    with click.progressbar(length=1, label="Importing children", file=sys.stderr) as bar:
        try:
            summary = load_cin(file, quarantine=quarantine, progress=_advance(bar))
        except CinUnreadable as error:
            click.echo(f"\nCannot import: {error}", err=True)
            sys.exit(2)
        except CensusNotImported as refused:
            click.echo(f"\n{refused}", err=True)
            _print_held_back(refused.held_back)
            sys.exit(1)
    _print_summary(summary)
    sys.exit(1 if summary.held_back else 0)


def _advance(bar: Any) -> Callable[[int, int], None]:
    """A progress callback for click's bar; a second pass (after refusals) starts it again."""

    def advance(done: int, total: int) -> None:
        bar.length = total
        if done < bar.pos:
            bar.pos = 0
        bar.update(done - bar.pos)

    return advance


def _print_summary(summary: LoadSummary) -> None:
    from oversight.exchange.cin_census.load import KINDS, children
    from oversight.exchange.importing import counted

    loaded = counted(summary.created, KINDS)
    click.echo(
        f"Imported {summary.file} in {summary.seconds:.1f} s: {summary.children_loaded:,} of "
        f"{summary.children_in_file:,} children in the file; new records: {loaded}."
    )
    if not any(summary.created.values()) and not summary.held_back:
        click.echo("Everything in the file was already in the records: nothing changed.")
    if summary.held_back:
        held = children(summary.children_held_back)
        click.echo(f"Held back {held} (nothing of theirs was loaded):")
        _print_held_back(summary.held_back, err=False)
    _print_notes(summary.notes)


def _print_notes(notes: Notes) -> None:
    for line in notes.lines():
        click.echo(f"  not kept as given: {line}")


def _print_held_back(held_back: dict[str, list[Problem]], err: bool = True) -> None:
    for shown, (child, problems) in enumerate(sorted(held_back.items())):
        if shown == SHOWN:
            click.echo(f"  ... and {len(held_back) - SHOWN} more children", err=err)
            return
        for problem in problems:
            click.echo(f"  {child} ({problem.where}): rule {problem.rule}, {problem.field}="
                       f"{problem.value!r}: {problem.message}", err=err)  # fmt: skip


@export_group.command(name="ssda903")
@click.argument("out_dir", type=click.Path(file_okay=False, writable=True))
@click.option("--year", default="2025-26", show_default=True, help="The collection year.")
@db_option
def export_ssda903(out_dir: str, year: str, db: str | None) -> None:
    """Write the SSDA903 return for YEAR into the folder OUT_DIR, one CSV file per table."""
    use_database(db)
    migrate()
    from oversight.accounts.access_log import append
    from oversight.exchange.ssda903.write import write_903

    with click.progressbar(length=1, label="Writing children", file=sys.stderr) as bar:
        try:
            summary = write_903(out_dir, year, progress=_advance(bar))
        except ValueError as error:
            raise click.UsageError(str(error)) from error
    detail = f"cli: SSDA903 {year} written to {out_dir} ({summary.children} children)"
    append(None, "export", detail=detail, child_ids=summary.child_ids)
    rows = ", ".join(f"{table} {count:,}" for table, count in sorted(summary.rows.items()))
    click.echo(
        f"Wrote the SSDA903 {year} to {out_dir} in {summary.seconds:.1f} s: "
        f"{summary.children:,} children; rows: {rows or 'none'}."
    )
    for line in summary.left_out:
        click.echo(f"  not in the return: {line}", err=True)


@import_group.command(name="ssda903")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--quarantine",
    is_flag=True,
    help="Hold back the children who cannot be imported, with reasons; import the rest.",
)
@click.option("--background", is_flag=True, help=BACKGROUND_HELP)
@db_option
def import_ssda903(
    paths: tuple[str, ...], quarantine: bool, background: bool, db: str | None
) -> None:
    """Import an SSDA903 return (its CSV files, or folders of them) into the records."""
    use_database(db)
    migrate()
    from oversight.exchange.ssda903.load import ReturnNotImported, load_903
    from oversight.exchange.ssda903.read import Unreadable903, csv_files

    if background:
        queue_ssda903(csv_files(paths), quarantine=quarantine)
        return

    with click.progressbar(length=1, label="Importing children", file=sys.stderr) as bar:
        try:
            summary = load_903(paths, quarantine=quarantine, progress=_advance(bar))
        except Unreadable903 as error:
            click.echo(f"\nCannot import: {error}", err=True)
            sys.exit(2)
        except ReturnNotImported as refused:
            click.echo(f"\n{refused}", err=True)
            _print_held_back(refused.held_back)
            sys.exit(1)
    _print_903_summary(summary)
    sys.exit(1 if summary.held_back else 0)


def _print_903_summary(summary: LoadSummary903) -> None:
    from oversight.exchange.importing import counted
    from oversight.exchange.ssda903.load import CHANGES, KINDS, children

    made, changed = counted(summary.created, KINDS), counted(summary.created, CHANGES)
    click.echo(
        f"Imported the SSDA903 {summary.year} ({len(summary.files)} files) in "
        f"{summary.seconds:.1f} s: {summary.children_loaded:,} of {summary.children_in_return:,}"
        f" children in the return; new records: {made}; changed: {changed}."
    )
    if summary.changed_nothing and not summary.held_back:
        click.echo("Everything in the return was already in the records: nothing changed.")
    if summary.held_back:
        click.echo(f"Held back {children(summary.children_held_back)} (nothing of theirs "
                   "was loaded):")  # fmt: skip
        _print_held_back(summary.held_back, err=False)
    _print_notes(summary.notes)
