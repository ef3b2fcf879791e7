"""The rules on the whole return: reference date (100), children with no sex recorded
(2886Q), disability codes in use (2887Q) and several disabilities for a child (2888Q)."""

from oversight.exchange.cin_census.tests.builders import HEADER, census, child, findings


def with_reference_date(value: str | None) -> dict:
    return HEADER | {"CollectionDetails": HEADER["CollectionDetails"] | {"ReferenceDate": value}}


# 100


def test_the_reference_date_is_31_march_2026_100():
    assert findings("100", census(child(), header=with_reference_date("2026-03-31"))) == []


def test_another_reference_date_is_an_error_100():
    found = findings("100", census(child(), header=with_reference_date("2025-03-31")))
    assert [(f.child_id, f.fields) for f in found] == [
        (None, (("ReferenceDate", "2025-03-31"), ("expected", "2026-03-31")))
    ]


def test_a_missing_reference_date_is_an_error_100():
    found = findings("100", census(child(), header=with_reference_date(None)))
    assert [f.fields for f in found] == [(("ReferenceDate", ""), ("expected", "2026-03-31"))]


# 2886Q


def children(count: int, **fields: object) -> list[dict]:
    return [child(f"C{i}", **fields) for i in range(count)]


def test_one_child_in_50_with_no_sex_recorded_is_2_percent_and_passes_2886q():
    assert findings("2886Q", census(*children(49), child("X", Sex=None))) == []


def test_two_children_in_50_with_no_sex_recorded_is_queried_once_2886q():
    found = findings("2886Q", census(*children(48), child("X", Sex=None), child("Y", Sex="U")))
    assert [(f.child_id, f.fields) for f in found] == [
        (None, (("Sex", "2 of 50 children (4.0%) have no sex recorded"),))
    ]


def test_unborn_children_returned_as_u_count_only_among_all_children_2886q():
    unborn = {"PersonBirthDate": None, "ExpectedPersonBirthDate": "2026-06-01", "Sex": "U"}
    cin = census(*children(47), *children(2, **unborn), child("X", Sex="U"))
    assert findings("2886Q", cin) == []


# 2887Q


def test_eight_disability_codes_in_use_pass_2887q():
    codes = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"]
    cin = census(*(child(f"C{i}", disabilities=[code]) for i, code in enumerate(codes)))
    assert findings("2887Q", cin) == []


def test_seven_codes_are_queried_none_and_invalid_values_not_counting_2887q():
    codes = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR"]
    cin = census(
        child("C1", disabilities=codes),
        child("C2", disabilities=["NONE"]),
        child("C3", disabilities=["XYZ"]),
        child("C4", disabilities=["MOB"]),
    )
    found = findings("2887Q", cin)
    assert [(f.child_id, f.fields) for f in found] == [
        (None, (("Disability", "7 codes used: COMM, HAND, HEAR, INC, LD, MOB, PC"),))
    ]


def test_a_return_with_no_disabilities_is_queried_2887q():
    assert len(findings("2887Q", census(child(disabilities=["NONE"])))) == 1


# 2888Q


def test_a_child_with_two_disabilities_passes_2888q():
    cin = census(child("C1", disabilities=["MOB"]), child("C2", disabilities=["MOB", "HAND"]))
    assert findings("2888Q", cin) == []


def test_only_one_code_per_child_is_queried_once_2888q():
    cin = census(
        child("C1", disabilities=["MOB"]),
        child("C2", disabilities=["MOB", "MOB"]),
        child("C3", disabilities=["NONE", "HAND"]),
        child("C4", disabilities=["HAND", "XYZ"]),
    )
    found = findings("2888Q", cin)
    assert [(f.child_id, f.fields) for f in found] == [
        (None, (("Disability", "no child has more than one disability code"),))
    ]
