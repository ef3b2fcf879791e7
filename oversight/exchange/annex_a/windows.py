"""Who is on a list: the look-back windows of Annex A, as dates. No Django.

Ofsted asks for what happened "in the six months before the inspection" (twelve for
adoption) and for children "at the point of inspection". A window of N months to the
inspection date runs from the day after the same date N months earlier to the date
itself, both included, as the DfE's year to 31 March runs from 1 April: six months to
31 March 2025 is 1 October 2024 to 31 March 2025.

A record with a span (an episode, a plan) is *open on* a day when it started on or
before it and had not ended before it: a plan that ends on the inspection date was
still open that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from oversight.timescales import add_months


class Rule(Enum):
    """How a list chooses its records, given the window of months before the date."""

    EVENT = "happened in the window"
    STARTED_OR_OPEN = "started in the window, or open on the date"
    OPEN_OR_ENDED = "open on the date, or ended in the window"
    OPEN = "open on the date"


@dataclass(frozen=True)
class Window:
    """The days from ``first`` to ``last``, both included."""

    first: date
    last: date

    @classmethod
    def months_to(cls, as_at: date, months: int) -> Window:
        return cls(add_months(as_at, -months) + timedelta(days=1), as_at)

    def holds(self, day: date | None) -> bool:
        return day is not None and self.first <= day <= self.last

    @property
    def label(self) -> str:
        return f"{self.first:%-d %B %Y} to {self.last:%-d %B %Y}"


def open_on(day: date, start: date | None, end: date | None) -> bool:
    """Started on or before ``day`` and not ended before it."""
    return start is not None and start <= day and (end is None or end >= day)


def chosen(rule: Rule, window: Window, start: date | None, end: date | None = None) -> bool:
    """Whether a record that started on ``start`` (and ended on ``end``) is on the list.

    For an event, ``start`` is its date and ``end`` is not used.
    """
    if rule is Rule.EVENT:
        return window.holds(start)
    if rule is Rule.STARTED_OR_OPEN:
        return window.holds(start) or open_on(window.last, start, end)
    if rule is Rule.OPEN_OR_ENDED:
        return open_on(window.last, start, end) or (
            start is not None and start <= window.last and window.holds(end)
        )
    return open_on(window.last, start, end)
