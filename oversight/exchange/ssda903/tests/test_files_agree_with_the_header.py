"""The integrity rules: each file's children are the header's, with its birth date and sex."""

import pytest

from oversight.exchange.ssda903.tests.builders import (
    broken_by,
    child,
    missing,
    review,
    uasc,
)

ALL_TABLES = {
    "ad1": {"DATE_INT": "01/06/2025"},
    "placed_for_adoption": {"DATE_PLACED": "01/06/2025"},
    "missing": missing(),
    "oc2": {},
    "oc3": {},
    "previous_permanence": {"PREV_PERM": "Z1"},
    "reviews": review(),
    "uasc": uasc(),
}
NOT_IN_HEADER = {
    "INT01": "ad1", "INT02": "placed_for_adoption", "INT03": "episodes", "INT04": "missing",
    "INT05": "oc2", "INT06": "oc3", "INT07": "previous_permanence", "INT08": "reviews",
    "INT09": "uasc",
}  # fmt: skip
OTHER_BIRTH_DATE = {
    "INT11": "ad1", "INT12": "placed_for_adoption", "INT13": "missing", "INT14": "oc2",
    "INT15": "oc3", "INT16": "previous_permanence", "INT17": "reviews", "INT18": "uasc",
}  # fmt: skip
ONCE = {"INT31": "ad1", "INT33": "oc2", "INT34": "oc3", "INT35": "previous_permanence",
        "INT36": "uasc"}  # fmt: skip


@pytest.mark.parametrize(("code", "table"), NOT_IN_HEADER.items())
def test_a_child_of_a_file_must_be_in_the_header(code, table):
    stray = child("S1")
    stray["header"] = []
    stray[table] = [dict(ALL_TABLES.get(table, {}), CHILD="S1", DOB="15/06/2012")]
    assert broken_by(code, child("C1", **{table: [ALL_TABLES.get(table, {})]}), stray) == ["S1"]


@pytest.mark.parametrize(("code", "table"), OTHER_BIRTH_DATE.items())
def test_a_file_gives_the_headers_date_of_birth(code, table):
    row = ALL_TABLES[table]
    found = broken_by(
        code,
        child("C1", **{table: [row | {"DOB": "16/06/2012"}]}),
        child("C2", UPN="A201000000025", **{table: [row]}),
    )
    assert found == ["C1"]


def test_uasc_gives_the_headers_sex():
    found = broken_by(
        "INT21",
        child("C1", uasc=[uasc(SEX="F")]),
        child("C2", UPN="A201000000025", uasc=[uasc(SEX="M")]),
    )
    assert found == ["C1"]


@pytest.mark.parametrize(("code", "table"), ONCE.items())
def test_a_child_is_in_a_file_once(code, table):
    row = ALL_TABLES[table]
    found = broken_by(
        code,
        child("C1", **{table: [row, row]}),
        child("C2", UPN="A201000000025", **{table: [row]}),
    )
    assert found == ["C1", "C1"]
