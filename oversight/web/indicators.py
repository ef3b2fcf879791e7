"""What the performance pages show: stored values beside published benchmarks, and a RAG.

Values come from the latest refresh (``performance.refresh``); benchmarks from the
published figures for ``OVERSIGHT_LA_CODE``. The RAG compares this LA's live value
with England's latest published one, in the indicator's direction: green when as good
or better, amber when a little worse, red when clearly worse. Indicators that only
give context (rates, counts) get no RAG.
"""

from dataclasses import dataclass, field

from django.conf import settings

from oversight.performance import published
from oversight.performance.catalogue import Indicator, Polarity, Unit
from oversight.performance.models import IndicatorValue, Refresh
from oversight.performance.refresh import stored

# How much worse than England is still amber: points for percentages, a share otherwise.
AMBER_POINTS = 5.0
AMBER_SHARE = 0.10

RAG_TEXT = {"green": "As good as England or better", "amber": "A little worse than England",
            "red": "Worse than England"}  # fmt: skip


@dataclass(frozen=True)
class Comparison:
    label: str  # "England", "North West", "Statistical neighbours (average)", ...
    value: float | None
    year: int | None
    period: str = ""


@dataclass
class Row:
    """One indicator as a page shows it."""

    indicator: Indicator
    current: IndicatorValue | None
    trend: list[IndicatorValue]
    comparisons: list[Comparison] = field(default_factory=list)
    rag: str = ""  # green | amber | red | "" (no judgement)
    sparkline: str = ""  # SVG, for the dashboard

    @property
    def value(self) -> float | None:
        return self.current.value if self.current else None

    @property
    def rag_text(self) -> str:
        return RAG_TEXT.get(self.rag, "")

    @property
    def england(self) -> Comparison | None:
        return next((c for c in self.comparisons if c.label == "England"), None)


def row(run: Refresh, indicator: Indicator) -> Row:
    return _row(indicator, stored(run, indicator.id))


def rows(run: Refresh, indicators: list[Indicator]) -> list[Row]:
    """Each indicator as ``row`` gives it, their trends read in one query (the dashboard)."""
    trends: dict[str, list[IndicatorValue]] = {i.id: [] for i in indicators}
    for value in run.values.filter(breakdown="", indicator__in=trends).order_by("period_end"):
        trends[value.indicator].append(value)
    return [_row(i, trends[i.id]) for i in indicators]


def _row(indicator: Indicator, trend: list[IndicatorValue]) -> Row:
    found = Row(indicator, trend[-1] if trend else None, trend, comparisons_for(indicator))
    found.rag = rag(indicator, found.value, found.england.value if found.england else None)
    return found


def comparisons_for(indicator: Indicator) -> list[Comparison]:
    """This LA's last published figure, England, its region and its neighbours' average."""
    code = settings.OVERSIGHT_LA_CODE
    if indicator.id not in published.published_indicators():
        return []
    if not code:
        england = published.latest(indicator.id, "E92000001")
        return [_comparison("England", england)] if england else []
    b = published.benchmarks(indicator.id, code)
    found = [
        _comparison(f"{b.la.area.name} (published)", b.la) if b.la else None,
        _comparison("England", b.england) if b.england else None,
        _comparison(b.region.area.name, b.region) if b.region else None,
    ]
    if b.neighbour_average is not None:
        found.append(
            Comparison(
                f"Statistical neighbours (average of {b.neighbours_in_average})",
                b.neighbour_average,
                b.neighbour_average_year,
            )
        )
    return [c for c in found if c is not None]


def neighbour_figures(indicator: Indicator) -> list[Comparison]:
    """Each statistical neighbour's latest published figure, in rank order."""
    code = settings.OVERSIGHT_LA_CODE
    if not code or indicator.id not in published.published_indicators():
        return []
    return [
        _comparison(f.area.name, f) for f in published.benchmarks(indicator.id, code).neighbours
    ]


def _comparison(label: str, figure: published.Figure) -> Comparison:
    return Comparison(label, figure.value, figure.year, figure.period)


def rag(indicator: Indicator, value: float | None, england: float | None) -> str:
    if indicator.polarity is Polarity.NEUTRAL or value is None or england is None:
        return ""
    worse_by = england - value if indicator.polarity is Polarity.HIGHER else value - england
    if worse_by <= 0:
        return "green"
    allowed = AMBER_POINTS if indicator.unit is Unit.PERCENT else abs(england) * AMBER_SHARE
    return "amber" if worse_by <= allowed else "red"


@dataclass(frozen=True)
class TeamFigure:
    indicator: Indicator
    team: IndicatorValue | None
    la: IndicatorValue | None


def team_figures(run: Refresh, team_id: int) -> list[TeamFigure]:
    """Each headline indicator for one team beside the whole LA's, for the team page."""
    from oversight.performance.catalogue import catalogue

    chosen = [
        i for i in catalogue().values()
        if i.headline and "team" in i.breakdowns and i.unit is not Unit.RATE
    ]  # fmt: skip
    values = run.values.filter(indicator__in=[i.id for i in chosen], period_end=run.as_at)
    by_team = {v.indicator: v for v in values.filter(breakdown="team", group=str(team_id))}
    overall = {v.indicator: v for v in values.filter(breakdown="")}
    return [TeamFigure(i, by_team.get(i.id), overall.get(i.id)) for i in chosen]
