"""Whether something with a due date is on time, due soon, overdue or late.

These four words mean the same everywhere in Oversight (``DESIGN.md`` §3):

- **on time**: done on or before the due date, or not done and not yet due soon;
- **due soon**: not done, not yet past due, and due within a few working days;
- **overdue**: not done, and the due date has passed;
- **late**: done, but after the due date.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from oversight.timescales.calendar import ENGLAND, WorkingDayCalendar


class TimescaleStatus(StrEnum):
    """Where an event stands against its due date."""

    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    LATE = "late"

    @property
    def label(self) -> str:
        """The words to show a person."""
        return _LABELS[self]


_LABELS = {
    TimescaleStatus.ON_TIME: "On time",
    TimescaleStatus.DUE_SOON: "Due soon",
    TimescaleStatus.OVERDUE: "Overdue",
    TimescaleStatus.LATE: "Late",
}


def timescale_status(
    due: date,
    done: date | None,
    today: date,
    due_soon_working_days: int = 5,
    calendar: WorkingDayCalendar = ENGLAND,
) -> TimescaleStatus:
    """The status on ``today`` of an event due on ``due`` and done on ``done`` (or not yet)."""
    if done is not None:
        return TimescaleStatus.ON_TIME if done <= due else TimescaleStatus.LATE
    if today > due:
        return TimescaleStatus.OVERDUE
    if calendar.working_days_between(today, due) <= due_soon_working_days:
        return TimescaleStatus.DUE_SOON
    return TimescaleStatus.ON_TIME


def is_timely(due: date, done: date | None) -> bool | None:
    """Whether the event was done by its due date; None while it is not done."""
    return None if done is None else done <= due
