"""One validation run of a DfE return: its counts, its findings, what changed, downloads.

A run is opened by its maker and by those who read every run (``policy_rules``); any other
preparer gets "not found". Its findings name children by LA child id, matched with the
records the reader may see for the team column: each page of findings is a list of
children in the access log, and each download an export, both naming the children matched.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from oversight.exchange.validation_runs.findings import (
    filtered,
    rules_found,
    team_choices,
    team_shown,
    with_records,
)
from oversight.exchange.validation_runs.models import (
    ReturnKind,
    RunFinding,
    RunSource,
    ValidationRun,
)
from oversight.exchange.validation_runs.runs import run_for
from oversight.web.access_log import EXPORT, LIST_CHILDREN, log_access
from oversight.web.downloads import Table, Value, csv_response, excel_response
from oversight.web.forms.returns import FindingFilterForm
from oversight.web.permissions import returns_required

FINDINGS_PER_PAGE = 50
FORMATS = {"csv": csv_response, "xlsx": excel_response}
COLUMNS = ["Rule", "Kind", "LA child id", "Team", "File", "Line", "Fields", "Message"]


def _run(request: HttpRequest, pk: int) -> ValidationRun:
    found = run_for(request.user, pk)  # type: ignore[arg-type]
    if found is None:
        raise Http404("No such validation run, or it is not yours to open")
    return found


def _chosen(request: HttpRequest, run: ValidationRun) -> tuple[FindingFilterForm, QuerySet]:
    """The filter form as sent, and the findings it picks, with their records and teams."""
    form = FindingFilterForm(request.GET, rules=rules_found(run), teams=team_choices(),
                             compared=run.compared)  # fmt: skip
    findings = with_records(run, request.user)  # type: ignore[arg-type]
    return form, filtered(findings, form.filters())


def _records(findings: object) -> set[int]:
    return {f.record_id for f in findings if f.record_id is not None}  # type: ignore[attr-defined]


@returns_required
def run_page(request: HttpRequest, pk: int) -> HttpResponse:
    run = _run(request, pk)
    form, findings = _chosen(request, run)
    page = Paginator(findings, FINDINGS_PER_PAGE).get_page(request.GET.get("page"))
    for finding in page:
        finding.team_shown = team_shown(finding)
    log_access(request, LIST_CHILDREN, detail=f"findings of validation run {run.pk}, "
               f"page {page.number}", child_ids=_records(page))  # fmt: skip
    query = urlencode(form.filters().as_query())
    context = {
        "title": f"{run.get_kind_display()} {run.year}: validation",
        "run": run,
        "form": form,
        "page": page,
        "elided": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "page_query": f"{query}&" if query else "",
        "query": f"?{query}" if query else "",
        "filtering": bool(query),
        "still": run.found - run.new,
        "again": urlencode({"kind": run.kind, "year": run.year}),
        "from_records": run.source == RunSource.RECORDS,
        "is_census": run.kind == ReturnKind.CIN_CENSUS,
    }
    return render(request, "web/returns/run.html", context)


@returns_required
def run_findings(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The findings shown on the page (every page), as CSV or Excel: an export in the log."""
    if fmt not in FORMATS:
        raise Http404("No such download")
    run = _run(request, pk)
    form, findings = _chosen(request, run)
    shown = list(findings)
    log_access(request, EXPORT, detail=f"findings of validation run {run.pk}: {len(shown)} rows",
               child_ids=_records(shown))  # fmt: skip
    return FORMATS[fmt](findings_table(run, shown), f"{run.kind}-{run.year}-validation-{run.pk}")


def findings_table(run: ValidationRun, findings: list[RunFinding]) -> Table:
    columns = [*COLUMNS, "Since the previous run"] if run.compared else COLUMNS
    rows = [_row(run, finding) for finding in findings]
    return Table(f"{run.get_kind_display()} {run.year}: findings", columns, rows, _notes(run))


def _row(run: ValidationRun, finding: RunFinding) -> list[Value]:
    row: list[Value] = [
        finding.rule, finding.kind, finding.la_child_id, team_shown(finding), finding.file,
        finding.line, finding.fields_text, finding.message,
    ]  # fmt: skip
    return [*row, finding.get_change_display()] if run.compared else row


def _notes(run: ValidationRun) -> list[str]:
    maker = run.by.display_name if run.by else "someone no longer a user"
    files = ", ".join(run.files)
    return [
        f"Validated {run.at:%d %B %Y %H:%M} by {maker}: {files}.",
        f"{run.errors} errors, {run.queries} queries, {run.not_checked} rules not checked; "
        f"{run.rules_checked} of the {run.rules_in_year} rules of {run.year} checked.",
        "Team: the child's latest allocation in the records the downloader may see.",
    ]


@returns_required
@require_POST
def delete_run(request: HttpRequest, pk: int) -> HttpResponse:
    run = _run(request, pk)
    run.delete()
    messages.success(request, f"The validation run of {run} and its findings are deleted")
    return redirect("web:returns")
