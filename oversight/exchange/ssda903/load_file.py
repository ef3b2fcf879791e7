"""A read SSDA903 return regrouped child by child, for the importer.

The reader gives one table per kind of file; the importer works one child at a time, so
``filed_children`` puts each child's rows of every table together, in the order the
children first appear (the header first). Every row keeps its file and line, so a record
made from it can say where it came from. A row with no child id cannot belong to anyone:
it stands alone, to be held back with its reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.spec import ID, TABLES, CollectionYear

Row = dict[str, Any]
# Dates that can only fall in the collection year of the return.
IN_YEAR = {"reviews": ("REVIEW",), "episodes": ("DEC",), "missing": ("MIS_START", "MIS_END")}


@dataclass
class FiledChild:
    """One child of the return: ``position`` counts from 0 in order of appearance."""

    position: int
    child_id: str | None
    rows: dict[str, list[Row]] = field(default_factory=dict)

    def table(self, name: str) -> list[Row]:
        return self.rows.get(name, [])

    @property
    def header(self) -> Row | None:
        found = self.table("header")
        return found[0] if found else None

    @property
    def first_row(self) -> Row:
        """The row that stands for the child: the header, else the first row there is."""
        return self.header or next(row for rows in self.rows.values() for row in rows)

    @property
    def born(self) -> date | None:
        return self.header["DOB"] if self.header else None


def filed_children(data: Return903) -> list[FiledChild]:
    """Every child of the return, with their rows of each table in file order."""
    children: dict[str, FiledChild] = {}
    alone: list[FiledChild] = []
    for name in TABLES:
        if name not in data.tables:
            continue
        for row in data.tables[name].sort("file", "line").to_dicts():
            child_id = row[ID]
            if child_id is None:
                alone.append(FiledChild(0, None, {name: [row]}))
                continue
            filed = children.setdefault(child_id, FiledChild(0, child_id))
            filed.rows.setdefault(name, []).append(row)
    everyone = [*children.values(), *alone]
    for position, filed in enumerate(everyone):
        filed.position = position
    return everyone


def year_of(data: Return903, default: CollectionYear) -> CollectionYear:
    """The collection year the return is for: the most common year of the dates that can
    only fall in it (reviews, ends of episodes, missing periods), else of the latest start
    of an episode, else ``default``. One mistyped date does not move the year."""
    years: Counter[int] = Counter()
    for name, columns in IN_YEAR.items():
        for column in columns:
            years.update(_start_years(data, name, column))
    if not years:
        years.update(_start_years(data, "episodes", "DECOM"))
        if not years:
            return default
        return _year(max(years))
    return _year(years.most_common(1)[0][0])


def _start_years(data: Return903, name: str, column: str) -> list[int]:
    """The first calendar year of the collection year of each date in the column."""
    if name not in data.tables:
        return []
    dates = data.tables[name].get_column(column).drop_nulls()
    return [day.year if day.month >= 4 else day.year - 1 for day in dates]


def _year(start: int) -> CollectionYear:
    return CollectionYear.from_label(f"{start}-{(start + 1) % 100:02d}")
