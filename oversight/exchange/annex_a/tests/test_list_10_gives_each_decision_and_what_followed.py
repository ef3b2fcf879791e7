"""List 10 (adoption): a row for each decision to place for adoption, with the period of
care it was made in, the placement order, the match, the placement for adoption and the
adoption order; nothing after the inspection date. Worked out by hand."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.exchange.annex_a.gather import Context
from oversight.exchange.annex_a.tests.journeys import AS_AT, LONG_AGO, child
from oversight.exchange.annex_a.write import BUILDERS

pytestmark = pytest.mark.django_db
COLUMNS = ("child_id", "entered_care", "adoption_decision", "placement_order", "matched",
           "placed", "adoption_order", "decision_reversed", "reversal_reason")  # fmt: skip


def rows() -> list[tuple[object, ...]]:
    found = BUILDERS[10](Context(AS_AT))
    return sorted((tuple(row.get(c) for c in COLUMNS) for row in found), key=str)


def test_an_adoption_gives_its_decision_order_match_placement_and_order():
    episode, placement, plan = services.start_care_episode(
        child("A1"), started_on=LONG_AGO, legal_status="C1", placement_type="U4", provider="PR1"
    )
    decision = services.record_adoption_decision(episode, decided_on=date(2023, 8, 1))
    episode, placement = services.change_legal_status(episode, placement, on=date(2023, 10, 2),
                                                      legal_status="E1")  # fmt: skip
    services.record_adoption_match(decision, matched_on=date(2024, 5, 6), adopters_sex="FF",
                                   adopters_legal_status="L12")  # fmt: skip
    placement = services.change_placement(episode, placement, on=date(2024, 6, 3),
                                          placement_type="A6", change_reason="CARPL")  # fmt: skip
    services.end_care_episode(episode, placement, plan, ended_on=date(2024, 12, 2),
                              reason_ceased="E11")  # fmt: skip
    assert rows() == [("A1", LONG_AGO, date(2023, 8, 1), date(2023, 10, 2), date(2024, 5, 6),
                       date(2024, 6, 3), date(2024, 12, 2), None, None)]  # fmt: skip


def test_a_reversal_after_the_date_is_not_known_on_it_and_one_before_is():
    episode, _, _ = services.start_care_episode(
        child("R1"), started_on=LONG_AGO, legal_status="C2", placement_type="U6"
    )
    first = services.record_adoption_decision(episode, decided_on=date(2023, 9, 1))
    services.reverse_adoption_decision(first, reversed_on=date(2024, 7, 1), reason="RD1")
    second = services.record_adoption_decision(episode, decided_on=date(2024, 9, 2))
    services.reverse_adoption_decision(second, reversed_on=date(2025, 4, 2), reason="RD3")
    assert rows() == [
        ("R1", LONG_AGO, date(2023, 9, 1), None, None, None, None, date(2024, 7, 1), "RD1"),
        ("R1", LONG_AGO, date(2024, 9, 2), None, None, None, None, None, None),
    ]  # fmt: skip


def test_an_adoption_with_no_decision_recorded_has_a_row_with_the_decision_blank():
    episode, placement, plan = services.start_care_episode(
        child("N1"), started_on=LONG_AGO, legal_status="C2", placement_type="U6"
    )
    services.end_care_episode(episode, placement, plan, ended_on=date(2024, 10, 1),
                              reason_ceased="E12")  # fmt: skip
    assert rows() == [("N1", LONG_AGO, None, None, None, None, date(2024, 10, 1), None, None)]


def test_a_fostering_for_adoption_placement_gives_the_day_the_child_was_placed_in_it():
    # Care from LONG_AGO in U6; the decision on 1 May 2024; moved on 6 May 2024 to foster
    # carers approved as adopters (U5); the placement order there on 3 June 2024 (the same
    # placement, a row of its own); placed for adoption with them (A5) on 2 September 2024.
    episode, placement, plan = services.start_care_episode(
        child("F1"), started_on=LONG_AGO, legal_status="C2", placement_type="U6"
    )
    services.record_adoption_decision(episode, decided_on=date(2024, 5, 1))
    placement = services.change_placement(episode, placement, on=date(2024, 5, 6),
                                          placement_type="U5", change_reason="CARPL")  # fmt: skip
    episode, placement = services.change_legal_status(episode, placement, on=date(2024, 6, 3),
                                                      legal_status="E1")  # fmt: skip
    services.change_placement(episode, placement, on=date(2024, 9, 2), placement_type="A5",
                              change_reason="CARPL")  # fmt: skip
    [row] = BUILDERS[10](Context(AS_AT))
    assert (row["ffa_placed"], row["placement_order"], row["placed"]) == (
        date(2024, 5, 6), date(2024, 6, 3), date(2024, 9, 2),
    )  # fmt: skip
