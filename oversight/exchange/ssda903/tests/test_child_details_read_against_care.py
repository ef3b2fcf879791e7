"""Rules about UPN codes, the mother field, previous permanence, care leavers' items, missing
periods and social worker history read against the child's episodes, worked out by hand.

The default child was born on 15 June 2012 and has been looked after since 10 May 2025."""

from oversight.exchange.ssda903.tests.builders import (
    broken_by,
    child,
    episode,
    girl,
    missing,
    oc3,
    previous_permanence,
    social_worker,
)

LEFT_CARE_1_SEPTEMBER = [episode(DEC="01/09/2025", REC="E13")]


def test_a_child_of_school_age_with_un1_is_reported():
    # School age: 4 by 31 August 2024.
    found = broken_by(
        "209",
        child("C1", UPN="UN1", DOB="31/08/2020"),
        child("C2", UPN="UN1", DOB="01/09/2020"),
    )
    assert found == ["C1"]


def test_a_child_looked_after_over_a_week_at_31_march_with_un4_is_reported():
    found = broken_by(
        "210",
        child("C1", UPN="UN4", episodes=[episode(DECOM="23/03/2026")]),
        child("C2", UPN="UN4", episodes=[episode(DECOM="24/03/2026")]),
        child("C3", UPN="UN4", episodes=LEFT_CARE_1_SEPTEMBER),
    )
    assert found == ["C1"]


def test_a_girl_looked_after_without_the_mother_field_is_reported():
    respite = [episode(LS="V3", DEC="15/05/2025", REC="E13")]
    found = broken_by(
        "393",
        girl("G1", MOTHER=None),
        girl("G2", MOTHER=None, episodes=respite),
        girl("G3"),
    )
    assert found == ["G1"]


def test_a_girl_leaving_care_in_the_year_without_the_mother_field_is_reported():
    found = broken_by(
        "607",
        girl("G1", MOTHER=None, episodes=LEFT_CARE_1_SEPTEMBER),
        girl("G2", MOTHER=None, episodes=[episode(DECOM="10/05/2024", DEC="31/03/2025",
                                                  REC="E13")]),
        girl("G3", MOTHER=None, episodes=[episode(LS="V3", DEC="15/05/2025", REC="E13")]),
        girl("G4", episodes=LEFT_CARE_1_SEPTEMBER),
    )  # fmt: skip
    assert found == ["G1"]


def test_starting_care_in_the_year_without_previous_permanence_is_reported():
    adopted_before = previous_permanence(PREV_PERM="P1", LA_PERM="352")
    found = broken_by(
        "630",
        child("C1", permanence=[]),
        child("C2", permanence=[adopted_before]),
        child("C3", permanence=[adopted_before | {"DATE_PERM": "ZZ/ZZ/2015"}]),
        child("C4"),  # none (Z1)
        child("C5", permanence=[], episodes=[episode(DECOM="10/05/2024")]),
    )
    assert found == ["C1", "C2"]


def test_previous_permanence_for_care_only_before_april_2016_is_reported():
    found = broken_by(
        "634",
        child("C1", episodes=[episode(DECOM="31/03/2016")]),
        child("C2", episodes=[episode(DECOM="01/04/2016")]),
    )
    assert found == ["C1"]


def test_leaving_care_items_partly_given_are_reported():
    found = broken_by(
        "153",
        child("C1", oc3=[oc3(ACCOM=None)]),
        child("C2", oc3=[oc3(IN_TOUCH=None, ACTIV=None, ACCOM=None)]),
        child("C3", oc3=[oc3()]),
    )
    assert found == ["C1"]


def test_a_child_with_no_episodes_who_is_not_a_care_leaver_is_reported():
    found = broken_by(
        "EPI",
        child("C1", episodes=[]),
        child("C2", episodes=[], oc3=[oc3()]),
        child("C3"),
    )
    assert found == ["C1"]


def test_a_missing_period_still_open_when_its_placement_ended_is_reported():
    moved = [
        episode(DEC="01/08/2025", REC="X1", REASON_PLACE_CHANGE="CARPL"),
        episode(DECOM="01/08/2025", RNE="P", PLACE="U2"),
    ]
    found = broken_by(
        "575",
        child("C1", episodes=moved, missing=[missing(MIS_END=None)]),
        child("C2", episodes=moved, missing=[missing()]),
        child("C3", episodes=moved, missing=[missing(MIS_END="3 August")]),
    )
    assert found == ["C1"]


def test_missing_on_the_18th_birthday_when_care_ended_without_e8_is_reported():
    # 18 on 15 June 2025, missing from 1 June until then.
    at_18 = {
        "DOB": "15/06/2007",
        "missing": [missing(MIS_START="01/06/2025", MIS_END="15/06/2025")],
    }
    found = broken_by(
        "580",
        child("C1", episodes=[episode(DEC="15/06/2025", REC="E13")], **at_18),
        child("C2", episodes=[episode(DEC="15/06/2025", REC="E8")], **at_18),
        child("C3", episodes=[episode(DEC="14/06/2025", REC="E13")],
              **at_18 | {"missing": [missing(MIS_START="01/06/2025", MIS_END="14/06/2025")]}),
    )  # fmt: skip
    assert found == ["C1"]


def test_social_worker_episodes_not_reported_for_all_the_care_in_the_period_are_reported():
    since_2024 = [episode(DECOM="10/05/2024")]
    since_2023 = [episode(DECOM="10/05/2023")]
    found = broken_by(
        "SW12STG2",
        child("C1", episodes=since_2024),
        child("C2", episodes=since_2024, social_workers=[social_worker(SW_DECOM="10/05/2024")]),
        # Looked after since before the period, which begins on 1 April 2024.
        child("C3", episodes=since_2023, social_workers=[social_worker(SW_DECOM="01/04/2024")]),
        child("C4", episodes=since_2023, social_workers=[social_worker(SW_DECOM="02/04/2024")]),
        child("C5", episodes=[episode(DECOM="10/05/2024", DEC="01/09/2025", REC="E13")]),
    )
    assert found == ["C1", "C4"]
