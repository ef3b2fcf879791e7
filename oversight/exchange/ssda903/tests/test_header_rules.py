"""The header rules: each case worked out by hand from the DfE's rule."""

import pytest

from oversight.exchange.ssda903.tests.builders import broken_by, child, episode, girl

# Digits other than 0-9 are not a UPN's.
ARABIC_INDIC_201000000017 = "".join(chr(0x0660 + int(d)) for d in "201000000017")
RESPITE_ONLY = [episode(LS="V3", PLACE="R1", URN=None, DEC="12/05/2025", REC="E13")]


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        ("101", {"SEX": "X"}, {"SEX": "U"}),
        ("101", {"SEX": None}, {"SEX": "M"}),
        ("102", {"DOB": "31/02/2012"}, {"DOB": "29/02/2012"}),
        ("102", {"DOB": "1/2/2012"}, {"DOB": "01/02/2012"}),
        ("102", {"DOB": None}, {"DOB": "15/06/2012"}),
        ("103", {"ETHNIC": "wbri"}, {"ETHNIC": "NOBT"}),
        ("103", {"ETHNIC": None}, {"ETHNIC": "WBRI"}),
        ("168", {"UPN": "I201000000017"}, {"UPN": "A20100000001B"}),
        ("168", {"UPN": "A20100000001"}, {"UPN": "UN5"}),
        ("168", {"UPN": "UN6"}, {"UPN": None}),
        ("168", {"UPN": "A" + ARABIC_INDIC_201000000017}, {"UPN": "A201000000017"}),
        ("171", {"MC_DOB": "2020-01-01"}, {"MC_DOB": None}),
        ("174", {"MC_DOB": "01/01/2025"}, {"SEX": "F", "MOTHER": "1", "MC_DOB": "01/01/2025"}),
        ("232", {"SEX": "U"}, {"SEX": "F"}),
        ("301", {"DOB": "01/04/2026"}, {"DOB": "31/03/2026"}),
        ("351", {"DOB": "31/03/2000"}, {"DOB": "01/04/2000"}),
        ("442", {"UPN": None}, {"UPN": "UN1"}),
        ("611", {"SEX": "F", "MOTHER": "1"}, {"SEX": "F", "MOTHER": "1", "MC_DOB": "01/01/2025"}),
        ("612", {"SEX": "F", "MOTHER": "0", "MC_DOB": "01/01/2025"},
         {"SEX": "F", "MOTHER": "1", "MC_DOB": "01/01/2025"}),
        ("612", {"SEX": "F", "MC_DOB": "01/01/2025"}, {"SEX": "F", "MOTHER": "0"}),
        ("620", {"SEX": "F", "MOTHER": "1", "MC_DOB": "01/01/2025", "DOB": "02/04/2014"},
         {"SEX": "F", "MOTHER": "1", "MC_DOB": "01/01/2025", "DOB": "01/04/2014"}),
        ("621", {"SEX": "F", "MOTHER": "1", "MC_DOB": "15/06/2012"},
         {"SEX": "F", "MOTHER": "1", "MC_DOB": "16/06/2012"}),
        ("625", {"SEX": "F", "MOTHER": "1", "MC_DOB": "01/04/2026"},
         {"SEX": "F", "MOTHER": "1", "MC_DOB": "31/03/2026"}),
    ],
)  # fmt: skip
def test_a_header_that_breaks_the_rule_is_reported_and_the_boundary_passes(code, breaking, passing):
    other = {"UPN": "A201000000025"} | passing
    assert broken_by(code, child("C1", **breaking), child("C2", **other)) == ["C1"]


def test_a_girl_looked_after_in_the_year_says_whether_she_is_a_mother():
    found = broken_by(
        "165",
        girl("G1", MOTHER=None),
        girl("G2", MOTHER="2", UPN="A201000000033"),
        child("B1", MOTHER="0", UPN="A201000000041"),
        girl("G3", UPN="A201000000058"),
        girl("G4", MOTHER=None, UPN="A201000000066", episodes=RESPITE_ONLY),
    )
    assert found == ["B1", "G1", "G2"]


def test_a_child_born_after_the_mother_left_care_is_reported():
    ended = [episode(DEC="01/09/2025", REC="E13")]
    mother = {"SEX": "F", "MOTHER": "1", "episodes": ended}
    found = broken_by(
        "625",
        child("C1", MC_DOB="02/09/2025", **mother),
        child("C2", MC_DOB="01/09/2025", UPN="A201000000025", **mother),
    )
    assert found == ["C1"]


def test_a_upn_is_needed_unless_the_child_was_only_in_respite_care():
    found = broken_by("442", child("C1", UPN=None), child("C2", UPN=None, episodes=RESPITE_ONLY))
    assert found == ["C1"]


def test_two_children_with_one_upn_are_both_reported_but_unknown_codes_may_repeat():
    found = broken_by(
        "444", child("C1"), child("C2"), child("C3", UPN="UN1"), child("C4", UPN="UN1")
    )
    assert found == ["C1", "C2"]


def test_a_child_twice_in_the_header_is_reported_on_each_line():
    assert broken_by("INT32", child("C1"), child("C1"), child("C2", UPN="A201000000025")) == [
        "C1",
        "C1",
    ]
