"""List 8's last health assessment and dental check: the latest of each in the child's
current period of care, done by the inspection date (31 March 2025); imported when the
records hold none of its kind that day, a day outside the period of care noted and the
rest of the row kept. Worked out by hand."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Child, HealthCheck, Review
from oversight.exchange.annex_a.gather import Context
from oversight.exchange.annex_a.tests.journeys import AS_AT, exported
from oversight.exchange.annex_a.tests.test_list_8_gives_the_permanence_plan import (
    imported,
    in_care,
)
from oversight.exchange.annex_a.write import BUILDERS

pytestmark = pytest.mark.django_db

ASSESSED, DENTIST = "health_assessment", "dental_check"


def checks() -> dict[str, tuple[date | None, date | None]]:
    return {row["child_id"]: (row[ASSESSED], row[DENTIST]) for row in BUILDERS[8](Context(AS_AT))}


def held() -> set[tuple[str, str, date]]:
    return set(HealthCheck.objects.values_list("child__la_child_id", "kind", "done_on"))


def test_the_latest_check_of_each_kind_done_by_the_date_is_given():
    plan = in_care("C1")
    for day in (date(2023, 6, 1), date(2024, 6, 3), date(2025, 4, 1)):
        services.record_health_check(plan, kind=ASSESSED, done_on=day)
    services.record_health_check(plan, kind=DENTIST, done_on=date(2024, 1, 15))
    later = in_care("C2")
    services.record_health_check(later, kind=DENTIST, done_on=date(2025, 4, 2))
    in_care("C3")
    assert checks() == {
        "C1": (date(2024, 6, 3), date(2024, 1, 15)),
        "C2": (None, None),
        "C3": (None, None),
    }


def test_a_check_of_an_earlier_period_of_care_is_not_this_ones():
    first = in_care("C4")
    services.record_health_check(first, kind=ASSESSED, done_on=date(2023, 8, 1))
    services.record_health_check(first, kind=DENTIST, done_on=date(2023, 9, 1))
    episode = first.child.care_episodes.get()
    services.end_care_episode(episode, episode.placements.get(), first,
                              ended_on=date(2023, 12, 1), reason_ceased="E41")  # fmt: skip
    _, _, now = services.start_care_episode(first.child, started_on=date(2024, 11, 4),
                                            legal_status="C2", placement_type="U6")  # fmt: skip
    services.record_health_check(now, kind=DENTIST, done_on=date(2025, 1, 20))
    assert checks() == {"C4": (None, date(2025, 1, 20))}


def test_the_dates_are_imported_once():
    plan = in_care("C5")
    services.record_health_check(plan, kind=ASSESSED, done_on=date(2024, 12, 2))
    services.record_health_check(plan, kind=DENTIST, done_on=date(2025, 2, 3))
    workbook = exported()
    HealthCheck.objects.all().delete()
    loaded = imported(workbook)
    assert held() == {("C5", ASSESSED, date(2024, 12, 2)), ("C5", DENTIST, date(2025, 2, 3))}
    assert (loaded.added["health assessment"], loaded.added["dental check"]) == (1, 1)
    assert set(HealthCheck.objects.values_list("origin", flat=True)) == {
        "annex-a annex-a.xlsx List 8 row 2"
    }
    again = imported(workbook)
    assert sum(again.added.values()) == 0 and again.notes.lines() == []
    assert HealthCheck.objects.count() == 2


def test_a_day_outside_the_period_of_care_is_noted_and_the_row_kept():
    plan = in_care("C6")
    services.record_health_check(plan, kind=ASSESSED, done_on=date(2024, 6, 3))
    services.record_health_check(plan, kind=DENTIST, done_on=date(2023, 9, 1))
    services.record_review(plan.child, kind="cla", held_on=date(2023, 11, 6), plan=plan)
    workbook = exported()
    # The records say care ended before the assessment the workbook gives.
    Child.objects.all().delete()
    ended = in_care("C6")
    episode = ended.child.care_episodes.get()
    services.end_care_episode(episode, episode.placements.get(), ended,
                              ended_on=date(2024, 1, 1), reason_ceased="E41")  # fmt: skip
    loaded = imported(workbook)
    assert loaded.problems == []
    assert held() == {("C6", DENTIST, date(2023, 9, 1))}
    assert Review.objects.filter(child__la_child_id="C6", held_on=date(2023, 11, 6)).exists()
    assert loaded.notes.lines() == [
        "Date of Last Health Assessment (1, e.g. child C6, List 8 row 2): the child was looked "
        "after from 02/05/2023 to 01/01/2024: a check recorded here is one done while the "
        "child was in care"
    ]
    again = imported(workbook)
    assert again.notes.lines() == loaded.notes.lines() and sum(again.added.values()) == 0
