"""Importing a CIN census into the records, as a background job with a progress bar.

For analysts and senior leaders (``policy_rules.RETURN_IMPORTERS``). The upload is checked
(``forms.returns``) and handed to a job (``jobs.starting.import_cin_census``), which keeps
the file only until it ends; the job imports through the casework services, all or
nothing, or with the children who have problems held back. Its page polls the job's status
(``web:job-status``, a static script) and shows how it ended. A job is seen only by whoever
started it.
"""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from oversight.jobs import starting
from oversight.jobs.models import Job, JobKind
from oversight.web.forms.returns import CensusImportForm
from oversight.web.permissions import returns_import_required
from oversight.web.uploads import safe_name
from oversight.web.views.jobs import own_job
from oversight.web.views.pages import posted


@returns_import_required
def import_census(request: HttpRequest) -> HttpResponse:
    form = CensusImportForm(posted(request), request.FILES or None)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        job = starting.import_cin_census(
            upload.read(), safe_name(upload.name or "", default="census.xml"), request.user,
            quarantine=form.cleaned_data["quarantine"],
        )  # type: ignore[arg-type]  # fmt: skip
        return redirect("web:census-import", pk=job.pk)
    return render(
        request, "web/returns/import.html", {"title": "Import a CIN census", "form": form}
    )


def _import_job(request: HttpRequest, pk: UUID) -> Job:
    job = own_job(request, pk)
    if job.kind != JobKind.CIN_CENSUS_IMPORT:
        raise Http404("No such import")
    return job


@returns_import_required
def census_import(request: HttpRequest, pk: UUID) -> HttpResponse:
    """How far the import has got; how it ended, once it has."""
    job = _import_job(request, pk)
    held_back = (job.summary or {}).get("held_back") or {}
    context = {
        "title": f"Importing {job.options.get('file', 'a CIN census')}",
        "job": job,
        "held_back": sorted(held_back.items()),
    }
    return render(request, "web/returns/census_import.html", context)
