"""The summary of an inspection written for children and young people.

Generated from what is recorded: the grades in plain words, the strengths as "what is
working well", the areas for improvement, priority actions and recommendations as "what
needs to get better", and what happens next (from the grades, the priority actions and
the improvement plan's actions). Findings are quoted as recorded, so the page also lists,
for whoever writes them, the sentences long enough to be hard for a child to read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from oversight.inspection.models import Finding, FindingKind, Inspection

AREA_WORDS = {
    "overall": "Overall",
    "leaders": "How well the people in charge run services for children",
    "help-and-protection": "Helping and protecting children who may not be safe",
    "in-care": "Looking after children in care",
    "care-leavers": "Helping young people who are leaving care",
}
GRADE_WORDS = {
    "outstanding": "outstanding, the best it can be",
    "good": "good",
    "requires-improvement": "not good enough yet, and it needs to get better",
    "inadequate": "not good enough, and it must get better quickly",
}
LONG_SENTENCE = 20  # words: beyond this a sentence is hard going for many children
NEEDS_BETTER = (FindingKind.PRIORITY, FindingKind.IMPROVEMENT, FindingKind.RECOMMENDATION)


@dataclass(frozen=True)
class Grade:
    area: str
    words: str


@dataclass(frozen=True)
class Planned:
    """An action the LA is taking, as the summary tells it: what, and by when."""

    title: str
    due: date | None


@dataclass
class ChildrensSummary:
    la_name: str
    inspected: date | None
    grades: list[Grade]
    working_well: list[str]
    to_get_better: list[str]
    next_steps: list[str]
    long_sentences: list[str] = field(default_factory=list)

    @property
    def when(self) -> str:
        return f"{self.inspected:%B %Y}" if self.inspected else "recently"


def childrens_summary(
    la_name: str, current: Sequence[Inspection], planned: Iterable[Planned] = ()
) -> ChildrensSummary | None:
    """The summary of the LA's current inspection findings; None when nothing is recorded."""
    if not current:
        return None
    latest = current[0]
    findings = [f for inspection in current for f in inspection.findings.all()]
    summary = ChildrensSummary(
        la_name=la_name,
        inspected=latest.ended or latest.started or latest.published,
        grades=_grades(latest),
        working_well=[f.text for f in findings if f.kind == FindingKind.STRENGTH],
        to_get_better=[f.text for kind in NEEDS_BETTER for f in findings if f.kind == kind],
        next_steps=_next_steps(latest, findings, list(planned)),
    )
    summary.long_sentences = long_sentences([*summary.working_well, *summary.to_get_better])
    return summary


def _grades(inspection: Inspection) -> list[Grade]:
    held = inspection.grades()
    return [
        Grade(AREA_WORDS[area], GRADE_WORDS[held[area]])
        for area in AREA_WORDS
        if held.get(area) in GRADE_WORDS
    ]


def _next_steps(latest: Inspection, findings: list[Finding], planned: list[Planned]) -> list[str]:
    steps = []
    if "inadequate" in latest.grades().values():
        steps.append(
            "Ofsted will come back every few months to check that things are getting "
            "better. These visits are called monitoring visits."
        )
    if any(f.kind == FindingKind.PRIORITY for f in findings):
        steps.append(
            "Ofsted asked the council to put some things right quickly. The council has "
            "to tell Ofsted how it will do this."
        )
    for action in planned:
        by = f" (by {action.due:%B %Y})" if action.due else ""
        steps.append(f"The council is doing this: {action.title.strip().rstrip('.')}{by}.")
    if not steps or "inadequate" not in latest.grades().values():
        steps.append("Ofsted usually inspects again within three years.")
    return steps


def long_sentences(texts: Iterable[str], limit: int = LONG_SENTENCE) -> list[str]:
    """The sentences of ``texts`` longer than ``limit`` words."""
    found = []
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
            if len(sentence.split()) > limit:
                found.append(sentence)
    return found
