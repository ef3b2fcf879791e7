"""Published benchmarks: the DfE's figures for England, regions, LAs and their neighbours.

Every indicator with a published equivalent is compared with England, the LA's region and
its ten statistical neighbours. The figures are reference data in ``data/``, made by
``scripts/extract_published.py`` from the DfE's published statistics; ``data/SOURCES.md``
says which published measure each indicator id is matched to and how it differs.

Years are DfE collection years (2025 is the year to, or the day, 31 March 2025; for the
workforce, the 30 September 2025 census). A withheld figure has ``value`` None, never 0.
Only the standard library is used, and each file is read once.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from statistics import fmean

DATA_DIR = Path(__file__).with_name("data")
ENGLAND = "E92000001"


class UnknownArea(KeyError):
    """A code that is neither an area's GSS code nor an LA's 3-digit DfE number."""

    def __init__(self, code: object) -> None:
        super().__init__(
            f"No area has the code {code!r}. Use a 9-character GSS code (E92000001 for"
            " England, E12000001-E12000009 for the regions, E06/E08/E09/E10 for an LA) or an"
            " LA's 3-digit DfE number such as 330; published.areas() lists every valid code"
            " (oversight/performance/data/areas.csv)."
        )
        self.code = code

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0])


@dataclass(frozen=True)
class Area:
    code: str  # GSS code
    name: str
    level: str  # national | regional | la
    region_code: str  # the LA's region; "" for England and the regions
    region_name: str
    old_la_code: str  # the DfE's 3-digit LA number; "" for England and the regions


@dataclass(frozen=True)
class Figure:
    indicator: str
    year: int
    period: str  # e.g. "year to 31 March 2025", "at 31 March 2025", "at 30 September 2025"
    area: Area
    value: float | None  # as published: percentages 0-100, rates per 10,000; None if withheld
    numerator: float | None  # only where the publication gives it
    denominator: float | None
    source: str  # file and published measure


@dataclass
class Benchmarks:
    """An LA's latest published figure for one indicator beside those it is compared with.

    Each figure is the latest year with a value for its own area, so years may differ. The
    neighbour average is the plain mean of the neighbours whose latest figure is for the
    most recent year any of them has (``neighbour_average_year``); a neighbour whose figure
    for that year is withheld is left out rather than mixed in from an older year.
    """

    indicator: str
    la: Figure | None
    england: Figure | None
    region: Figure | None
    neighbours: list[Figure]  # in neighbour rank order; neighbours with no figure left out
    neighbour_average: float | None
    neighbour_average_year: int | None = None
    neighbours_in_average: int = 0


def areas() -> dict[str, Area]:
    """England, the nine regions and every current LA, by GSS code."""
    return dict(_areas())


def area(code: str | int) -> Area:
    """The area with this GSS code, or the LA with this 3-digit DfE number."""
    key = str(code).strip().upper()
    found = _areas().get(key) or _areas().get(_old_codes().get(key, ""))
    if found is None:
        raise UnknownArea(code)
    return found


def neighbours(code: str | int) -> list[Area]:
    """The LA's ten statistical neighbours in rank order (none for England or a region)."""
    return [_areas()[neighbour] for neighbour in _neighbours().get(area(code).code, ())]


def published_indicators() -> set[str]:
    return {indicator for indicator, _ in _figures()}


def figures(indicator: str, code: str | int) -> list[Figure]:
    """Every year's figure for the area, oldest first; empty if nothing is published."""
    return list(_figures().get((indicator, area(code).code), ()))


def latest(indicator: str, code: str | int) -> Figure | None:
    """The most recent figure with a value; withheld years are passed over."""
    published = [figure for figure in figures(indicator, code) if figure.value is not None]
    return published[-1] if published else None


def benchmarks(indicator: str, la_code: str | int) -> Benchmarks:
    la = area(la_code)
    if la.level != "la":
        raise ValueError(
            f"{la.name} ({la.code}) is not a local authority: benchmarks compare an LA with"
            " England, its region and its statistical neighbours."
        )
    ranked = [latest(indicator, neighbour.code) for neighbour in neighbours(la.code)]
    found = [figure for figure in ranked if figure is not None]
    year = max((figure.year for figure in found), default=None)
    shared = [figure.value for figure in found if figure.year == year and figure.value is not None]
    return Benchmarks(
        indicator=indicator,
        la=latest(indicator, la.code),
        england=latest(indicator, ENGLAND),
        region=latest(indicator, la.region_code),
        neighbours=found,
        neighbour_average=fmean(shared) if shared else None,
        neighbour_average_year=year,
        neighbours_in_average=len(shared),
    )


def child_population(code: str | int, year: int) -> int | None:
    """ONS mid-year (30 June) estimate of children aged 0-17, or None if not published.

    The DfE's rates for the year to 31 March Y use the estimate for mid-year Y-1.
    """
    return _population().get(area(code).code, {}).get(year)


def latest_child_population(code: str | int) -> tuple[int, int] | None:
    """The latest (year, children aged 0-17) published for the area."""
    by_year = _population().get(area(code).code)
    if not by_year:
        return None
    year = max(by_year)
    return year, by_year[year]


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def _number(text: str) -> float | None:
    return float(text) if text else None


@cache
def _areas() -> dict[str, Area]:
    return {row["code"]: Area(**row) for row in _rows("areas.csv")}


@cache
def _old_codes() -> dict[str, str]:
    return {found.old_la_code: code for code, found in _areas().items() if found.old_la_code}


@cache
def _neighbours() -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for row in sorted(_rows("neighbours.csv"), key=lambda row: int(row["rank"])):
        groups.setdefault(row["code"], []).append(row["neighbour_code"])
    return {code: tuple(group) for code, group in groups.items()}


@cache
def _figures() -> dict[tuple[str, str], tuple[Figure, ...]]:
    index: dict[tuple[str, str], list[Figure]] = {}
    for row in _rows("published.csv"):
        figure = Figure(
            indicator=row["indicator"],
            year=int(row["year"]),
            period=row["period"],
            area=_areas()[row["code"]],
            value=_number(row["value"]),
            numerator=_number(row["numerator"]),
            denominator=_number(row["denominator"]),
            source=row["source"],
        )
        index.setdefault((figure.indicator, figure.area.code), []).append(figure)
    return {
        key: tuple(sorted(found, key=lambda figure: figure.year)) for key, found in index.items()
    }


@cache
def _population() -> dict[str, dict[int, int]]:
    by_area: dict[str, dict[int, int]] = {}
    for row in _rows("population.csv"):
        by_area.setdefault(row["code"], {})[int(row["year"])] = int(row["children"])
    return by_area
