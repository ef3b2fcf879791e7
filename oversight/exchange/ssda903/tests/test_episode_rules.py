"""Rules about one episode on its own, each case worked out by hand from the DfE's rule."""

import pytest

from oversight.exchange.ssda903.tests.builders import broken_by, child, episode

ENDED = {"DEC": "31/01/2026", "REC": "E13"}


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        ("141", {"DECOM": "2025-05-10"}, {"DECOM": "10/05/2025"}),
        ("141", {"DECOM": None}, {"DECOM": "31/03/2026"}),
        ("143", {"RNE": "X"}, {"RNE": "B"}),
        ("143", {"RNE": None}, {"RNE": "S"}),
        ("144", {"LS": "C3"}, {"LS": "V2"}),
        ("145", {"CIN": "N9"}, {"CIN": "N8"}),
        ("146", {"PLACE": "Z1"}, {"PLACE": "Z11"}),
        ("146", {"PLACE": "H5"}, {"PLACE": "K3"}),
        ("147", {"DEC": "32/01/2026", "REC": "E13"}, ENDED),
        ("148", {"DEC": "31/01/2026"}, ENDED),
        ("148", {"REC": "E13"}, {"DEC": "31/31/2026", "REC": "E13"}),
        ("148", {"DEC": "31/31/2026"}, {"DEC": None}),  # an unreadable date is not a blank
        ("149", {"REC": "E4a", "DEC": "31/01/2026"}, {"REC": "E4A", "DEC": "31/01/2026"}),
        ("1009", {"REASON_PLACE_CHANGE": "other"}, {"REASON_PLACE_CHANGE": "OTHER"}),
        ("178", {"PLACE_PROVIDER": "PR6"}, {"PLACE_PROVIDER": "PR5"}),
        ("178", {"PLACE": "T0"}, {"PLACE": "T4"}),
        ("213", {"PLACE": "T4"}, {"PLACE": "T4", "PLACE_PROVIDER": None}),
        ("526", {"PLACE_PROVIDER": None}, {"PLACE": "Z12", "PLACE_PROVIDER": None}),
        ("527", {"PLACE": "R2"}, {"PLACE": "R1"}),
        ("528", {"PLACE": "P1", "PLACE_PROVIDER": "PR2"}, {"PLACE_PROVIDER": "PR2"}),
        ("529", {"PLACE": "U3", "PLACE_PROVIDER": "PR3"}, {"PLACE": "R1", "PLACE_PROVIDER": "PR3"}),
        ("530", {"PLACE": "P1", "PLACE_PROVIDER": "PR4"}, {"PLACE": "K2", "PLACE_PROVIDER": "PR4"}),
        ("531", {"PLACE": "P1", "PLACE_PROVIDER": "PR5"}, {"PLACE": "U1", "PLACE_PROVIDER": "PR5"}),
        ("550", {"PLACE_PROVIDER": "PR0"}, {"PLACE": "P1", "PLACE_PROVIDER": "PR0"}),
        ("222", {"PLACE": "Z11"}, {"PLACE": "Z11", "URN": "XXXXXXX"}),
        ("222", {"PLACE": "R1"}, {"PLACE": "U1"}),
        ("233", {"REASON_PLACE_CHANGE": "CARPL"}, {"REASON_PLACE_CHANGE": "CARPL", **ENDED}),
        ("353", {"DECOM": "13/10/1991"}, {"DECOM": "14/10/1991"}),
        ("354", {"DECOM": "01/04/2026"}, {"DECOM": "31/03/2026"}),
        ("385", {"DEC": "01/04/2026", "REC": "E13"}, {"DEC": "31/03/2026", "REC": "E13"}),
        ("355", {"DEC": "10/05/2025", "REC": "E13"}, {"DEC": "11/05/2025", "REC": "E13"}),
        ("356", {"DEC": "09/05/2025", "REC": "E13"}, {"DEC": "10/05/2025", "REC": "E13"}),
        ("446", {"LS": "E1", "DECOM": "30/11/2005"}, {"LS": "E1", "DECOM": "01/12/2005"}),
        ("378", {"PLACE": "P1", "LS": "V2"}, {"PLACE": "P1", "LS": "C2"}),
        ("382", {"PLACE": "T2", "LS": "V3"}, {"PLACE": "U2", "LS": "V3"}),
        ("384", {"PLACE": "U4", "LS": "V4"}, {"PLACE": "U3", "LS": "V4"}),
        ("366", {"LS": "V3", "RNE": "P"}, {"LS": "V3", "RNE": "S"}),
        ("380", {"PLACE": "T0"}, {"PLACE": "T0", "RNE": "P"}),
        ("381", {"PLACE": "T1", **ENDED}, {"PLACE": "T1", "DEC": "31/01/2026", "REC": "X1"}),
        ("217", {"PLACE": "A3", "RNE": "P"}, {"PLACE": "A3", "RNE": "T"}),
        ("361", {"LS": "L1", "DEC": "14/05/2025"}, {"LS": "L1", "DEC": "13/05/2025"}),
        ("362", {"LS": "L2", "DEC": "01/06/2025"}, {"LS": "L2", "DEC": "31/05/2025"}),
        ("363", {"LS": "L3", "DEC": "18/05/2025"}, {"LS": "L3", "DEC": "17/05/2025"}),
        ("364", {"LS": "J2", "DEC": "01/06/2025"}, {"LS": "J2", "DEC": "31/05/2025"}),
        ("365", {"LS": "V3", "DEC": "28/05/2025"}, {"LS": "V3", "DEC": "27/05/2025"}),
        ("365", {"LS": "V3", "DECOM": "13/03/2026"}, {"LS": "V3", "DECOM": "14/03/2026"}),
        ("375", {"PLACE": "T1", "DEC": "22/06/2025"}, {"PLACE": "T1", "DEC": "21/06/2025"}),
        ("376", {"PLACE": "T3", "DEC": "01/06/2025"}, {"PLACE": "T3", "DEC": "31/05/2025"}),
        ("379", {"PLACE": "T4", "DEC": "18/05/2025"}, {"PLACE": "T4", "DEC": "17/05/2025"}),
    ],
)
def test_an_episode_that_breaks_the_rule_is_reported_and_the_boundary_passes(
    code, breaking, passing
):
    found = broken_by(
        code,
        child("C1", episodes=[episode(**breaking)]),
        child("C2", UPN="A201000000025", episodes=[episode(**passing)]),
    )
    assert found == ["C1"]


@pytest.mark.parametrize(
    ("code", "episode_fields", "dob_breaking", "dob_passing"),
    [
        ("352", {}, "10/05/2007", "11/05/2007"),
        ("358", {"LS": "J1"}, "11/05/2015", "10/05/2015"),
        ("371", {"PLACE": "K3"}, "11/05/2009", "10/05/2009"),
        ("372", {"PLACE": "R5"}, "11/05/2015", "10/05/2015"),
        ("373", {"PLACE": "S1"}, "11/05/2021", "10/05/2021"),
        ("374", {"PLACE": "P3"}, "11/05/2011", "10/05/2011"),
        ("386", {"DEC": "01/09/2025", "REC": "E11"}, "01/09/2007", "02/09/2007"),
        ("387", {"DEC": "01/09/2025", "REC": "E5"}, "02/09/2011", "01/09/2011"),
        ("389", {"DEC": "01/09/2025", "REC": "E7"}, "02/09/2009", "01/09/2009"),
        ("407", {"DEC": "01/09/2025", "REC": "E45"}, "01/09/2007", "02/09/2007"),
        ("460", {"DEC": "01/09/2025", "REC": "E17"}, "02/09/2007", "01/09/2007"),
        ("359", {}, "30/03/2008", "31/03/2008"),
        ("302", {}, "11/05/2025", "10/05/2025"),
    ],
)
def test_an_episode_at_the_wrong_age_is_reported_and_the_birthday_is_the_boundary(
    code, episode_fields, dob_breaking, dob_passing
):
    found = broken_by(
        code,
        child("C1", DOB=dob_breaking, episodes=[episode(**episode_fields)]),
        child("C2", DOB=dob_passing, UPN="A201000000025", episodes=[episode(**episode_fields)]),
    )
    assert found == ["C1"]


def test_an_adult_may_stay_looked_after_under_section_20_in_a_childrens_home():
    young_adult = [episode(LS="V2", PLACE="K2")]
    assert broken_by("359", child("C1", DOB="30/03/2008", episodes=young_adult)) == []


def test_a_short_legal_status_is_measured_over_its_unbroken_run_of_episodes():
    protection = {"LS": "L1", "REC": "X1"}
    run_of_four_days = [
        episode(DECOM="10/05/2025", DEC="12/05/2025", **protection),
        episode(DECOM="12/05/2025", DEC="14/05/2025", RNE="P", PLACE="U2", **protection),
    ]
    two_runs_of_two_days = [
        episode(DECOM="10/05/2025", DEC="12/05/2025", **protection),
        episode(DECOM="13/05/2025", DEC="15/05/2025", RNE="S", **protection),
    ]
    found = broken_by(
        "361",
        child("C1", episodes=run_of_four_days),
        child("C2", UPN="A201000000025", episodes=two_runs_of_two_days),
    )
    assert found == ["C1", "C1"]


def test_a_move_into_custody_is_checked_against_the_age_when_the_child_moved():
    moved = [
        episode(DEC="01/08/2025", REC="X1", REASON_PLACE_CHANGE="CUSTOD"),
        episode(DECOM="01/08/2025", RNE="P", PLACE="R5", URN=None, PLACE_PROVIDER="PR1"),
    ]
    found = broken_by(
        "234",
        child("C1", DOB="02/08/2015", episodes=moved),
        child("C2", DOB="01/08/2015", UPN="A201000000025", episodes=moved),
    )
    assert found == ["C1"]
