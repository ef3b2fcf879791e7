"""The DfE returns: validate an uploaded return, or the CIN census written from the records.

For those who prepare returns (``policy_rules.RETURN_PREPARERS``). An upload is checked
(``forms.returns``, ``web.uploads``) before a validator reads it, and is never kept: a CIN
census is read from the upload as it came in, SSDA903 files are written to a private
temporary folder for the reader and deleted with it. Each validation is stored as a run
(``exchange.validation_runs``) and shown on its own page (``views.return_runs``).
"""

from __future__ import annotations

import io
from pathlib import Path
from tempfile import TemporaryDirectory

from django.conf import settings
from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from oversight.accounts.models import User
from oversight.accounts.roles import Scope
from oversight.casework.access import visible_children
from oversight.exchange.cin_census.write import NoLaCode, WriteSummary, write_cin
from oversight.exchange.validation_runs.checks import (
    UNREADABLE,
    YEARS,
    Checked,
    check_903,
    check_cin,
)
from oversight.exchange.validation_runs.models import ReturnKind, RunSource
from oversight.exchange.validation_runs.runs import delete_expired, keep, runs_seen_by
from oversight.web.access_log import EXPORT, log_access
from oversight.web.downloads import safe_filename
from oversight.web.forms.returns import ReturnUploadForm
from oversight.web.permissions import imports_returns, returns_required
from oversight.web.uploads import safe_name
from oversight.web.views.pages import posted

CENSUS_YEARS = YEARS[ReturnKind.CIN_CENSUS]
RUNS_PER_PAGE = 25
XML_TYPE = "application/xml; charset=utf-8"


@returns_required
def returns(request: HttpRequest) -> HttpResponse:
    """The runs the user may open, a return to upload, and the census from the records."""
    user: User = request.user  # type: ignore[assignment]
    delete_expired()
    form = ReturnUploadForm(posted(request), request.FILES or None, initial=_again(request))
    if form.is_valid():
        data = form.cleaned_data
        try:
            checked = _checked_upload(data)
        except UNREADABLE as error:
            form.add_error("files", f"{error}. Nothing was checked, and nothing was kept.")
        else:
            run = keep(checked, data["kind"], data["year"], user)
            return redirect("web:return-run", pk=run.pk)
    # Every run the user may open, newest first, a page at a time.
    page = Paginator(runs_seen_by(user), RUNS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "title": "DfE returns",
        "form": form,
        "runs": page,
        "page": page,
        "elided": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "page_query": "",
        "census_years": CENSUS_YEARS,
        "census_holds": census_holds(user),
        "days": settings.OVERSIGHT_VALIDATION_RUN_DAYS,
        "can_import": imports_returns(user),
    }
    return render(request, "web/returns/returns.html", context)


def _again(request: HttpRequest) -> dict[str, str]:
    """The return and year of a run being validated again (``?kind=...&year=...``)."""
    return {name: request.GET[name] for name in ("kind", "year") if request.GET.get(name)}


def _checked_upload(data: dict) -> Checked:
    if data["kind"] == ReturnKind.CIN_CENSUS:
        upload = data["files"][0]
        return check_cin(upload, data["year"], safe_name(upload.name, default="census.xml"))
    with TemporaryDirectory(prefix="oversight-ssda903-") as folder:  # readable by us alone
        this_year = _saved(data["files"], Path(folder) / "this-year")
        last_year = _saved(data["previous"], Path(folder) / "last-year")
        return check_903(this_year, data["year"], last_year)


def _saved(uploads: list[UploadedFile], folder: Path) -> list[Path]:
    """The files written under their safe names (numbered when two share one)."""
    folder.mkdir()
    paths: list[Path] = []
    for n, upload in enumerate(uploads, start=1):
        name = safe_name(upload.name or "", default=f"file-{n}.csv")
        path = folder / name
        if path.exists():
            path = folder / f"{path.stem}-{n}{path.suffix}"
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        paths.append(path)
    return paths


def census_holds(user: User) -> str:
    """Which children the census written for this user holds: those they may see."""
    if user.scope == Scope.LA:
        return "every child in need in the year, except restricted records that do not name you"
    return "the children in need in the year whose records you may see (your service's)"


def _census(user: User, year: str) -> tuple[bytes, WriteSummary]:
    if year not in CENSUS_YEARS:
        raise Http404("The CIN census is written here for " + ", ".join(CENSUS_YEARS))
    out = io.BytesIO()
    summary = write_cin(out, year, children=visible_children(user))
    return out.getvalue(), summary


@returns_required
@require_GET
def census_from_records(request: HttpRequest, year: str) -> HttpResponse:
    """The CIN census written from the records the user sees: in the access log, every child."""
    try:
        content, summary = _census(request.user, year)  # type: ignore[arg-type]
    except NoLaCode as error:
        return _no_la_code(request, error)
    log_access(request, EXPORT, detail=f"CIN census {year} from the records: "
               f"{summary.children} children", child_ids=summary.child_ids)  # fmt: skip
    response = HttpResponse(content, content_type=XML_TYPE)
    name = safe_filename(f"cin-census-{year}-{summary.la_code}", "xml")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@returns_required
@require_POST
def validate_census_from_records(request: HttpRequest, year: str) -> HttpResponse:
    """Write the census as the download would, validate it, and show the run: one click."""
    user: User = request.user  # type: ignore[assignment]
    try:
        content, _summary = _census(user, year)
    except NoLaCode as error:
        return _no_la_code(request, error)
    checked = check_cin(io.BytesIO(content), year, f"cin-census-{year}-from-the-records.xml")
    run = keep(checked, ReturnKind.CIN_CENSUS, year, user, source=RunSource.RECORDS)
    return redirect("web:return-run", pk=run.pk)


def _no_la_code(request: HttpRequest, error: NoLaCode) -> HttpResponse:
    """Back to the returns page, saying what the installation lacks."""
    given = settings.OVERSIGHT_LA_CODE
    why = f"{given} is not a local authority with a DfE number" if given else "none is set"
    messages.error(
        request,
        f"The census cannot be written without the LA's DfE number ({why}). "
        "OVERSIGHT_LA_CODE gives it: the 3-digit DfE number or the LA's GSS code.",
    )
    return redirect("web:returns")
