"""A background job's progress, for a page to poll, and the file it made, to download.

``job_status`` answers JSON: the status (and its words), done of total and the percent,
the summary or the error, and where to download what it made. Only the person who
started a job sees it: to anyone else it does not exist (404), because its summary may
name children. A page shows a progress bar by polling this address every second or so
until ``finished`` is true.
"""

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from oversight.jobs.models import Job
from oversight.web.downloads import pdf_response


def own_job(request: HttpRequest, pk: UUID) -> Job:
    """The job, if the signed-in user started it; 404 otherwise."""
    job = Job.objects.filter(pk=pk, requested_by=request.user).first()
    if job is None:
        raise Http404("No such job")
    return job


def status(job: Job) -> dict[str, object]:
    download = job.output is not None and job.status == "done"
    return {
        "id": str(job.pk),
        "kind": job.kind,
        "title": job.get_kind_display(),
        "status": job.status,
        "status_text": job.get_status_display(),
        "finished": job.finished,
        "done": job.done,
        "total": job.total,
        "percent": job.percent,
        "attempts": job.attempts,
        "summary": job.summary,
        "error": job.error,
        "download": reverse("web:job-output", args=[job.pk]) if download else None,
    }


@require_GET
def job_status(request: HttpRequest, pk: UUID) -> JsonResponse:
    response = JsonResponse(status(own_job(request, pk)))
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def job_output(request: HttpRequest, pk: UUID) -> HttpResponse:
    job = own_job(request, pk)
    if job.output is None:
        raise Http404("This job made nothing to download")
    return pdf_response(bytes(job.output), job.output_name or str(job.pk))
