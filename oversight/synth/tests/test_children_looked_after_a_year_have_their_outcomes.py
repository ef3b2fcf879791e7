"""Each synthetic child looked after 12 months at a 31 March has that year's outcomes
(the OC2 items), and only those children."""

from datetime import date

import pytest

from oversight.casework.models import YearOutcomes
from oversight.exchange.ssda903.care import in_oc2
from oversight.exchange.ssda903.gather import _Records
from oversight.exchange.ssda903.spec import CollectionYear
from oversight.synth.journey import Step
from oversight.synth.outcomes import twelve_month_years

pytestmark = pytest.mark.django_db


def test_the_years_are_those_from_1_april_to_after_31_march():
    steps = [
        Step(date(2021, 4, 1), "start_care", {"legal_status": "C2"}),  # a year by 31/3/2022
        Step(date(2023, 3, 31), "end_care", {}),  # not looked after on 31/3/2023
        Step(date(2023, 6, 1), "start_care", {"legal_status": "C1"}),
    ]
    assert twelve_month_years(steps, today=date(2025, 3, 31)) == [
        date(2022, 3, 31), date(2025, 3, 31),
    ]  # fmt: skip


def test_the_return_cohort_has_its_outcomes_recorded(small_la):
    year = CollectionYear.from_label("2025-26")
    held = set(YearOutcomes.objects.filter(year_end=year.end).values_list("child_id", flat=True))
    records = _Records.load(year, list(held | _in_care_in_the_year(year)))
    cohort = {child for child, episodes in records.episodes.items() if in_oc2(episodes, year)}
    assert len(cohort) >= 10
    assert held == cohort


def test_the_shares_are_plausible(small_la):
    outcomes = list(YearOutcomes.objects.values("sdq_score", "immunisations", "convicted"))
    scores = [o["sdq_score"] for o in outcomes if o["sdq_score"] is not None]
    assert all(0 <= s <= 40 for s in scores) and 10 < sum(scores) / len(scores) < 18
    immunised = sum(bool(o["immunisations"]) for o in outcomes) / len(outcomes)
    assert 0.8 < immunised < 0.95


def _in_care_in_the_year(year: CollectionYear) -> set[int]:
    from oversight.casework.models import CareEpisode

    found = CareEpisode.objects.filter(started_on__lte=year.start)
    return set(found.values_list("child_id", flat=True))
