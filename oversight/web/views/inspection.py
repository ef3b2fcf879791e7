"""Inspection pages: the national picture on a date, one LA's record, recording an inspection.

The outcomes are public, so every signed-in reader sees every LA (an inspector only inside
the inspection window); recording is for the roles in ``permissions.LEADS_AND_ASSURES``
and goes through ``inspection.services.record_inspection``, as every other way in does.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from oversight.inspection.frameworks import FRAMEWORKS, OVERALL, Framework, framework_for
from oversight.inspection.models import LocalAuthority
from oversight.inspection.national import names, national_picture, picture_since
from oversight.inspection.plans import own_la
from oversight.inspection.services import record_inspection
from oversight.inspection.standing import JUDGEMENTS, Change, Picture
from oversight.web import charts
from oversight.web import inspection as read
from oversight.web.downloads import Table, Value, csv_response, excel_response
from oversight.web.forms.inspection import InspectionForm, PictureForm
from oversight.web.forms.saving import save
from oversight.web.permissions import (
    inspection_recording_required,
    inspections_required,
    reads_improvement,
    records_inspections,
)
from oversight.web.views.pages import form_page, posted, today

FORMATS = {"csv": csv_response, "xlsx": excel_response}
# The frameworks an inspection is recorded under here: ILACS, from 2018 on.
RECORDABLE = [held for held in FRAMEWORKS if "short" in held.kinds]


@dataclass(frozen=True)
class Question:
    """What the national picture was asked: the day, the judgement, and the optional dates."""

    on: date
    judgement: str = OVERALL
    since: date | None = None
    published_by: date | None = None


def _question(form: PictureForm) -> Question | None:
    if not form.is_bound:
        return Question(today())
    if not form.is_valid():
        return None
    data = form.cleaned_data
    return Question(data["as_at"] or today(), data["judgement"] or OVERALL, data["since"],
                    data["published_by"])  # fmt: skip


@inspections_required
def national(request: HttpRequest) -> HttpResponse:
    form = PictureForm(request.GET or None)
    question = _question(form)
    context: dict[str, object] = {"title": "Inspection: the national picture", "form": form,
                                  "own": own_la()}  # fmt: skip
    if question is not None:
        context.update(_picture_context(question))
        context["query"] = request.GET.urlencode()
    return render(request, "web/inspection/national.html", context)


def _picture_context(question: Question) -> dict[str, object]:
    shown, found = picture_since(
        question.on, question.since, question.judgement, question.published_by
    )
    named = names()
    counts = shown.tally.counts.items()
    grades = [(grade, read.grade_words(grade), count) for grade, count in counts]
    return {
        "question": question,
        "judgement_name": JUDGEMENTS[question.judgement],
        "picture": shown,
        "grades": grades,
        "chart": charts.bar_chart(
            [(words.capitalize(), count) for _, words, count in grades],
            title=f"{JUDGEMENTS[question.judgement]}: LAs by grade",
            unit="count",
        ),  # fmt: skip
        "reasons": read.reasons_counted(shown),
        "inadequate": _las(shown.with_grade("inadequate"), named),
        "changed": _changes(found, named) if found is not None else None,
    }


def _las(urns: list[str], named: dict[str, str]) -> list[tuple[str, str]]:
    return sorted(((urn, named[urn]) for urn in urns), key=lambda pair: pair[1])


def _changes(found: list[Change], named: dict[str, str]) -> list[tuple[str, str, str, str]]:
    rows = [(c.la, named[c.la], read.grade_words(c.before), read.grade_words(c.after))
            for c in found]  # fmt: skip
    return sorted(rows, key=lambda row: row[1])


@inspections_required
def national_data(request: HttpRequest, fmt: str) -> HttpResponse:
    """Every LA's grade on the day, as CSV or Excel."""
    question = _question(PictureForm(request.GET or None))
    if question is None or fmt not in FORMATS:
        raise Http404("No such download")
    shown = national_picture(question.on, question.judgement, question.published_by)
    name = f"inspection-{question.judgement}-{question.on.isoformat()}"
    return FORMATS[fmt](_grades_table(shown), name)


def _grades_table(shown: Picture) -> Table:
    las = LocalAuthority.objects.filter(urn__in=shown.grades)
    rows: list[list[Value]] = [
        [la.name, la.urn, la.code, la.region_name, shown.grades[la.urn] or "",
         shown.reasons.get(la.urn, "")]
        for la in las
    ]  # fmt: skip
    title = f"{JUDGEMENTS[shown.judgement]} as at {shown.on.isoformat()}"
    columns = ["Local authority", "Ofsted URN", "ONS code", "Region", "Grade", "Why no grade"]
    notes = [
        "Each LA's latest graded inspection known on the day; visits do not change a grade.",
        "Source: Ofsted's published inspection outcomes, Open Government Licence v3.0.",
    ]
    return Table(title, columns, rows, notes)


@inspections_required
def authority(request: HttpRequest, urn: str) -> HttpResponse:
    la = _authority(urn)
    inspections = read.history(la)
    current = read.standing_inspection(inspections, today())
    context = {
        "title": f"Inspection: {la.name}",
        "la": la,
        "own": own_la() == la,
        "may_record": records_inspections(request.user),  # type: ignore[arg-type]
        "reads_plan": reads_improvement(request.user),  # type: ignore[arg-type]
        "current": current,
        "inspections": [(i, read.findings_by_kind(i)) for i in inspections],
        "neighbours": read.neighbours_standing(la, today()),
        "judgements": list(JUDGEMENTS.values()),
    }
    return render(request, "web/inspection/authority.html", context)


def _authority(urn: str) -> LocalAuthority:
    la = read.authority(urn)
    if la is None:
        raise Http404("No local authority has that Ofsted URN")
    return la


def _framework(key: str | None) -> Framework:
    """The framework whose areas the form shows: the one asked for, or today's."""
    chosen = [held for held in RECORDABLE if held.key == key]
    return chosen[0] if chosen else framework_for("standard", today())


@inspection_recording_required
def record(request: HttpRequest) -> HttpResponse:
    la = own_la()
    if la is None:
        return render(request, "web/inspection/no_la.html", {"title": "Record an inspection"})
    held = _framework(request.GET.get("framework"))
    form = InspectionForm(posted(request), framework=held)
    if form.is_valid() and _recorded(form, la):
        messages.success(request, f"Inspection recorded for {la.name}")
        return redirect("web:inspection-la", urn=la.urn)
    return form_page(
        request, form, title="Record an inspection", submit="Save inspection",
        back=reverse("web:inspection-la", args=[la.urn]), about="web/inspection/record_about.html",
        la=la, framework=held, frameworks=RECORDABLE,
    )  # fmt: skip


def _recorded(form: InspectionForm, la: LocalAuthority) -> bool:
    facts = form.facts()
    if facts.report_url and la.inspections.filter(report_url=facts.report_url).exists():
        form.add_error("report_url", "An inspection with this report is already recorded")
        return False
    return save(form, lambda: record_inspection(la, facts))
