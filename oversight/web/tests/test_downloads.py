"""The data behind a chart downloads as CSV and Excel that read back as written, safely."""

import csv
import io
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from oversight.web.downloads import (
    EXCEL_TYPE,
    Table,
    csv_response,
    excel_response,
    safe_filename,
    sheet_title,
)

RE_REFERRALS = Table(
    title="Re-referrals within 12 months",
    columns=["Month", "Referrals", "Re-referrals", "Percent", "Comment"],
    rows=[
        [date(2025, 1, 1), 120, 27, 22.5, "Café closed, é kept"],
        [date(2025, 2, 1), 98, 20, 20.4, None],
        [date(2025, 3, 1), 0, 0, None, "No referrals"],
    ],
    notes=["Source: Oversight casework records.", "Period: January to March 2025."],
)
FORMULAS = ["=1+2", "+44 20 7946 0000", "-2+3", "@SUM(A1:A2)", "\tTabbed", "\rReturned"]
HOSTILE = Table(
    title="Names",
    columns=['=HYPERLINK("http://x")', "Value"],
    rows=[[text, 1] for text in FORMULAS],
)


def csv_rows(table: Table) -> list[list[str]]:
    content = csv_response(table, "data").content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content.removeprefix("\ufeff"))))


def workbook(table: Table):
    return load_workbook(io.BytesIO(excel_response(table, "data").content))


def test_the_csv_reads_back_as_a_header_and_the_rows():
    assert csv_rows(RE_REFERRALS) == [
        ["Month", "Referrals", "Re-referrals", "Percent", "Comment"],
        ["2025-01-01", "120", "27", "22.5", "Café closed, é kept"],
        ["2025-02-01", "98", "20", "20.4", ""],
        ["2025-03-01", "0", "0", "", "No referrals"],
    ]


def test_the_csv_is_an_attachment_that_excel_opens_as_utf8():
    response = csv_response(RE_REFERRALS, "re-referrals 2025")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="re-referrals-2025.csv"'
    assert response.content.startswith(b"\xef\xbb\xbfMonth,")


def test_the_excel_file_reads_back_with_numbers_dates_and_text_in_their_own_types():
    sheet = workbook(RE_REFERRALS).active
    assert [cell.value for cell in sheet[1]] == RE_REFERRALS.columns
    assert [cell.value for cell in sheet[2]] == [
        datetime(2025, 1, 1),
        120,
        27,
        22.5,
        "Café closed, é kept",
    ]
    assert [cell.data_type for cell in sheet[2]] == ["d", "n", "n", "n", "s"]
    assert sheet["A2"].number_format == "d mmm yyyy"
    assert sheet["D4"].value is None and sheet["E3"].value is None


def test_the_excel_file_has_a_bold_frozen_header_named_sheet_and_notes_below():
    response = excel_response(RE_REFERRALS, "re-referrals")
    assert response["Content-Type"] == EXCEL_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="re-referrals.xlsx"'
    sheet = workbook(RE_REFERRALS).active
    assert sheet.title == "Re-referrals within 12 months"
    assert all(cell.font.bold for cell in sheet[1]) and not sheet["A2"].font.bold
    assert sheet.freeze_panes == "A2"
    assert [sheet[f"A{row}"].value for row in (5, 6, 7, 8)] == [
        None,
        "Re-referrals within 12 months",
        "Source: Oversight casework records.",
        "Period: January to March 2025.",
    ]
    assert sheet["A6"].font.bold


def test_excel_columns_are_as_wide_as_their_longest_entry():
    sheet = workbook(RE_REFERRALS).active
    assert sheet.column_dimensions["A"].width == len("31 Dec 2025") + 2
    assert sheet.column_dimensions["B"].width == len("Referrals") + 2
    assert sheet.column_dimensions["E"].width == len("Café closed, é kept") + 2


def test_formula_like_text_in_the_csv_starts_with_an_apostrophe():
    rows = csv_rows(HOSTILE)
    assert rows[0] == ['\'=HYPERLINK("http://x")', "Value"]
    assert [row[0] for row in rows[1:]] == [f"'{text}" for text in FORMULAS]


def test_formula_like_text_in_excel_is_stored_as_plain_text_not_a_formula():
    content = excel_response(HOSTILE, "names").content
    sheet = load_workbook(io.BytesIO(content)).active
    # The text comes back exactly, carriage returns included (openpyxl writes them as
    # character references when lxml is installed).
    assert [sheet.cell(row=row, column=1).value for row in range(2, 8)] == FORMULAS
    assert all(sheet.cell(row=row, column=1).data_type == "s" for row in range(1, 8))
    assert sheet["A1"].value == '=HYPERLINK("http://x")'
    assert sheet["A2"].quotePrefix
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_a_number_is_a_number_even_when_it_is_negative():
    table = Table(title="Change", columns=["Change"], rows=[[-3], [-2.5]])
    assert csv_rows(table)[1:] == [["-3"], ["-2.5"]]
    assert [row[0].value for row in workbook(table).active.iter_rows(min_row=2, max_row=3)] == [
        -3,
        -2.5,
    ]


def test_control_characters_excel_cannot_hold_are_dropped_rather_than_failing():
    table = Table(title="Odd\x07", columns=["Text"], rows=[["bell\x07 here"]])
    sheet = workbook(table).active
    assert sheet["A2"].value == "bell here" and sheet.title == "Odd"


@pytest.mark.parametrize(
    ("stem", "name"),
    [
        ("../../etc/passwd", "etc-passwd.csv"),
        ("re-referrals_2025.v2", "re-referrals_2025.v2.csv"),
        ("Re-referrals: Mar 2025 (Ofsted)", "Re-referrals-Mar-2025-Ofsted.csv"),
        ('a"b\r\nContent-Type: text/html', "a-b-Content-Type-text-html.csv"),
        (".hidden", "hidden.csv"),
        ("Ça va", "a-va.csv"),
        ("", "download.csv"),
        ("///", "download.csv"),
        ("x" * 300, "x" * 100 + ".csv"),
    ],
)
def test_file_names_keep_only_safe_characters(stem, name):
    assert safe_filename(stem, "csv") == name


def test_the_download_header_cannot_be_split_by_a_hostile_name():
    response = csv_response(RE_REFERRALS, 'x"\r\nSet-Cookie: a=b')
    assert response["Content-Disposition"] == 'attachment; filename="x-Set-Cookie-a-b.csv"'


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Re-referrals within 12 months", "Re-referrals within 12 months"),
        (
            "Children in need: rate per 10,000 children aged under 18",
            "Children in need- rate per 10,0",
        ),
        ("Visits [on time] / late? *", "Visits -on time- - late- -"),
        ("'Quoted'", "Quoted"),
        ("History", "Data"),
        ("", "Data"),
    ],
)
def test_sheet_names_keep_to_excels_rules(title, name):
    assert sheet_title(title) == name
    assert len(name) <= 31
