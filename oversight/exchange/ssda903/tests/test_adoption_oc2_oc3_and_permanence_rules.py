"""Rules about AD1, placed for adoption, OC2, OC3 and previous permanence, worked by hand."""

import pytest

from oversight.exchange.ssda903.tests.builders import broken_by, child, previous_permanence

ADOPTED = {"DATE_INT": "01/06/2025", "DATE_MATCH": "01/07/2025", "FOSTER_CARE": "0",
           "NB_ADOPTR": "2", "SEX_ADOPTR": "MF", "LS_ADOPTR": "L11"}  # fmt: skip
PLACED = {"DATE_PLACED": "01/06/2025", "DATE_PLACED_CEASED": None, "REASON_PLACED_CEASED": None}
OC2 = {"SDQ_SCORE": "12", "SDQ_REASON": None} | {c: "0" for c in (
    "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")}  # fmt: skip
OC3 = {"IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "B1"}


def two(code: str, table: str, breaking: dict, passing: dict, base: dict) -> list[str]:
    return broken_by(
        code,
        child("C1", **{table: [base | breaking]}),
        child("C2", UPN="A201000000025", **{table: [base | passing]}),
    )


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        ("112", {"DATE_INT": "1/6/2025"}, {}),
        ("113", {"DATE_MATCH": "2025-07-01"}, {}),
        ("114", {"FOSTER_CARE": "2"}, {"FOSTER_CARE": "1"}),
        ("175", {"NB_ADOPTR": "3"}, {"NB_ADOPTR": "1", "SEX_ADOPTR": "F1", "LS_ADOPTR": "L0"}),
        ("176", {"SEX_ADOPTR": "FM"}, {"SEX_ADOPTR": "MF"}),
        ("177", {"LS_ADOPTR": "L1"}, {"LS_ADOPTR": "L12", "SEX_ADOPTR": "FF"}),
        ("151", {"FOSTER_CARE": None}, dict.fromkeys(ADOPTED)),
        ("511", {"SEX_ADOPTR": "F1"}, {"SEX_ADOPTR": "FF", "LS_ADOPTR": "L4"}),
        ("514", {"LS_ADOPTR": "L0"}, {"NB_ADOPTR": "1", "SEX_ADOPTR": "M1", "LS_ADOPTR": "L0"}),
        ("517", {"LS_ADOPTR": "L3", "SEX_ADOPTR": "MM"}, {"LS_ADOPTR": "L3"}),
        ("518", {"LS_ADOPTR": "L4"}, {"LS_ADOPTR": "L4", "SEX_ADOPTR": "MM"}),
        ("519", {"LS_ADOPTR": "L2", "SEX_ADOPTR": "M1"}, {"LS_ADOPTR": "L2"}),
        ("520", {"SEX_ADOPTR": "FF"}, {}),
        ("524", {"LS_ADOPTR": "L12"}, {"LS_ADOPTR": "L12", "SEX_ADOPTR": "FF"}),
        ("333", {"DATE_INT": "02/07/2025"}, {"DATE_INT": "01/07/2025"}),
    ],
)
def test_an_adoption_that_breaks_the_rule_is_reported(code, breaking, passing):
    assert two(code, "ad1", breaking, passing, ADOPTED) == ["C1"]


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        ("115", {"DATE_PLACED": "31/11/2025"}, {}),
        ("116", {"DATE_PLACED_CEASED": "31/11/2025", "REASON_PLACED_CEASED": "RD1"},
         {"DATE_PLACED_CEASED": "30/11/2025", "REASON_PLACED_CEASED": "RD1"}),
        ("120", {"DATE_PLACED_CEASED": "30/11/2025", "REASON_PLACED_CEASED": "RD5"},
         {"DATE_PLACED_CEASED": "30/11/2025", "REASON_PLACED_CEASED": "RD4"}),
        ("119", {"DATE_PLACED_CEASED": "30/11/2025"}, {"DATE_PLACED_CEASED": "31/11/2025"}),
        ("184", {"DATE_PLACED": "14/06/2012"}, {"DATE_PLACED": "15/06/2012"}),
    ],
)  # fmt: skip
def test_a_decision_to_place_for_adoption_that_breaks_the_rule_is_reported(code, breaking, passing):
    assert two(code, "placed_for_adoption", breaking, passing, PLACED) == ["C1"]


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        ("180", {"SDQ_SCORE": "41"}, {"SDQ_SCORE": "40"}),
        ("180", {"SDQ_SCORE": "twelve"}, {"SDQ_SCORE": "0"}),
        ("196", {"SDQ_REASON": "SDQ6"}, {"SDQ_REASON": "SDQ5"}),
        ("181", {"TEETH_CHECK": "Y"}, {"TEETH_CHECK": None}),
    ],
)
def test_an_oc2_record_that_breaks_the_rule_is_reported(code, breaking, passing):
    assert two(code, "oc2", breaking, passing, OC2) == ["C1"]


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        ("131", {"IN_TOUCH": "yes"}, {"IN_TOUCH": "RHOM"}),
        ("131", {"IN_TOUCH": None}, {"IN_TOUCH": "NO"}),
        ("132", {"ACTIV": "F3"}, {"ACTIV": "0"}),
        ("133", {"ACCOM": "X1"}, {"ACCOM": "X2"}),
    ],
)
def test_an_oc3_record_that_breaks_the_rule_is_reported(code, breaking, passing):
    assert two(code, "oc3", breaking, passing, OC3) == ["C1"]


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        ("631", {"PREV_PERM": "P5"}, {"PREV_PERM": "P4"}),
        ("632", {"PREV_PERM": "P1", "DATE_PERM": "31/02/2020"},
         {"PREV_PERM": "P1", "DATE_PERM": "ZZ/02/2020"}),
        ("632", {"PREV_PERM": "P1", "DATE_PERM": "10/05/2025"},
         {"PREV_PERM": "P1", "DATE_PERM": "09/05/2025"}),
        ("632", {"PREV_PERM": "P1", "DATE_PERM": "2020"},
         {"PREV_PERM": "P1", "DATE_PERM": "ZZ/ZZ/2020"}),
        ("635", {"LA_PERM": "352"}, {"PREV_PERM": "P2", "LA_PERM": "352"}),
        # Westmorland and Furness (943) exists since 2023; 999 is an LA not known.
        ("633", {"PREV_PERM": "P2", "LA_PERM": "944"}, {"PREV_PERM": "P2", "LA_PERM": "943"}),
        ("633", {"PREV_PERM": "P2", "LA_PERM": "XYZ"}, {"PREV_PERM": "P2", "LA_PERM": "999"}),
    ],
)  # fmt: skip
def test_a_previous_permanence_that_breaks_the_rule_is_reported(code, breaking, passing):
    base = previous_permanence()
    found = broken_by(
        code,
        child("C1", permanence=[base | breaking]),
        child("C2", UPN="A201000000025", permanence=[base | passing]),
    )
    assert found == ["C1"]
