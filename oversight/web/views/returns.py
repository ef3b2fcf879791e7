"""The DfE returns: validate an uploaded return, and the runs kept.

For those who prepare returns (``policy_rules.RETURN_PREPARERS``). An upload is checked
(``forms.returns``, ``web.uploads``) before a validator reads it, and is never kept: a CIN
census is read from the upload as it came in, SSDA903 files are written to a private
temporary folder for the reader and deleted with it. Each validation is stored as a run
(``exchange.validation_runs``) and shown on its own page (``views.return_runs``). The
returns written from the records are ``views.returns_from_records``.
"""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from oversight.accounts.models import User
from oversight.exchange.validation_runs.checks import (
    UNREADABLE,
    YEARS,
    Checked,
    check_903,
    check_cin,
)
from oversight.exchange.validation_runs.models import ReturnKind
from oversight.exchange.validation_runs.runs import delete_expired, keep, runs_seen_by
from oversight.web.forms.returns import AnnexAForm, ReturnUploadForm
from oversight.web.permissions import imports_returns, returns_required
from oversight.web.uploads import safe_name
from oversight.web.views.pages import posted
from oversight.web.views.returns_from_records import (
    SSDA903_YEARS,
    census_holds,
    ssda903_holds,
)

CENSUS_YEARS = YEARS[ReturnKind.CIN_CENSUS]
RUNS_PER_PAGE = 25


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
        "ssda903_years": SSDA903_YEARS,
        "census_holds": census_holds(user),
        "ssda903_holds": ssda903_holds(user),
        "annex_a_form": AnnexAForm(),
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
