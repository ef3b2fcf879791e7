"""The periods indicators are counted over.

Period indicators count what happened from ``start`` to ``end`` inclusive; as-at
indicators count what stood on ``end``. The usual period is the year to a date: the
twelve months ending on it, which on 31 March is exactly the DfE reporting year, and
on any other day is comparable with the published yearly figures.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from oversight.timescales import add_months


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"A period cannot start ({self.start}) after it ends ({self.end}).")

    @classmethod
    def year_to(cls, end: date) -> "Period":
        """The twelve months ending on ``end`` (1 April to 31 March for a DfE year)."""
        return cls(add_months(end, -12) + timedelta(days=1), end)

    @classmethod
    def reporting_year(cls, year: int) -> "Period":
        """The DfE collection year ending 31 March ``year``."""
        return cls(date(year - 1, 4, 1), date(year, 3, 31))

    @property
    def label(self) -> str:
        if self == Period.year_to(self.end):
            return f"year to {self.end:%-d %B %Y}"
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"

    def months(self, count: int) -> list["Period"]:
        """The year to each of the last ``count`` month ends up to ``end``, oldest first.

        The latest is the year to ``end`` itself, so a trend ends on today's figure.
        """
        ends = [self.end]
        month_end = self.end.replace(day=1) - timedelta(days=1)
        while len(ends) < count:
            ends.append(month_end)
            month_end = month_end.replace(day=1) - timedelta(days=1)
        return [Period.year_to(end) for end in reversed(ends)]
