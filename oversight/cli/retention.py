"""``oversight retention``: erase the children whose records are past the retention schedule."""

from __future__ import annotations

from datetime import datetime

import click

from oversight.cli.base import db_option, main, use_database


@main.command()
@click.option("--dry-run", is_flag=True, help="Count what would be erased; change nothing.")
@click.option(
    "--as-at",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Apply the schedule as on this day, YYYY-MM-DD (default: today).",
)
@db_option
def retention(dry_run: bool, as_at: datetime | None, db: str | None) -> None:
    """Apply the retention schedule (docs/security.md): erase each child past it, with every
    record about them, the indicator snapshot files and the validation runs of returns no
    longer kept. Prints counts only."""
    use_database(db)
    from django.utils import timezone

    from oversight.accounts.access_log import append
    from oversight.casework.retention import apply_schedule
    from oversight.exchange.validation_runs.runs import delete_expired, expired
    from oversight.performance.refresh import old_snapshot_files

    day = as_at.date() if as_at else timezone.localdate()
    outcome = apply_schedule(day, dry_run=dry_run, say=lambda m: click.echo(f"  {m}", err=True))
    click.echo(outcome.summary())
    snapshots = old_snapshot_files()
    if dry_run:
        click.echo(f"Would delete {len(snapshots)} indicator snapshot files no longer kept.")
        click.echo(f"Would delete {expired().count()} validation runs past their days.")
        return
    for path in snapshots:
        path.unlink(missing_ok=True)
    click.echo(f"Deleted {len(snapshots)} indicator snapshot files no longer kept.")
    runs = delete_expired()
    click.echo(f"Deleted {runs} validation runs past their days, with their findings.")
    erased = sum(outcome.erased.values())
    counts = ", ".join(f"{n} {why.split(':')[0]}" for why, n in sorted(outcome.erased.items()))
    append(None, "retention-erasure",
           detail=f"as at {day}: erased {erased} children ({counts or 'none'}), "
           f"{outcome.records_erased} records, {len(snapshots)} snapshot files, "
           f"{runs} validation runs")  # fmt: skip
