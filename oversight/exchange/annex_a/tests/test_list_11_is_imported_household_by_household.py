"""List 11 imported: each household with its people and steps, a household of one named
by its adopter; a household already held keeps what the records say and gains the steps
they lack; a household whose rows disagree is a problem on each of its rows."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import AdopterHousehold
from oversight.casework.services import AdopterDetails
from oversight.exchange.annex_a.load import Loaded, load
from oversight.exchange.annex_a.tests.journeys import one_sheet

pytestmark = pytest.mark.django_db
HEADER = ["Individual adopter identifier", "Family identifier", "Gender", "Ethnicity",
          "Disability", "Is the (prospective) adopter fostering for adoption?",
          "Date enquiry received", "Date Stage 1 started", "Date Stage 1 ended",
          "Date application approved", "Date of leaving adoption process",
          "Reason for leaving adoption process"]  # fmt: skip
ENQUIRY = date(2024, 2, 5)


def imported(*rows: list[object], quarantine: bool = False) -> Loaded:
    reading = one_sheet("List 11", HEADER, *rows, name="adopters.xlsx")
    return load(reading, quarantine=quarantine, as_at=date(2025, 3, 31))


def test_a_couple_and_a_single_adopter_are_recorded_with_their_steps():
    loaded = imported(
        ["A1", "F1", "a) Male", "WBRI", "No", "Yes", ENQUIRY, date(2024, 3, 4), date(2024, 5, 3),
         None, None, None],
        ["A2", "F1", "b) Female", "BCRB", "Yes", "Yes", ENQUIRY, date(2024, 3, 4),
         date(2024, 5, 3), None, None, None],
        ["A3", None, "Female", "WIRI", "No", "No", ENQUIRY, date(2024, 3, 4), None, None,
         date(2024, 4, 1), "2 - Process put on hold"],
    )  # fmt: skip
    assert loaded.problems == []
    assert (loaded.added["adopter household"], loaded.added["adopter"]) == (2, 3)
    single, couple = AdopterHousehold.objects.order_by("family_id")
    assert couple.family_id == "F1" and couple.fostering_for_adoption
    assert [(a.adopter_id, a.sex, a.ethnicity, a.disabled) for a in couple.adopters.all()] == [
        ("A1", "1", "WBRI", False),
        ("A2", "2", "BCRB", True),
    ]
    assert (couple.stage1_started_on, couple.stage1_ended_on) == (date(2024, 3, 4),
                                                                  date(2024, 5, 3))  # fmt: skip
    assert (single.family_id, single.left_on, single.left_reason) == ("A3", date(2024, 4, 1), "2")
    assert couple.origin == "annex-a adopters.xlsx List 11 row 2"


def test_a_household_held_gains_the_steps_it_lacks_and_keeps_its_own():
    held = services.record_adopter_enquiry(
        family_id="F1", enquiry_on=ENQUIRY, adopters=[AdopterDetails("A1", "Sam", "E", "1", "WBRI")]
    )
    services.record_adopter_steps(held, stage1_started_on=date(2024, 3, 1))
    loaded = imported(
        ["A1", "F1", "Male", "WBRI", "No", "No", ENQUIRY, date(2024, 3, 4), date(2024, 5, 3),
         None, None, None],
    )  # fmt: skip
    assert loaded.problems == [] and loaded.matched["adopter household"] == 1
    held.refresh_from_db()
    assert (held.stage1_started_on, held.stage1_ended_on) == (date(2024, 3, 1), date(2024, 5, 3))
    assert loaded.notes.lines() == [
        "Date Stage 1 started (1, e.g. List 11 row 2): differs from the records, which are "
        "kept as they are"
    ]


def test_rows_of_one_household_that_disagree_are_each_a_problem_and_nothing_is_recorded():
    loaded = imported(
        ["A1", "F1", "Male", "WBRI", "No", "No", ENQUIRY, None, None, None, None, None],
        ["A2", "F1", "Female", "WBRI", "No", "No", date(2024, 2, 6), None, None, None, None,
         None],
        ["A3", "F2", "Female", "WBRI", "No", "No", ENQUIRY, None, None, date(2024, 3, 1), None,
         None],
        quarantine=True,
    )  # fmt: skip
    said = sorted((p.row, p.column, p.message) for p in loaded.problems)
    assert said == [
        (2, "Date enquiry received", "row 3 gives the household (one family identifier) "
         "another value: correct one"),
        (3, "Family identifier", "not imported: this adopter's household has a problem, "
         "given with row 2"),
        (4, "Date application approved", "record when the application submitted before when "
         "the application approved"),
    ]  # fmt: skip
    assert not AdopterHousehold.objects.exists()
