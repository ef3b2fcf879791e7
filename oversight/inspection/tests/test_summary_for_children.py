"""The summary for children and young people, generated from the recorded findings."""

from datetime import date

import pytest

from oversight.inspection.models import LocalAuthority
from oversight.inspection.national import current_inspections
from oversight.inspection.services import FindingText, InspectionFacts, record_inspection
from oversight.inspection.summary import Planned, childrens_summary, long_sentences

pytestmark = pytest.mark.django_db

GRADES = {
    "overall": "requires-improvement",
    "leaders": "good",
    "help-and-protection": "requires-improvement",
    "in-care": "good",
    "care-leavers": "inadequate",
}


@pytest.fixture
def la():
    return LocalAuthority.objects.create(urn="1", code="E06000038", name="Reading")


def inspect(la, started, kind="standard", judgements=None, findings=()):
    facts = InspectionFacts(
        kind=kind,
        started=started,
        ended=started,
        published=started.replace(month=started.month + 1),
        judgements=judgements,
        findings=tuple(FindingText(k, text) for k, text in findings),
        overall_reason="Leaders know their services well." if judgements else "",
    )
    return record_inspection(la, facts)


def test_the_summary_says_each_grade_in_plain_words_and_lists_what_works_and_what_must_change(la):
    inspect(la, date(2024, 3, 4), judgements=GRADES, findings=[
        ("strength", "Children see the same social worker."),
        ("priority-action", "Care leavers need somewhere safe to live."),
        ("recommendation", "Ask children what they think."),
    ])  # fmt: skip
    summary = childrens_summary("Reading", current_inspections(la, date(2024, 6, 1)))
    assert summary is not None and summary.when == "March 2024"
    assert [(g.area, g.words) for g in summary.grades][-1] == (
        "Helping young people who are leaving care",
        "not good enough, and it must get better quickly",
    )
    assert summary.working_well == ["Children see the same social worker."]
    # Priority actions come first, then areas for improvement, then recommendations.
    assert summary.to_get_better == [
        "Care leavers need somewhere safe to live.",
        "Ask children what they think.",
    ]


def test_what_happens_next_follows_the_grades_priority_actions_and_the_plan(la):
    inspect(la, date(2024, 3, 4), judgements=GRADES, findings=[
        ("priority-action", "Care leavers need somewhere safe to live."),
    ])  # fmt: skip
    planned = [Planned("Open a new home for care leavers", date(2025, 1, 31))]
    summary = childrens_summary("Reading", current_inspections(la, date(2024, 6, 1)), planned)
    assert summary.next_steps == [
        "Ofsted will come back every few months to check that things are getting better. "
        "These visits are called monitoring visits.",
        "Ofsted asked the council to put some things right quickly. The council has to tell "
        "Ofsted how it will do this.",
        "The council is doing this: Open a new home for care leavers (by January 2025).",
    ]


def test_a_later_visit_adds_its_findings_and_a_new_inspection_replaces_both(la):
    inspect(la, date(2021, 3, 1), judgements={"overall": "good", "leaders": "good"},
            findings=[("strength", "Old strength.")])  # fmt: skip
    inspect(la, date(2022, 3, 7), kind="focused-visit", findings=[("improvement", "Visit point.")])
    summary = childrens_summary("Reading", current_inspections(la, date(2022, 6, 1)))
    assert summary.working_well == ["Old strength."] and summary.to_get_better == ["Visit point."]
    assert summary.next_steps == ["Ofsted usually inspects again within three years."]
    inspect(la, date(2024, 3, 4), judgements=GRADES, findings=[("strength", "New strength.")])
    summary = childrens_summary("Reading", current_inspections(la, date(2024, 6, 1)))
    assert summary.working_well == ["New strength."] and summary.to_get_better == []


def test_no_inspection_recorded_gives_no_summary(la):
    assert childrens_summary("Reading", current_inspections(la, date(2024, 6, 1))) is None


def test_sentences_over_twenty_words_are_listed_for_the_writer():
    short = "Children see the same social worker."
    long = " ".join(["word"] * 21) + "."
    assert long_sentences([f"{short} {long}"]) == [long]
