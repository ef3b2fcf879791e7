"""List 8 gives the current legal status and the day it began. Imported over records that
hold the child in care under an earlier status, a later start is recorded as a change of
legal status (in the same placement, or with the move to the latest placement begun that
day): the child is still looked after, the care plan runs on. What the rows say
otherwise, with no such start, is noted and the records kept as they are.

Written from the records, a new legal status in the same placement is no new placement:
the latest placement began when the child moved in, and counts once in the year.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from itertools import zip_longest

import pytest
from openpyxl import load_workbook

from oversight.casework import services
from oversight.casework.models import CareEpisode, Child, Deadline, Placement, Plan, PlanKind
from oversight.exchange.annex_a.load import Loaded, load
from oversight.exchange.annex_a.read import read_workbook
from oversight.exchange.annex_a.spec import annex_list
from oversight.exchange.annex_a.tests.journeys import child, exported
from oversight.exchange.importing import DIFFERENT
from oversight.web.uploads import open_workbook

pytestmark = pytest.mark.django_db

PLACED = date(2024, 3, 4)
ORDER = date(2024, 9, 2)  # a placement order granted


def in_care(sex: str = "2"):  # type: ignore[no-untyped-def]
    return services.start_care_episode(
        child("L8", sex=sex), started_on=PLACED, legal_status="C1", placement_type="U4",
        provider="PR1", long_term=True,
    )  # fmt: skip


def list_8(workbook: bytes) -> dict[str, object]:
    """The one row of list 8, by column key, as the workbook holds it."""
    annex = annex_list(8)
    sheet = load_workbook(io.BytesIO(workbook), read_only=True)[annex.sheet]
    [values] = list(sheet.iter_rows(min_row=2, values_only=True))
    # A row's trailing blank cells are not read: they are blanks.
    return dict(zip_longest((column.key for column in annex.columns), values))


def imported(workbook: bytes) -> Loaded:
    """The workbook imported over records holding the child in care under C1 alone."""
    Child.objects.all().delete()
    in_care()
    return load(read_workbook(open_workbook(io.BytesIO(workbook)), "annex-a.xlsx"))


def test_a_new_status_in_the_same_placement_is_written_with_the_day_the_child_moved_in():
    episode, placement, _plan = in_care()
    services.change_legal_status(episode, placement, on=ORDER, legal_status="E1")
    row = list_8(exported())
    assert (row["legal_status"], row["legal_status_start"]) == ("E1: Placement order",
                                                                _at(ORDER))  # fmt: skip
    assert row["placement_start"] == _at(PLACED)
    assert row["placements_12_months"] == 1


def test_it_is_imported_as_a_change_of_legal_status_and_the_care_plan_runs_on():
    episode, placement, _plan = in_care()
    services.change_legal_status(episode, placement, on=ORDER, legal_status="E1")
    workbook = exported()
    loaded = imported(workbook)
    episodes = CareEpisode.objects.order_by("started_on")
    assert list(episodes.values_list("legal_status", "reason_new_episode", "reason_ceased")) == [
        ("C1", "S", "X1"), ("E1", "L", ""),
    ]  # fmt: skip
    assert Placement.objects.get(ended_on__isnull=True).lived_in_since == PLACED
    assert Plan.objects.get(kind=PlanKind.CARE).end_on is None
    assert Deadline.objects.filter(rule="cla-first-review").count() == 1
    assert loaded.problems == [] and dict(loaded.notes.counts) == {}
    again = load(read_workbook(open_workbook(io.BytesIO(workbook)), "annex-a.xlsx"))
    assert dict(again.added) == {} and dict(again.notes.counts) == {}
    assert CareEpisode.objects.count() == 2


def test_a_new_status_begun_with_the_move_to_the_latest_placement_is_imported_as_b():
    episode, placement, _plan = in_care()
    services.change_legal_status_and_placement(
        episode, placement, on=ORDER, legal_status="E1", placement_type="A4", change_reason="CARPL"
    )
    imported(exported())
    latest = CareEpisode.objects.order_by("started_on").last()
    assert (latest.legal_status, latest.reason_new_episode) == ("E1", "B")
    assert Placement.objects.get(ended_on__isnull=True).placement_type == "A4"
    assert Plan.objects.get(kind=PlanKind.CARE).end_on is None


def test_what_the_rows_say_otherwise_with_no_later_start_is_noted_and_kept_as_held():
    in_care(sex="1")  # the workbook's child is a girl (2); the records' a boy
    workbook = exported()
    Child.objects.filter(la_child_id="L8").update(sex="2")
    CareEpisode.objects.update(legal_status="C2")  # as if the records held C2 from the start
    loaded = load(read_workbook(open_workbook(io.BytesIO(workbook)), "annex-a.xlsx"))
    assert CareEpisode.objects.get().legal_status == "C2"
    assert Child.objects.get().sex == "2"
    assert loaded.notes.counts[("Child's Legal Status", DIFFERENT)] == 1
    assert loaded.notes.counts[("Gender", DIFFERENT)] >= 1


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)  # as openpyxl reads a date cell
