"""Recording the decision to place a child for adoption, its reversal and the match with
the adopters (``services.adoption``), checked as the DfE's rules check the return."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import AdoptionDecision, CareEpisode
from oversight.casework.services.adoption import number_of_adopters

pytestmark = pytest.mark.django_db
CARE_BEGAN = date(2024, 2, 5)


def in_care(ended_on: date | None = None) -> CareEpisode:
    child = services.register_child(
        la_child_id="A1", first_name="Test", last_name="Child", sex="2",
        date_of_birth=date(2022, 9, 1), ethnicity="WBRI",
    )  # fmt: skip
    episode, placement, plan = services.start_care_episode(
        child, started_on=CARE_BEGAN, legal_status="C2", placement_type="U4", provider="PR1"
    )
    if ended_on is not None:
        services.end_care_episode(episode, placement, plan, ended_on=ended_on, reason_ceased="E13")
    return episode


def test_a_decision_is_made_while_the_child_is_looked_after():
    episode = in_care(ended_on=date(2025, 1, 10))
    for outside in (date(2024, 2, 4), date(2025, 1, 11)):
        with pytest.raises(services.CaseworkError, match="not looked after") as refused:
            services.record_adoption_decision(episode, decided_on=outside)
        assert refused.value.field == "decided_on"
    assert not AdoptionDecision.objects.exists()
    # The first and the last day of care are days of care.
    services.record_adoption_decision(episode, decided_on=CARE_BEGAN)
    services.record_adoption_decision(episode, decided_on=date(2025, 1, 10),
                                      held=[])  # fmt: skip
    assert AdoptionDecision.objects.count() == 2


def test_a_new_decision_needs_the_last_reversed_by_its_day():
    episode = in_care()
    first = services.record_adoption_decision(episode, decided_on=date(2024, 6, 3))
    with pytest.raises(services.CaseworkError, match="still stands"):
        services.record_adoption_decision(episode, decided_on=date(2024, 9, 2))
    services.reverse_adoption_decision(first, reversed_on=date(2024, 9, 2), reason="RD2")
    with pytest.raises(services.CaseworkError, match="already recorded"):
        services.record_adoption_decision(episode, decided_on=date(2024, 6, 3))
    # Reversed on the 2nd: a new decision that day or later stands; one before does not.
    services.record_adoption_decision(episode, decided_on=date(2024, 9, 2))
    held = AdoptionDecision.objects.order_by("decided_on")
    assert [(d.decided_on, d.reversed_on, d.reversed_reason) for d in held] == [
        (date(2024, 6, 3), date(2024, 9, 2), "RD2"),
        (date(2024, 9, 2), None, ""),
    ]


def test_a_reversal_comes_on_or_after_the_decision_with_a_dfe_reason():
    decision = services.record_adoption_decision(in_care(), decided_on=date(2024, 6, 3))
    with pytest.raises(services.CaseworkError) as refused:
        services.reverse_adoption_decision(decision, reversed_on=date(2024, 6, 2), reason="RD1")
    assert refused.value.field == "reversed_on"
    with pytest.raises(services.CaseworkError, match="not a DfE reason no longer placed"):
        services.reverse_adoption_decision(decision, reversed_on=date(2024, 7, 1), reason="RD9")
    assert AdoptionDecision.objects.get().reversed_on is None


def test_the_match_comes_after_the_decision_with_adopters_as_their_status_allows():
    decision = services.record_adoption_decision(in_care(), decided_on=date(2024, 6, 3))
    with pytest.raises(services.CaseworkError) as refused:
        services.record_adoption_match(decision, matched_on=date(2024, 6, 2), adopters_sex="MF",
                                       adopters_legal_status="L11")  # fmt: skip
    assert refused.value.field == "matched_on"
    # A married couple of different gender (L11) is MF (rule 520); a single adopter (L0)
    # is M1 or F1 (rule 514).
    for sex, status in (("FF", "L11"), ("MF", "L0"), ("M1", "L4")):
        with pytest.raises(services.CaseworkError) as refused:
            services.record_adoption_match(
                decision, matched_on=date(2024, 10, 1), adopters_sex=sex,
                adopters_legal_status=status,
            )  # fmt: skip
        assert refused.value.field == "adopters_sex"
    services.record_adoption_match(decision, matched_on=date(2024, 10, 1), adopters_sex="FF",
                                   adopters_legal_status="L12")  # fmt: skip
    held = AdoptionDecision.objects.get()
    assert (held.matched_on, held.adopters_sex, held.adopters_legal_status) == (
        date(2024, 10, 1), "FF", "L12",
    )  # fmt: skip
    assert held.version == 2


def test_a_reversed_decision_takes_no_match():
    decision = services.record_adoption_decision(in_care(), decided_on=date(2024, 6, 3))
    services.reverse_adoption_decision(decision, reversed_on=date(2024, 8, 1), reason="RD3")
    with pytest.raises(services.CaseworkError, match="reversed on 2024-08-01"):
        services.record_adoption_match(decision, matched_on=date(2024, 9, 1), adopters_sex="M1",
                                       adopters_legal_status="L0")  # fmt: skip


def test_the_number_of_adopters_follows_their_sex():
    assert [number_of_adopters(s) for s in ("M1", "F1", "MM", "FF", "MF", "")] == [
        "1", "1", "2", "2", "2", "",
    ]  # fmt: skip


def test_a_decision_of_an_earlier_period_of_care_does_not_stand_in_a_later_one():
    first = in_care(ended_on=date(2025, 1, 10))  # adopted, say; back in care later
    services.record_adoption_decision(first, decided_on=date(2024, 6, 3))
    later, _placement, _plan = services.start_care_episode(
        first.child, started_on=date(2025, 6, 2), legal_status="C1", placement_type="U6"
    )
    services.record_adoption_decision(later, decided_on=date(2025, 9, 1))
    # Within the later period, after a change of legal status, the decision still stands.
    with pytest.raises(services.CaseworkError, match="still stands"):
        services.record_adoption_decision(later, decided_on=date(2025, 10, 1),
                                          period_began=date(2025, 6, 2))  # fmt: skip
    assert AdoptionDecision.objects.count() == 2
