"""Commands for inspections: load Ofsted's published outcomes, show the national picture."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from oversight.cli.base import db_option, main, migrate, use_database

if TYPE_CHECKING:
    from oversight.exchange.ofsted_outcomes.load import Loaded
    from oversight.exchange.ofsted_outcomes.read import Reading
    from oversight.inspection.standing import Change, Picture

date_type = click.DateTime(["%Y-%m-%d"])
JUDGEMENT_CHOICES = ["overall", "leaders", "help-and-protection", "in-care", "care-leavers"]
GRADE_WORDS = {
    "outstanding": "outstanding",
    "good": "good",
    "requires-improvement": "requires improvement",
    "inadequate": "inadequate",
}


@main.group(name="inspections")
def inspections_group() -> None:
    """Inspections of LA children's services."""


@inspections_group.command(name="import")
@click.argument("folder", required=False, type=click.Path(file_okay=False, exists=True))
@db_option
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table")
@click.option("--problems/--no-problems", default=True, help="List every value not loaded.")
def import_command(folder: str | None, db: str | None, output: str, problems: bool) -> None:
    """Load Ofsted's published outcomes (default: the copy shipped with Oversight).

    Reports what was loaded and every value that was not, with the file, row, field and
    reason. Loading the same files again changes nothing.
    """
    use_database(db)
    migrate()
    reading, loaded = _import(Path(folder) if folder else None)
    if output == "json":
        click.echo(json.dumps(_import_json(reading, loaded), indent=2))
        return
    _echo_import(reading, loaded, problems)


def _import(folder: Path | None) -> tuple[Reading, Loaded]:
    from oversight.exchange.ofsted_outcomes.load import load
    from oversight.exchange.ofsted_outcomes.read import OutcomesUnreadable, read

    try:
        reading = read(folder) if folder else read()
    except OutcomesUnreadable as error:
        raise click.ClickException(f"{error} (nothing was loaded)") from None
    return reading, load(reading)


def _import_json(reading: Reading, loaded: Loaded) -> dict[str, Any]:
    return {
        "rows_read": reading.rows,
        "local_authorities": dict(loaded.authorities),
        "inspections": dict(loaded.inspections),
        "judgements_loaded": loaded.judgements,
        "rows_rejected": len(reading.rejected_rows),
        "values_not_loaded": len(reading.problems) - len(reading.rejected_rows),
        "problems": [vars(p) for p in reading.problems],
        "overall_differs_from_default": loaded.departures,
    }


def _echo_import(reading: Reading, loaded: Loaded, problems: bool) -> None:
    for name, rows in reading.rows.items():
        click.echo(f"read {rows} rows of {name}")
    click.echo(f"local authorities: {_counts(loaded.authorities)}")
    click.echo(f"inspections: {_counts(loaded.inspections)}; {loaded.judgements} judgements")
    rejected = reading.rejected_rows
    values = len(reading.problems) - len(rejected)
    click.echo(f"rows not loaded: {len(rejected)}; values not loaded: {values}")
    if problems:
        for problem in reading.problems:
            click.echo(f"  {problem}")
    for departure in loaded.departures:
        click.echo(f"overall differs from the framework's default: {departure}")


def _counts(counter: dict[str, int]) -> str:
    return ", ".join(f"{n} {what}" for what, n in sorted(counter.items())) or "none"


@main.command(name="national-picture")
@click.option("--as-at", "as_at", type=date_type, required=True, help="The day, YYYY-MM-DD.")
@click.option("--judgement", type=click.Choice(JUDGEMENT_CHOICES), default="overall")
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table")
@click.option("--since", type=date_type, help="Also list the LAs whose grade changed since.")
@click.option(
    "--published-by", type=date_type,
    help="Count inspections over by --as-at and published by this day (Ofsted's statistics "
    "count those published within a month after). Default: published by --as-at.",
)  # fmt: skip
@db_option
def national_picture_command(
    as_at: datetime, judgement: str, output: str, since: datetime | None,
    published_by: datetime | None, db: str | None,
) -> None:  # fmt: skip
    """Every LA's standing on a date: counts by grade, share good or outstanding, by region.

    An LA's standing is its latest graded inspection; visits do not change it. LAs are
    those in existence on the day; the share is of the LAs holding a grade.
    """
    use_database(db)
    migrate()
    _ensure_outcomes()
    from oversight.inspection.national import names, picture_facts, picture_since

    by = published_by.date() if published_by else None
    shown, found = picture_since(as_at.date(), since.date() if since else None, judgement, by)
    if output == "json":
        day = since.date() if since else None
        click.echo(json.dumps(picture_facts(shown, names(), found, day), indent=2))
    else:
        _echo_picture(shown, names(), found, since)


def _ensure_outcomes() -> None:
    from oversight.inspection.models import LocalAuthority

    if not LocalAuthority.objects.exists():
        click.echo("No outcomes loaded yet: loading Ofsted's published outcomes first.", err=True)
        _import(None)


def _echo_picture(
    shown: Picture, named: dict[str, str], found: list[Change] | None, since: datetime | None
) -> None:
    from oversight.inspection.standing import JUDGEMENTS

    tally = shown.tally
    click.echo(f"{JUDGEMENTS[shown.judgement]} as at {shown.on}: {shown.authorities} LAs")
    for grade, count in tally.counts.items():
        click.echo(f"  {GRADE_WORDS[grade]:<22}{count:>5}{_percent(count, tally.graded):>8}")
    click.echo(f"  {'no grade':<22}{tally.not_graded:>5}")
    click.echo(
        f"  good or outstanding: {tally.good_or_better} of {tally.graded} graded"
        f" ({_percent(tally.good_or_better, tally.graded).strip()})"
    )
    click.echo("By region (good or outstanding, of those graded):")
    for region, part in shown.regions.items():
        click.echo(f"  {region:<26}{part.good_or_better:>4} of {part.graded:<4}"
                   f"{_percent(part.good_or_better, part.graded):>8}")  # fmt: skip
    inadequate = sorted(named[key] for key in shown.with_grade("inadequate"))
    click.echo(f"Judged inadequate ({len(inadequate)}): {', '.join(inadequate) or 'none'}")
    if found is not None and since is not None:
        click.echo(f"Changed since {since.date()} ({len(found)}):")
        for change in found:
            click.echo(f"  {named[change.la]}: {_word(change.before)} -> {_word(change.after)}")


def _word(grade: str | None) -> str:
    return GRADE_WORDS.get(grade or "", "no grade")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
