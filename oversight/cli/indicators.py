"""Commands for the indicators: compute them now, and refresh the stored values.

The worker that keeps them fresh is ``oversight worker`` (``cli.jobs``).
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from oversight.cli.base import db_option, main, migrate, use_database
from oversight.performance.catalogue import BREAKDOWNS, Indicator, Unit, catalogue

if TYPE_CHECKING:
    from oversight.performance.engine import Value
    from oversight.performance.periods import Period

date_type = click.DateTime(["%Y-%m-%d"])


@dataclass
class Figure:
    indicator: Indicator
    total: Value
    groups: list[Value] | None  # None: no breakdown asked, or none for this indicator


@main.command(name="indicators")
@db_option
@click.option("--as-at", type=date_type, help="Year to this date (default: today).")
@click.option("--from", "start", type=date_type, help="First day of the period.")
@click.option("--to", "end", type=date_type, help="Last day of the period.")
@click.option("--by", type=click.Choice(BREAKDOWNS), help="Break every indicator down.")
@click.option(
    "--format", "output", type=click.Choice(["table", "json", "csv"]), default="table",
    show_default=True,
)  # fmt: skip
@click.option(
    "--indicator", "-i", "chosen", multiple=True, help="Only this indicator (repeatable)."
)
@click.option("--list", "list_only", is_flag=True, help="List the indicators and stop.")
def indicators_command(
    db: str | None, as_at: datetime | None, start: datetime | None, end: datetime | None,
    by: str | None, output: str, chosen: tuple[str, ...], list_only: bool,
) -> None:  # fmt: skip
    """Compute every indicator now, from the records as they are.

    With --as-at DATE (default today), indicators of a period count the twelve months to
    DATE (on 31 March, the DfE year) and indicators "as at" count on DATE. With --from
    and --to, periods run from one to the other and "as at" means the --to date.
    """
    selected = _selected(chosen)
    if list_only:
        for indicator in selected:
            click.echo(f"{indicator.id:<34} {indicator.unit.value:<8} {indicator.title}")
        return
    period = _period(as_at, start, end)
    if db and not Path(db).exists():
        raise click.UsageError(f"no database at {db}: give the file `oversight generate` made")
    use_database(db)
    migrate()
    figures = _compute(selected, period, by)
    {"table": _table, "json": _json, "csv": _csv}[output](figures, period, by)


def _selected(chosen: tuple[str, ...]) -> list[Indicator]:
    known = catalogue()
    unknown = [c for c in chosen if c not in known]
    if unknown:
        raise click.UsageError(
            f"unknown indicator {', '.join(unknown)}: `oversight indicators --list` names them"
        )
    return [known[c] for c in chosen] if chosen else list(known.values())


def _period(as_at: datetime | None, start: datetime | None, end: datetime | None) -> Period:
    from oversight.performance.periods import Period

    if as_at and (start or end):
        raise click.UsageError("give either --as-at or --from and --to, not both")
    if bool(start) != bool(end):
        raise click.UsageError("--from and --to go together")
    if start and end:
        if start > end:
            raise click.UsageError(f"--from {start:%Y-%m-%d} is after --to {end:%Y-%m-%d}")
        return Period(start.date(), end.date())
    return Period.year_to(as_at.date() if as_at else date.today())


def _compute(selected: list[Indicator], period: Period, by: str | None) -> list[Figure]:
    from oversight.performance.engine import compute, prepare
    from oversight.performance.refresh import population_for
    from oversight.performance.snapshot import memory_snapshot

    population = population_for(period)
    if population is None and any(i.unit is Unit.RATE for i in selected):
        click.echo(
            "No child population is known: rates per 10,000 are left blank. Set "
            "OVERSIGHT_LA_CODE to the LA's code, or record the population.",
            err=True,
        )
    with memory_snapshot() as db:
        prepare(db)
        return [
            Figure(
                indicator,
                compute(db, indicator, period, population=population)[0],
                compute(db, indicator, period, by=by, population=population)
                if by in indicator.breakdowns
                else None,
            )
            for indicator in selected
        ]


def _shown(indicator: Indicator, value: float | None) -> str:
    if value is None:
        return "-"
    return {
        Unit.PERCENT: f"{value:.1f}%",
        Unit.RATE: f"{value:.1f} per 10k",
        Unit.COUNT: f"{value:,.0f}",
        Unit.AVERAGE: f"{value:.1f}",
    }[indicator.unit]


def _table(figures: list[Figure], period: Period, by: str | None) -> None:
    click.echo(f"Indicators for the {period.label}")
    click.echo(f"{'indicator':<34} {'value':>15} {'numerator':>10} {'denominator':>12}  title")
    for f in figures:
        v = f.total
        denominator = "" if v.denominator is None else f"{v.denominator:,}"
        click.echo(
            f"{f.indicator.id:<34} {_shown(f.indicator, v.value):>15} {v.numerator:>10,} "
            f"{denominator:>12}  {f.indicator.title}"
        )
        for g in _labelled(f.groups or [], by):
            denominator = "" if g.denominator is None else f"{g.denominator:,}"
            click.echo(
                f"  {g.label[:32]:<32} {_shown(f.indicator, g.value):>15} {g.numerator:>10,} "
                f"{denominator:>12}"
            )


def _labelled(groups: list[Value], by: str | None) -> list[Value]:
    """Groups with readable labels (workers' names, sexes), in label order."""
    from dataclasses import replace

    from oversight.performance.refresh import group_labels

    labels = group_labels(by, groups)
    return sorted((replace(g, label=labels[g.group]) for g in groups), key=lambda g: g.label)


def _record(value: Value) -> dict[str, Any]:
    return {
        "value": value.value,
        "numerator": value.numerator,
        "denominator": value.denominator,
    }


def _json(figures: list[Figure], period: Period, by: str | None) -> None:
    result = {}
    for f in figures:
        entry: dict[str, Any] = {
            "title": f.indicator.title,
            "unit": f.indicator.unit.value,
            "period": {
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
                "kind": f.indicator.period.value,
            },
            **_record(f.total),
        }
        if f.groups is not None:
            entry["breakdown"] = {
                "by": by,
                "groups": [
                    {"group": g.group, "label": g.label, **_record(g)}
                    for g in _labelled(f.groups, by)
                ],
            }
        result[f.indicator.id] = entry
    click.echo(json.dumps(result, indent=2))


def _csv(figures: list[Figure], period: Period, by: str | None) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(
        ["indicator", "breakdown", "group", "label", "period_start", "period_end", "value",
         "numerator", "denominator"]
    )  # fmt: skip
    for f in figures:
        rows = [("", f.total)] + [(by or "", g) for g in _labelled(f.groups or [], by)]
        for breakdown, v in rows:
            writer.writerow(
                [f.indicator.id, breakdown, v.group, v.label, period.start, period.end,
                 "" if v.value is None else round(v.value, 4), v.numerator,
                 "" if v.denominator is None else v.denominator]
            )  # fmt: skip


@main.command()
@db_option
@click.option("--today", type=date_type, help="The day to compute for (default: today).")
def refresh(db: str | None, today: datetime | None) -> None:
    """Refresh the stored indicator values that the pages show, now."""
    use_database(db)
    migrate()
    from oversight.performance.refresh import refresh as run_refresh

    run = run_refresh(today.date() if today else None)
    click.echo(
        f"Refreshed {len(catalogue())} indicators as at {run.as_at} in {run.seconds:.1f} s "
        f"({sum(run.rows.values()):,} rows in the snapshot)."
    )
