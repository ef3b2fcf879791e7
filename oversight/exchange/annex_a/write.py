"""Write the Annex A workbook for an inspection date, from the records.

One sheet a list ("List 1" ... "List 11"), its header row as Ofsted's template names the
columns, one row a record, coded values as Ofsted's labels and dates as Excel dates.
A last sheet, "About", says the date, each list's window and row count, and why a list
or a column is empty. openpyxl's write-only mode streams the rows, so memory stays flat.

A workbook of children leaves the system: writing one is an export, and goes in the
access log with who asked, the date and the number of rows. A file is written whole
(under a temporary name, then renamed) and only once the export is logged.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from django.db.models import QuerySet
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from oversight.accounts.access_log import append
from oversight.accounts.models import User
from oversight.casework.models import Child
from oversight.exchange.annex_a import (
    lists_adopters,
    lists_adoption,
    lists_care,
    lists_front_door,
    lists_protection,
)
from oversight.exchange.annex_a.gather import Context, Row
from oversight.exchange.annex_a.spec import LISTS, AnnexList, Held, Type
from oversight.exchange.annex_a.values import VALUE_MAPS
from oversight.exchange.annex_a.windows import Rule

ABOUT = "About"
AS_AT_LABEL = "As at (inspection notification date)"
DATE_FORMAT = "dd/mm/yyyy"
EXPORT = "export"

BUILDERS: dict[int, Callable[[Context], list[Row]]] = {
    1: lists_front_door.contacts, 2: lists_front_door.early_help, 3: lists_front_door.referrals,
    4: lists_protection.assessments, 5: lists_protection.section_47,
    6: lists_care.children_in_need, 7: lists_protection.child_protection,
    8: lists_care.children_in_care, 9: lists_care.care_leavers, 10: lists_adoption.adoption,
    11: lists_adopters.adopters,
}  # fmt: skip


@dataclass
class Written:
    """What an export wrote: rows a list, the children on any list, and how long it took."""

    as_at: date
    rows: dict[int, int] = field(default_factory=dict)
    children: int = 0
    child_ids: list[int] = field(default_factory=list)  # the records of the children listed
    seconds: float = 0.0

    @property
    def empty_lists(self) -> list[AnnexList]:
        return [a for a in LISTS if not self.rows.get(a.number)]


def write_workbook(
    out: IO[bytes] | Path,
    as_at: date,
    *,
    by: User | None = None,
    scope: QuerySet[Child] | None = None,
    la_name: str = "",
    progress: Callable[[AnnexList], None] | None = None,
    address: str | None = None,
    adopters: bool | None = None,
) -> Written:
    """Write every list for ``as_at`` to ``out``; ``scope`` limits it to a user's children,
    and ``adopters`` says whether prospective adopters are listed (by default, only for the
    whole LA).

    The export is written to the access log with every child on a list (from ``address``,
    for a download)."""
    started = time.perf_counter()
    context = Context(as_at, scope, adopters)
    book = Workbook(write_only=True)
    written = Written(as_at)
    children: set[int] = set()
    for annex in LISTS:
        rows = sorted(BUILDERS[annex.number](context), key=_order(annex))
        _write_list(book, annex, rows)
        written.rows[annex.number] = len(rows)
        children |= {row["child"] for row in rows if "child" in row}
        if progress:
            progress(annex)
    written.children = len(children)
    written.child_ids = sorted(children)
    _write_about(book, written, la_name)
    _save_logged(book, out, by, written, address)
    written.seconds = time.perf_counter() - started
    return written


def _save_logged(
    book: Workbook, out: IO[bytes] | Path, by: User | None, written: Written, address: str | None
) -> None:
    """Save, and log the export; a file appears only whole, and only once it is logged."""
    if not isinstance(out, Path):
        book.save(out)
        _log_export(by, written, out, address)
        return
    partial = out.with_name(f"{out.name}.partial")
    try:
        book.save(partial)
        _log_export(by, written, out, address)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)


def _order(annex: AnnexList) -> Callable[[Row], tuple[Any, ...]]:
    """Rows by their list's first date after the child's, then by child."""
    dates = [c.key for c in annex.columns if c.type is Type.DATE and c.key != "date_of_birth"]
    key = dates[0] if dates else "child_id"
    return lambda row: (row.get(key) or date.min, str(row.get("child_id", "")))


def _write_list(book: Workbook, annex: AnnexList, rows: list[Row]) -> None:
    sheet = book.create_sheet(annex.sheet)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(annex.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(len(column.name), 10), 40)
    sheet.append([_bold(sheet, column.name) for column in annex.columns])
    cells = [_cell_maker(sheet, column) for column in annex.columns]
    for row in rows:
        values = [row.get(column.key) for column in annex.columns]
        sheet.append([make(value) for make, value in zip(cells, values, strict=True)])


def _bold(sheet: Any, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = Font(bold=True)
    return cell


def _cell_maker(sheet: Any, column: Any) -> Callable[[Any], Any]:
    """How a column's value goes into its cell: a label, an Excel date, or as it is."""
    if column.held is Held.NOT_HELD:
        return lambda value: None
    if column.type is Type.CHOICE:
        return VALUE_MAPS[column.choices].label
    if column.type is Type.DATE:
        return lambda value: _date_cell(sheet, value)
    return lambda value: value if value != "" else None


def _date_cell(sheet: Any, value: date | None) -> WriteOnlyCell | None:
    if value is None:
        return None
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = DATE_FORMAT
    return cell


def _write_about(book: Workbook, written: Written, la_name: str) -> None:
    sheet = book.create_sheet(ABOUT)
    sheet.column_dimensions["A"].width = 38
    sheet.column_dimensions["D"].width = 60
    sheet.append([_bold(sheet, "Annex A: child-level lists for an ILACS inspection")])
    sheet.append(["Local authority", la_name])
    sheet.append([AS_AT_LABEL, _date_cell(sheet, written.as_at)])
    sheet.append(["Produced", timezone.localtime().strftime("%d/%m/%Y %H:%M")])
    sheet.append([])
    sheet.append([_bold(sheet, h) for h in ("List", "Rows", "Window", "Who is on it",
                                            "Columns left blank")])  # fmt: skip
    for annex in LISTS:
        blank = "; ".join(c.name for c in annex.columns if c.held is Held.NOT_HELD)
        sheet.append([f"{annex.sheet}: {annex.title}", written.rows.get(annex.number, 0),
                      window_label(annex, written.as_at), _who(annex), blank])  # fmt: skip


def window_label(annex: AnnexList, as_at: date) -> str:
    if annex.rule is Rule.OPEN:
        return f"open on {as_at:%-d %B %Y}"
    window = Context(as_at).window(annex.months)
    return f"{annex.rule.value}: {window.label}"


def _who(annex: AnnexList) -> str:
    if not annex.written:
        return f"{annex.who} No rows: {annex.imports_into.removeprefix('nothing: ')}."
    return annex.who


def _log_export(
    by: User | None, written: Written, out: IO[bytes] | Path, address: str | None
) -> None:
    name = out.name if isinstance(out, Path) else getattr(out, "name", "a stream")
    rows = ", ".join(f"{n}:{count}" for n, count in written.rows.items())
    append(by, EXPORT, detail=f"Annex A as at {written.as_at} to {Path(str(name)).name}: "
           f"{written.children} children; rows by list {rows}", address=address,
           child_ids=written.child_ids)  # fmt: skip
