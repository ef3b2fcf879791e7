"""``oversight validate``: check a DfE return against the year's validation rules.

Exit status: 0 with no errors (queries allowed), 1 with errors or a rule that could not
run, 2 when the file cannot be read (the reason is printed). Needs no database.
"""

from __future__ import annotations

import sys

import click

from oversight.cli.base import main

FORMAT_CHOICE = click.Choice(["table", "json", "csv"])


@main.group(name="validate")
def validate_group() -> None:
    """Validate DfE returns: the CIN census, SSDA903."""


@validate_group.command(name="cin-census")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--year", default="2025-26", show_default=True, help="The census year's rules.")
@click.option("--format", "output", type=FORMAT_CHOICE, default="table", show_default=True)
def cin_census_command(file: str, year: str, output: str) -> None:
    """Check a CIN census XML FILE against the DfE's rules for the year."""
    from oversight.exchange.cin_census.read import CinUnreadable
    from oversight.exchange.cin_census.validate import validate_cin
    from oversight.exchange.validation.output import FORMATS, summary

    try:
        report = validate_cin(file, year)
    except (CinUnreadable, ValueError) as error:
        click.echo(f"Cannot validate: {error}", err=True)
        sys.exit(2)
    click.echo(FORMATS[output](report))
    if output != "table":
        click.echo(summary(report), err=True)
    sys.exit(report.exit_status)


@validate_group.command(name="ssda903")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--previous", multiple=True, type=click.Path(), metavar="PATH",
              help="Last year's return (a folder or CSV file; repeat for several files), "
              "needed by the rules that compare with last year.")  # fmt: skip
@click.option("--year", default="2025-26", show_default=True, help="The collection year's rules.")
@click.option("--la", "la_code", metavar="CODE",
              help="The LA the return is from: its GSS code or 3-digit DfE number "
              "(default: OVERSIGHT_LA_CODE), for the rules on placements inside it.")  # fmt: skip
@click.option("--format", "output", type=FORMAT_CHOICE, default="table", show_default=True)
def ssda903_command(paths: tuple[str, ...], previous: tuple[str, ...], year: str,
                    la_code: str | None, output: str) -> None:  # fmt: skip
    """Check an SSDA903 return (CSV files, or folders of them) against the DfE's rules.

    Each file is told by its header row, not by its name. The rules that compare with last
    year's return run only when it is given with --previous, and the rules about placements
    inside the LA only when the LA is known (--la); the last line says how many of the
    year's rules were checked.
    """
    from oversight.exchange.local_authority import configured_la, gss_code
    from oversight.exchange.ssda903.read import Unreadable903
    from oversight.exchange.ssda903.validate import validate_903
    from oversight.exchange.validation.output import FORMATS, summary

    try:
        la = gss_code(la_code) if la_code else configured_la()
        checked = validate_903(paths, year, previous, la)
    except (Unreadable903, ValueError) as error:
        click.echo(f"Cannot validate: {error}", err=True)
        sys.exit(2)
    click.echo(FORMATS[output](checked.report))
    if output != "table":
        click.echo(summary(checked.report), err=True)
    click.echo(str(checked.coverage), err=output != "table")
    sys.exit(checked.report.exit_status)
