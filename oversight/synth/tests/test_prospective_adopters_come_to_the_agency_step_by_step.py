"""The synthetic LA's prospective adopters: households at every step of the two-stage
process, some leaving it and some still in it, each one adopter or a couple with ids in
the LA's format and names from the generator's lists, and nothing after its today."""

import re

import pytest

from oversight.casework.models import Adopter, AdopterHousehold
from oversight.casework.models.adopters import STEPS
from oversight.casework.services.adopters import adopters_sex
from oversight.synth.people import MENS_NAMES, SURNAMES, WOMENS_NAMES

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def test_households_reach_every_step_and_some_leave_while_others_are_still_in_it(small_la):
    households = AdopterHousehold.objects.all()
    for name, label in STEPS:
        assert households.filter(**{f"{name}__isnull": False}).exists(), label
    assert households.filter(left_on__isnull=False).exists()
    assert households.filter(left_on__isnull=True, approved_on__isnull=True).exists()
    assert households.filter(matches__isnull=False).exists()


def test_most_households_leave_or_wait_before_applying(small_la):
    households = AdopterHousehold.objects.all()
    assert households.filter(applied_on__isnull=True).count() > households.count() / 2


def test_nothing_is_after_the_generators_today(small_la):
    for name in [name for name, _ in STEPS] + ["left_on"]:
        assert not AdopterHousehold.objects.filter(**{f"{name}__gt": TODAY}).exists(), name


def test_family_and_adopter_ids_are_unique_and_in_the_las_format(small_la):
    families = list(AdopterHousehold.objects.values_list("family_id", flat=True))
    adopters = list(Adopter.objects.values_list("adopter_id", flat=True))
    assert len(set(families)) == len(families) and len(set(adopters)) == len(adopters)
    assert all(re.fullmatch(r"F\d{6}", family) for family in families)
    assert all(re.fullmatch(r"A\d{6}", adopter) for adopter in adopters)


def test_each_household_is_one_adopter_or_a_couple_named_from_the_lists(small_la):
    for household in AdopterHousehold.objects.prefetch_related("adopters"):
        people = list(household.adopters.all())
        assert adopters_sex(household) is not None and 1 <= len(people) <= 2
        for person in people:
            assert person.first_name in (MENS_NAMES if person.sex == "1" else WOMENS_NAMES)
            assert person.last_name in SURNAMES


def test_households_left_after_their_last_step(small_la):
    for household in AdopterHousehold.objects.filter(left_on__isnull=False):
        steps = [getattr(household, name) for name, _ in STEPS]
        assert household.left_on >= max(day for day in steps if day is not None)
        assert household.left_reason in ("1", "2", "3")
