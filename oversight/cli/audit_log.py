"""``oversight audit-log``: verify the access log's hash chain, and prune it by policy."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from oversight.cli.base import database_label, db_option, main, migrate, use_database


@main.group(name="audit-log")
def audit_log_group() -> None:
    """The access log: who looked at which child's record, verified and kept by policy."""


@audit_log_group.command(name="verify")
@db_option
def verify_command(db: str | None) -> None:
    """Recompute the hash chain; exit 1 at the first changed, missing or reordered entry."""
    use_database(db)
    migrate()
    from oversight.accounts.access_log import verify_chain
    from oversight.accounts.models import AccessLogHead

    verdict = verify_chain()
    if not verdict.ok:
        click.echo(f"BROKEN at entry {verdict.broken_at}: {verdict.why}", err=True)
        click.echo(f"({verdict.checked} entries verified before it, {database_label()})", err=True)
        raise SystemExit(1)
    head = AccessLogHead.objects.filter(pk=1).first()
    click.echo(f"OK: {verdict.checked} entries verified ({database_label()}).")
    if head is not None:
        if head.pruned_through_sequence:
            click.echo(f"Pruned through entry {head.pruned_through_sequence} "
                       f"(hash {head.pruned_through_hash}).")  # fmt: skip
        click.echo(f"Head: entry {head.last_sequence}, hash {head.last_hash}")


@audit_log_group.command(name="prune")
@click.option("--before", type=click.DateTime(["%Y-%m-%d"]), required=True,
              help="Archive and remove entries made before this day, YYYY-MM-DD.")  # fmt: skip
@click.option("--archive", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The JSON-lines file to write them to (must not exist yet).")  # fmt: skip
@click.option("--dry-run", is_flag=True, help="Say what would be pruned; change nothing.")
@db_option
def prune_command(before: datetime, archive: Path | None, dry_run: bool, db: str | None) -> None:
    """Archive and remove entries older than the retention period (OVERSIGHT_ACCESS_LOG_YEARS)."""
    use_database(db)
    migrate()
    from oversight.accounts.access_log import PruneRefused, prune

    try:
        done = prune(before.date(), archive, dry_run=dry_run)
    except PruneRefused as refused:
        raise click.ClickException(str(refused)) from None
    except FileExistsError:
        raise click.ClickException(f"{archive} already exists: choose a new archive file") from None
    if done.count == 0:
        click.echo(f"Nothing to prune: no entries before {before:%Y-%m-%d}.")
        return
    what = f"{done.count} entries ({done.first} to {done.last}), made before {before:%Y-%m-%d}"
    if dry_run:
        click.echo(f"Dry run: would archive and remove {what}. Nothing was changed.")
        return
    click.echo(f"Archived {what} to {archive} and removed them.")
    click.echo(f"The chain now starts after entry {done.last} (hash {done.anchor_hash}).")
