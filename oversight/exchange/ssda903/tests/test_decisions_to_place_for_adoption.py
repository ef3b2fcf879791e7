"""Rules about the decisions to place a child for adoption, each case worked out by hand.

The default child started to be looked after on 10 May 2025 (RNE S) and is still looked
after; the year runs from 1 April 2025 to 31 March 2026.
"""

from oversight.exchange.ssda903.tests.adoption_cases import decision, reversed_decision
from oversight.exchange.ssda903.tests.builders import broken_by, child, episode

LEFT_CARE_1_SEPTEMBER = [episode(DEC="01/09/2025", REC="E13")]


def test_a_decision_after_the_year_or_after_care_ended_is_reported():
    found = broken_by(
        "117",
        child("C1", placed_for_adoption=[decision(DATE_PLACED="01/04/2026")]),
        child("C2", episodes=LEFT_CARE_1_SEPTEMBER,
              placed_for_adoption=[reversed_decision("01/06/2025", "02/09/2025")]),
        child("C3", episodes=LEFT_CARE_1_SEPTEMBER,
              placed_for_adoption=[reversed_decision("01/06/2025", "01/09/2025")]),
        child("C4", placed_for_adoption=[decision(DATE_PLACED="31/03/2026")]),
    )  # fmt: skip
    assert found == ["C1", "C2"]


def test_a_reversal_before_the_year_or_before_care_began_is_reported():
    respite_first = [
        episode(DECOM="01/04/2025", LS="V3", DEC="05/04/2025", REC="E13"),
        episode(),
    ]
    found = broken_by(
        "118",
        child("C1", placed_for_adoption=[reversed_decision("01/03/2025", "31/03/2025")]),
        child("C2", placed_for_adoption=[reversed_decision("01/03/2025", "09/05/2025")]),
        child("C3", placed_for_adoption=[reversed_decision("01/03/2025", "10/05/2025")]),
        # Respite (V3) is not the start of care: care began on 10 May.
        child("C4", episodes=respite_first,
              placed_for_adoption=[reversed_decision("01/03/2025", "02/04/2025")]),
    )  # fmt: skip
    assert found == ["C1", "C2", "C4"]


def test_a_decision_before_care_began_is_reported():
    found = broken_by(
        "1003",
        child("C1", placed_for_adoption=[decision(DATE_PLACED="09/05/2025")]),
        child("C2", placed_for_adoption=[decision(DATE_PLACED="10/05/2025")]),
    )
    assert found == ["C1"]


def test_a_decision_reversed_before_it_was_made_is_reported():
    found = broken_by(
        "522",
        child("C1", placed_for_adoption=[reversed_decision("01/06/2025", "31/05/2025")]),
        child("C2", placed_for_adoption=[reversed_decision("01/06/2025", "01/06/2025")]),
    )
    assert found == ["C1"]


def test_a_reversed_decision_without_its_date_is_reported():
    found = broken_by(
        "563",
        child("C1", placed_for_adoption=[reversed_decision(None, "01/07/2025")]),
        child("C2", placed_for_adoption=[decision(DATE_PLACED=None)]),
        # A date that was given but cannot be read is reported by rule 115, not as a blank.
        child("C3", placed_for_adoption=[reversed_decision("31/06/2025", "01/07/2025")]),
    )
    assert found == ["C1"]


def test_a_new_decision_while_the_last_is_open_or_not_yet_reversed_is_reported():
    found = broken_by(
        "579",
        child("C1", placed_for_adoption=[decision(), decision(DATE_PLACED="01/09/2025")]),
        child("C2", placed_for_adoption=[reversed_decision("01/06/2025", "01/08/2025"),
                                         decision(DATE_PLACED="15/07/2025")]),
        child("C3", placed_for_adoption=[reversed_decision("01/06/2025", "01/08/2025"),
                                         decision(DATE_PLACED="01/08/2025")]),
    )  # fmt: skip
    assert found == ["C1", "C2"]


def test_an_earlier_decision_not_reversed_is_reported():
    found = broken_by(
        "583",
        child("C1", placed_for_adoption=[decision(), decision(DATE_PLACED="01/09/2025")]),
        child("C2", placed_for_adoption=[reversed_decision("01/06/2025", "01/08/2025"),
                                         decision(DATE_PLACED="01/09/2025")]),
    )  # fmt: skip
    assert found == ["C1"]


def test_placed_for_adoption_without_a_decision_is_reported():
    placed = [episode(PLACE="A4")]
    found = broken_by(
        "551",
        child("C1", episodes=placed),
        child("C2", episodes=placed, placed_for_adoption=[decision()]),
        child("C3", episodes=placed, placed_for_adoption=[decision(DATE_PLACED="31/06/2025")]),
    )
    assert found == ["C1"]


def test_placed_for_adoption_before_the_decision_is_reported():
    placed = [episode(DECOM="01/07/2025", PLACE="A4")]
    found = broken_by(
        "552",
        child("C1", episodes=placed, placed_for_adoption=[decision(DATE_PLACED="02/07/2025")]),
        child("C2", episodes=placed, placed_for_adoption=[decision(DATE_PLACED="01/07/2025")]),
    )
    assert found == ["C1"]


def test_a_placement_order_without_a_standing_decision_is_reported():
    order = [episode(LS="E1")]
    order_ended = [episode(LS="E1", DEC="01/09/2025", REC="E13")]
    reversed_ = [reversed_decision("01/04/2025", "01/08/2025")]
    found = broken_by(
        "553",
        child("C1", episodes=order),
        child("C2", episodes=order, placed_for_adoption=reversed_),
        child("C3", episodes=order_ended, placed_for_adoption=reversed_),
        child("C4", episodes=order, placed_for_adoption=[decision()]),
    )
    assert found == ["C1", "C2"]


def test_a_placement_order_before_the_decision_is_reported():
    order = [episode(LS="E1")]
    found = broken_by(
        "554",
        child("C1", episodes=order, placed_for_adoption=[decision(DATE_PLACED="11/05/2025")]),
        child("C2", episodes=order, placed_for_adoption=[decision(DATE_PLACED="10/05/2025")]),
    )
    assert found == ["C1"]


def test_leaving_care_unadopted_without_the_decision_reversed_is_reported():
    placed_then_home = [episode(PLACE="A4", DEC="01/09/2025", REC="E13")]
    order_then_home = [episode(LS="E1", DEC="01/09/2025", REC="E13")]
    adopted = [episode(PLACE="A4", DEC="01/09/2025", REC="E11")]
    found = broken_by(
        "557",
        child("C1", episodes=placed_then_home, placed_for_adoption=[decision()]),
        child("C2", episodes=placed_then_home,
              placed_for_adoption=[reversed_decision("01/06/2025", "01/09/2025")]),
        child("C3", episodes=order_then_home),
        child("C4", episodes=adopted, placed_for_adoption=[decision()]),
    )  # fmt: skip
    assert found == ["C1", "C3"]


def test_an_adopted_child_whose_decision_was_reversed_is_reported():
    adopted = [episode(PLACE="A4", DEC="01/09/2025", REC="E11")]
    found = broken_by(
        "558",
        child("C1", episodes=adopted,
              placed_for_adoption=[reversed_decision("01/06/2025", "01/08/2025")]),
        child("C2", episodes=adopted, placed_for_adoption=[decision()]),
    )  # fmt: skip
    assert found == ["C1"]
