"""What stops a child in a census file from being imported, found before anything is recorded.

A child is held back, with the reason (rule, field, value, line), when a value of theirs
could not be read (a ``format`` finding of the reader), when the file has another child
with the same LAchildID (8510), when a value the records need is missing, or when a code
is not one the DfE's code sets (and so the records) hold. Where the DfE has a rule for
the problem, its code is given; ``format``, ``required`` and ``code`` otherwise. Problems
the casework services find while recording are added by the importer (``records``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from typing import Any

from oversight.codes import is_valid
from oversight.exchange.cin_census.census import CENSUS_SEX_CODES
from oversight.exchange.cin_census.load_file import FiledChild, FiledEpisode, Row
from oversight.exchange.importing import Problem
from oversight.exchange.validation import Finding

# Fields the records cannot do without, with the DfE's rule for each where it has one.
REQUIRED = {
    "children": {"LAchildID": "8500", "Sex": "4180", "Ethnicity": "4220"},
    "episode": {"CINreferralDate": "8600", "ReferralSource": "8866", "ReferralNFA": "8568"},
    "assessment": {"AssessmentActualStartDate": "required"},
    "cin_plan": {"CINPlanStartDate": "4010"},
    "section47": {"S47ActualStartDate": "8615", "ICPCnotRequired": "required"},
    "cp_plan": {"CPPstartDate": "8720", "InitialCategoryOfAbuse": "8905",
                "LatestCategoryOfAbuse": "8910", "NumberOfPreviousCPP": "8730"},
    "review": {"CPPreviewDate": "8842Q"},
}  # fmt: skip
# Coded fields: the code set that holds their codes, and the DfE's rule for a bad code.
CODED = {
    "Ethnicity": ("ethnicity", "4220"),
    "Disability": ("disability", "8540"),
    "ReferralSource": ("referral_source", "8866"),
    "PrimaryNeedCode": ("primary_need", "8650"),
    "ReasonForClosure": ("reason_for_closure", "8640"),
    "InitialCategoryOfAbuse": ("category_of_abuse", "8905"),
    "LatestCategoryOfAbuse": ("category_of_abuse", "8910"),
    "AssessmentFactors": ("assessment_factors", "code"),
}


def problems_by_child(
    children: list[FiledChild], format_findings: list[Finding]
) -> dict[int, list[Problem]]:
    """Each child (by position in the file) that cannot be imported, with every reason."""
    found: dict[int, list[Problem]] = {}
    for position, problem in _all_problems(children, format_findings):
        found.setdefault(position, []).append(problem)
    return found


def _all_problems(
    children: list[FiledChild], format_findings: list[Finding]
) -> Iterator[tuple[int, Problem]]:
    yield from _unreadable(children, format_findings)
    yield from _duplicates(children)
    # A value the reader could not read is reported once, as unreadable, not also missing.
    unreadable = {(f.line, f.fields[0][0]) for f in format_findings if f.fields}
    for child in children:
        for problem in child_problems(child, unreadable):
            yield child.position, problem


def _unreadable(
    children: list[FiledChild], format_findings: list[Finding]
) -> Iterator[tuple[int, Problem]]:
    """The reader's findings inside a ``<Child>`` belong to it (found by line)."""
    starts = [child.line or 0 for child in children]
    for finding in format_findings:
        position = bisect_right(starts, finding.line or 0) - 1
        if finding.line is None or position < 0:
            continue  # the header: the importer does not need it
        name, value = finding.fields[0] if finding.fields else ("", "")
        yield (
            position,
            Problem(finding.child_id, finding.line, finding.rule, name, value, finding.message),
        )


def _duplicates(children: list[FiledChild]) -> Iterator[tuple[int, Problem]]:
    counts = Counter(child.la_child_id for child in children if child.la_child_id)
    for child in children:
        if child.la_child_id and counts[child.la_child_id] > 1:
            yield child.position, Problem(
                child.la_child_id, child.line, "8510", "LAchildID", child.la_child_id,
                "more than one child in the file has this LA child id: none of them is loaded",
            )  # fmt: skip


def child_problems(
    child: FiledChild, unreadable: set[tuple[int | None, str]] | None = None
) -> Iterator[Problem]:
    checks = _Checks(child.la_child_id, unreadable or set())
    checks.row(child.row, "children")
    born = [child.row.get(name) for name in ("PersonBirthDate", "ExpectedPersonBirthDate")]
    if born == [None, None] and (child.line, "PersonBirthDate") not in checks.unreadable:
        checks.missing(child.row, "PersonBirthDate", "8525Q", "(and no ExpectedPersonBirthDate)")
    sex = child.row.get("Sex")
    # Returns before 2024/25 gave sex as 1, 2, 0 or 9 (the codes the records keep).
    if sex is not None and sex not in CENSUS_SEX_CODES and not is_valid("sex", sex):
        checks.add(child.row, "4180", "Sex", sex, "is not M, F or U (nor 1, 2, 0 or 9)")
    for row in child.disabilities:
        checks.code(row, "Disability")
    for episode in child.episodes:
        _episode_problems(checks, episode)
    return iter(checks.found)


def _episode_problems(checks: _Checks, episode: FiledEpisode) -> None:
    row = episode.row
    checks.row(row, "episode")
    if row.get("CINclosureDate") is not None and row.get("ReasonForClosure") is None:
        checks.missing(row, "ReasonForClosure", "8805", "for the CIN closure date")
    if row.get("ReasonForClosure") is not None and row.get("CINclosureDate") is None:
        checks.missing(row, "CINclosureDate", "8810", "for the reason for closure")
    for assessment in episode.assessments:
        checks.row(assessment.row, "assessment")
        for factor in assessment.factors:
            checks.code(factor, "AssessmentFactors")
    for plan in episode.cin_plans:
        checks.row(plan, "cin_plan")
    for section47 in episode.section47s:
        checks.row(section47, "section47")
    for cp_plan in episode.cp_plans:
        checks.row(cp_plan.row, "cp_plan")
        for review in cp_plan.reviews:
            checks.row(review, "review")


class _Checks:
    """Collects one child's problems."""

    def __init__(self, child_id: str | None, unreadable: set[tuple[int | None, str]]) -> None:
        self.child_id = child_id
        self.unreadable = unreadable
        self.found: list[Problem] = []

    def add(self, row: Row, rule: str, name: str, value: Any, message: str) -> None:
        shown = "" if value is None else str(value)
        self.found.append(Problem(self.child_id, row.get("line"), rule, name, shown, message))

    def missing(self, row: Row, name: str, rule: str, why: str = "") -> None:
        self.add(row, rule, name, None, f"is missing{' ' + why if why else ''}")

    def row(self, row: Row, part: str) -> None:
        """Required fields present (an unreadable one is reported by the reader) and codes."""
        for name, rule in REQUIRED[part].items():
            if row.get(name) is None and (row.get("line"), name) not in self.unreadable:
                self.missing(row, name, rule)
        for name in CODED:
            if name in row:
                self.code(row, name)

    def code(self, row: Row, name: str) -> None:
        value = row.get(name)
        code_set, rule = CODED[name]
        if value is not None and not is_valid(code_set, value):
            self.add(row, rule, name, value, f"is not a DfE {code_set.replace('_', ' ')} code")
