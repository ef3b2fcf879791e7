"""Importing a return into the records (a CIN census, an SSDA903 return, an Annex A
workbook), as a background job with a progress bar.

For analysts and senior leaders (``policy_rules.RETURN_IMPORTERS``). The upload is checked
(``forms.returns``) and handed to a job (``jobs.starting``), which keeps the file only
until it ends; the job imports through the casework services, all or nothing, or with the
children (Annex A: the rows) that have problems held back. Its page polls the job's
status (``web:job-status``, a static script) and shows how it ended: what was imported,
what was held back and why, and the values not kept as given. A job is seen only by
whoever started it.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from oversight.accounts.models import User
from oversight.jobs import starting
from oversight.jobs.models import JobKind
from oversight.web.forms.base import GovukForm
from oversight.web.forms.returns import AnnexAImportForm, CensusImportForm, Ssda903ImportForm
from oversight.web.permissions import returns_import_required
from oversight.web.uploads import safe_name
from oversight.web.views.jobs import own_job
from oversight.web.views.pages import posted


@dataclass(frozen=True)
class Importing:
    """What the page of one kind of import says."""

    title: str
    about: str
    what: str  # what is held back: "children" or "rows"


IMPORTS = {
    JobKind.CIN_CENSUS_IMPORT: Importing(
        "Import a CIN census",
        "The census's children and their episodes, assessments, plans and enquiries are "
        "recorded through the same checks as every other record.",
        "children",
    ),
    JobKind.SSDA903_IMPORT: Importing(
        "Import an SSDA903 return",
        "The return's children looked after and care leavers, with their episodes, "
        "placements, reviews, missing periods, adoption decisions and social workers, are "
        "recorded through the same checks as every other record.",
        "children",
    ),
    JobKind.ANNEX_A_IMPORT: Importing(
        "Import an Annex A workbook",
        "The workbook's children and their contacts, early help, referrals, assessments, "
        "enquiries, plans, care and leaving care, and its prospective adopters, are recorded "
        "through the same checks as every other record. List 10 (adoption) is not imported.",
        "rows",
    ),
}


@returns_import_required
def import_census(request: HttpRequest) -> HttpResponse:
    form = CensusImportForm(posted(request), request.FILES or None)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        job = starting.import_cin_census(
            upload.read(), safe_name(upload.name or "", default="census.xml"), _user(request),
            quarantine=form.cleaned_data["quarantine"],
        )  # fmt: skip
        return redirect("web:return-import", pk=job.pk)
    return _upload_page(request, JobKind.CIN_CENSUS_IMPORT, form)


@returns_import_required
def import_ssda903(request: HttpRequest) -> HttpResponse:
    form = Ssda903ImportForm(posted(request), request.FILES or None)
    if form.is_valid():
        files = {
            safe_name(upload.name or "", default=f"file{number}.csv"): upload.read()
            for number, upload in enumerate(form.cleaned_data["files"], start=1)
        }
        job = starting.import_ssda903(
            files, _user(request), quarantine=form.cleaned_data["quarantine"]
        )
        return redirect("web:return-import", pk=job.pk)
    return _upload_page(request, JobKind.SSDA903_IMPORT, form)


@returns_import_required
def import_annex_a(request: HttpRequest) -> HttpResponse:
    form = AnnexAImportForm(posted(request), request.FILES or None)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        job = starting.import_annex_a(
            upload.read(), safe_name(upload.name or "", default="annex-a.xlsx"), _user(request),
            quarantine=form.cleaned_data["quarantine"], as_at=form.cleaned_data["as_at"],
        )  # fmt: skip
        return redirect("web:return-import", pk=job.pk)
    return _upload_page(request, JobKind.ANNEX_A_IMPORT, form)


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # the page is for signed-in importers only
    return request.user


def _upload_page(request: HttpRequest, kind: JobKind, form: GovukForm) -> HttpResponse:
    context = {"importing": IMPORTS[kind], "title": IMPORTS[kind].title, "form": form}
    return render(request, "web/returns/import.html", context)


@returns_import_required
def return_import(request: HttpRequest, pk: UUID) -> HttpResponse:
    """How far the import has got; how it ended, once it has."""
    job = own_job(request, pk)
    if job.kind not in IMPORTS:
        raise Http404("No such import")
    summary = job.summary or {}
    context = {
        "title": f"Importing {job.options.get('file', 'a return')}",
        "job": job,
        "importing": IMPORTS[JobKind(job.kind)],
        "held_back": sorted((summary.get("held_back") or {}).items()),
        "problems": summary.get("problems") or [],
        "notes": summary.get("notes") or [],
    }
    return render(request, "web/returns/return_import.html", context)
