"""The inspection reports: the readiness pack, and the summary for children and young people.

Each is a page and, with ``?format=pdf``, the same content as a PDF.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from oversight.inspection.models import ActionStatus, ImprovementAction
from oversight.inspection.national import current_inspections
from oversight.inspection.plans import own_la
from oversight.inspection.summary import Planned, childrens_summary
from oversight.web.downloads import pdf_response
from oversight.web.permissions import improvement_required, inspections_required
from oversight.web.readiness import readiness_pack
from oversight.web.report_pdf import childrens_pdf, readiness_pdf
from oversight.web.views.pages import today


@improvement_required
def readiness(request: HttpRequest) -> HttpResponse:
    pack = readiness_pack(today())
    if request.GET.get("format") == "pdf":
        return pdf_response(readiness_pdf(pack), f"inspection-readiness-{pack.today}")
    return render(request, "web/reports/readiness.html", {"title": "Readiness pack", "pack": pack})


@inspections_required
def for_children(request: HttpRequest) -> HttpResponse:
    la = own_la()
    current = current_inspections(la, today()) if la else []
    open_actions = ImprovementAction.objects.exclude(status=ActionStatus.DONE).order_by("due")
    planned = [Planned(action.title, action.due) for action in open_actions]
    summary = childrens_summary(la.name if la else "", current, planned)
    if summary is not None and request.GET.get("format") == "pdf":
        return pdf_response(childrens_pdf(summary), "what-ofsted-found")
    context = {"title": "What Ofsted found: for children and young people", "summary": summary}
    return render(request, "web/reports/for_children.html", context)
