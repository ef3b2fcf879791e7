"""List 2's assessment completion date completes the episode's early help assessment; one
before the episode began is a problem with that cell, and nothing is imported."""

from datetime import date

import pytest

from oversight.casework.models import EarlyHelpEpisode
from oversight.exchange.annex_a.load import ImportRefused, load
from oversight.exchange.annex_a.read import Reading
from oversight.exchange.annex_a.tests.journeys import one_sheet

pytestmark = pytest.mark.django_db
LIST_2 = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Assessment start date",
          "Assessment completion date", "Organisation completing assessment"]  # fmt: skip
BORN = date(2015, 1, 1)


def workbook(*rows: list[object]) -> Reading:
    return one_sheet("List 2", LIST_2, *rows, name="early-help.xlsx")


ASSESSED = ["E1", "b) Female", "a) WBRI", BORN, date(2024, 11, 4), date(2024, 12, 6), "North hub"]
NOT_YET = ["E2", "a) Male", "a) WBRI", BORN, date(2025, 3, 3), None, "South hub"]
BEFORE_START = ["E3", "a) Male", "a) WBRI", BORN, date(2025, 1, 6), date(2025, 1, 3), "North hub"]


def test_the_completion_date_completes_the_assessment_and_a_blank_leaves_it_open():
    load(workbook(ASSESSED, NOT_YET))
    completed = dict(
        EarlyHelpEpisode.objects.values_list("child__la_child_id", "assessment_completed_on")
    )
    assert completed == {"E1": date(2024, 12, 6), "E2": None}
    again = load(workbook(ASSESSED, NOT_YET))  # the same workbook again changes nothing
    assert (again.added["early help episode"], again.matched["early help episode"]) == (0, 2)
    assert EarlyHelpEpisode.objects.count() == 2


def test_a_completion_before_the_start_is_said_where_and_nothing_is_imported():
    with pytest.raises(ImportRefused) as refused:
        load(workbook(ASSESSED, BEFORE_START))
    [problem] = refused.value.loaded.problems
    assert (problem.sheet, problem.row, problem.column) == (
        "List 2", 3, "Assessment completion date",
    )  # fmt: skip
    assert "start of the episode" in str(problem)
    assert not EarlyHelpEpisode.objects.exists()


def test_a_completion_the_records_hold_otherwise_is_noted_and_kept():
    load(workbook(ASSESSED))
    later = [*ASSESSED[:5], date(2024, 12, 13), ASSESSED[6]]
    loaded = load(workbook(later))
    assert EarlyHelpEpisode.objects.get().assessment_completed_on == date(2024, 12, 6)
    [note] = loaded.notes.lines()
    assert note.startswith("Assessment completion date (1, e.g. child E1, List 2 row 2)")
