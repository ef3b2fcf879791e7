"""Rules about adoptions read against the episodes and the decisions, worked out by hand.

``ADOPTED`` (in ``adoption_cases``): placed for adoption (A4) on 1 July 2025, under a
placement order from 1 September, adopted on 1 December.
"""

from oversight.exchange.ssda903.tests.adoption_cases import (
    ADOPTED,
    ad1,
    decision,
    reversed_decision,
)
from oversight.exchange.ssda903.tests.builders import broken_by, child, episode


def test_adopted_from_a_placement_that_was_not_for_adoption_is_reported():
    found = broken_by(
        "390",
        child("C1", episodes=[episode(PLACE="U1", DEC="01/12/2025", REC="E11")]),
        child("C2", episodes=[episode(PLACE="A4", DEC="01/12/2025", REC="E12")]),
    )
    assert found == ["C1"]


def test_placed_under_a_placement_order_without_one_is_reported():
    found = broken_by(
        "408",
        child("C1", episodes=[episode(PLACE="A5")]),
        child("C2", episodes=[episode(PLACE="A5", LS="E1")]),
        child("C3", episodes=[episode(PLACE="A4")]),
    )
    assert found == ["C1"]


def test_special_guardianship_with_former_foster_carers_from_elsewhere_is_reported():
    found = broken_by(
        "516",
        child("C1", episodes=[episode(PLACE="R1", DEC="01/12/2025", REC="E45")]),
        child("C2", episodes=[episode(PLACE="U6", DEC="01/12/2025", REC="E46")]),
    )
    assert found == ["C1"]


def placed_after(before: str, placement: str) -> list[dict]:
    return [
        episode(PLACE=before, DEC="01/07/2025", REC="X1"),
        episode(DECOM="01/07/2025", RNE="P", PLACE=placement),
    ]


def test_placed_for_adoption_with_current_foster_carers_not_from_foster_care_is_reported():
    found = broken_by(
        "336",
        child("C1", episodes=placed_after("P1", "A3")),
        child("C2", episodes=placed_after("U1", "A5")),
        child("C3", episodes=placed_after("P1", "A4")),
        child("C4", episodes=placed_after("P1", "A5")),
        child("C5", episodes=[episode(PLACE="A3")]),  # no episode before it to judge
    )
    assert found == ["C1", "C4"]


def adopted_from(placement: str) -> list[dict]:
    return [episode(PLACE=placement, DEC="01/12/2025", REC="E11")]


def test_adopted_by_foster_carers_agrees_with_the_placement():
    found = broken_by(
        "335",
        child("C1", episodes=adopted_from("A3"), ad1=[ad1(FOSTER_CARE="0")]),
        child("C2", episodes=adopted_from("A4"), ad1=[ad1(FOSTER_CARE="1")]),
        child("C3", episodes=adopted_from("A3"), ad1=[ad1(FOSTER_CARE="1")]),
        child("C4", episodes=adopted_from("A6"), ad1=[ad1(FOSTER_CARE="0")]),
    )
    assert found == ["C1", "C2"]


def test_matched_after_being_placed_for_adoption_is_reported():
    # Placed on 1 July: a match on 15 July is after it, though before the last episode began.
    found = broken_by(
        "331",
        child("C1", episodes=ADOPTED, ad1=[ad1(DATE_MATCH="15/07/2025")]),
        child("C2", episodes=ADOPTED, ad1=[ad1(DATE_MATCH="01/07/2025")]),
    )
    assert found == ["C1"]


def test_adoption_decided_after_being_placed_for_adoption_is_reported():
    found = broken_by(
        "521",
        child("C1", episodes=ADOPTED, ad1=[ad1(DATE_INT="02/07/2025")]),
        child("C2", episodes=ADOPTED, ad1=[ad1(DATE_INT="01/07/2025")]),
    )
    assert found == ["C1"]


def test_a_decision_to_adopt_before_care_began_is_reported():
    found = broken_by(
        "334",
        child("C1", ad1=[ad1(DATE_INT="09/05/2025")]),
        child("C2", ad1=[ad1(DATE_INT="10/05/2025")]),
    )
    assert found == ["C1"]


def test_a_decision_to_adopt_on_another_day_than_the_decision_to_place_is_reported():
    found = broken_by(
        "523",
        child("C1", ad1=[ad1(DATE_INT="01/06/2025")],
              placed_for_adoption=[decision(DATE_PLACED="02/06/2025")]),
        child("C2", ad1=[ad1(DATE_INT="01/06/2025")], placed_for_adoption=[decision()]),
    )  # fmt: skip
    assert found == ["C1"]


def test_adopted_after_the_decision_was_reversed_is_reported():
    found = broken_by(
        "525",
        child("C1", ad1=[ad1()],
              placed_for_adoption=[reversed_decision("01/06/2025", "01/08/2025")]),
        child("C2", ad1=[ad1()], placed_for_adoption=[decision()]),
        child("C3", ad1=[dict.fromkeys(ad1())],
              placed_for_adoption=[reversed_decision("01/06/2025", "01/08/2025")]),
    )  # fmt: skip
    assert found == ["C1"]


def test_matched_on_the_day_of_adoption_is_reported():
    found = broken_by(
        "582",
        child("C1", episodes=ADOPTED, ad1=[ad1(DATE_MATCH="01/12/2025")]),
        child("C2", episodes=ADOPTED, ad1=[ad1(DATE_MATCH="30/11/2025")]),
    )
    assert found == ["C1"]


def test_adopted_in_the_year_without_the_adoption_details_is_reported():
    adopted_last_year = [episode(DECOM="10/05/2024", PLACE="A4", DEC="31/03/2025", REC="E11")]
    found = broken_by(
        "601",
        child("C1", episodes=ADOPTED, ad1=[ad1(FOSTER_CARE=None)]),
        child("C2", episodes=ADOPTED),
        child("C3", episodes=ADOPTED, ad1=[ad1()]),
        child("C4", episodes=adopted_last_year),
    )
    assert found == ["C1", "C2"]


def test_adoption_details_for_a_child_not_adopted_in_the_year_are_reported():
    found = broken_by(
        "602",
        child("C1", ad1=[ad1()]),
        child("C2", episodes=ADOPTED, ad1=[ad1()]),
        child("C3", ad1=[dict.fromkeys(ad1())]),
    )
    assert found == ["C1"]


def test_looked_after_again_after_an_adoption_is_reported():
    adopted_then_back = [
        episode(PLACE="A4", DEC="01/07/2025", REC="E11"),
        episode(DECOM="01/09/2025"),
    ]
    found = broken_by(
        "199",
        child("C1", episodes=adopted_then_back),
        child("C2", episodes=ADOPTED),
    )
    assert found == ["C1"]


def test_an_adoption_in_last_years_return_counts_when_it_is_given():
    adopted_last_year = [episode(DECOM="10/05/2024", PLACE="A4", DEC="01/02/2025", REC="E12")]
    this_year = [child("C1"), child("C2")]
    last_year = [child("C1", episodes=adopted_last_year), child("C2")]
    assert broken_by("199", *this_year) == []
    assert broken_by("199", *this_year, last_year=last_year) == ["C1"]
