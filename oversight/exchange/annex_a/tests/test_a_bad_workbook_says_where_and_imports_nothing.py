"""A workbook with an unknown value, an unreadable date, a missing column and a child the
records cannot take: each problem names its sheet, row, column and value and says what to
do; nothing is imported, unless the bad rows are quarantined and the rest imported."""

import io
from datetime import date

import pytest
from openpyxl import Workbook

from oversight.casework.models import Child, Contact, Referral
from oversight.exchange.annex_a.load import ImportRefused, load
from oversight.exchange.annex_a.read import read_workbook
from oversight.web.uploads import open_workbook

pytestmark = pytest.mark.django_db
LIST_1 = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Date of Contact",
          "Contact Source"]  # fmt: skip
BORN = date(2015, 1, 1)


def bad_workbook() -> bytes:
    book = Workbook()
    contacts = book.active
    contacts.title = "List 1"
    contacts.append(LIST_1)
    contacts.append(["K1", "b) Female", "a) WBRI", BORN, 10, date(2025, 1, 6), "q) 6: Police"])
    contacts.append(["K2", "x) Alien", "a) WBRI", BORN, 10, date(2025, 1, 6), "q) 6: Police"])
    contacts.append(["K3", "Female", "WBRI", BORN, 10, "31st of Smarch", "Police"])
    contacts.append(["K4", "Male", "WBRI", None, None, date(2025, 1, 8), "Police"])
    referrals = book.create_sheet("List 3 - Referrals")
    referrals.append(
        ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Date of Referral"]
    )
    referrals.append(["K1", "b) Female", "a) WBRI", BORN, date(2025, 1, 7)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read():  # type: ignore[no-untyped-def]
    return read_workbook(open_workbook(io.BytesIO(bad_workbook())), "bad.xlsx")


def where(problems) -> list[tuple[str, int | None, str, str]]:  # type: ignore[no-untyped-def]
    return sorted(((p.sheet, p.row, p.column, p.value) for p in problems), key=str)


def test_reading_finds_the_unknown_value_the_bad_date_and_the_missing_column():
    problems = read().problems
    assert where(problems) == sorted([
        ("List 1", 3, "Gender", "x) Alien"),
        ("List 1", 4, "Date of Contact", "31st of Smarch"),
        ("List 3", None, "Referral Source", ""),
    ], key=str)  # fmt: skip
    said = {p.column: str(p) for p in problems}
    assert "use one of a) Male, b) Female" in said["Gender"]
    assert said["Date of Contact"].startswith("List 1 row 4, Date of Contact = '31st of Smarch'")
    assert "for example 31/03/2025" in said["Date of Contact"]
    assert "the column is missing: add it" in said["Referral Source"]


def test_without_quarantine_nothing_is_imported():
    with pytest.raises(ImportRefused) as refused:
        load(read())
    assert refused.value.loaded.quarantined == 3
    assert not Child.objects.exists() and not Contact.objects.exists()


def test_a_child_the_records_cannot_take_rolls_the_whole_import_back():
    reading = read()
    reading.rows = {1: [row for row in reading.rows[1] if row.get("child_id") in ("K1", "K4")]}
    reading.problems = []  # as if the workbook were otherwise good
    with pytest.raises(ImportRefused) as refused:
        load(reading)
    assert [str(p) for p in refused.value.loaded.problems] == [
        "List 1 row 5, Child Unique ID = 'K4': the child is new to the records and no row gives "
        "their date of birth: give it"
    ]
    assert not Child.objects.exists() and not Referral.objects.exists()


def test_with_quarantine_the_good_rows_are_imported_and_the_bad_ones_listed():
    loaded = load(read(), quarantine=True)
    assert list(Child.objects.values_list("la_child_id", flat=True)) == ["K1"]
    assert Contact.objects.get().origin == "annex-a bad.xlsx List 1 row 2"
    assert not Referral.objects.exists()  # its sheet lacks a column the import needs
    assert loaded.quarantined == 4 and loaded.added["contact"] == 1
