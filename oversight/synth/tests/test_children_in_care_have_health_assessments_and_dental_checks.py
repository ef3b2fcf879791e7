"""Synthetic children in care have their health assessments and dental checks, each in a
period of care, about as up to date as England's (lait LACHealth% 90, LACDental% 81,
2025: health assessments up to date, teeth checked in the year)."""

from datetime import date

import pytest
from django.db.models import F, Q

from oversight.casework.models import Deadline, HealthCheck, Plan, YearOutcomes
from oversight.synth import rates

from .conftest import TODAY

pytestmark = pytest.mark.django_db
YEARS = [(date(year - 1, 4, 1), date(year, 3, 31)) for year in (2024, 2025, 2026)]


def test_most_health_assessments_are_done_by_their_day(small_la):
    due = Deadline.objects.filter(
        rule__startswith="health-assessment", due_on__gte=YEARS[0][0], due_on__lte=TODAY
    ).exclude(lapsed_on__lte=F("due_on"))
    assert due.count() >= 100
    on_time = due.filter(met_on__lte=F("due_on")).count() / due.count()
    assert abs(on_time - rates.CLA_HEALTH_ASSESSED) <= 0.06


def test_most_children_in_care_all_year_had_their_teeth_checked_in_it(small_la):
    years = checked = 0
    for start, end in YEARS:
        in_care = Plan.objects.filter(kind="care", start_on__lte=start).filter(
            Q(end_on__isnull=True) | Q(end_on__gte=end)
        )
        children = set(in_care.values_list("child_id", flat=True))
        dentist = HealthCheck.objects.filter(
            kind="dental_check", done_on__range=(start, end), child_id__in=children
        )
        years += len(children)
        checked += dentist.values("child_id").distinct().count()
    assert years >= 40
    assert abs(checked / years - rates.CLA_DENTAL_CHECKED) <= 0.12


def test_every_check_falls_in_a_period_of_care_and_every_initial_clock_is_answered(small_la):
    spans: dict[int, list[tuple]] = {}
    for plan in Plan.objects.filter(kind="care"):
        spans.setdefault(plan.child_id, []).append((plan.start_on, plan.end_on or TODAY))
    checks = HealthCheck.objects.all()
    assert checks.count() >= 100
    for check in checks:
        assert any(start <= check.done_on <= end for start, end in spans[check.child_id])
    initial = Deadline.objects.filter(rule="health-assessment-initial")
    assert initial.count() == Plan.objects.filter(kind="care").count()
    open_now = initial.filter(met_on__isnull=True, lapsed_on__isnull=True)
    assert all(d.started_on >= date(2026, 6, 1) for d in open_now)


def test_the_years_outcomes_say_what_the_checks_were(small_la):
    """A year's OC2 teeth check is a dental check in it; its health assessment is up to
    date when no assessment was overdue on any day of it."""
    outcomes = YearOutcomes.objects.all()
    assert outcomes.count() >= 30
    for year in outcomes:
        start, end = date(year.year_end.year - 1, 4, 1), year.year_end
        dentist = HealthCheck.objects.filter(
            child_id=year.child_id, kind="dental_check", done_on__range=(start, end)
        )
        assert year.teeth_check == dentist.exists()
        overdue = Deadline.objects.filter(
            child_id=year.child_id, rule__startswith="health-assessment", due_on__lt=end
        ).filter(Q(met_on__isnull=True) | Q(met_on__gt=F("due_on")))
        overdue = [d for d in overdue if (d.met_on or d.lapsed_on or TODAY) > start]
        assert year.health_assessment == (not overdue), (year.child_id, end, overdue)
    shares = [y.health_assessment for y in outcomes], [y.teeth_check for y in outcomes]
    assert abs(sum(shares[0]) / len(shares[0]) - rates.CLA_HEALTH_ASSESSED) <= 0.12
    assert abs(sum(shares[1]) / len(shares[1]) - rates.CLA_DENTAL_CHECKED) <= 0.12
