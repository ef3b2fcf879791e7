"""Each list is a sheet named as Ofsted's template names it, with its columns in order; the
published sample workbook's headers are read as the same columns, and its odd values are
reported, not guessed."""

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from oversight.exchange.annex_a.read import match_column, read_workbook
from oversight.exchange.annex_a.spec import LISTS, Held
from oversight.exchange.annex_a.tests.journeys import exported
from oversight.exchange.annex_a.write import window_label
from oversight.web.uploads import open_workbook

SAMPLE = Path(__file__).parent / "data" / "liia_tools_sample.xlsx"


def headers(book) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {sheet.title: list(next(sheet.iter_rows(values_only=True))) for sheet in book}


@pytest.mark.django_db
def test_the_workbook_has_a_sheet_for_each_list_and_ofsteds_columns_in_order():
    book = load_workbook(io.BytesIO(exported()), read_only=True)
    assert book.sheetnames == [f"List {n}" for n in range(1, 12)] + ["About"]
    found = headers(book)
    for annex in LISTS:
        assert found[annex.sheet] == [c.name for c in annex.columns], annex.sheet


def test_the_lists_have_the_columns_ofsted_asks_for():
    names = {a.number: [c.name for c in a.columns] for a in LISTS}
    assert names[1][-2:] == ["Date of Contact", "Contact Source"]
    assert names[3][5:9] == ["Date of Referral", "Referral Source", "Referral NFA?",
                             "Number of Referrals in Last 12 Months"]  # fmt: skip
    assert names[7][6] == "Child Protection Plan Start Date"
    assert len(names[8]) == 34 and names[8][-2:] == ["Allocated Team", "Allocated Worker"]
    assert names[11][0] == "Individual adopter identifier" and len(names[11]) == 19


def test_every_header_of_the_published_sample_is_one_of_the_lists_columns():
    book = load_workbook(SAMPLE, read_only=True)
    for annex in LISTS:
        sample = headers(book)[annex.sheet]
        matched = [match_column(name, annex) for name in sample]
        assert None not in matched, (annex.sheet, sample)
        assert matched == list(annex.columns), annex.sheet


def test_the_published_sample_reads_with_its_odd_values_reported():
    reading = read_workbook(open_workbook(SAMPLE.read_bytes()), SAMPLE.name)
    assert {n: len(rows) for n, rows in reading.rows.items()} == {
        1: 5, 2: 5, 3: 6, 4: 5, 5: 5, 6: 5, 7: 7, 8: 5, 9: 6, 10: 5, 11: 5}  # fmt: skip
    odd = {(p.sheet, p.column, p.value) for p in reading.problems}
    assert odd == {
        ("List 4", "Was the child assessed as requiring LA children's social care support?",
         "CS Assessment Updated"),
        ("List 6", "Primary Need Code", "PSRMEM - Support with memory and cognition"),
        ("List 8", "Ethnicity", ""),
    }  # fmt: skip
    first = reading.rows[1][0].values
    assert (first["child_id"], first["gender"], first["ethnicity"]) == ("9212044", "2", "WBRI")
    assert reading.rows[8][0].values["placement_provider"] == "PR4"  # "e) PR4 - Private provision"


def test_only_imported_columns_are_checked():
    for annex in LISTS:
        for column in annex.columns:
            if column.required:
                assert column.held is Held.IMPORTED, (annex.sheet, column.name)


def test_the_about_sheet_says_each_lists_window_as_the_list_takes_it():
    as_at = date(2025, 3, 31)
    labels = {annex.number: window_label(annex, as_at) for annex in LISTS}
    assert labels[1] == "happened in the window: 1 October 2024 to 31 March 2025"
    # Prospective adopters still in the process on the date, or who left it in the year.
    assert labels[11] == "open on the date, or ended in the window: 1 April 2024 to 31 March 2025"
    assert labels[9] == "open on 31 March 2025"
