"""Recording a child's UPN, date of death and mother's status (``record_child_details``)."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Child
from oversight.casework.services.child_details import record_child_details

pytestmark = pytest.mark.django_db


def registered(sex: str) -> Child:
    return services.register_child(
        la_child_id=f"D{sex}", first_name="Test", last_name="Child", sex=sex,
        date_of_birth=date(2009, 4, 2), ethnicity="WBRI",
    )  # fmt: skip


def test_a_valid_upn_is_kept_in_capitals():
    child = record_child_details(registered("2"), upn="r870200120017")
    child.refresh_from_db()
    assert child.upn == "R870200120017"


def test_a_upn_with_the_wrong_check_letter_is_refused_and_nothing_saved():
    child = registered("2")
    with pytest.raises(services.CaseworkError, match="should be R") as refused:
        record_child_details(child, upn="A870200120017")
    assert refused.value.field == "upn"
    assert Child.objects.get(pk=child.pk).upn == ""


def test_only_a_girl_is_recorded_as_a_mother():
    with pytest.raises(services.CaseworkError) as refused:
        record_child_details(registered("1"), is_mother=False)
    assert refused.value.field == "is_mother"


def test_her_first_childs_birth_needs_her_recorded_as_a_mother():
    girl = registered("2")
    with pytest.raises(services.CaseworkError) as refused:
        record_child_details(girl, first_child_born_on=date(2025, 11, 3))
    assert refused.value.field == "first_child_born_on"
    record_child_details(girl, is_mother=True, first_child_born_on=date(2025, 11, 3))
    girl.refresh_from_db()
    assert (girl.is_mother, girl.first_child_born_on) == (True, date(2025, 11, 3))


def test_a_death_before_the_birth_is_refused():
    with pytest.raises(services.CaseworkError) as refused:
        record_child_details(registered("1"), died_on=date(2009, 4, 1))
    assert refused.value.field == "died_on"


# change_child_details: every item set as given, an empty one cleared.


def test_changing_the_details_sets_each_as_given_and_clears_the_empty_ones():
    child = record_child_details(registered("2"), upn="R870200120017", is_mother=True,
                                 first_child_born_on=date(2025, 1, 5))  # fmt: skip
    services.change_child_details(
        child, upn="", died_on=date(2025, 6, 1), is_mother=None, first_child_born_on=None
    )
    child.refresh_from_db()
    assert (child.upn, child.died_on, child.is_mother, child.first_child_born_on) == (
        "", date(2025, 6, 1), None, None,
    )  # fmt: skip


def test_changing_the_details_is_checked_as_recording_them_is_and_saves_nothing_refused():
    child = record_child_details(registered("2"), upn="R870200120017")
    with pytest.raises(services.CaseworkError) as refused:
        services.change_child_details(
            child, upn="", died_on=date(2008, 1, 1), is_mother=None, first_child_born_on=None
        )
    assert refused.value.field == "died_on"
    with pytest.raises(services.CaseworkError) as refused:
        services.change_child_details(
            child, upn="", died_on=None, is_mother=None, first_child_born_on=date(2025, 1, 5)
        )
    assert refused.value.field == "first_child_born_on"
    assert Child.objects.get(pk=child.pk).upn == "R870200120017"


def test_a_former_upn_is_checked_as_a_upn_and_is_not_the_upn_now():
    child = record_child_details(registered("1"), upn="R870200120017")
    for former, why in (("A201000000017", "should be W"), ("r870200120017", "UPN now")):
        with pytest.raises(services.CaseworkError, match=why) as refused:
            record_child_details(child, former_upn=former)
        assert refused.value.field == "former_upn"
    record_child_details(child, former_upn="w201000000017")
    child.refresh_from_db()
    assert (child.upn, child.former_upn) == ("R870200120017", "W201000000017")
