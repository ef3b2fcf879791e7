"""What the inspection pages and the API read: one LA's record, its standing, its neighbours'.

Outcomes are public data, so nothing here is limited to a reader's children. An LA's
standing is that of ``inspection.standing``: its latest graded inspection known on a day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from oversight.inspection.frameworks import SCALES
from oversight.inspection.models import FindingKind, Inspection, LocalAuthority
from oversight.inspection.national import outcome_of
from oversight.inspection.standing import JUDGEMENTS, Outcome, Picture, grade_for, standing
from oversight.performance import published

NO_GRADE = "no grade"
FINDING_HEADINGS = {
    FindingKind.STRENGTH: "Strengths",
    FindingKind.IMPROVEMENT: "Areas for improvement",
    FindingKind.PRIORITY: "Areas for priority action",
    FindingKind.RECOMMENDATION: "Recommendations",
}
FOUR_GRADES = SCALES["requires-improvement"]


def grade_words(grade: str | None) -> str:
    """The words for one of the four grades the national picture counts."""
    return FOUR_GRADES.label(grade) if grade else NO_GRADE


def authority(urn: str) -> LocalAuthority | None:
    return LocalAuthority.objects.filter(urn=urn).first()


def history(la: LocalAuthority) -> list[Inspection]:
    """Every inspection of the LA, newest first, with its judgements and findings."""
    found = la.inspections.select_related("la").prefetch_related("judgements", "findings")
    return sorted(found, key=_when, reverse=True)


def _when(inspection: Inspection) -> date:
    return inspection.known_on or inspection.started or date.min


def standing_inspection(inspections: Iterable[Inspection], on: date) -> Inspection | None:
    """The inspection that sets the LA's grades on the day: its latest graded one known then."""
    by_pk = {inspection.pk: inspection for inspection in inspections}
    outcomes = [o for o in map(outcome_of, by_pk.values()) if o is not None]
    held = standing(sorted(outcomes, key=lambda o: o.known_on), on)
    return by_pk[held.ref] if held is not None else None  # type: ignore[index]


def findings_by_kind(inspection: Inspection) -> list[tuple[str, list[str]]]:
    """Its findings under each kind's words, in the order strengths, improvements, priorities."""
    found = list(inspection.findings.all())
    grouped = [
        (heading, [f.text for f in found if f.kind == kind])
        for kind, heading in FINDING_HEADINGS.items()
    ]
    return [(label, texts) for label, texts in grouped if texts]


@dataclass(frozen=True)
class Standing:
    """One LA's grade for each judgement of the national picture, and the inspection behind it."""

    la: LocalAuthority
    inspection: Outcome | None
    grades: list[str | None]


def neighbours_standing(la: LocalAuthority, on: date) -> list[Standing]:
    """The standing of the LA's statistical neighbours, in their rank order."""
    try:
        codes = [area.code for area in published.neighbours(la.code)] if la.code else []
    except published.UnknownArea:
        return []
    las = {n.code: n for n in LocalAuthority.objects.filter(code__in=codes)}
    inspections = Inspection.objects.filter(la__in=las.values()).select_related("la")
    by_la: dict[str, list[Outcome]] = {}
    for outcome in map(outcome_of, inspections.prefetch_related("judgements")):
        if outcome is not None:
            by_la.setdefault(outcome.la, []).append(outcome)
    rows = []
    for code in codes:
        if code in las:
            held = standing(sorted(by_la.get(las[code].urn, []), key=lambda o: o.known_on), on)
            grades = [grade_for(held, judgement)[0] for judgement in JUDGEMENTS]
            rows.append(Standing(las[code], held, grades))
    return rows


def reasons_counted(shown: Picture) -> list[tuple[str, int]]:
    """Why LAs hold no grade, each reason with how many, commonest first."""
    return Counter(shown.reasons.values()).most_common()
