"""What a timescale rule is: an event that starts a clock, and how long the clock runs.

The rules themselves are data in ``catalogue``; a local authority's choices for the
local ones are applied by ``rules.LocalPolicy``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from oversight.timescales.calendar import (
    ENGLAND,
    WorkingDayCalendar,
    add_days,
    add_months,
    add_weeks,
)


class Unit(StrEnum):
    """What a rule's interval counts."""

    WORKING_DAYS = "working_days"
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    HOURS = "hours"


@dataclass(frozen=True)
class Rule:
    """One timescale: ``interval`` ``unit`` after the event named by ``starts_with``.

    ``basis`` names the law, guidance or local procedure the rule comes from; ``local``
    is True when a local authority may set its own interval.
    """

    id: str
    title: str
    starts_with: str
    interval: int
    unit: Unit
    basis: str
    local: bool = False

    def due(self, start: date, calendar: WorkingDayCalendar = ENGLAND) -> date:
        """The due date for a clock started on ``start``.

        For an HOURS rule a ``datetime`` start gives a ``datetime`` due moment, and a
        plain date start gives the day the hours run out (72 hours after a return on a
        Monday is the Thursday). Other units use the date part of a ``datetime``.
        Calendar units (days, weeks, months) are not moved off weekends or holidays.
        """
        if self.unit is Unit.HOURS:
            if isinstance(start, datetime):
                return start + timedelta(hours=self.interval)
            return add_days(start, math.ceil(self.interval / 24))
        if isinstance(start, datetime):
            start = start.date()
        if self.unit is Unit.WORKING_DAYS:
            return calendar.add_working_days(start, self.interval)
        if self.unit is Unit.DAYS:
            return add_days(start, self.interval)
        if self.unit is Unit.WEEKS:
            return add_weeks(start, self.interval)
        return add_months(start, self.interval)
