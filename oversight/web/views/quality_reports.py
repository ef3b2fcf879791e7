"""What the completed case audits say: results, moderation, audits against the data.

Each table is built once (a ``downloads.Table``) and shown on the page or downloaded as
CSV, for all programmes or the one chosen (``?programme=<id>``). No child is shown.
"""

from collections.abc import Callable

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from oversight.quality import reports
from oversight.quality.agreement import Agreement
from oversight.quality.domains import GRADES
from oversight.quality.models import Audit, AuditProgramme
from oversight.web import charts
from oversight.web.downloads import Table, Value, csv_response
from oversight.web.permissions import audits_required

AGREEMENT_COLUMNS = [
    "Moderated", "Agreed (%)", "Within one grade (%)", "Raised", "Lowered", "Cohen's kappa",
]  # fmt: skip
KAPPA_NOTE = (
    "Pairs are the auditor's grade and the moderator's. Cohen's kappa is agreement beyond "
    "chance: 1 is perfect, 0 no better than chance; blank when it cannot be worked out."
)


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _grades_table(title: str, first: str, counts: dict) -> Table:  # type: ignore[type-arg]
    rows: list[list[Value]] = [
        [name, *grades.values(), sum(grades.values())] for name, grades in counts.items()
    ]
    return Table(title, [first, *GRADES.values(), "Audits"], rows)


def _agreement_row(name: str, found: Agreement) -> list[Value]:
    kappa = round(found.kappa, 2) if found.kappa is not None else None
    return [name, found.pairs, percent(found.agreed, found.pairs),
            percent(found.within_one, found.pairs), found.raised, found.lowered, kappa]  # fmt: skip


def _agreement_table(title: str, first: str, found: dict[str, Agreement]) -> Table:
    rows = [_agreement_row(name, agreed) for name, agreed in found.items()]
    return Table(title, [first, *AGREEMENT_COLUMNS], rows, [KAPPA_NOTE])


def _months(audits: QuerySet[Audit]) -> Table:
    counts = {month.strftime("%Y-%m"): grades for month, grades in reports.by_month(audits).items()}
    return _grades_table("Overall grades by month completed", "Month", counts)


def _overdue(audits: QuerySet[Audit]) -> Table:
    rows: list[list[Value]] = [
        [g.name, g.audits, g.worse, percent(g.worse, g.audits)]
        for g in reports.against_overdue_work(audits)
    ]
    note = (
        "Overdue work: a deadline for the child open and past due on the day the audit "
        "was completed. Worse: an overall grade of requires improvement or inadequate."
    )
    columns = ["Cases", "Audits", "Requires improvement or inadequate", "Share (%)"]
    return Table("Do cases with overdue work grade worse?", columns, rows, [note])


def _learning(audits: QuerySet[Audit]) -> Table:
    rows: list[list[Value]] = [[tag, n] for tag, n in reports.learning_themes(audits)]
    return Table("Recurring learning themes", ["Theme", "Audits"], rows)


TABLES: dict[str, Callable[[QuerySet[Audit]], Table]] = {
    "domains": lambda a: _grades_table("Grades by domain", "Domain", reports.by_domain(a)),
    "teams": lambda a: _grades_table("Overall grades by team", "Team", reports.by_team(a)),
    "themes": lambda a: _grades_table("Overall grades by theme", "Theme", reports.by_theme(a)),
    "months": _months,
    "moderation-auditors": lambda a: _agreement_table(
        "Moderation: overall grade, by auditor", "Auditor", reports.moderation_by_auditor(a)
    ),
    "moderation-domains": lambda a: _agreement_table(
        "Moderation by domain", "Domain", reports.moderation_by_domain(a)
    ),
    "overdue": _overdue,
    "learning": _learning,
}


def _chosen(request: HttpRequest) -> AuditProgramme | None:
    pk = request.GET.get("programme", "")
    if not pk:
        return None
    if not pk.isdigit():
        raise Http404("No such programme")
    found = AuditProgramme.objects.filter(pk=int(pk)).first()
    if found is None:
        raise Http404("No such programme")
    return found


def _good_by_domain(audits: QuerySet[Audit]) -> str:
    """A bar for each domain: the share of its grades good or outstanding (the data: below)."""
    bars = [
        (name, percent(grades["outstanding"] + grades["good"], sum(grades.values())))
        for name, grades in reports.by_domain(audits).items()
    ]
    return charts.bar_chart(bars, title="Graded good or outstanding, by domain", unit="percent")


@audits_required
def audit_reports(request: HttpRequest) -> HttpResponse:
    programme = _chosen(request)
    audits = reports.completed(programme)
    context = {
        "title": "Audit results",
        "programme": programme,
        "programmes": AuditProgramme.objects.all(),
        "audits": audits.count(),
        "chart": _good_by_domain(audits),
        "tables": [(slug, build(audits)) for slug, build in TABLES.items()],
        "query": f"?programme={programme.pk}" if programme else "",
    }
    return render(request, "web/audits/reports.html", context)


@audits_required
def audit_report_data(request: HttpRequest, table: str) -> HttpResponse:
    if table not in TABLES:
        raise Http404("No such table")
    programme = _chosen(request)
    stem = f"audits-{table}" + (f"-programme-{programme.pk}" if programme else "")
    return csv_response(TABLES[table](reports.completed(programme)), stem)
