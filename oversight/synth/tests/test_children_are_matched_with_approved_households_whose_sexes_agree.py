"""A child placed with the LA's own adopters is matched with a household approved by then
and still waiting, whose people's sexes give the adopters' sex recorded on the match; a
child placed through another agency, or when nobody is waiting, has no household."""

import random
from datetime import date

import pytest

from oversight.casework.models import AdoptionDecision
from oversight.casework.services.adopters import adopters_sex
from oversight.casework.services.adoption import SEXES_BY_LEGAL_STATUS
from oversight.synth.adopters import Household
from oversight.synth.matching import PlannedMatch, choose_households

MATCHED = date(2024, 5, 1)


def household(
    index: int, approved: date | None = date(2024, 1, 10), *, fostering: bool = False,
    gives_up: date | None = None,
) -> Household:  # fmt: skip
    steps = {"enquiry_on": date(2023, 1, 2)} | ({"approved_on": approved} if approved else {})
    waiting = (gives_up or date(2026, 1, 5), "2") if approved else None
    return Household(index, "MF", "L11", (), steps, fostering, None, waiting)


def chosen(matches, households):
    found = choose_households(list(enumerate(matches)), households, random.Random(1))
    return {child: picked.index for (child, _), picked in found.items()}


def test_the_household_is_approved_by_the_match_and_has_not_given_up():
    households = [
        household(0, approved=date(2024, 6, 3)),  # approved after the match
        household(1, approved=date(2023, 6, 1), gives_up=date(2024, 4, 2)),  # gave up before
        household(2, approved=None),  # never approved
        household(3),
    ]
    assert chosen([PlannedMatch(MATCHED, "A6", "PR1")], households) == {0: 3}


def test_a_child_placed_with_its_foster_carers_is_matched_with_fostering_for_adoption():
    households = [household(0), household(1, fostering=True)]
    assert chosen([PlannedMatch(MATCHED, "A5", "PR1")], households) == {0: 1}
    assert chosen([PlannedMatch(MATCHED, "A5", "PR1")], households[:1]) == {}


def test_a_child_placed_through_another_agency_has_no_household():
    matches = [PlannedMatch(MATCHED, "A6", "PR2"), PlannedMatch(MATCHED, "A6", "PR5"),
               PlannedMatch(MATCHED, "A5", "PR4")]  # fmt: skip
    assert chosen(matches, [household(0, fostering=True)]) == {}


def test_a_child_not_yet_placed_by_today_may_be_matched_with_the_las_own_adopters():
    assert chosen([PlannedMatch(MATCHED, "", "")], [household(0)]) == {0: 0}


def test_a_household_is_matched_once_and_the_earlier_match_has_it():
    later, earlier = PlannedMatch(date(2024, 9, 2), "A6", "PR1"), PlannedMatch(MATCHED, "A6", "PR1")
    assert chosen([later, earlier], [household(0)]) == {1: 0}


@pytest.mark.django_db
def test_every_match_with_a_household_is_after_its_approval_and_agrees_with_its_sexes(small_la):
    decisions = AdoptionDecision.objects.filter(household__isnull=False).select_related("household")
    assert decisions.exists()
    for decision in decisions:
        household = decision.household
        assert household.approved_on <= decision.matched_on
        assert household.left_on is None or household.left_on >= decision.matched_on
        assert adopters_sex(household) == decision.adopters_sex
        assert decision.adopters_sex in SEXES_BY_LEGAL_STATUS[decision.adopters_legal_status]
    households = [decision.household_id for decision in decisions]
    assert len(set(households)) == len(households)
