"""The one way an inspection is recorded: checked against its framework, then saved.

Used by the pages, the API and the import of Ofsted's published outcomes alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from oversight.inspection.frameworks import KINDS, Framework, framework, framework_for
from oversight.inspection.models import (
    Finding,
    FindingKind,
    Inspection,
    Judgement,
    LocalAuthority,
    Source,
)


class InspectionError(ValueError):
    """An inspection that breaks a rule: says which field, what is wrong and what to do."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class FindingText:
    kind: str
    text: str
    area: str = ""


@dataclass(frozen=True)
class InspectionFacts:
    """Everything recorded about one inspection, before it is checked and saved."""

    kind: str
    started: date | None = None
    ended: date | None = None
    published: date | None = None
    judgements: Mapping[str, str] | None = None
    findings: tuple[FindingText, ...] = ()
    overall_reason: str = ""
    report_url: str = ""
    lead_inspector: str = ""
    framework_key: str = ""
    source: str = Source.RECORDED
    source_ref: str = ""


def framework_of(facts: InspectionFacts) -> Framework:
    """The framework the facts name, or the one in force when the inspection started."""
    if facts.kind not in KINDS:
        raise InspectionError("kind", f"'{facts.kind}' is not one of: {', '.join(KINDS)}")
    if facts.framework_key:
        try:
            held = framework(facts.framework_key)
        except KeyError as error:
            raise InspectionError("framework", str(error.args[0])) from None
        if facts.kind not in held.kinds:
            raise InspectionError("kind", f"the {held.name} has no {KINDS[facts.kind].lower()}")
        return held
    when = facts.started or facts.published
    if when is None:
        raise InspectionError("started", "give the first day on site (or the publication date)")
    try:
        return framework_for(facts.kind, when)
    except ValueError as error:
        raise InspectionError("started", str(error)) from None


def check(facts: InspectionFacts) -> Framework:
    """Every rule an inspection must meet; returns its framework."""
    held = framework_of(facts)
    _check_dates(facts)
    grades = dict(facts.judgements or {})
    if grades and not held.graded:
        raise InspectionError(
            "judgements", f"a {KINDS[facts.kind].lower()} under the {held.name} is not graded"
        )
    for area, grade in grades.items():
        if area not in held.area_names:
            raise InspectionError(
                area, f"the {held.name} has no such judgement; it has: {', '.join(held.area_names)}"
            )
        if held.scale is not None and grade not in held.scale:
            raise InspectionError(
                area, f"'{grade}' is not a grade; use one of: {', '.join(held.scale.keys)}"
            )
    departure = held.overall_departure(grades)
    if departure and not facts.overall_reason.strip():
        raise InspectionError(
            "overall_reason", f"{departure}. Record why the overall differs from the default."
        )
    for finding in facts.findings:
        if finding.kind not in FindingKind.values:
            raise InspectionError(
                "findings", f"'{finding.kind}' is not one of: {', '.join(FindingKind.values)}"
            )
        if not finding.text.strip():
            raise InspectionError("findings", "a finding needs its text")
    return held


def _check_dates(facts: InspectionFacts) -> None:
    if facts.started and facts.ended and facts.ended < facts.started:
        raise InspectionError(
            "ended", f"{facts.ended} is before the first day on site ({facts.started})"
        )
    first = facts.ended or facts.started
    if first and facts.published and facts.published < first:
        raise InspectionError("published", f"{facts.published} is before the inspection ({first})")


@transaction.atomic
def record_inspection(la: LocalAuthority, facts: InspectionFacts) -> Inspection:
    """Check and save a new inspection with its judgements and findings."""
    held = check(facts)
    inspection = Inspection.objects.create(la=la, framework_key=held.key, **_fields(facts))
    _save_parts(inspection, facts)
    return inspection


@transaction.atomic
def replace_inspection(inspection: Inspection, facts: InspectionFacts) -> Inspection:
    """Check the facts and make the inspection say exactly them."""
    held = check(facts)
    inspection.framework_key = held.key
    for name, value in _fields(facts).items():
        setattr(inspection, name, value)
    inspection.save()
    inspection.judgements.all().delete()
    inspection.findings.all().delete()
    _save_parts(inspection, facts)
    return inspection


_FIELDS = (
    "kind",
    "started",
    "ended",
    "published",
    "report_url",
    "lead_inspector",
    "overall_reason",
    "source",
    "source_ref",
)


def _fields(facts: InspectionFacts) -> dict[str, object]:
    return {name: getattr(facts, name) for name in _FIELDS}


def _save_parts(inspection: Inspection, facts: InspectionFacts) -> None:
    Judgement.objects.bulk_create(
        Judgement(inspection=inspection, area=area, grade=grade)
        for area, grade in (facts.judgements or {}).items()
    )
    Finding.objects.bulk_create(
        Finding(
            inspection=inspection, kind=f.kind, area=f.area, text=f.text.strip(), position=number
        )
        for number, f in enumerate(facts.findings)
    )


def facts_of(inspection: Inspection) -> InspectionFacts:
    """The facts an inspection holds now, in the form ``record_inspection`` takes."""
    findings = tuple(FindingText(f.kind, f.text, f.area) for f in inspection.findings.all())
    return InspectionFacts(
        framework_key=inspection.framework_key,
        judgements=inspection.grades(),
        findings=findings,
        **{name: getattr(inspection, name) for name in _FIELDS},
    )
