"""The inspection reports as PDFs: the readiness pack, and the summary for children.

Built with the same ``Document`` as the performance PDFs (DejaVu text, reproducible bytes).
"""

from __future__ import annotations

from oversight.inspection.summary import ChildrensSummary
from oversight.web import charts
from oversight.web.indicators import Row
from oversight.web.pdf import Document
from oversight.web.readiness import AreaEvidence, Pack


def readiness_pdf(pack: Pack) -> bytes:
    document = _document(f"{pack.la_name} · Oversight · {pack.today:%-d %B %Y}")
    document.title_block(pack.la_name, "Inspection readiness pack")
    _standing(document, pack)
    if pack.areas:
        document.heading2(f"Self-evaluation {pack.evaluation.year}: by judgement area")
        for entry in pack.areas:
            _area(document, entry)
    else:
        document.heading2("Self-evaluation")
        document.paragraph("No self-evaluation has been written yet.")
    document.heading2("Headline indicators")
    if pack.headline:
        header = ["Indicator", "This LA", "England", "Compared with England"]
        document.table_of(header, [_indicator_cells(r) for r in pack.headline], (50, 14, 16, 30))
    else:
        document.paragraph("The indicators have not been computed yet.")
    _actions(document, pack)
    return bytes(document.output())


def _document(heading: str) -> Document:
    document = Document(heading)
    document.add_page()
    return document


def _standing(document: Document, pack: Pack) -> None:
    document.heading2("Where we stand")
    standing = pack.standing
    if standing is None:
        document.paragraph("No graded inspection is recorded for this LA.")
        return
    when = standing.published or standing.ended or standing.started
    document.paragraph(
        f"{standing.get_kind_display()} under the {standing.framework.name}, {when:%B %Y}."
    )
    document.table_of(
        ["Judgement", "Grade"], [[j.area_name, j.grade_label] for j in standing.judgements.all()]
    )
    if pack.departure:
        document.paragraph(f"The overall differs from the framework's default: {pack.departure}.")
        document.paragraph(f"Reason recorded: {standing.overall_reason}")
    for label, findings in pack.findings.items():
        document.heading2(label)
        for finding in findings:
            document.paragraph(f"• {finding.text}")


def _area(document: Document, entry: AreaEvidence) -> None:
    part = entry.part
    grade = f" (inspection: {entry.grade})" if entry.grade else ""
    document.heading2(f"{part.name}{grade}")
    for question, answer in (
        ("What do we know about the quality and impact of practice?", part.known),
        ("How do we know it?", part.how_known),
        ("What are we doing about it?", part.doing),
    ):
        document.paragraph(question, size=9)
        document.paragraph(answer or "Not answered yet.")
    if entry.indicators:
        header = ["Indicator", "This LA", "England", "Compared with England"]
        cells = [_indicator_cells(r) for r in entry.indicators]
        document.table_of(header, cells, (50, 14, 16, 30))
    for note in entry.notes:
        document.paragraph(f"• {note}", size=9)


def _indicator_cells(shown: Row) -> list[str]:
    unit, england = shown.indicator.unit.value, shown.england
    benchmark = (
        f"{charts.format_value(england.value, unit)} ({england.year})" if england else "local"
    )
    return [
        shown.indicator.title,
        charts.format_value(shown.value, unit),
        benchmark,
        shown.rag_text,
    ]


def _actions(document: Document, pack: Pack) -> None:
    document.heading2("The improvement plan: open actions")
    for finding in pack.needing_action:
        document.paragraph(f"Needs an action: {finding.text}")
    if not pack.actions:
        document.paragraph("No open actions.")
        return
    rows = []
    for shown in pack.actions:
        action = shown.action
        due = f"{action.due:%-d %b %Y}" + (" (overdue)" if shown.overdue else "")
        progress = "" if shown.progress is None else f"{shown.progress:.0f}% of the way"
        owner = action.owner.get_full_name() or action.owner.username if action.owner else ""
        rows.append([action.title, owner, due, action.get_status_display(), progress])
    document.table_of(["Action", "Owner", "Due", "Status", "Progress"], rows, (44, 20, 18, 14, 14))


def childrens_pdf(summary: ChildrensSummary) -> bytes:
    document = _document(summary.la_name)
    document.title_block(
        summary.la_name, "What Ofsted found: a summary for children and young people"
    )
    document.paragraph(
        f"Ofsted checks how well councils look after and protect children. They looked at "
        f"{summary.la_name}'s services for children in {summary.when}. This is what they found.",
        size=12,
        align="L",
    )
    if summary.grades:
        document.heading2("What Ofsted said")
        for grade in summary.grades:
            document.paragraph(f"{grade.area}: {grade.words}.", size=12, align="L")
    for heading, items in (
        ("What is working well", summary.working_well),
        ("What needs to get better", summary.to_get_better),
        ("What happens next", summary.next_steps),
    ):
        if items:
            document.heading2(heading)
            for item in items:
                document.paragraph(f"• {item}", size=12, align="L")
    return bytes(document.output())
