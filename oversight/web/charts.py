"""Charts drawn on the server as inline SVG, in the GOV.UK style: sparklines, trends and bars.

Each chart is drawn with matplotlib's object API (``Figure``, never pyplot, whose global
figure manager is not safe in a threaded web server) and comes back as an ``<svg>`` string
ready to put inside a page: a ``<title>`` names it for screen readers, text stays text, and
the same data always gives the same bytes, so a chart can be cached and compared in tests.

Values are formatted once, by ``format_value``, so a chart says "40.0%" exactly as the
table beside it does.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

from oversight.web.chart_svg import svg_of
from oversight.web.chart_text import keep_apart, text_width, widest, wrap

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

BLUE = "#1d70b8"
DARK_BLUE = "#003078"
TEXT = "#0b0c0c"
SECONDARY_TEXT = "#505a5f"
MID_GREY = "#b1b4b6"
GREEN = "#00703c"
RED = "#d4351c"
ORANGE = "#f47738"
PURPLE = "#4c2c92"

#: Benchmark and marker lines take these in turn; never the blue of the data itself.
REFERENCE_COLOURS = (TEXT, ORANGE, PURPLE, GREEN, RED)

FONT_FAMILY = ["GDS Transport", "Arial", "Helvetica", "sans-serif"]
# The browser picks from these fonts; matplotlib only measures text, with the font it has,
# and would otherwise warn for every family this machine lacks.
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
UNITS = ("percent", "rate", "count", "average")

LABEL_SIZE = 16
TICK_SIZE = 14
NO_DATA = "No data"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# One point is one pixel: the figure is drawn at 72 dots per inch, the SVG unit.
_DPI = 72
_STYLE: dict[RcKeyType, Any] = {
    "font.family": FONT_FAMILY,
    "font.size": LABEL_SIZE,
    "text.color": TEXT,
    "axes.edgecolor": TEXT,
    "axes.facecolor": "none",
    "figure.facecolor": "none",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "xtick.labelsize": TICK_SIZE,
    "ytick.labelsize": TICK_SIZE,
    "font.sans-serif": ["DejaVu Sans"],
    "lines.solid_capstyle": "round",
    "text.parse_math": False,  # a label's "$" is a dollar, not the start of an equation
    "svg.fonttype": "none",
    "svg.hashsalt": "oversight-charts",
}
# matplotlib's settings are process-wide, so one chart is drawn at a time.
_DRAWING = threading.Lock()
# White behind a printed value keeps it readable where a dashed reference line crosses it.
_BACKDROP: dict[str, Any] = {"boxstyle": "square,pad=0.1", "facecolor": "white", "linewidth": 0}


def format_value(value: float | None, unit: str) -> str:
    """ "40.0%", "548.5", "4,529" or "16.6" for a value in its unit; "—" when there is none.

    Halves round up, as people rounding by hand expect: 22.65% is "22.7%".
    """
    _check_unit(unit)
    if value is None or not math.isfinite(value):
        return "—"
    places = 0 if unit == "count" else 1
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{rounded:,.{places}f}" + ("%" if unit == "percent" else "")


def sparkline(
    values: Sequence[float | None], *, title: str, width_px: int = 120, height_px: int = 32
) -> str:
    """A small line of the values with the latest marked by a dot, with no axes."""
    series = _floats(values)
    with _drawing():
        if not _has_data(series):
            return _no_data(title, width_px, height_px, size=12)
        figure, axes = _figure(width_px, height_px, margins=(4, 4, 4, 4))
        axes.set_axis_off()
        _draw_line(axes, list(range(len(series))), series, linewidth=2, dot_size=2.5)
        _mark_latest(axes, list(range(len(series))), series, size=6)
        axes.set_xlim(0, max(len(series) - 1, 1))
        axes.set_ylim(*_spread_of(series))
        return svg_of(figure, title)


def trend_chart(
    points: Sequence[tuple[date, float | None]],
    *,
    title: str,
    unit: str,
    benchmarks: Sequence[tuple[str, float]] = (),
    width_px: int = 640,
    height_px: int = 280,
) -> str:
    """Monthly values as a line on a 0-based axis, each benchmark a labelled dashed line."""
    _check_unit(unit)
    ordered = sorted(points, key=lambda point: point[0])
    months = [month.toordinal() for month, _ in ordered]
    values = _floats(value for _, value in ordered)
    with _drawing():
        if not _has_data(values):
            return _no_data(title, width_px, 60)
        bottom, top = _value_range([*values, *(value for _, value in benchmarks)], unit)
        labels = _benchmark_labels(benchmarks, unit, max_px=width_px * 0.3)
        left = widest(_tick_texts(bottom, top, unit), TICK_SIZE) + 12
        right = max(widest(labels, TICK_SIZE) + 20, 40)
        figure, axes = _figure(width_px, height_px, margins=(left, right, 30, 32))
        _value_axis(axes, bottom, top, unit)
        _month_axis(axes, [month for month, _ in ordered], width_px - left - right)
        _draw_line(axes, months, values, linewidth=3, dot_size=3.5)
        _label_latest(axes, months, values, unit)
        _draw_benchmarks(axes, benchmarks, labels, height_px - 30 - 32)
        return svg_of(figure, title)


def bar_chart(
    bars: Sequence[tuple[str, float | None]],
    *,
    title: str,
    unit: str,
    markers: Sequence[tuple[str, float]] = (),
    highlight: str | None = None,
    width_px: int = 640,
) -> str:
    """Horizontal bars with their values at the end; markers are dashed lines in a legend."""
    _check_unit(unit)
    with _drawing():
        if not bars:
            return _no_data(title, width_px, 60)
        layout = _BarLayout.of(bars, highlight, len(markers), width_px)
        figure, axes = _figure(width_px, layout.height, margins=layout.margins)
        values = _floats(value for _, value in bars)
        _bar_axis(axes, layout.labels, layout.highlighted, layout.left)
        _draw_bars(axes, values, layout.highlighted, 24 / layout.pitch)
        axes.set_xlim(0, _bar_scale(values, markers, unit, width_px - layout.left - 8))
        _label_bars(axes, values, unit)
        _draw_markers(figure, axes, markers, unit, legend_top=layout.legend / layout.height)
        return svg_of(figure, title)


@dataclass(frozen=True)
class _BarLayout:
    """Where a bar chart's parts go, in pixels: the labels wrapped, one row per bar."""

    labels: list[str]
    highlighted: list[bool]
    left: float
    pitch: float
    legend: float
    height: int

    @classmethod
    def of(
        cls,
        bars: Sequence[tuple[str, float | None]],
        highlight: str | None,
        markers: int,
        width_px: int,
    ) -> _BarLayout:
        highlighted = [label == highlight for label, _ in bars]
        labels = [
            wrap(label, width_px * 0.4, LABEL_SIZE, bold=bold)
            for (label, _), bold in zip(bars, highlighted, strict=True)
        ]
        label_width = max(
            widest([label], LABEL_SIZE, bold=bold)
            for label, bold in zip(labels, highlighted, strict=True)
        )
        lines = max(label.count("\n") + 1 for label in labels)
        pitch = lines * LABEL_SIZE * 1.25 + 16
        legend = markers * 26 + 16 if markers else 0
        height = round(len(bars) * pitch + legend + 12)
        return cls(labels, highlighted, label_width + 20, pitch, legend, height)

    @property
    def margins(self) -> tuple[float, float, float, float]:
        return self.left, 8, 6, self.legend + 6


# Drawing


@contextmanager
def _drawing() -> Iterator[None]:
    with _DRAWING, matplotlib.rc_context(_STYLE):
        yield


def _figure(
    width_px: int, height_px: int, *, margins: tuple[float, float, float, float]
) -> tuple[Figure, Axes]:
    """A figure of the size in pixels, with one axes inside margins (left, right, top, bottom)."""
    figure = Figure(figsize=(width_px / _DPI, height_px / _DPI), dpi=_DPI)
    left, right, top, bottom = margins
    axes = figure.add_axes(
        (
            left / width_px,
            bottom / height_px,
            max(width_px - left - right, 1) / width_px,
            max(height_px - top - bottom, 1) / height_px,
        )
    )
    return figure, axes


def _no_data(title: str, width_px: int, height_px: int, *, size: int = LABEL_SIZE) -> str:
    figure = Figure(figsize=(width_px / _DPI, height_px / _DPI), dpi=_DPI)
    figure.text(0.5, 0.5, NO_DATA, ha="center", va="center", color=SECONDARY_TEXT, size=size)
    return svg_of(figure, title)


def _draw_line(
    axes: Axes, xs: list[int], values: list[float], *, linewidth: float, dot_size: float
) -> None:
    """The line, broken at gaps; a point with gaps either side still shows, as a dot."""
    axes.plot(xs, values, color=BLUE, linewidth=linewidth, clip_on=False)
    alone = [index for index in range(len(values)) if _stands_alone(values, index)]
    axes.plot(
        [xs[index] for index in alone],
        [values[index] for index in alone],
        linestyle="none",
        marker="o",
        markersize=dot_size * 2,
        color=BLUE,
        clip_on=False,
    )


def _mark_latest(axes: Axes, xs: list[int], values: list[float], *, size: float) -> None:
    latest = _latest_index(values)
    axes.plot(
        [xs[latest]], [values[latest]], marker="o", markersize=size, color=BLUE, clip_on=False
    )


def _label_latest(axes: Axes, xs: list[int], values: list[float], unit: str) -> None:
    """The latest value, printed beside its dot: below it when the line comes down to it."""
    latest = _latest_index(values)
    _mark_latest(axes, xs, values, size=9)
    earlier = [value for value in values[:latest] if not math.isnan(value)]
    falling = bool(earlier) and earlier[-1] > values[latest]
    axes.annotate(
        format_value(values[latest], unit),
        xy=(xs[latest], values[latest]),
        xytext=(0, -10 if falling else 10),
        textcoords="offset points",
        ha="right" if len(xs) > 1 else "center",
        va="top" if falling else "bottom",
        fontweight="bold",
        bbox=_BACKDROP,
        annotation_clip=False,
    )


def _draw_benchmarks(
    axes: Axes, benchmarks: Sequence[tuple[str, float]], labels: list[str], plot_height: float
) -> None:
    """Dashed lines across the chart, each labelled at its right end, labels kept apart."""
    bottom, top = axes.get_ylim()
    wanted = [(value - bottom) / (top - bottom) * plot_height for _, value in benchmarks]
    heights = [label.count("\n") + 1 for label in labels]
    placed = keep_apart(wanted, [lines * TICK_SIZE * 1.25 + 2 for lines in heights])
    for index, ((_, value), label) in enumerate(zip(benchmarks, labels, strict=True)):
        colour = REFERENCE_COLOURS[index % len(REFERENCE_COLOURS)]
        axes.axhline(value, color=colour, linewidth=2, linestyle=(0, (5, 3)), zorder=1.5)
        axes.annotate(
            label,
            xy=(1, value),
            xycoords=("axes fraction", "data"),
            xytext=(14, placed[index] - wanted[index]),
            textcoords="offset points",
            va="center",
            size=TICK_SIZE,
            annotation_clip=False,
            arrowprops={
                "arrowstyle": "-",
                "color": colour,
                "linewidth": 1.5,
                "relpos": (0, 0.5),
                "shrinkA": 2,
                "shrinkB": 0,
            },
        )


def _draw_bars(axes: Axes, values: list[float], highlighted: list[bool], thickness: float) -> None:
    for index, (value, is_highlight) in enumerate(zip(values, highlighted, strict=True)):
        if math.isnan(value):
            continue
        colour = DARK_BLUE if is_highlight else BLUE
        (bar,) = axes.barh(index, value, height=thickness, color=colour)
        bar.set_gid(f"bar-{index}")


def _label_bars(axes: Axes, values: list[float], unit: str) -> None:
    for index, value in enumerate(values):
        missing = math.isnan(value)
        axes.annotate(
            "no data" if missing else format_value(value, unit),
            xy=(0 if missing else max(value, 0), index),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            color=SECONDARY_TEXT if missing else TEXT,
            bbox=_BACKDROP,
            annotation_clip=False,
        )


def _draw_markers(
    figure: Figure,
    axes: Axes,
    markers: Sequence[tuple[str, float]],
    unit: str,
    *,
    legend_top: float,
) -> None:
    """Each marker a dashed line down the bars, named with its value in a legend below."""
    handles = []
    for index, (label, value) in enumerate(markers):
        colour = REFERENCE_COLOURS[index % len(REFERENCE_COLOURS)]
        axes.axvline(value, color=colour, linewidth=2, linestyle=(0, (5, 3)))
        name = f"{label} {format_value(value, unit)}"
        handles.append(Line2D([], [], color=colour, linewidth=2, linestyle=(0, (5, 3)), label=name))
    if handles:
        figure.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(0, legend_top),
            frameon=False,
            handlelength=2.5,
            borderaxespad=0.5,
        )


# Axes


def _value_axis(axes: Axes, bottom: float, top: float, unit: str) -> None:
    """A 0-based value axis with light horizontal grid lines and no spine of its own."""
    axes.set_ylim(bottom, top)
    axes.yaxis.set_major_locator(FixedLocator(_ticks(bottom, top)))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: _tick_text(value, unit)))
    axes.yaxis.grid(True, color=MID_GREY, linewidth=0.75)
    axes.set_axisbelow(True)
    axes.spines["left"].set_visible(False)
    axes.tick_params(axis="y", length=0, pad=8)


def _month_axis(axes: Axes, months: list[date], plot_width: float) -> None:
    """Months labelled "Mar 2025", as many as fit, always including the latest."""
    first, last = months[0].toordinal(), months[-1].toordinal()
    axes.set_xlim(first - 15, last + 15)
    step = math.ceil(len(months) / max(int(plot_width // 90), 1))
    shown = months[::-1][::step][::-1]
    axes.set_xticks([month.toordinal() for month in shown], [_month_text(m) for m in shown])
    axes.tick_params(axis="x", length=4, pad=6, color=TEXT)


def _bar_axis(axes: Axes, labels: list[str], highlighted: list[bool], left: float) -> None:
    """Labels left-aligned at the edge of the chart, the highlighted one in bold."""
    axes.set_ylim(len(labels) - 0.5, -0.5)
    axes.set_yticks(range(len(labels)), labels, size=LABEL_SIZE)
    for text, is_highlight in zip(axes.get_yticklabels(), highlighted, strict=True):
        text.set_horizontalalignment("left")
        text.set_fontweight("bold" if is_highlight else "normal")
    axes.tick_params(axis="y", length=0, pad=left - 8)
    axes.xaxis.set_visible(False)
    axes.spines["bottom"].set_visible(False)


def _value_range(values: Iterable[float | None], unit: str) -> tuple[float, float]:
    """From 0 (or below, for negative values) to a round number above the highest value.

    A percentage mostly above half is shown out of 100, so it reads as a share of the whole.
    """
    known = [value for value in _floats(values) if not math.isnan(value)]
    highest, lowest = max(known, default=0.0), min(known, default=0.0)
    bottom = 0.0 if lowest >= 0 else _ticks(lowest * 1.1, 0)[0]
    if unit == "percent" and highest > 50:
        return bottom, max(100.0, _ticks(0, highest)[-1])
    if highest <= 0:
        return bottom, 10.0 if unit == "percent" else 1.0
    return bottom, _ticks(0, highest * 1.08)[-1]


def _ticks(bottom: float, top: float) -> list[float]:
    locator = MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], min_n_ticks=3)
    return [float(tick) for tick in locator.tick_values(bottom, top)]


def _tick_texts(bottom: float, top: float, unit: str) -> list[str]:
    return [_tick_text(tick, unit) for tick in _ticks(bottom, top)]


def _tick_text(value: float, unit: str) -> str:
    """ "40%" on a percentage axis, "1,200" or "2.5" on any other."""
    number = f"{value:,.0f}" if value == round(value) else f"{value:,.2f}".rstrip("0")
    return f"{number}%" if unit == "percent" else number


def _bar_scale(
    values: list[float], markers: Sequence[tuple[str, float]], unit: str, plot_width: float
) -> float:
    """The value at the right edge, leaving room for the longest bar's printed value."""
    needed = max((value for _, value in markers), default=0.0) * 1.02
    for value in values:
        if math.isnan(value) or value <= 0:
            continue
        room = plot_width - 6 - text_width(format_value(value, unit), LABEL_SIZE) - 4
        needed = max(needed, value * plot_width / max(room, 1))
    return needed or 1.0


def _month_text(month: date) -> str:
    return f"{MONTHS[month.month - 1]} {month.year}"


def _benchmark_labels(
    benchmarks: Sequence[tuple[str, float]], unit: str, *, max_px: float
) -> list[str]:
    return [
        wrap(f"{label} {format_value(value, unit)}", max_px, TICK_SIZE)
        for label, value in benchmarks
    ]


def _floats(values: Iterable[float | None]) -> list[float]:
    """The values as floats, a gap (None) as NaN, which matplotlib leaves undrawn."""
    return [math.nan if value is None else float(value) for value in values]


def _has_data(values: list[float]) -> bool:
    return any(not math.isnan(value) for value in values)


def _latest_index(values: list[float]) -> int:
    return max(index for index, value in enumerate(values) if not math.isnan(value))


def _stands_alone(values: list[float], index: int) -> bool:
    def missing(at: int) -> bool:
        return at < 0 or at >= len(values) or math.isnan(values[at])

    return not missing(index) and missing(index - 1) and missing(index + 1)


def _spread_of(values: list[float]) -> tuple[float, float]:
    known = [value for value in values if not math.isnan(value)]
    low, high = min(known), max(known)
    return (low - 1, high + 1) if low == high else (low, high)


def _check_unit(unit: str) -> None:
    if unit not in UNITS:
        raise ValueError(f"Unknown unit {unit!r}: use one of {', '.join(UNITS)}.")
