"""The background refresh: stored values, the children behind them, and knowing when behind."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.performance.catalogue import catalogue, indicator
from oversight.performance.models import IndicatorValue, Refresh
from oversight.performance.population import set_child_population
from oversight.performance.refresh import (
    TREND_MONTHS,
    children_behind,
    is_behind,
    latest_refresh,
    refresh,
    snapshot_path,
    stored,
)
from oversight.performance.tests.conftest import child

TODAY = date(2026, 6, 1)


@pytest.fixture(autouse=True)
def snapshot_folder(settings, tmp_path):
    settings.OVERSIGHT_SNAPSHOT = tmp_path / "snapshot.duckdb"
    settings.OVERSIGHT_LA_CODE = ""


def contact(la_id: str, on: date, outcome: str, team, by):
    record = services.record_contact(child(la_id), received_on=on, source_code="1A", team=team)
    return services.decide_contact(record, outcome=outcome, decided_on=on, by=by)


@pytest.fixture
def front_door(team, other_team, manager):
    # Three contacts this year: two in one team became referrals, one elsewhere did not.
    contact("C1", date(2026, 1, 5), "referral", team, manager)
    contact("C2", date(2026, 2, 9), "referral", team, manager)
    contact("C3", date(2026, 3, 2), "nfa", other_team, manager)


def test_a_refresh_stores_a_trend_and_every_breakdown_of_every_indicator(front_door):
    run = refresh(TODAY)
    assert run.succeeded and run.rows["contact"] == 3
    trend = stored(run, "contact-conversion")
    assert len(trend) == TREND_MONTHS and trend[-1].period_end == TODAY
    assert trend[-2].period_end == date(2026, 5, 31), "then the year to each month end"
    assert (trend[-1].numerator, trend[-1].denominator) == (2, 3)
    by_team = {
        v.label: (v.numerator, v.denominator) for v in stored(run, "contact-conversion", "team")
    }
    assert by_team == {"Safeguarding 1": (2, 2), "Safeguarding 2": (0, 1)}
    stored_ids = set(IndicatorValue.objects.filter(refresh=run).values_list("indicator", flat=True))
    assert stored_ids == set(catalogue())


def test_the_children_behind_a_stored_figure_are_its_units(front_door, team):
    run = refresh(TODAY, trend_months=3)
    rows = children_behind(run, indicator("contact-conversion"))
    assert sorted(r.counted for r in rows) == [False, True, True]
    in_team = children_behind(run, indicator("contact-conversion"), "team", str(team.pk))
    assert len(in_team) == 2 and all(r.counted for r in in_team)


def test_a_recorded_change_puts_the_figures_behind(
    front_door, team, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        contact("C4", date(2026, 5, 1), "nfa", team, manager)
    run = refresh(TODAY, trend_months=3)
    assert not is_behind(run, TODAY)
    with django_capture_on_commit_callbacks(execute=True):
        contact("C5", date(2026, 5, 20), "nfa", team, manager)
    assert is_behind(run, TODAY)
    assert is_behind(run, date(2026, 6, 2)), "a new day changes every as-at figure"
    assert is_behind(None)


def test_rates_use_the_recorded_child_population(front_door):
    set_child_population(2025, 20_000, "test")
    run = refresh(TODAY, trend_months=3)
    latest = stored(run, "referrals-rate")[-1]
    assert (latest.numerator, latest.denominator, latest.value) == (2, 20_000, 1.0)


def test_without_a_population_rates_are_blank_not_zero(front_door):
    run = refresh(TODAY, trend_months=3)
    assert stored(run, "referrals-rate")[-1].value is None


def test_only_the_last_three_refreshes_keep_their_values_and_snapshots(front_door):
    runs = [refresh(TODAY, trend_months=3) for _ in range(4)]
    assert latest_refresh() == runs[-1]
    assert not snapshot_path(runs[0]).exists() and snapshot_path(runs[-1]).exists()
    assert not IndicatorValue.objects.filter(refresh=runs[0]).exists()
    assert IndicatorValue.objects.filter(refresh=runs[1]).exists()
    assert Refresh.objects.count() == 4, "the history of refreshes is kept"
