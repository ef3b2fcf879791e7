"""The decisions to place a child for adoption, their reversal and the match with the
adopters: written in the return's placed for adoption and AD1 files, imported back into
the records' adoption decisions, and the same again after a round trip."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import AdoptionDecision, CareEpisode, Child
from oversight.exchange.ssda903.load import load_903
from oversight.exchange.ssda903.load_adoption import (
    FOSTER_FROM_PLACEMENT,
    NO_DECISION,
    NOT_IN_CARE,
    NUMBER_FROM_SEX,
)
from oversight.exchange.ssda903.tests import care_records
from oversight.exchange.ssda903.tests.adoption_cases import ADOPTED, ad1, decision
from oversight.exchange.ssda903.tests.builders import child, write
from oversight.exchange.ssda903.tests.return_files import lines, texts, written

pytestmark = pytest.mark.django_db


def adopted_by_strangers() -> CareEpisode:
    """D1 (born 3 March 2023): in care from 6 March 2024 in foster care; decided for on
    3 June 2024; a placement order from 2 September 2024 (a new episode, L); matched on
    14 April 2025 with a married couple; placed with them (A6) on 12 May 2025, adopted on
    20 November 2025. Returns the placement order's episode."""
    d1 = care_records.child("D1", "2", date(2023, 3, 3), "WBRI")
    care_records.referred(d1, date(2024, 3, 1), "N1")
    first, placement, plan = services.start_care_episode(
        d1, started_on=date(2024, 3, 6), legal_status="C1", placement_type="U4", provider="PR1"
    )
    decided = services.record_adoption_decision(first, decided_on=date(2024, 6, 3))
    services.end_care_episode(first, placement, plan, ended_on=date(2024, 9, 2),
                              reason_ceased="X1")  # fmt: skip
    order, placement, plan = services.start_care_episode(
        d1, started_on=date(2024, 9, 2), legal_status="E1", placement_type="U4",
        reason_new_episode="L", provider="PR1",
    )  # fmt: skip
    services.record_adoption_match(decided, matched_on=date(2025, 4, 14), adopters_sex="MF",
                                   adopters_legal_status="L11")  # fmt: skip
    placement = services.change_placement(order, placement, on=date(2025, 5, 12),
                                          placement_type="A6", change_reason="CARPL",
                                          provider="PR1")  # fmt: skip
    services.end_care_episode(order, placement, plan, ended_on=date(2025, 11, 20),
                              reason_ceased="E11")  # fmt: skip
    return order


# Writing


def test_an_adoption_gives_its_decision_match_and_adopters(tmp_path):
    adopted_by_strangers()
    written(tmp_path)
    assert lines(tmp_path, "placed_for_adoption") == ["D1,03/03/2023,03/06/2024,,"]
    # Placed with strangers (A6): not the foster carers; a couple: two adopters.
    assert lines(tmp_path, "ad1") == ["D1,03/03/2023,03/06/2024,14/04/2025,0,2,MF,L11"]


def test_a_decision_reversed_before_the_year_is_left_out_and_one_reversed_after_is_open(
    tmp_path,
):
    episode = adopted_by_strangers()
    held = AdoptionDecision.objects.get()
    services.reverse_adoption_decision(held, reversed_on=date(2024, 8, 1), reason="RD1")
    services.record_adoption_decision(episode, decided_on=date(2025, 2, 3))
    again = AdoptionDecision.objects.get(decided_on=date(2025, 2, 3))
    services.reverse_adoption_decision(again, reversed_on=date(2026, 4, 2), reason="RD4")
    written(tmp_path)
    # The first was reversed before April 2025; the second's reversal is after 31 March 2026.
    assert lines(tmp_path, "placed_for_adoption") == ["D1,03/03/2023,03/02/2025,,"]
    # The AD1 items come from the latest decision by the adoption, which has no match.
    assert lines(tmp_path, "ad1") == ["D1,03/03/2023,03/02/2025,,0,,,"]


# Importing


def test_the_files_are_kept_as_a_decision_with_its_match_and_again_change_nothing(tmp_path):
    return_ = write(tmp_path / "return", child("C1", episodes=ADOPTED, ad1=[ad1()],
                                               placed_for_adoption=[decision()]))  # fmt: skip
    summary = load_903([return_])
    held = AdoptionDecision.objects.get()
    assert (held.decided_on, held.matched_on, held.adopters_sex, held.adopters_legal_status,
            held.reversed_on) == (
        date(2025, 6, 1), date(2025, 6, 15), "MF", "L11", None,
    )  # fmt: skip
    assert held.origin.startswith("SSDA903 placed_for_adoption.csv")
    assert (summary.created["adoption_decisions"], summary.created["adoption_matches"]) == (1, 1)
    adoption_items = {"DATE_PLACED", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR",
                      "SEX_ADOPTR", "LS_ADOPTR"}  # fmt: skip
    assert not {name for name, _ in summary.notes.counts} & adoption_items
    assert load_903([return_]).changed_nothing


def test_a_later_return_brings_the_reversal(tmp_path):
    rows = {"episodes": ADOPTED[:1]}
    load_903([write(tmp_path / "first", child("C1", placed_for_adoption=[decision()], **rows))])
    reversed_ = decision(DATE_PLACED_CEASED="01/09/2025", REASON_PLACED_CEASED="RD3")
    summary = load_903([write(tmp_path / "later", child("C1", placed_for_adoption=[reversed_],
                                                        **rows))])  # fmt: skip
    held = AdoptionDecision.objects.get()
    assert (held.reversed_on, held.reversed_reason) == (date(2025, 9, 1), "RD3")
    assert summary.created["adoption_decisions_reversed"] == 1


def test_what_the_records_tell_otherwise_or_cannot_place_is_noted(tmp_path):
    # C1 is placed with strangers (A4): FOSTER_CARE 1 and a single adopter as two disagree.
    disagreeing = ad1(FOSTER_CARE="1", NB_ADOPTR="1")
    # C2's AD1 names a decision the return does not hold; C3's decision predates his care.
    summary = load_903([write(
        tmp_path / "return",
        child("C1", episodes=ADOPTED, ad1=[disagreeing], placed_for_adoption=[decision()]),
        child("C2", episodes=ADOPTED, ad1=[ad1(DATE_INT="02/06/2025")],
              placed_for_adoption=[decision()]),
        child("C3", placed_for_adoption=[decision(DATE_PLACED="09/05/2025")]),
    )])  # fmt: skip
    counts = summary.notes.counts
    assert counts[("FOSTER_CARE", FOSTER_FROM_PLACEMENT)] == 1
    assert counts[("NB_ADOPTR", NUMBER_FROM_SEX)] == 1
    assert counts[("DATE_INT", NO_DECISION)] == 1 and counts[("DATE_MATCH", NO_DECISION)] == 1
    assert counts[("DATE_PLACED", NOT_IN_CARE)] == 1
    kept = AdoptionDecision.objects.order_by("child__la_child_id")
    assert [(d.child.la_child_id, d.matched_on) for d in kept] == [
        ("C1", date(2025, 6, 15)), ("C2", None),
    ]  # fmt: skip


def test_a_refused_reversal_holds_the_child_back_with_the_field(tmp_path):
    early = decision(DATE_PLACED_CEASED="31/05/2025", REASON_PLACED_CEASED="RD1")
    summary = load_903([write(tmp_path / "return", child("C1", placed_for_adoption=[early]))],
                       quarantine=True)  # fmt: skip
    (problem,) = summary.held_back["C1"]
    assert problem.field == "DATE_PLACED_CEASED" and "before the decision" in problem.message
    assert not Child.objects.exists()


# Round trip


def test_records_written_and_imported_into_empty_records_come_back_the_same(tmp_path):
    adopted_by_strangers()
    fields = ("decided_on", "reversed_on", "reversed_reason", "matched_on", "adopters_sex",
              "adopters_legal_status")  # fmt: skip
    before = list(AdoptionDecision.objects.values_list(*fields))
    first, again = tmp_path / "first", tmp_path / "again"
    written(first)
    Child.objects.all().delete()
    summary = load_903([first])
    assert list(AdoptionDecision.objects.values_list(*fields)) == before
    assert {name for name, _ in summary.notes.counts} <= {"CIN"}
    written(again)
    assert texts(again)["ad1"] == texts(first)["ad1"]
    assert texts(again)["placed_for_adoption"] == texts(first)["placed_for_adoption"]
