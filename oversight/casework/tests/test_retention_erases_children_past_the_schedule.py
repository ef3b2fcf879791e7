"""The retention schedule, worked out by hand, and erasure of a child with all their records.

Looked after: kept until the 75th birthday. Other children: until the 25th birthday and
at least 6 years after the last record.
"""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Allocation, CareEpisode, Child, Contact, Deadline
from oversight.casework.retention import (
    NO_BIRTHDAY,
    OPEN_CASE,
    SCHEDULE,
    Facts,
    apply_schedule,
    birthday,
    keep_until,
    verdict,
)
from oversight.casework.tests.conftest import make_child


def facts(born, *, looked_after=False, last=None, open_case=False) -> Facts:
    return Facts(1, born, looked_after, last, open_case)


def test_every_rule_names_its_source():
    assert {rule.covers for rule in SCHEDULE} == {"looked-after", "other"}
    assert all(len(rule.source) > 40 for rule in SCHEDULE)


def test_a_looked_after_child_is_kept_until_the_75th_birthday():
    born = date(1950, 6, 1)
    assert keep_until(facts(born, looked_after=True, last=date(1968, 6, 1))) == date(2025, 6, 1)
    assert verdict(facts(born, looked_after=True), date(2025, 5, 31))[0] is False
    assert verdict(facts(born, looked_after=True), date(2025, 6, 1)) == (
        True,
        "looked after: past the 75th birthday",
    )


def test_another_child_is_kept_until_the_25th_birthday():
    born = date(2000, 3, 15)
    # Last contact at 10: the 25th birthday is later than six years on.
    assert keep_until(facts(born, last=date(2010, 1, 4))) == date(2025, 3, 15)


def test_a_contact_after_19_keeps_the_record_six_years_from_it():
    born = date(2000, 3, 15)
    # A contact at 22 (2022-09-01): kept to 2028-09-01, beyond the 25th birthday.
    assert keep_until(facts(born, last=date(2022, 9, 1))) == date(2028, 9, 1)
    assert verdict(facts(born, last=date(2022, 9, 1)), date(2028, 8, 31))[0] is False
    assert verdict(facts(born, last=date(2022, 9, 1)), date(2028, 9, 1))[0] is True


def test_a_leap_day_birthday_falls_on_the_first_of_march():
    assert birthday(date(2004, 2, 29), 25) == date(2029, 3, 1)


def test_an_open_case_or_no_date_of_birth_is_never_erased():
    assert verdict(facts(date(1900, 1, 1), open_case=True), date(2026, 1, 1)) == (False, OPEN_CASE)
    assert verdict(facts(None), date(2026, 1, 1)) == (False, NO_BIRTHDAY)


@pytest.fixture
def past_and_present(team, worker):
    """Old: born 1990, a contact in 2005 and an allocation that ended in 2006: past both
    25 (2015) and 2005 + 6. Care: born 1995, looked after 2009-2010, kept to 2070.
    Open: born 1980, still allocated. Young: born 2015, allocation ended 2024."""
    old = make_child("OLD", born=date(1990, 4, 2))
    services.record_contact(old, received_on=date(2005, 5, 9), source_code="1A", team=team)
    services.allocate(old, team, worker, on=date(2005, 5, 10))
    services.end_allocation(old, date(2006, 1, 31))

    care = make_child("CARE", born=date(1995, 8, 8))
    services.allocate(care, team, worker, on=date(2009, 1, 5))
    episode, placement, plan = services.start_care_episode(
        care, started_on=date(2009, 1, 5), legal_status="C2", placement_type="U1"
    )
    services.end_care_episode(
        episode, placement, plan, ended_on=date(2010, 3, 1), reason_ceased="E11"
    )
    services.end_allocation(care, date(2010, 3, 1))

    open_ = make_child("OPEN", born=date(1980, 1, 1))
    services.allocate(open_, team, worker, on=date(2024, 1, 2))

    young = make_child("YOUNG", born=date(2015, 6, 1))
    services.allocate(young, team, worker, on=date(2023, 1, 2))
    services.end_allocation(young, date(2024, 2, 1))
    return old, care, open_, young


def test_a_dry_run_counts_by_reason_and_changes_nothing(past_and_present):
    outcome = apply_schedule(date(2026, 1, 5), dry_run=True)
    assert dict(outcome.due) == {
        "other children: past the 25th birthday and 6 years after the last record": 1
    }
    assert outcome.kept[OPEN_CASE] == 1
    assert outcome.kept["kept: within the retention period"] == 2
    assert Child.objects.count() == 4
    assert "would erase 1 children" in outcome.summary()


def test_erasure_removes_the_child_and_every_record_about_them(past_and_present):
    old, care, open_, young = past_and_present
    outcome = apply_schedule(date(2026, 1, 5), dry_run=False)
    assert sum(outcome.erased.values()) == 1 and outcome.records_erased >= 3
    assert set(Child.objects.values_list("la_child_id", flat=True)) == {"CARE", "OPEN", "YOUNG"}
    assert not Contact.objects.filter(child_id=old.pk).exists()
    assert not Allocation.objects.filter(child_id=old.pk).exists()
    assert not Deadline.objects.filter(child_id=old.pk).exists()
    summary = outcome.summary()
    assert "erased 1 children" in summary and "OLD" not in summary and "Ada" not in summary


def test_a_looked_after_child_goes_only_after_the_75th_birthday(past_and_present):
    old, care, open_, young = past_and_present
    assert CareEpisode.objects.filter(child=care).exists()
    apply_schedule(date(2070, 8, 7), dry_run=False)
    assert Child.objects.filter(pk=care.pk).exists()
    apply_schedule(date(2070, 8, 8), dry_run=False)
    assert not Child.objects.filter(pk=care.pk).exists()
    assert not CareEpisode.objects.filter(child_id=care.pk).exists()
