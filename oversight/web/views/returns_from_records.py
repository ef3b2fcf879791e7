"""The returns written from the records: the CIN census, the SSDA903 return and Ofsted's
Annex A, each for the children the user may see, to download or to validate in one click.

A download is an export: the access log names every child in it. Validating writes the
return as the download would and keeps the findings as a run (``exchange.validation_runs``);
the SSDA903 return is validated with last year's, written from the records too, beside it,
so that the rules comparing the two years run.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from tempfile import TemporaryDirectory

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from oversight.accounts.models import User
from oversight.accounts.roles import Scope
from oversight.casework.access import visible_children
from oversight.casework.policy_rules import reads_adopters
from oversight.exchange.annex_a.write import write_workbook
from oversight.exchange.cin_census.write import NoLaCode, WriteSummary, write_cin
from oversight.exchange.ssda903.spec import CollectionYear
from oversight.exchange.ssda903.write import write_903
from oversight.exchange.validation_runs.checks import YEARS, check_903, check_cin
from oversight.exchange.validation_runs.models import ReturnKind, RunSource
from oversight.exchange.validation_runs.runs import keep
from oversight.web.access_log import EXPORT, client_address, log_access
from oversight.web.downloads import safe_filename
from oversight.web.forms.returns import AnnexAForm
from oversight.web.permissions import returns_required

CENSUS_YEARS = YEARS[ReturnKind.CIN_CENSUS]
SSDA903_YEARS = YEARS[ReturnKind.SSDA903]
XML_TYPE = "application/xml; charset=utf-8"
ZIP_TYPE = "application/zip"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def census_holds(user: User) -> str:
    """Which children the census written for this user holds: those they may see."""
    if user.scope == Scope.LA:
        return "every child in need in the year, except restricted records that do not name you"
    return "the children in need in the year whose records you may see (your service's)"


def ssda903_holds(user: User) -> str:
    """Which children the SSDA903 return written for this user holds: those they may see."""
    if user.scope == Scope.LA:
        return ("every child looked after in the year and every care leaver of its ages, "
                "except restricted records that do not name you")  # fmt: skip
    return ("the children looked after in the year and the care leavers of its ages whose "
            "records you may see (your service's)")  # fmt: skip


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
    name = safe_filename(f"cin-census-{year}-{summary.la_code}", "xml")
    return _download(content, XML_TYPE, name)


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


def _ssda903_year(year: str) -> CollectionYear:
    if year not in SSDA903_YEARS:
        raise Http404("The SSDA903 return is written here for " + ", ".join(SSDA903_YEARS))
    return CollectionYear.from_label(year)


@returns_required
@require_GET
def ssda903_from_records(request: HttpRequest, year: str) -> HttpResponse:
    """The SSDA903 return from the records the user sees, its CSV files in one ZIP file."""
    _ssda903_year(year)
    with TemporaryDirectory(prefix="oversight-ssda903-") as folder:  # readable by us alone
        summary = write_903(folder, year, children=visible_children(request.user))  # type: ignore[arg-type]
        content = io.BytesIO()
        with zipfile.ZipFile(content, "w", zipfile.ZIP_DEFLATED) as archive:
            for written in summary.files:
                archive.write(written, arcname=Path(written).name)
    log_access(request, EXPORT, detail=f"SSDA903 {year} from the records: "
               f"{summary.children} children", child_ids=summary.child_ids)  # fmt: skip
    return _download(content.getvalue(), ZIP_TYPE, safe_filename(f"ssda903-{year}", "zip"))


@returns_required
@require_POST
def validate_ssda903_from_records(request: HttpRequest, year: str) -> HttpResponse:
    """Write this year's return and last year's from the records, validate them together,
    and show the run."""
    user: User = request.user  # type: ignore[assignment]
    previous = _ssda903_year(year).previous.label
    with TemporaryDirectory(prefix="oversight-ssda903-") as folder:
        children = visible_children(user)
        this_year = write_903(Path(folder) / "this-year", year, children=children)
        last_year = write_903(Path(folder) / "last-year", previous, children=children)
        checked = check_903(this_year.files, year, last_year.files)
    run = keep(checked, ReturnKind.SSDA903, year, user, source=RunSource.RECORDS)
    return redirect("web:return-run", pk=run.pk)


@returns_required
@require_GET
def annex_a_from_records(request: HttpRequest) -> HttpResponse:
    """Ofsted's Annex A workbook for a date, from the records the user sees."""
    user: User = request.user  # type: ignore[assignment]
    form = AnnexAForm(request.GET)
    if not form.is_valid():
        return render(request, "web/returns/annex_a.html", {"title": "Annex A", "form": form})
    as_at = form.cleaned_data["as_at"]
    content = io.BytesIO()
    content.name = safe_filename(f"annex-a-{as_at:%Y-%m-%d}", "xlsx")
    write_workbook(content, as_at, by=user, scope=visible_children(user),
                   adopters=reads_adopters(user), la_name=settings.OVERSIGHT_LA_NAME,
                   address=client_address(request))  # fmt: skip
    return _download(content.getvalue(), XLSX_TYPE, content.name)


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
