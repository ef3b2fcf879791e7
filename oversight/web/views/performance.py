"""Performance pages: the dashboard, one indicator, the children behind it, its data.

Figures are the stored values of the latest refresh; the children behind a figure come
from that refresh's own snapshot, filtered to the children the reader may see.
"""

from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from oversight.accounts.models import Team, User
from oversight.casework.access import visible_among
from oversight.casework.models import Child
from oversight.performance.catalogue import THEMES, Indicator, UnknownIndicator, catalogue
from oversight.performance.catalogue import indicator as find_indicator
from oversight.performance.engine import UnitRow
from oversight.performance.models import Refresh
from oversight.performance.refresh import children_behind, is_behind, latest_refresh, stored
from oversight.web import charts
from oversight.web.access_log import EXPORT, LIST_CHILDREN, log_access
from oversight.web.downloads import Table, csv_response, excel_response, pdf_response
from oversight.web.indicators import neighbour_figures, row
from oversight.web.indicators import rows as indicator_rows
from oversight.web.panels import BREAKDOWN_NAMES, panel
from oversight.web.pdf import dashboard_pdf, indicator_pdf, panels_pdf
from oversight.web.permissions import performance_required, reads_worker_figures
from oversight.web.pseudonyms import exports_names, pseudonymiser
from oversight.web.views.pages import today
from oversight.web.views.performance_workers import workers_page, workers_table

CHILDREN_PER_PAGE = 100


def _indicator(id: str) -> Indicator:
    try:
        return find_indicator(id)
    except UnknownIndicator:
        raise Http404("No such indicator") from None


def freshness(run: Refresh | None) -> dict[str, object]:
    return {
        "run": run,
        "behind": is_behind(run, today()),
        "refresh_minutes": max(1, settings.OVERSIGHT_REFRESH_SECONDS // 60),
    }


@lru_cache(maxsize=512)
def _sparkline(values: tuple[float | None, ...]) -> str:
    """Drawn once per process for each trend (a trend the last refresh left unchanged too)."""
    return charts.sparkline(list(values), title=f"Trend over {len(values)} months")


@performance_required
def dashboard(request: HttpRequest) -> HttpResponse:
    run = latest_refresh()
    rows = indicator_rows(run, list(catalogue().values())) if run else []
    if request.GET.get("format") == "pdf" and run is not None:
        return pdf_response(
            dashboard_pdf(run, list(catalogue().values())), f"performance-{run.as_at}"
        )
    for r in rows:
        r.sparkline = _sparkline(tuple(v.value for v in r.trend))
    context = {
        "title": "Performance",
        "headline": [r for r in rows if r.indicator.headline],
        "themes": [(t, [r for r in rows if r.indicator.theme == t]) for t in THEMES],
        **freshness(run),
    }
    return render(request, "web/performance/dashboard.html", context)


def _breakdowns(user: User, indicator: Indicator) -> list[tuple[str, str]]:
    allowed = [b for b in indicator.breakdowns if b != "worker" or reads_worker_figures(user)]
    return [(b, BREAKDOWN_NAMES[b]) for b in allowed]


def _chosen_breakdown(request: HttpRequest, options: list[tuple[str, str]]) -> str | None:
    wanted = request.GET.get("by") or (options[0][0] if options else None)
    if wanted is not None and wanted not in dict(options):
        raise Http404("No such breakdown")
    return wanted


@performance_required
def indicator_page(request: HttpRequest, id: str) -> HttpResponse:
    indicator = _indicator(id)
    run = latest_refresh()
    options = _breakdowns(request.user, indicator)  # type: ignore[arg-type]
    by = _chosen_breakdown(request, options)
    context: dict[str, object] = {
        "title": indicator.title,
        "indicator": indicator,
        "options": options,
        "by": by,
        "by_name": BREAKDOWN_NAMES.get(by or "", ""),
        **freshness(run),
    }
    if run is not None:
        context.update(_figures(run, indicator, by))
    return render(request, "web/performance/indicator.html", context)


def _figures(run: Refresh, indicator: Indicator, by: str | None) -> dict[str, object]:
    shown = row(run, indicator)
    unit = indicator.unit.value
    marks = [(f"{c.label} {c.year}", c.value) for c in shown.comparisons if c.value is not None]
    neighbours = neighbour_figures(indicator)
    live = f"{settings.OVERSIGHT_LA_NAME} now"
    compared = [(live, shown.value)] + [(c.label, c.value) for c in shown.comparisons]
    compared += [(c.label, c.value) for c in neighbours]
    return {
        "row": shown,
        "panel": panel(run, indicator, by, shown) if by else None,
        "neighbours": neighbours,
        "trend_svg": charts.trend_chart(
            [(v.period_end, v.value) for v in shown.trend],
            title=f"{indicator.title}: the year to each month end",
            unit=unit,
            benchmarks=marks[:3],
        ),
        "neighbours_svg": charts.bar_chart(
            compared,
            title=f"{indicator.title}: this LA and its comparators",
            unit=unit,
            highlight=live,
        )  # fmt: skip
        if len(compared) > 1
        else "",
    }


@performance_required
def indicator_children(request: HttpRequest, id: str) -> HttpResponse:
    indicator = _indicator(id)
    run = latest_refresh()
    if run is None:
        raise Http404("The indicators have not been computed yet")
    options = _breakdowns(request.user, indicator)  # type: ignore[arg-type]
    by = request.GET.get("by") or None
    if by is not None and by not in dict(options):
        raise Http404("No such breakdown")
    group = request.GET.get("group") if by else None
    units = children_behind(run, indicator, by, group)
    counted_only = {"yes": True, "no": False}.get(request.GET.get("counted", ""))
    if not indicator.counts_children:
        return workers_page(request, indicator, units, {
            "indicator": indicator, "group_label": _group_label(run, indicator, by, group),
            "counted_only": counted_only,
            "page_query": _query(by=by, group=group, counted=request.GET.get("counted")),
            "filter_query": _query(by=by, group=group), **freshness(run),
        })  # fmt: skip
    visible = visible_among(request.user, {u.child_id for u in units}, today())  # type: ignore[arg-type]
    shown = [u for u in units if u.child_id in visible]
    if counted_only is not None:
        shown = [u for u in shown if u.counted is counted_only]
    page = Paginator(shown, CHILDREN_PER_PAGE).get_page(request.GET.get("page"))
    log_access(
        request, LIST_CHILDREN, detail=f"children behind {indicator.id} {by or ''} {group or ''}",
        child_ids=[u.child_id for u in page],
    )  # fmt: skip
    context = {
        "title": f"Children behind: {indicator.title}",
        "units_word": "children",
        "indicator": indicator,
        "page": page,
        "hidden": len(units) - len(shown),
        "total": len(units),
        "counted": sum(u.counted for u in units),
        "children": _children_named(page.object_list),
        "group_label": _group_label(run, indicator, by, group),
        "elided": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "page_query": _query(by=by, group=group, counted=request.GET.get("counted")),
        "filter_query": _query(by=by, group=group),
        "counted_only": counted_only,
        "named_exports": exports_names(request.user),  # type: ignore[arg-type]
        **freshness(run),
    }
    return render(request, "web/performance/children.html", context)


@performance_required
def indicator_children_data(request: HttpRequest, id: str, fmt: str) -> HttpResponse:
    """The children behind a figure as CSV or Excel: named, or pseudonymised for analysts.

    Which readers get names is decided in ``oversight.web.pseudonyms``; the list holds only
    the children the reader may see, like the page.
    """
    indicator = _indicator(id)
    run = latest_refresh()
    if run is None or fmt not in FORMATS:
        raise Http404("No such download")
    by = request.GET.get("by") or None
    if by is not None and by not in dict(_breakdowns(request.user, indicator)):  # type: ignore[arg-type]
        raise Http404("No such breakdown")
    group = request.GET.get("group") if by else None
    units = children_behind(run, indicator, by, group)
    if not indicator.counts_children:
        table = workers_table(request, indicator, units)
        table.notes += _notes(run, indicator)
        return FORMATS[fmt](table, f"{indicator.id}-workers-{run.as_at}")
    visible = visible_among(request.user, {u.child_id for u in units}, today())  # type: ignore[arg-type]
    shown = [u for u in units if u.child_id in visible]
    named = exports_names(request.user)  # type: ignore[arg-type]
    data = _children_table(indicator, shown, named)
    data.notes += _notes(run, indicator)
    log_access(
        request,
        EXPORT,
        detail=f"children behind {indicator.id} {by or ''} {group or ''}: {len(shown)} rows, "
        + ("named" if named else "pseudonymised"),
        child_ids=[u.child_id for u in shown],
    )
    return FORMATS[fmt](data, f"{indicator.id}-children-{run.as_at}")


def _children_table(indicator: Indicator, shown: list[UnitRow], named: bool) -> Table:
    teams = dict(Team.objects.values_list("pk", "name"))
    facts = [[u.event, u.at, "yes" if u.counted else "no", teams.get(u.team_id, "")]
             for u in shown]  # fmt: skip
    columns = ["What was counted", "Date", "In the numerator", "Team"]
    title = f"Children behind: {indicator.title}"
    if named:
        children = Child.objects.in_bulk({u.child_id for u in shown})
        who = [children[u.child_id] for u in shown]
        rows = [[c.la_child_id, c.full_name, *f] for c, f in zip(who, facts, strict=True)]
        return Table(title, ["LA child id", "Name", *columns], rows, [])
    pseudonym = pseudonymiser()
    rows = [[pseudonym(u.child_id), *f] for u, f in zip(shown, facts, strict=True)]
    note = ("Children are pseudonymised: a pseudonym is the same on every row of this file, "
            "and different in every other download.")  # fmt: skip
    return Table(title, ["Pseudonym", *columns], rows, [note])


def _query(**given: str | None) -> str:
    """The given non-empty parameters as the start of a query string (ending in &)."""
    present = {k: v for k, v in given.items() if v}
    return urlencode(present) + "&" if present else ""


def _children_named(units: Iterable[UnitRow]) -> list[tuple[UnitRow, Child | None, str]]:
    """Each unit with its child's record and the name of the team it was placed with."""
    rows = list(units)
    children = Child.objects.in_bulk([u.child_id for u in rows])
    teams = dict(Team.objects.values_list("pk", "name"))
    return [(u, children.get(u.child_id), teams.get(u.team_id, "")) for u in rows]


def _group_label(run: Refresh, indicator: Indicator, by: str | None, group: str | None) -> str:
    if not by or group is None:
        return ""
    found = run.values.filter(indicator=indicator.id, breakdown=by, group=group).first()
    return f"{BREAKDOWN_NAMES[by]}: {found.label if found else group}"


@performance_required
def indicator_data(request: HttpRequest, id: str, table: str, fmt: str) -> HttpResponse:
    """The data behind one of the indicator page's charts, as CSV or Excel."""
    indicator = _indicator(id)
    run = latest_refresh()
    if run is None or table not in ("trend", "breakdown", "comparisons") or fmt not in FORMATS:
        raise Http404("No such download")
    if table == "breakdown":
        by = _chosen_breakdown(request, _breakdowns(request.user, indicator))  # type: ignore[arg-type]
        data = _breakdown_table(run, indicator, by)
    else:
        data = (
            _trend_table(run, indicator) if table == "trend" else _comparisons_table(run, indicator)
        )
    data.notes += _notes(run, indicator)
    return FORMATS[fmt](data, f"{indicator.id}-{table}-{run.as_at}")


FORMATS = {"csv": csv_response, "xlsx": excel_response}
VALUE_COLUMNS = ["Value", "Numerator", "Denominator"]


def _trend_table(run: Refresh, indicator: Indicator) -> Table:
    rows = [[v.period_start, v.period_end, v.value, v.numerator, v.denominator]
            for v in stored(run, indicator.id)]  # fmt: skip
    return Table(f"{indicator.title}: trend", ["From", "To", *VALUE_COLUMNS], rows, [])


def _breakdown_table(run: Refresh, indicator: Indicator, by: str | None) -> Table:
    values = sorted(stored(run, indicator.id, by or ""), key=lambda v: v.label)
    rows = [[v.label, v.value, v.numerator, v.denominator] for v in values]
    name = BREAKDOWN_NAMES.get(by or "", "Group")
    return Table(f"{indicator.title} by {name.lower()}", [name, *VALUE_COLUMNS], rows, [])


def _comparisons_table(run: Refresh, indicator: Indicator) -> Table:
    shown = row(run, indicator)
    rows: list[list[object]] = [[f"{settings.OVERSIGHT_LA_NAME} now", shown.value, "", "live"]]
    for c in shown.comparisons + neighbour_figures(indicator):
        rows.append([c.label, c.value, c.year, c.period])
    return Table(f"{indicator.title}: comparisons", ["Area", "Value", "Year", "Period"], rows, [])


def _notes(run: Refresh, indicator: Indicator) -> list[str]:
    return [
        f"{indicator.title} ({indicator.id}): {indicator.definition}",
        f"Source: {indicator.source}.",
        f"Computed by Oversight for the year to {run.as_at:%d %B %Y}.",
        "Published figures: DfE and ONS statistics, Crown copyright, Open Government Licence v3.0.",
    ]


EQUALITY = ("ethnicity", "sex", "disability", "age")
FRONT_DOOR = ("referral-decision-timely", "referral-consistency", "contact-conversion",
              "contacts-repeat-after-nfa")  # fmt: skip


@performance_required
def indicator_equality(request: HttpRequest, id: str) -> HttpResponse:
    """One indicator by ethnic group, sex, disability and age band, side by side."""
    indicator = _indicator(id)
    if not set(EQUALITY) <= set(indicator.breakdowns):
        raise Http404("This indicator has no breakdown by the children's characteristics")
    run = latest_refresh()
    panels = [panel(run, indicator, by) for by in EQUALITY] if run else []
    if request.GET.get("format") == "pdf" and run is not None:
        wanted = [(indicator, list(EQUALITY))]
        content = panels_pdf(run, f"Equality: {indicator.title}", wanted)
        return pdf_response(content, f"{indicator.id}-equality-{run.as_at}")
    context = {"title": f"Equality: {indicator.title}", "indicator": indicator,
               "panels": panels, **freshness(run)}  # fmt: skip
    return render(request, "web/performance/equality.html", context)


@performance_required
def front_door(request: HttpRequest) -> HttpResponse:
    """Front-door timeliness and consistency, by team and by the manager who decided."""
    run = latest_refresh()
    breakdowns = ["team"] + ["worker"] * reads_worker_figures(request.user)  # type: ignore[arg-type]
    sections = [
        (indicator, [panel(run, indicator, by) for by in breakdowns])
        for indicator in (find_indicator(id) for id in FRONT_DOOR)
    ] if run else []  # fmt: skip
    if request.GET.get("format") == "pdf" and run is not None:
        wanted = [(indicator, breakdowns) for indicator, _ in sections]
        return pdf_response(panels_pdf(run, "Front door", wanted), f"front-door-{run.as_at}")
    context = {"title": "Front door", "sections": sections, **freshness(run)}
    return render(request, "web/performance/front_door.html", context)


@performance_required
def indicator_report(request: HttpRequest, id: str) -> HttpResponse:
    """The indicator page as a PDF, with the breakdown chosen on the page."""
    indicator = _indicator(id)
    run = latest_refresh()
    if run is None:
        raise Http404("The indicators have not been computed yet")
    by = _chosen_breakdown(request, _breakdowns(request.user, indicator))  # type: ignore[arg-type]
    return pdf_response(indicator_pdf(run, indicator, by), f"{indicator.id}-{run.as_at}")
