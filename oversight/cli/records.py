"""Commands for the records: the demo, the server, the generator and the timescale calculator."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from oversight.cli.base import (
    database_label,
    db_option,
    main,
    migrate,
    port_option,
    problem_option,
    seed_option,
    size_option,
    today_option,
    use_database,
)
from oversight.timescales import DEFAULT_POLICY, Rule, UnknownRule

if TYPE_CHECKING:  # Django is set up only once a command has chosen its database
    from oversight.accounts.models import Team
    from oversight.synth import GenerationReport

DEMO_DB = "oversight-demo.sqlite3"
# The demo LA is synthetic; its indicators are compared with the published figures of a
# real LA of about its size (40,000 children), its region and its neighbours.
DEMO_COMPARATOR = "E06000038"  # Reading


def _generate(
    size: str, seed: int, problems: tuple[str, ...], today: date | None
) -> GenerationReport:
    from oversight.synth import generate

    def progress(message: str) -> None:
        click.echo(f"  {message}", err=True)

    try:
        report = generate(size=size, seed=seed, problems=problems, today=today, progress=progress)
    except ValueError as error:
        raise click.UsageError(str(error)) from error
    click.echo(
        f"Generated the {report.size} synthetic LA (seed {report.seed}, up to {report.today}): "
        f"{report.events:,} records in {report.seconds:.1f} s."
    )
    for problem, team in sorted(report.problem_teams.items()):
        click.echo(f"  problem {problem}: {team}")
    return report


@main.command()
@size_option
@seed_option
@problem_option
@db_option
@today_option
@click.option("--no-serve", is_flag=True, help="Set up and generate, but do not start the server.")
@click.option("--fresh", is_flag=True, help="Generate again even if the database has data.")
@port_option
def demo(
    size: str, seed: int, problems: tuple[str, ...], db: str | None, today: datetime | None,
    no_serve: bool, fresh: bool, port: int,
) -> None:  # fmt: skip
    """Set up a synthetic LA with demo accounts, then serve it on 127.0.0.1."""
    if db is None and not os.environ.get("DATABASE_URL"):
        db = DEMO_DB
    os.environ.setdefault("OVERSIGHT_LA_CODE", DEMO_COMPARATOR)
    use_database(db)
    from oversight.synth import PROBLEMS

    migrate()
    click.echo(f"Using the {database_label()}.")
    team = _demo_data(size, seed, problems or tuple(PROBLEMS), today, fresh)
    _print_accounts(team, today.date() if today else date.today())
    _load_inspection_outcomes()
    _refresh_indicators()
    _targeted_audits(today.date() if today else date.today())
    if not no_serve:
        _keep_indicators_fresh()
        _serve(port)


def _demo_data(
    size: str, seed: int, problems: tuple[str, ...], today: datetime | None, fresh: bool
) -> Team | None:
    from oversight.accounts.models import Team
    from oversight.casework.models import Child

    if Child.objects.exists() and not fresh:
        click.echo("The database already holds a synthetic LA: using it (--fresh to regenerate).")
        return _team_for_demo(None)
    if Child.objects.exists():
        _clear_records()
    report = _generate(size, seed, problems, today.date() if today else None)
    name = report.problem_teams.get("missed-cp-visits") or next(
        iter(report.problem_teams.values()), None
    )
    return _team_for_demo(Team.objects.filter(name=name).first() if name else None)


def _load_inspection_outcomes() -> None:
    from oversight.exchange.ofsted_outcomes.load import load
    from oversight.exchange.ofsted_outcomes.read import read

    reading = read()
    loaded = load(reading)
    added = loaded.inspections.get("added", 0)
    rows = len(reading.rejected_rows)
    click.echo(
        f"Ofsted's published outcomes: {len(reading.inspections)} inspections of "
        f"{len(reading.authorities)} LAs ({added} new); {rows} rows and "
        f"{len(reading.problems) - rows} values not loaded (`oversight inspections import` "
        "lists them)."
    )


def _team_for_demo(team: Team | None) -> Team | None:
    from oversight.accounts.models import Team, User

    if team is not None:
        return team
    demo_worker = User.objects.filter(username="worker").select_related("team").first()
    if demo_worker and demo_worker.team:
        return demo_worker.team
    return Team.objects.order_by("pk").first()


def _clear_records() -> None:
    """Start the demo's database again. The access log refuses deletions, so a SQLite
    file is replaced by a new one; another database is emptied only while its access
    log is, and otherwise left as it is, with what to do."""
    from django.core.management import call_command
    from django.db import connection

    from oversight.accounts.models import AccessEvent

    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and Path(name).is_file():
        connection.close()
        for path in (name, f"{name}-wal", f"{name}-shm", f"{name}-journal"):
            Path(path).unlink(missing_ok=True)
        migrate()
        return
    if AccessEvent.objects.exists():
        raise click.ClickException(
            f"the {database_label()} has an access log, which is append-only and is never "
            "emptied: give --fresh a new database (or drop this one) to start again"
        )
    call_command("flush", verbosity=0, interactive=False)


def _print_accounts(team: Team | None, today: date) -> None:
    from oversight.accounts.demo import create_demo_accounts

    if team is None:
        raise click.ClickException("no teams in the database: generate a synthetic LA first")
    accounts = create_demo_accounts(team, today)
    click.echo("\nDemo sign-in details (shown once; run the demo again for new passwords):")
    width = max(len(a.username) for a in accounts)
    click.echo(f"  {'username':<{width}}  {'password':<16}  {'authenticator key':<32}  role")
    for account in accounts:
        click.echo(
            f"  {account.username:<{width}}  {account.password:<16}  "
            f"{account.totp_secret:<32}  {account.detail}"
        )
    click.echo(
        "Then the security code: add the account's key to an authenticator app, or run "
        "`uv run oversight totp USERNAME` for its current code."
    )


def _refresh_indicators() -> None:
    from oversight.performance.refresh import refresh_if_behind

    click.echo("\nComputing the indicators...")
    run = refresh_if_behind()
    click.echo(f"Indicators computed in {run.seconds:.1f} s." if run else "Indicators up to date.")


DEMO_AUDITS = {
    "Overdue management oversight": "oversight-in-policy",
    "Children's views not recorded": "views-recorded",
}


def _targeted_audits(today: date) -> None:
    """Two targeted audit programmes, each with a sample drawn for the last month."""
    from datetime import timedelta

    from oversight.accounts.models import User
    from oversight.quality.models import AuditProgramme
    from oversight.quality.services import ProgrammeFacts, create_programme, draw_sample

    auditor = User.objects.filter(username="auditor").first()
    if auditor is None or AuditProgramme.objects.filter(name__in=DEMO_AUDITS).exists():
        return
    for name, target in DEMO_AUDITS.items():
        facts = ProgrammeFacts(name, "monthly", "targeted", 10, target_indicator=target)
        sample = draw_sample(create_programme(facts, auditor), today - timedelta(days=30), today,
                             auditor, seed=1)  # fmt: skip
        click.echo(
            f"Audit sample drawn: {name}, {sample.cases.count()} cases (Audits, as auditor)."
        )


def _keep_indicators_fresh() -> None:
    """The demo's server refreshes the indicators itself, in a background thread."""
    import threading

    from django.conf import settings

    from oversight.performance.refresh import keep_fresh

    seconds = settings.OVERSIGHT_REFRESH_SECONDS
    threading.Thread(target=keep_fresh, args=(seconds, click.echo), daemon=True).start()


def _serve(port: int) -> None:
    from django.core.management import call_command

    click.echo(f"\nServing on http://127.0.0.1:{port}/ (Ctrl+C to stop)")
    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, use_threading=True)


@main.command()
@db_option
@port_option
@click.option(
    "--production",
    is_flag=True,
    help="The multi-process server (granian) on collected static files; no migrating.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="With --production.")
@click.option(
    "--workers",
    type=int,
    default=None,
    help="With --production: server processes (default: the cores, 2 to 8).",
)
def serve(db: str | None, port: int, production: bool, host: str, workers: int | None) -> None:
    """Serve the web interface on 127.0.0.1 (migrating the database first).

    With --production: granian with several processes (docs/deploy.md); it migrates
    nothing and refuses to start until `oversight migrate` and `oversight collectstatic`
    have run.
    """
    if production:
        from oversight.cli.production import serve_production

        serve_production(db, host, port, workers)
        return
    use_database(db)
    migrate()
    _serve(port)


@main.command(name="generate")
@size_option
@seed_option
@problem_option
@db_option
@today_option
def generate_command(
    size: str, seed: int, problems: tuple[str, ...], db: str | None, today: datetime | None
) -> None:
    """Generate a synthetic LA into the database (no server)."""
    use_database(db)
    migrate()
    _generate(size, seed, problems, today.date() if today else None)


@main.command()
@click.argument("rule")
@click.argument("start", type=click.DateTime(["%Y-%m-%d"]), metavar="START_DATE")
def due(rule: str, start: datetime) -> None:
    """Print the due date of RULE for an event on START_DATE (YYYY-MM-DD).

    The due date is alone on the last line. Rules: see `oversight rules`.
    """
    try:
        chosen = DEFAULT_POLICY.rule(rule)
    except UnknownRule as error:
        raise click.UsageError(str(error.args[0] if error.args else error)) from error
    due_on = chosen.due(start.date(), DEFAULT_POLICY.calendar())
    click.echo(
        f"{chosen.title}: {_interval(chosen)} from {start.date().isoformat()} ({chosen.basis})"
    )
    click.echo(due_on.isoformat())


@main.command()
def rules() -> None:
    """List the timescale rules: id, interval, what starts the clock, and the basis."""
    for rule in DEFAULT_POLICY.rules().values():
        local = " (local policy)" if rule.local else ""
        click.echo(f"{rule.id:<24} {_interval(rule)} from {rule.starts_with}{local}; {rule.basis}")


def _interval(rule: Rule) -> str:
    """'1 working day', '45 working days', '3 months'."""
    unit = rule.unit.value.replace("_", " ")
    return f"{rule.interval} {unit[:-1] if rule.interval == 1 else unit}"
