"""The synthetic children's school and family details: a valid UPN for each child who
has started school (none shared), and a mother's status for girls looked after at 12 or
over, a few of them mothers; none for boys."""

from datetime import date

import pytest

from oversight.casework.models import Child
from oversight.codes.upn import upn_problem
from oversight.synth.people import LA_NUMBER, school_start
from oversight.synth.tests.conftest import TODAY

pytestmark = pytest.mark.django_db


def test_every_upn_is_valid_issued_by_the_synthetic_la_and_unique(small_la):
    upns = list(Child.objects.exclude(upn="").values_list("upn", flat=True))
    assert len(upns) > 100
    assert [upn for upn in upns if upn_problem(upn) or upn[1:4] != LA_NUMBER] == []
    assert len(set(upns)) == len(upns)


def test_children_not_yet_at_school_and_asylum_seekers_have_no_upn(small_la):
    children = Child.objects.exclude(date_of_birth=None).values("date_of_birth", "uasc", "upn")
    for child in children:
        at_school = school_start(child["date_of_birth"]) <= TODAY and not child["uasc"]
        assert bool(child["upn"]) == at_school, child


def test_school_starts_the_september_of_the_year_a_child_turns_5():
    assert school_start(date(2019, 8, 31)) == date(2023, 9, 1)  # 5 on 31 August 2024
    assert school_start(date(2019, 9, 1)) == date(2024, 9, 1)  # 5 on 1 September 2024


def test_only_girls_have_a_mothers_status_and_few_are_mothers(small_la):
    assert not Child.objects.exclude(sex="2").filter(is_mother__isnull=False).exists()
    girls = Child.objects.filter(sex="2", is_mother__isnull=False)
    mothers = girls.filter(is_mother=True)
    assert girls.count() >= 5 and mothers.count() <= girls.count() // 4
    for mother in mothers:
        assert mother.date_of_birth.replace(year=mother.date_of_birth.year + 12) < (
            mother.first_child_born_on
        ) < TODAY  # fmt: skip
