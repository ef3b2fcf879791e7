"""A breakdown panel: one indicator by one breakdown, as a bar chart and its table.

The indicator page, the front-door page, the equality view and the team page all show
breakdowns the same way, through ``panel`` and ``web/performance/panel.html``.
"""

from dataclasses import dataclass

from oversight.performance.catalogue import Indicator
from oversight.performance.models import IndicatorValue, Refresh
from oversight.performance.refresh import stored
from oversight.web import charts
from oversight.web.indicators import Row, row

BREAKDOWN_NAMES = {
    "team": "Team", "worker": "Worker", "age": "Age band", "sex": "Sex",
    "ethnicity": "Ethnic group", "disability": "Disability",
}  # fmt: skip


@dataclass
class Panel:
    indicator: Indicator
    by: str
    groups: list[IndicatorValue]
    overall: float | None
    svg: str

    @property
    def by_name(self) -> str:
        return BREAKDOWN_NAMES[self.by]

    @property
    def caption(self) -> str:
        return f"{self.indicator.title} by {self.by_name.lower()}"


def panel(run: Refresh, indicator: Indicator, by: str, shown: Row | None = None) -> Panel:
    """The indicator by ``by``, with the LA's own figure and England's as markers.

    ``shown`` is the indicator's row when the caller has it already.
    """
    shown = shown or row(run, indicator)
    groups = sorted(stored(run, indicator.id, by), key=lambda v: v.label)
    markers = [("All", shown.value)] if shown.value is not None else []
    if shown.england and shown.england.value is not None:
        markers.append((f"England {shown.england.year}", shown.england.value))
    svg = charts.bar_chart(
        [(g.label, g.value) for g in groups],
        title=f"{indicator.title} by {BREAKDOWN_NAMES[by].lower()}",
        unit=indicator.unit.value,
        markers=markers,
    )
    return Panel(indicator, by, groups, shown.value, svg if groups else "")
