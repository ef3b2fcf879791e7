"""Computing every indicator in the background, and reading the stored values.

A refresh copies the records into a new snapshot file, computes each indicator for the
year to today with its breakdowns and for the year to each of the last month ends (the
trend), and stores the values in one transaction. Pages read the latest successful
refresh; the children behind a figure come from that refresh's own snapshot, so they
always match the figure shown. ``oversight worker`` refreshes whenever the records
have changed, every ``OVERSIGHT_REFRESH_SECONDS`` at most.
"""

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone

from oversight.performance.catalogue import BREAKDOWNS, Indicator, catalogue
from oversight.performance.changes import changes_so_far
from oversight.performance.engine import UnitRow, Value, compute, prepare, units
from oversight.performance.models import IndicatorValue, Refresh
from oversight.performance.periods import Period
from oversight.performance.population import child_population
from oversight.performance.snapshot import build_snapshot, open_snapshot

TREND_MONTHS = 24
KEEP_REFRESHES = 3


def snapshot_path(refresh: Refresh) -> Path:
    base = Path(settings.OVERSIGHT_SNAPSHOT)
    return base.with_name(f"{base.stem}-{refresh.pk}{base.suffix}")


def population_year(day: date) -> int:
    """The ONS mid-year estimate (30 June) in force on ``day``."""
    return day.year if day.month >= 7 else day.year - 1


def population_for(period: Period) -> int | None:
    found = child_population(population_year(period.end))
    return found[0] if found else None


Progress = Callable[[int, int], None]  # (indicators computed, indicators to compute)


def refresh(
    today: date | None = None, trend_months: int = TREND_MONTHS, progress: Progress | None = None
) -> Refresh:
    """Compute and store every indicator as at ``today``; the refresh, finished or failed."""
    started = time.perf_counter()
    run = Refresh.objects.create(
        started_at=timezone.now(),
        as_at=today or timezone.localdate(),
        covers_changes=changes_so_far(),
    )
    try:
        info = build_snapshot(snapshot_path(run))
        with open_snapshot(info.path) as db:
            values = _compute_all(prepare(db), Period.year_to(run.as_at), trend_months, progress)
        with transaction.atomic():
            IndicatorValue.objects.bulk_create(_rows(run, values), batch_size=2000)
            run.rows, run.finished_at = info.rows, timezone.now()
            run.seconds = time.perf_counter() - started
            run.save()
    except Exception as error:
        run.error = f"{type(error).__name__}: {error}"
        run.save(update_fields=["error"])
        raise
    _forget_old_refreshes()
    return run


Computed = list[tuple[Period, str, Value]]


def _compute_all(
    db: duckdb.DuckDBPyConnection, current: Period, trend_months: int, progress: Progress | None
) -> Computed:
    found: Computed = []
    periods = current.months(trend_months)
    populations = {period: population_for(period) for period in periods}
    indicators = list(catalogue().values())
    for done, indicator in enumerate(indicators):
        if progress is not None:
            progress(done, len(indicators))
        for period in periods:
            for value in compute(db, indicator, period, population=populations[period]):
                found.append((period, "", value))
        for by in indicator.breakdowns:
            values = compute(db, indicator, current, by=by, population=populations[current])
            found.extend((current, by, value) for value in values)
    return found


def _rows(run: Refresh, values: Computed) -> list[IndicatorValue]:
    labels: dict[str, dict[str, str]] = {
        by: group_labels(by, [v for _, b, v in values if b == by]) for by in BREAKDOWNS
    }
    return [
        IndicatorValue(
            refresh=run,
            indicator=v.indicator,
            period_start=period.start,
            period_end=period.end,
            breakdown=by,
            group=v.group,
            label=labels[by][v.group] if by else v.label,
            numerator=v.numerator,
            denominator=v.denominator,
            value=v.value,
        )  # fmt: skip
        for period, by, v in values
    ]


def group_labels(by: str | None, values: list[Value]) -> dict[str, str]:
    """Readable labels for the groups of a breakdown: workers' names, sexes in words."""
    if by == "worker":
        from oversight.accounts.models import User

        ids = {int(v.group) for v in values if v.group}
        names = {
            str(u.pk): u.get_full_name() or u.username for u in User.objects.filter(pk__in=ids)
        }
        return {v.group: names.get(v.group, "Not allocated") for v in values}
    if by == "sex":
        from oversight.codes import describe

        return {v.group: describe("sex", v.group) if v.group else "Not recorded" for v in values}
    return {v.group: v.label for v in values}


def _forget_old_refreshes() -> None:
    kept = list(Refresh.objects.filter(finished_at__isnull=False, error="")[:KEEP_REFRESHES])
    if not kept:
        return
    for old in Refresh.objects.filter(pk__lt=min(r.pk for r in kept)):
        snapshot_path(old).unlink(missing_ok=True)
        old.values.all().delete()


def old_snapshot_files() -> list[Path]:
    """Snapshot files of refreshes no longer kept (or of none at all), oldest first.

    A snapshot keeps dates of birth and ethnicity: once its refresh is no longer kept, or
    a child has been erased, its file must go too (``oversight retention``).
    """
    kept = {snapshot_path(r) for r in Refresh.objects.filter(error="")[:KEEP_REFRESHES]}
    base = Path(settings.OVERSIGHT_SNAPSHOT)
    found = base.parent.glob(f"{base.stem}-*{base.suffix}")
    old = [path for path in found if path.stem[len(base.stem) + 1 :].isdigit() and path not in kept]
    return sorted(old, key=lambda path: int(path.stem[len(base.stem) + 1 :]))


def latest_refresh() -> Refresh | None:
    return Refresh.objects.filter(finished_at__isnull=False, error="").first()


def is_behind(run: Refresh | None, today: date | None = None) -> bool:
    """Whether the records changed (or the day turned) since ``run`` was computed."""
    if run is None or run.as_at != (today or timezone.localdate()):
        return True
    return changes_so_far() > run.covers_changes


def stored(run: Refresh, indicator: str, breakdown: str = "") -> list[IndicatorValue]:
    """The stored values: the trend (oldest first) for the LA, or the current breakdown."""
    found = run.values.filter(indicator=indicator, breakdown=breakdown).order_by("period_end")
    return list(found)


def children_behind(
    run: Refresh, indicator: Indicator, by: str | None = None, group: str | None = None
) -> list[UnitRow]:
    """The units behind a stored figure for the year to the refresh's day, from its snapshot."""
    with open_snapshot(snapshot_path(run)) as db:
        return units(prepare(db), indicator, Period.year_to(run.as_at), by=by, group=group)


def refresh_if_behind() -> Refresh | None:
    """Refresh when the records changed or the day turned since the last refresh."""
    return refresh() if is_behind(latest_refresh()) else None


def keep_fresh(every_seconds: int, say: Callable[[str], None] = lambda _: None) -> None:
    """Refresh whenever behind, looking every ``every_seconds``, until the process ends.

    A failed refresh is reported and tried again at the next look, not fatal.
    """
    while True:
        try:
            run = refresh_if_behind()
            if run is not None:
                say(f"Indicators refreshed as at {run.as_at} in {run.seconds:.1f} s.")
        except Exception as error:  # noqa: BLE001 - the worker must outlive one bad refresh
            say(f"Indicator refresh failed: {type(error).__name__}: {error}")
        finally:
            close_old_connections()
        time.sleep(every_seconds)
