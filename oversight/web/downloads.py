"""The data behind a chart, offered as a CSV or an Excel file to download.

A ``Table`` holds what a chart shows: a title, column names, rows and notes (source, period,
definitions). The CSV is the tidy table alone, a header row and then the rows, so it loads
straight into any tool; the Excel file adds the title and notes below the table, for people.

Text that a spreadsheet could take for a formula (``=``, ``+``, ``-``, ``@``, a tab or a
carriage return first) is made harmless: quoted with an apostrophe in the CSV, stored as
plain text in Excel.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeAlias

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

#: What a cell may hold; a datetime is a date too.
Value: TypeAlias = str | int | float | date | None

CSV_TYPE = "text/csv; charset=utf-8"
EXCEL_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_SHEET_TITLE_LIMIT = 31
_WIDEST_COLUMN = 60
_BOLD = Font(bold=True)


@dataclass
class Table:
    """A table of data with its title and the notes a reader needs to trust it."""

    title: str
    columns: list[str]
    rows: list[list[Value]]
    notes: list[str] = field(default_factory=list)


def csv_response(table: Table, filename_stem: str) -> HttpResponse:
    """The table as a CSV attachment, with a byte order mark so Excel reads it as UTF-8."""
    response = HttpResponse(content_type=CSV_TYPE)
    response["Content-Disposition"] = _attachment(filename_stem, "csv")
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_csv_text(column) for column in table.columns])
    writer.writerows([_csv_text(value) for value in row] for row in table.rows)
    return response


def excel_response(table: Table, filename_stem: str) -> HttpResponse:
    """The table as an Excel workbook: one sheet, bold frozen header, notes below."""
    buffer = io.BytesIO()
    _workbook(table).save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=EXCEL_TYPE)
    response["Content-Disposition"] = _attachment(filename_stem, "xlsx")
    return response


def safe_filename(stem: str, extension: str) -> str:
    """A file name of letters, digits, dots, dashes and underscores only, never hidden.

    "../../etc/passwd" becomes "etc-passwd.csv"; a name with nothing usable, "download.csv".
    """
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", stem)
    name = re.sub(r"\.{2,}", ".", name).strip(".-_")[:100].rstrip(".-_")
    return f"{name or 'download'}.{extension}"


def sheet_title(title: str) -> str:
    """The title as Excel allows a sheet name: 31 characters at most, none of ``\\/?*[]:``."""
    name = re.sub(r"[\\/?*\[\]:]", "-", ILLEGAL_CHARACTERS_RE.sub("", title))
    name = name.strip().strip("'")[:_SHEET_TITLE_LIMIT].strip().strip("'")
    if not name or name.lower() == "history":  # Excel reserves "History"
        return "Data"
    return name


def neutralised(text: str) -> str:
    """The text with an apostrophe first if a spreadsheet could run it as a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


# CSV


def _csv_text(value: Value) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return neutralised(value)
    return str(value)


def _attachment(stem: str, extension: str) -> str:
    return f'attachment; filename="{safe_filename(stem, extension)}"'


# Excel


def _workbook(table: Table) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook always has one worksheet
    sheet.title = sheet_title(table.title)
    workbook.properties.title = _plain(table.title)
    _write_header(sheet, table.columns)
    for row_number, row in enumerate(table.rows, start=2):
        for column_number, value in enumerate(row, start=1):
            _write(sheet.cell(row=row_number, column=column_number), value)
    _write_notes(sheet, table, first_row=len(table.rows) + 3)
    _fit_columns(sheet, table)
    sheet.freeze_panes = "A2"
    return workbook


def _write_header(sheet: Worksheet, columns: list[str]) -> None:
    for column_number, name in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=column_number)
        _write(cell, name)
        cell.font = _BOLD


def _write_notes(sheet: Worksheet, table: Table, *, first_row: int) -> None:
    """The full title in bold (a sheet name may have been cut short), then each note."""
    title = sheet.cell(row=first_row, column=1)
    _write(title, table.title)
    title.font = _BOLD
    for offset, note in enumerate(table.notes, start=1):
        _write(sheet.cell(row=first_row + offset, column=1), note)


def _write(cell: Cell, value: Value) -> None:
    """Numbers as numbers, dates as dates, text always as text, never as a formula."""
    if isinstance(value, str):
        cell.value = _plain(value)
        cell.data_type = "s"  # openpyxl would store "=..." as a formula
        cell.quotePrefix = value.startswith(FORMULA_STARTS)  # stays text when edited
    elif isinstance(value, float) and not math.isfinite(value):
        cell.value = None
    else:
        cell.value = value
        if isinstance(value, datetime):
            cell.number_format = "d mmm yyyy hh:mm"
        elif isinstance(value, date):
            cell.number_format = "d mmm yyyy"


def _plain(text: str) -> str:
    """Text without the control characters an Excel file cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _fit_columns(sheet: Worksheet, table: Table) -> None:
    """Each column as wide as its longest entry (notes may run on to the right)."""
    for index, name in enumerate(table.columns):
        entries = [name, *(row[index] for row in table.rows if index < len(row))]
        widest = max(_shown_length(entry) for entry in entries)
        letter = get_column_letter(index + 1)
        sheet.column_dimensions[letter].width = min(widest + 2, _WIDEST_COLUMN)


def _shown_length(value: Value) -> int:
    if isinstance(value, datetime):
        return len("31 Dec 2025 23:59")
    if isinstance(value, date):
        return len("31 Dec 2025")
    return len(_csv_text(value))


def pdf_response(content: bytes, stem: str) -> HttpResponse:
    """A PDF as a download named after ``stem``."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{safe_filename(stem, "pdf")}"'
    return response
