"""Commands for quality assurance: audit programmes and samples, reports, oversight checks.

Writes go through ``quality.services`` as the user named by ``--by``; a refusal prints the
service's message and exits with status 1.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import click

from oversight.cli.base import db_option, main, migrate, use_database

if TYPE_CHECKING:
    from oversight.accounts.models import User
    from oversight.quality.agreement import Agreement

date_type = click.DateTime(["%Y-%m-%d"])
by_option = click.option("--by", "username", required=True, help="Who does it (a username).")


@main.group(name="audits")
def audits_group() -> None:
    """Case audits, front-door dip-sampling, escalations and management oversight."""


def _ready(db: str | None) -> None:
    use_database(db)
    migrate()


def _user(username: str) -> User:
    from oversight.accounts.models import User

    found = User.objects.filter(username=username, is_active=True).first()
    if found is None:
        raise click.ClickException(f"no active user called {username!r}: check --by")
    return found


def _refused(action: Any) -> Any:
    """Run a service call; a refusal becomes the command's error (exit status 1)."""
    from oversight.quality.services import QualityError

    try:
        return action()
    except QualityError as error:
        raise click.ClickException(f"{error.field}: {error.message}") from None


@audits_group.command(name="programmes")
@db_option
def programmes_command(db: str | None) -> None:
    """List the audit programmes."""
    _ready(db)
    from oversight.quality.models import AuditProgramme

    found = AuditProgramme.objects.all()
    if not found:
        click.echo("No audit programmes yet.")
    for p in found:
        how = p.method + (f" by {p.stratify_by}" if p.stratify_by else "")
        how += f" on {p.target_indicator}" if p.target_indicator else ""
        click.echo(f"{p.name}  theme {p.theme}, {how}, {p.sample_size} cases, "
                   f"{len(p.questions)} own questions")  # fmt: skip


@audits_group.command(name="create-programme")
@click.argument("name")
@click.option("--theme", required=True, help="monthly, front-door, cp-plans, children-in-care…")
@click.option("--method", default="random", show_default=True, help="random, stratified, …")
@click.option("--size", type=int, default=10, show_default=True, help="Cases in each sample.")
@click.option("--stratify-by", default="", help="Stratified: team or plan.")
@click.option("--target", default="", help="Targeted: the indicator whose cases to draw.")
@click.option("--question", "questions", multiple=True, help="The programme's own question.")
@by_option
@db_option
def create_programme_command(
    name: str, theme: str, method: str, size: int, stratify_by: str, target: str,
    questions: tuple[str, ...], username: str, db: str | None,
) -> None:  # fmt: skip
    """Create an audit programme."""
    _ready(db)
    from oversight.quality.services import ProgrammeFacts, create_programme

    facts = ProgrammeFacts(name, theme, method, size, stratify_by, target, questions)
    made = _refused(lambda: create_programme(facts, _user(username)))
    click.echo(f"Created programme {made.name!r} ({made.pk})")


@audits_group.command(name="draw")
@click.argument("programme")
@click.option("--from", "start", type=date_type, required=True, help="YYYY-MM-DD")
@click.option("--to", "end", type=date_type, required=True, help="YYYY-MM-DD")
@click.option("--seed", type=int, default=None, help="Draw the same sample again.")
@by_option
@db_option
def draw_command(
    programme: str, start: datetime, end: datetime, seed: int | None, username: str, db: str | None
) -> None:
    """Draw a sample for PROGRAMME (its name) and print it."""
    _ready(db)
    from oversight.quality.models import AuditProgramme
    from oversight.quality.services import draw_sample

    found = AuditProgramme.objects.filter(name=programme).first()
    if found is None:
        raise click.ClickException(f"no programme called {programme!r}: see `audits programmes`")
    by = _user(username)
    sample = _refused(lambda: draw_sample(found, start.date(), end.date(), by, seed))
    click.echo(f"{found.name}: {sample.cases.count()} of {sample.population} cases, "
               f"seed {sample.seed}")  # fmt: skip
    cases = list(sample.cases.select_related("child"))
    for case in cases:
        child = case.child.la_child_id
        click.echo(f"{case.position:>3}  {child:<12} {case.stratum:<20} {case.why}")
    _logged_export(by, f"cli: audit sample {sample.pk} printed ({len(cases)} children)",
                   [case.child_id for case in cases])  # fmt: skip


def _logged_export(by: User, detail: str, child_ids: list[int]) -> None:
    """Children printed by a command leave the system: an export, in the access log."""
    from oversight.accounts.access_log import append

    append(by, "export", detail=detail, child_ids=child_ids)


@audits_group.command(name="report")
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table")
@db_option
def report_command(output: str, db: str | None) -> None:
    """Audit grades, moderation, front-door agreement and escalations."""
    _ready(db)
    found = _report()
    if output == "json":
        click.echo(json.dumps(found, indent=2, default=str))
        return
    _echo_report(found)


def _agreement(found: Agreement) -> dict[str, Any]:
    return {"pairs": found.pairs, "agreed": found.agreed, "rate": found.rate,
            "kappa": found.kappa}  # fmt: skip


def _report() -> dict[str, Any]:
    from oversight.quality import reports
    from oversight.quality.summaries import escalation_summary, front_door_agreement

    audits = reports.completed()
    front_door = front_door_agreement()
    escalations = escalation_summary()
    return {
        "audits": {"by_domain": reports.by_domain(audits), "by_team": reports.by_team(audits)},
        "moderation": {
            "by_domain": {
                k: _agreement(v) for k, v in reports.moderation_by_domain(audits).items()
            },
            "by_auditor": {
                k: _agreement(v) for k, v in reports.moderation_by_auditor(audits).items()
            },
        },
        "front_door": {
            "overall": asdict(front_door.overall) | {"rate": front_door.overall.rate},
            "by_team": [asdict(a) | {"rate": a.rate} for a in front_door.by_team],
            "by_manager": [asdict(a) | {"rate": a.rate} for a in front_door.by_manager],
        },
        "escalations": asdict(escalations),
    }


def _percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.0%}"


def _echo_report(found: dict[str, Any]) -> None:
    for title, counts in [("Audit grades by domain", found["audits"]["by_domain"]),
                          ("Overall grades by team", found["audits"]["by_team"])]:  # fmt: skip
        click.echo(f"\n{title}")
        for name, grades in counts.items():
            click.echo(f"  {name:<40} " + "  ".join(f"{g} {n}" for g, n in grades.items()))
    click.echo("\nModeration agreement (pairs, agreed, kappa)")
    for group in ("by_domain", "by_auditor"):
        for name, a in found["moderation"][group].items():
            kappa = "–" if a["kappa"] is None else f"{a['kappa']:.2f}"
            click.echo(f"  {name:<40} {a['pairs']:>4} {_percent(a['rate']):>5}  kappa {kappa}")
    click.echo("\nFront-door dip-sampling (re-decided, agreed, rate)")
    door = found["front_door"]
    for a in [door["overall"], *door["by_team"], *door["by_manager"]]:
        rate = _percent(a["rate"])
        click.echo(f"  {a['name']:<40} {a['redecided']:>4} {a['agreed']:>4} {rate:>5}")
    click.echo("\nEscalations (raised, open, median days to response, to resolution)")
    esc = found["escalations"]
    for e in [esc["overall"], *esc["by_team"], *esc["by_about"]]:
        days = f"{_days(e['days_to_response']):>5} {_days(e['days_to_resolution']):>5}"
        click.echo(f"  {e['name']:<40} {e['raised']:>4} {e['open']:>4} {days}")


def _days(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


@audits_group.command(name="oversight-check")
@click.option("--today", type=date_type, default=None, help="YYYY-MM-DD (default: today).")
@db_option
def oversight_check_command(today: datetime | None, db: str | None) -> None:
    """Children whose management oversight is overdue, team by team."""
    _ready(db)
    from oversight.quality.summaries import overdue_oversight
    from oversight.timescales import LOCAL_RULES

    day = today.date() if today else date.today()
    late = overdue_oversight(day)
    if not late:
        click.echo(f"No management oversight is overdue on {day}.")
    for team, deadlines in late.items():
        click.echo(f"{team}: {len(deadlines)} overdue")
        for d in deadlines:
            what = LOCAL_RULES[d.rule].title
            click.echo(f"  {d.child.la_child_id:<12} {what:<45} due {d.due_on}")
