"""Foundations: the working-day calendar for England and the statutory timescale rules. No Django.

- ``calendar``: working days (weekends, England bank holidays, local closures) and
  calendar-month arithmetic;
- ``timescale``: what a rule is (``Rule``, ``Unit``) and how it gives a due date;
- ``catalogue``: the national and local rules as data;
- ``rules``: the rules as an authority's ``LocalPolicy`` applies them, and ``due_date``;
- ``status``: on time, due soon, overdue or late.
"""

from oversight.timescales.calendar import (
    ENGLAND,
    WorkingDayCalendar,
    add_days,
    add_months,
    add_weeks,
    add_working_days,
    is_working_day,
    next_working_day,
    working_days_between,
)
from oversight.timescales.rules import (
    DEFAULT_POLICY,
    LOCAL_RULES,
    NATIONAL_RULES,
    LocalPolicy,
    Rule,
    Unit,
    UnknownRule,
    due_date,
)
from oversight.timescales.status import TimescaleStatus, is_timely, timescale_status

__all__ = [
    "DEFAULT_POLICY",
    "ENGLAND",
    "LOCAL_RULES",
    "NATIONAL_RULES",
    "LocalPolicy",
    "Rule",
    "TimescaleStatus",
    "Unit",
    "UnknownRule",
    "WorkingDayCalendar",
    "add_days",
    "add_months",
    "add_weeks",
    "add_working_days",
    "due_date",
    "is_timely",
    "is_working_day",
    "next_working_day",
    "timescale_status",
    "working_days_between",
]
