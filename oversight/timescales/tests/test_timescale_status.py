"""On time, due soon, overdue and late: one meaning everywhere.

The examples use an event due on Friday 14 June 2024 unless they say otherwise.
"""

from datetime import date

import pytest

from oversight.timescales import LocalPolicy, TimescaleStatus, timescale_status
from oversight.timescales.status import is_timely

DUE = date(2024, 6, 14)


def test_done_on_the_due_date_is_on_time() -> None:
    assert timescale_status(DUE, date(2024, 6, 14), today=date(2024, 7, 1)) == "on_time"


def test_done_before_the_due_date_is_on_time() -> None:
    status = timescale_status(DUE, date(2024, 6, 3), today=date(2024, 6, 4))
    assert status is TimescaleStatus.ON_TIME


def test_done_after_the_due_date_is_late() -> None:
    status = timescale_status(DUE, date(2024, 6, 17), today=date(2024, 6, 17))
    assert status is TimescaleStatus.LATE


def test_not_done_the_day_after_the_due_date_is_overdue() -> None:
    assert timescale_status(DUE, None, today=date(2024, 6, 15)) is TimescaleStatus.OVERDUE


def test_not_done_on_the_due_date_is_due_soon() -> None:
    assert timescale_status(DUE, None, today=DUE) is TimescaleStatus.DUE_SOON


def test_five_working_days_before_the_due_date_is_due_soon() -> None:
    # After Fri 7 June: 10, 11, 12, 13, 14 June.
    assert timescale_status(DUE, None, today=date(2024, 6, 7)) is TimescaleStatus.DUE_SOON


def test_six_working_days_before_the_due_date_is_still_on_time() -> None:
    assert timescale_status(DUE, None, today=date(2024, 6, 6)) is TimescaleStatus.ON_TIME


def test_a_bank_holiday_brings_the_due_soon_warning_forward() -> None:
    # Due Fri 31 May 2024; from Thu 23 May: 24, (27 is a bank holiday) 28, 29, 30, 31.
    assert timescale_status(date(2024, 5, 31), None, today=date(2024, 5, 23)) == "due_soon"
    assert timescale_status(date(2024, 5, 31), None, today=date(2024, 5, 22)) == "on_time"


def test_the_due_soon_window_can_be_set() -> None:
    today = date(2024, 6, 7)
    assert timescale_status(DUE, None, today, due_soon_working_days=4) == "on_time"
    assert timescale_status(DUE, None, today, due_soon_working_days=0) == "on_time"
    assert timescale_status(DUE, None, DUE, due_soon_working_days=0) == "due_soon"


def test_local_closures_count_against_due_soon() -> None:
    calendar = LocalPolicy(extra_closures=(date(2024, 6, 10),)).calendar()
    today = date(2024, 6, 6)  # six working days before in England, five with the closure
    assert timescale_status(DUE, None, today, calendar=calendar) is TimescaleStatus.DUE_SOON


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (TimescaleStatus.ON_TIME, "On time"),
        (TimescaleStatus.DUE_SOON, "Due soon"),
        (TimescaleStatus.OVERDUE, "Overdue"),
        (TimescaleStatus.LATE, "Late"),
    ],
)
def test_each_status_has_a_label_for_people(status: TimescaleStatus, label: str) -> None:
    assert status.label == label


def test_timeliness_is_unknown_until_done() -> None:
    assert is_timely(DUE, None) is None
    assert is_timely(DUE, DUE) is True
    assert is_timely(DUE, date(2024, 6, 17)) is False
