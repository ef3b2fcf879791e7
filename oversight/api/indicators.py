"""The indicators over the REST API: the catalogue, values, breakdowns, and their children.

Values are those of the latest refresh, as on the pages; the children behind a figure
are limited to those the caller may see, and every such list is written to the access
log, as on the pages.
"""

from datetime import date, datetime

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from oversight.accounts.models import User
from oversight.casework.access import visible_among
from oversight.casework.models import Child
from oversight.performance.catalogue import Indicator, UnknownIndicator, catalogue
from oversight.performance.catalogue import indicator as find_indicator
from oversight.performance.models import IndicatorValue, Refresh
from oversight.performance.refresh import children_behind, latest_refresh, stored
from oversight.web.access_log import LIST_CHILDREN, log_access
from oversight.web.indicators import row
from oversight.web.permissions import reads_performance, reads_worker_figures

router = Router(tags=["indicators"])
MAX_UNITS = 1000  # units in one page of the children behind a figure


class Definition(Schema):
    id: str
    title: str
    theme: str
    definition: str
    source: str
    unit: str
    polarity: str
    numerator: str
    denominator: str
    period: str
    breakdowns: list[str]
    counts: str  # "children", or "workers" for the workforce's own indicators


class Figure(Schema):
    period_start: date
    period_end: date
    value: float | None
    numerator: int
    denominator: int | None


class Comparison(Schema):
    label: str
    value: float | None
    year: int | None
    period: str


class IndicatorOut(Schema):
    definition: Definition
    computed_at: datetime | None
    current: Figure | None
    rag: str
    comparisons: list[Comparison]
    trend: list[Figure]


class Group(Schema):
    group: str
    label: str
    value: float | None
    numerator: int
    denominator: int | None


class Breakdown(Schema):
    indicator: str
    by: str
    period_start: date
    period_end: date
    groups: list[Group]


class UnitOut(Schema):
    child_id: int
    la_child_id: str
    on: date
    event: str
    counted: bool
    team_id: int | None


class Children(Schema):
    indicator: str
    by: str | None
    group: str | None
    total: int
    counted: int
    not_shown: int  # units about children the caller may not see
    shown: int  # units the caller may see, in pages of ``limit``
    offset: int
    next_offset: int | None  # where the next page starts; None on the last page
    units: list[UnitOut]


def _reader(request: HttpRequest) -> User:
    user: User = request.user  # type: ignore[assignment]
    if not reads_performance(user):
        raise HttpError(403, "The indicators are for managers, QA officers and analysts")
    return user


def _indicator(id: str) -> Indicator:
    try:
        return find_indicator(id)
    except UnknownIndicator as error:
        raise HttpError(404, str(error)) from None


def _refresh() -> Refresh:
    run = latest_refresh()
    if run is None:
        raise HttpError(503, "The indicators have not been computed yet: try again shortly")
    return run


def _definition(i: Indicator) -> Definition:
    return Definition(
        id=i.id, title=i.title, theme=i.theme, definition=i.definition, source=i.source,
        unit=i.unit.value, polarity=i.polarity.value, numerator=i.numerator,
        denominator=i.denominator, period=i.period.value, breakdowns=list(i.breakdowns),
        counts=i.units.value,
    )  # fmt: skip


def _figure(v: IndicatorValue) -> Figure:
    return Figure(
        period_start=v.period_start, period_end=v.period_end, value=v.value,
        numerator=v.numerator, denominator=v.denominator,
    )  # fmt: skip


@router.get("/", response=list[Definition], summary="Every indicator's definition")
def list_indicators(request: HttpRequest) -> list[Definition]:
    _reader(request)
    return [_definition(i) for i in catalogue().values()]


@router.get("/{id}", response=IndicatorOut, summary="One indicator: value, trend, comparisons")
def get_indicator(request: HttpRequest, id: str) -> IndicatorOut:
    _reader(request)
    indicator, run = _indicator(id), _refresh()
    shown = row(run, indicator)
    return IndicatorOut(
        definition=_definition(indicator),
        computed_at=run.finished_at,
        current=_figure(shown.current) if shown.current else None,
        rag=shown.rag,
        comparisons=[Comparison(**c.__dict__) for c in shown.comparisons],
        trend=[_figure(v) for v in shown.trend],
    )


def _breakdown_allowed(user: User, indicator: Indicator, by: str) -> None:
    if by not in indicator.breakdowns:
        raise HttpError(404, f"{indicator.id} has no breakdown by {by!r}")
    if by == "worker" and not reads_worker_figures(user):
        raise HttpError(403, "Figures for named workers are for their managers and analysts")


@router.get("/{id}/breakdown", response=Breakdown, summary="One indicator by a breakdown")
def get_breakdown(request: HttpRequest, id: str, by: str) -> Breakdown:
    user, indicator, run = _reader(request), _indicator(id), _refresh()
    _breakdown_allowed(user, indicator, by)
    values = sorted(stored(run, indicator.id, by), key=lambda v: v.label)
    return Breakdown(
        indicator=indicator.id,
        by=by,
        period_start=values[0].period_start if values else run.as_at,
        period_end=run.as_at,
        groups=[Group(group=v.group, label=v.label, **_figure(v).dict(
            include={"value", "numerator", "denominator"})) for v in values],
    )  # fmt: skip


@router.get("/{id}/children", response=Children, summary="The children behind a figure")
def get_children(
    request: HttpRequest,
    id: str,
    by: str | None = None,
    group: str | None = None,
    offset: int = Query(0, ge=0),
    limit: int = Query(500, ge=1, le=MAX_UNITS),
) -> Children:
    """The units behind the figure the caller may see, ``limit`` at a time from ``offset``."""
    user, indicator, run = _reader(request), _indicator(id), _refresh()
    if not indicator.counts_children:
        raise HttpError(404, f"{indicator.id} counts workers, not children: no child is behind it")
    if by is not None:
        _breakdown_allowed(user, indicator, by)
    units = children_behind(run, indicator, by, group if by else None)
    ids = visible_among(user, {u.child_id for u in units}, run.as_at)
    shown = [u for u in units if u.child_id in ids]
    page = shown[offset : offset + limit]
    la_ids = dict(
        Child.objects.filter(pk__in={u.child_id for u in page}).values_list("pk", "la_child_id")
    )
    log_access(request, LIST_CHILDREN, detail=f"api: children behind {indicator.id} {by or ''}",
               child_ids=[u.child_id for u in page])  # fmt: skip
    return Children(
        indicator=indicator.id, by=by, group=group if by else None, total=len(units),
        counted=sum(u.counted for u in units), not_shown=len(units) - len(shown),
        shown=len(shown), offset=offset,
        next_offset=offset + limit if offset + limit < len(shown) else None,
        units=[UnitOut(child_id=u.child_id, la_child_id=la_ids[u.child_id], on=u.at,
                       event=u.event, counted=u.counted, team_id=u.team_id) for u in page],
    )  # fmt: skip
