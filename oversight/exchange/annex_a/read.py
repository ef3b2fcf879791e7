"""Read an Annex A workbook into typed rows, and say what is wrong where. No Django.

Sheets are found by name ("List 3", "List 3 - Referrals", "Referrals"), the header row
among the first rows of a sheet, and each column by its name as Ofsted's template gives
it or a variant LAs use. Only the columns that are imported are checked: a value that is
not of its column's kind (an unknown label, an unreadable date) is a problem with its
sheet, row, column and value and what to do, and so is a missing column the import
needs, a blank that must be given, or a child described two ways. The loader imports no
row with a problem.

The caller opens the workbook (checked for zip bombs, read only, cached values).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from oversight.exchange.annex_a.spec import LISTS, AnnexList, Column, Held, Type, annex_list
from oversight.exchange.annex_a.values import VALUE_MAPS, normalise

HEADER_ROWS = 10  # the header is among the first rows of a sheet
BLANKS = {"", "null", "n/a", "#n/a", "-"}
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y")
EXCEL_EPOCH = date(1899, 12, 30)
SHEET_WORDS = (
    (r"contact", 1), (r"early help", 2), (r"referral", 3), (r"assessment", 4),
    (r"section 47|s47", 5), (r"children in need|\bcin\b", 6), (r"child protection|\bcp\b", 7),
    (r"children in care|looked after|\bcla\b", 8), (r"care leaver|leaving care", 9),
    (r"adopters", 11), (r"adoption", 10),
)  # fmt: skip
# Dates in one row that cannot come before another (later, earlier).
IN_ORDER = {
    4: (("assessment_authorised", "assessment_start"),),
    5: (("icpc_date", "s47_start"),),
    6: (("cin_closed", "cin_start"),),
    7: (("cp_end", "cp_start"), ("cp_latest_review", "cp_start"), ("cp_last_visit", "cp_start")),
    8: (
        ("care_ceased", "care_start"),
        ("placement_start", "care_start"),
        ("cla_latest_review", "care_start"),
        ("cla_last_visit", "care_start"),
    ),
}
# Values that come in pairs: given one, give the other.
PAIRS = {
    6: (("cin_closed", "closure_reason"),),
    8: (("care_ceased", "ceased_reason"),),
    9: (("accommodation", "suitability"),),
}
CHILD_FACTS = ("gender", "ethnicity", "date_of_birth")


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        where = f"{self.sheet} row {self.row}" if self.row else self.sheet
        shown = f" = {self.value!r}" if self.value else ""
        return f"{where}, {self.column}{shown}: {self.message}"


@dataclass
class ListRow:
    """One row of a list: its typed values by column key (blanks left out)."""

    annex: AnnexList
    row: int
    values: dict[str, Any]

    @property
    def sheet(self) -> str:
        return self.annex.sheet

    def get(self, key: str) -> Any:
        return self.values.get(key)


@dataclass
class Reading:
    file: str
    as_at: date | None = None
    rows: dict[int, list[ListRow]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    sheets_not_read: list[str] = field(default_factory=list)
    _bad: tuple[int, set[tuple[str, int | None]]] = field(default=(-1, set()), repr=False)

    @property
    def row_count(self) -> int:
        return sum(len(rows) for rows in self.rows.values())

    def bad(self, row: ListRow) -> bool:
        """Whether the row, or its whole sheet (a missing column), has a problem."""
        if self._bad[0] != len(self.problems):  # worked out again when problems are added
            self._bad = (len(self.problems), {(p.sheet, p.row) for p in self.problems})
        found = self._bad[1]
        return (row.sheet, row.row) in found or (row.sheet, None) in found


def read_workbook(book: Any, file: str) -> Reading:
    """Every list sheet of an openpyxl workbook, typed and checked."""
    reading = Reading(file)
    for sheet in book.worksheets:
        number = list_number(sheet.title)
        if number is None:
            reading.as_at = reading.as_at or as_at_in(sheet)
            reading.sheets_not_read.append(sheet.title)
            continue
        reading.rows[number] = list(_read_list(sheet, annex_list(number), reading.problems))
    _check_children(reading)
    return reading


def list_number(title: str) -> int | None:
    text = normalise(title)
    if found := re.match(r"^list\s*0?(\d{1,2})\b", text):
        number = int(found.group(1))
        return number if 1 <= number <= len(LISTS) else None
    return next((n for words, n in SHEET_WORDS if re.search(words, text)), None)


def as_at_in(sheet: Any) -> date | None:
    """The date an "About" sheet gives, on a row starting "As at"."""
    for row in sheet.iter_rows(max_row=20, values_only=True):
        if row and isinstance(row[0], str) and normalise(row[0]).startswith("as at"):
            return read_date(row[1]) if len(row) > 1 else None
    return None


def _read_list(sheet: Any, annex: AnnexList, problems: list[Problem]) -> Iterator[ListRow]:
    rows = sheet.iter_rows(values_only=True)
    header_at, columns = _find_header(rows, annex)
    if not annex.imported:
        columns = {}  # counted, not read: nothing in it is imported
    needed = annex.columns if annex.imported else ()
    missing = [c for c in needed if c.required and c not in columns.values()]
    for column in missing:
        problems.append(Problem(annex.sheet, None, column.name, "", "the column is missing: add "
                                "it, named as Ofsted's template names it"))  # fmt: skip
    sheet_rows = sheet.iter_rows(min_row=header_at + 1, values_only=True)
    for number, cells in enumerate(sheet_rows, start=header_at + 1):
        if all(_blank(cell) for cell in cells):
            continue
        found = ListRow(annex, number, {})
        for index, column in columns.items():
            if index < len(cells):
                _read_cell(found, column, cells[index], problems)
        _check_row(found, [c for c in annex.columns if c in columns.values()], problems)
        yield found


def _find_header(
    rows: Iterator[tuple[Any, ...]], annex: AnnexList
) -> tuple[int, dict[int, Column]]:
    """The header row (1-based) and the imported column at each position in it."""
    best: tuple[int, dict[int, Column]] = (1, {})
    for number, cells in enumerate(rows, start=1):
        matched = _match_columns(cells, annex)
        if len(matched) > len(best[1]):
            best = (number, matched)
        if number >= HEADER_ROWS:
            break
    imported = {i: c for i, c in best[1].items() if c.held is Held.IMPORTED}
    return best[0], imported


def _match_columns(cells: tuple[Any, ...], annex: AnnexList) -> dict[int, Column]:
    matched: dict[int, Column] = {}
    for index, cell in enumerate(cells):
        column = match_column(cell, annex) if isinstance(cell, str) else None
        if column is not None and column not in matched.values():
            matched[index] = column
    return matched


def match_column(header: str, annex: AnnexList) -> Column | None:
    """The list's column a header names: its name, or a variant."""
    text = _plain(header)
    for column in annex.columns:
        if text == _plain(column.name):
            return column
    for column in annex.columns:
        if any(re.search(variant, text) for variant in column.variants):
            return column
    return None


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", normalise(text)).split())


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and normalise(value) in BLANKS)


def _read_cell(found: ListRow, column: Column, cell: object, problems: list[Problem]) -> None:
    if _blank(cell):
        if column.required:
            problems.append(_problem(found, column, "", f"give the {column.name}"))
        return
    try:
        found.values[column.key] = read_value(column, cell)
    except ValueError as error:
        problems.append(_problem(found, column, _shown(cell), str(error)))


def read_value(column: Column, cell: Any) -> Any:
    """A cell as its column's kind of value; ``ValueError`` saying what to write instead."""
    if column.type is Type.DATE:
        return read_date(cell, strict=True)
    if column.type is Type.INTEGER:
        if isinstance(cell, (int, float)) and float(cell).is_integer():
            return int(cell)
        raise ValueError("write a whole number")
    if column.type is Type.CHOICE:
        value_map = VALUE_MAPS[column.choices]
        if (code := value_map.read(cell)) is None:
            raise ValueError(f"not a value of this column: use one of {value_map.accepted}")
        return code
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def read_date(cell: Any, strict: bool = False) -> date | None:
    """A date from an Excel date, a day number, or text such as 16/09/2020 or 2020-09-16."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, (int, float)) and 10_000 <= cell <= 80_000:  # 1927 to 2119
        return EXCEL_EPOCH + timedelta(days=int(cell))
    if isinstance(cell, str):
        if cell.startswith("="):
            if strict:
                raise ValueError("a formula with no saved value: save the workbook in Excel, "
                                 "or paste the values, and import it again")  # fmt: skip
            return None
        for pattern in DATE_FORMATS:
            try:
                return datetime.strptime(cell.strip(), pattern).date()
            except ValueError:
                continue
    if strict:
        raise ValueError("not a date: write it as a date, for example 31/03/2025")
    return None


def _check_row(found: ListRow, present: list[Column], problems: list[Problem]) -> None:
    annex, values = found.annex, found.values
    named = {c.key: c for c in present}
    for later, earlier in IN_ORDER.get(annex.number, ()):
        if values.get(later) and values.get(earlier) and values[later] < values[earlier]:
            message = (f"is before the {annex.column(earlier).name} "
                       f"({values[earlier]:%d/%m/%Y}): check both dates")  # fmt: skip
            problems.append(_problem(found, annex.column(later), _shown(values[later]), message))
    for one, other in PAIRS.get(annex.number, ()):
        if one in named and other in named and (one in values) != (other in values):
            given, blank = (one, other) if one in values else (other, one)
            problems.append(_problem(found, annex.column(blank), "", f"give it with the "
                                     f"{annex.column(given).name}"))  # fmt: skip


def _check_children(reading: Reading) -> None:
    """A child is described one way: the first row that gives a fact sets it."""
    first: dict[tuple[str, str], tuple[ListRow, Any]] = {}
    for rows in reading.rows.values():
        for found in rows:
            child = found.get("child_id")
            for key in CHILD_FACTS:
                value = found.get(key)
                if child is None or value is None:
                    continue
                seen = first.setdefault((child, key), (found, value))
                if seen[1] != value:
                    reading.problems.append(_problem(
                        found, found.annex.column(key), _shown(value),
                        f"differs from {seen[0].sheet} row {seen[0].row} ({_shown(seen[1])}) "
                        "for this child: give the child one value"))  # fmt: skip


def _problem(found: ListRow, column: Column, value: str, message: str) -> Problem:
    return Problem(found.sheet, found.row, column.name, value, message)


def _shown(value: object) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)
