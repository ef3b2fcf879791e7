"""What every journey is planned against: the LA's teams and practice, and the dates."""

from dataclasses import dataclass, field
from datetime import date

from oversight.synth.organisation import Layout
from oversight.synth.practice import GOOD_PRACTICE, Practice
from oversight.timescales import ENGLAND


@dataclass(frozen=True)
class World:
    today: date  # the last simulated day
    window_start: date  # the first day of the history the LA is shown
    layout: Layout
    practices: dict[str, Practice] = field(default_factory=dict)  # teams with a problem

    def practice(self, team: str) -> Practice:
        return self.practices.get(team, GOOD_PRACTICE)


def wd(day: date, n: int) -> date:
    """The n-th working day after ``day``; ``day`` itself (moved to a working day) for 0."""
    if n == 0:
        return ENGLAND.next_working_day(day)
    return ENGLAND.add_working_days(day, n)


def next_wd(day: date) -> date:
    return ENGLAND.next_working_day(day)


def wd_before(day: date, n: int) -> date:
    """The n-th working day before ``day``; the last working day on or before it for 0."""
    if n == 0:
        return day if ENGLAND.is_working_day(day) else ENGLAND.add_working_days(day, -1)
    return ENGLAND.add_working_days(day, -n)
