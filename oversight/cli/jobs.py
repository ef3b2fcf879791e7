"""``oversight worker`` and ``oversight jobs``: the background work, run and watched.

With ``OVERSIGHT_TASKS=database`` the worker runs the queued tasks (imports, refreshes,
reports), says it is alive, queues again the tasks of lost workers and queues a refresh
of the indicators when the records change. With the immediate backend (the demo) tasks
run where they are asked for, so the worker only keeps the indicators fresh, as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from oversight.cli.base import db_option, main, migrate, use_database

if TYPE_CHECKING:
    from oversight.jobs.models import Job

BACKGROUND_HELP = (
    "Queue the import for a worker (OVERSIGHT_TASKS=database) and print the job's id; "
    "`oversight jobs ID` shows how it went."
)


@main.command()
@db_option
@click.option("--once", is_flag=True, help="Run what is queued (and refresh if behind), then stop.")
def worker(db: str | None, once: bool) -> None:
    """Run the background tasks, and keep the indicators fresh as the records change.

    Looks for changes every OVERSIGHT_REFRESH_SECONDS (default 60), so the pages are at
    most that long, plus one refresh, behind the records. SIGTERM (or Ctrl+C) lets the
    task under way finish first; a worker killed outright has its task tried again by
    another worker (or by itself, restarted).
    """
    use_database(db)
    migrate()
    from django.conf import settings

    if settings.OVERSIGHT_TASKS == "database":
        from oversight.jobs.process import run_worker

        run_worker(once, click.echo)
        return
    click.echo("OVERSIGHT_TASKS is immediate: tasks run where they are asked for; this worker "
               "only keeps the indicators fresh.")  # fmt: skip
    _keep_fresh(once)


def _keep_fresh(once: bool) -> None:
    from django.conf import settings

    from oversight.performance.refresh import keep_fresh, refresh_if_behind

    if once:
        run = refresh_if_behind()
        click.echo(f"Refreshed as at {run.as_at} in {run.seconds:.1f} s." if run else "Up to date.")
        return
    keep_fresh(settings.OVERSIGHT_REFRESH_SECONDS, click.echo)


@main.command(name="jobs")
@click.argument("job_id", required=False)
@db_option
@click.option("--last", type=int, default=20, show_default=True, help="How many jobs to list.")
def jobs_command(job_id: str | None, db: str | None, last: int) -> None:
    """List the latest background jobs, or show one (JOB_ID) with its outcome."""
    use_database(db)
    migrate()
    from oversight.jobs.models import Job

    if job_id is None:
        for job in Job.objects.select_related("requested_by")[:last]:
            click.echo(_line(job))
        return
    found = Job.objects.filter(pk=job_id).first() if _is_uuid(job_id) else None
    if found is None:
        raise click.ClickException(f"no job {job_id}: `oversight jobs` lists them")
    _show(found)


def _is_uuid(text: str) -> bool:
    import uuid

    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _line(job: Job) -> str:
    from django.utils import timezone

    done = f"{job.done:,}/{job.total:,}" if job.total else ""
    who = job.requested_by.get_username() if job.requested_by else "-"
    asked = timezone.localtime(job.requested_at)
    return (f"{job.pk}  {asked:%Y-%m-%d %H:%M}  {job.get_kind_display():<34} "
            f"{job.get_status_display():<16} {done:>13}  {who}")  # fmt: skip


def _show(job: Job) -> None:
    click.echo(_line(job))
    if job.attempts > 1:
        click.echo(f"  tried {job.attempts} times (its worker was lost before)")
    if text := job.summary.get("text"):
        click.echo(f"  {text}")
    if job.error:
        click.echo(f"  {job.error}")
    for child, problems in job.summary.get("held_back", {}).items():
        for problem in problems:
            click.echo(f"  held back {child}: {problem}")
    for problem in job.summary.get("problems", []):
        click.echo(f"  {problem}")
    for note in job.summary.get("notes", []):
        click.echo(f"  not kept as given: {note}")


def queue_import(kind: str, path: Path, **options: object) -> None:
    """Queue an import of the file at ``path`` for a worker, and say how to follow it."""
    from oversight.jobs import starting

    _require_workers()
    start = {"cin-census": starting.import_cin_census, "annex-a": starting.import_annex_a}[kind]
    _queued(start(path.read_bytes(), path.name, **options))  # type: ignore[arg-type]


def queue_ssda903(paths: list[Path], quarantine: bool) -> None:
    """Queue an import of an SSDA903 return's CSV files for a worker."""
    from oversight.jobs import starting

    _require_workers()
    _queued(starting.import_ssda903({path.name: path.read_bytes() for path in paths},
                                    quarantine=quarantine))  # fmt: skip


def _require_workers() -> None:
    from django.conf import settings

    if settings.OVERSIGHT_TASKS != "database":
        raise click.UsageError("--background needs OVERSIGHT_TASKS=database and a worker")


def _queued(job: Job) -> None:
    click.echo(f"Queued job {job.pk}: `oversight jobs {job.pk}` shows how it goes.")
