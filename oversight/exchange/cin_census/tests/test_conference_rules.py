"""Initial child protection conferences: after the referral, in the year, on weekdays, once.

Saturday 31 May and Sunday 1 June 2025 are a weekend; Monday 26 May 2025 is a bank
holiday (the rules are about weekends only).
"""

from oversight.exchange.cin_census.tests.builders import (
    census,
    child,
    episode,
    findings,
    ids,
    section47,
)


def with_enquiry(name="C1", episode_fields=None, **fields):
    enquiry = section47(**fields)
    return child(name, episodes=[episode(section47s=[enquiry], **(episode_fields or {}))])


def test_a_conference_the_day_before_the_referral_is_an_error_1104():
    cin = census(with_enquiry(S47ActualStartDate="2025-04-29", DateOfInitialCPC="2025-04-30"))
    found = findings("1104", cin)
    assert ids(found) == ["C1"]
    assert found[0].fields == (
        ("DateOfInitialCPC", "2025-04-30"),
        ("CINreferralDate", "2025-05-01"),
    )


def test_a_conference_on_the_day_of_the_referral_passes_1104():
    cin = census(with_enquiry(S47ActualStartDate="2025-05-01", DateOfInitialCPC="2025-05-01"))
    assert findings("1104", cin) == []


def test_the_episodes_own_conference_date_is_not_checked_by_1104():
    # The DfE sets 1104 on the section 47 module; a transfer-in conference is not in it.
    cin = census(child(episodes=[episode(DateOfInitialCPC="2025-04-30")]))
    assert findings("1104", cin) == []


def test_a_conference_given_for_both_the_episode_and_its_enquiry_is_an_error_2884():
    cin = census(with_enquiry(episode_fields={"DateOfInitialCPC": "2025-05-27"}))
    found = findings("2884", cin)
    assert ids(found) == ["C1"]
    assert found[0].fields == (("DateOfInitialCPC", "2025-05-27"),)


def test_different_conferences_for_the_episode_and_its_enquiry_pass_2884():
    cin = census(with_enquiry(episode_fields={"DateOfInitialCPC": "2025-05-02"}))
    assert findings("2884", cin) == []


def test_the_same_date_in_another_episode_passes_2884():
    first = episode(
        DateOfInitialCPC="2025-05-27", CINclosureDate="2025-06-30", ReasonForClosure="RC7"
    )
    second = episode(CINreferralDate="2025-05-02", section47s=[section47()])
    assert findings("2884", census(child(episodes=[first, second]))) == []


def test_a_conference_outside_the_year_is_an_error_8715():
    after = with_enquiry(
        S47ActualStartDate="2026-03-20", InitialCPCtarget=None, DateOfInitialCPC="2026-04-01"
    )
    before = with_enquiry(
        "C2",
        {"CINreferralDate": "2025-03-03"},
        S47ActualStartDate="2025-03-04",
        InitialCPCtarget=None,
        DateOfInitialCPC="2025-03-31",
    )
    found = findings("8715", census(after, before))
    assert ids(found) == ["C1", "C2"]
    assert sorted(f.fields for f in found) == [
        (("DateOfInitialCPC", "2025-03-31"),),
        (("DateOfInitialCPC", "2026-04-01"),),
    ]


def test_conferences_on_the_first_and_last_days_of_the_year_pass_8715():
    first = with_enquiry(
        episode_fields={"CINreferralDate": "2025-03-03"},
        S47ActualStartDate="2025-03-04",
        DateOfInitialCPC="2025-04-01",
    )
    last = with_enquiry(
        "C2", S47ActualStartDate="2026-03-20", InitialCPCtarget=None, DateOfInitialCPC="2026-03-31"
    )
    assert findings("8715", census(first, last)) == []


def test_a_conference_target_at_a_weekend_is_queried_8870q():
    saturday = with_enquiry(InitialCPCtarget="2025-05-31")
    sunday = with_enquiry("C2", InitialCPCtarget="2025-06-01")
    found = findings("8870Q", census(saturday, sunday))
    assert ids(found) == ["C1", "C2"]
    assert sorted(f.fields for f in found) == [
        (("InitialCPCtarget", "2025-05-31"),),
        (("InitialCPCtarget", "2025-06-01"),),
    ]


def test_a_conference_target_on_a_friday_or_a_bank_holiday_monday_passes_8870q():
    friday = with_enquiry(InitialCPCtarget="2025-05-30")
    bank_holiday = with_enquiry("C2", InitialCPCtarget="2025-05-26")
    assert findings("8870Q", census(friday, bank_holiday)) == []


def test_a_conference_at_a_weekend_is_an_error_8875():
    saturday = with_enquiry(DateOfInitialCPC="2025-05-31")
    sunday = with_enquiry("C2", DateOfInitialCPC="2025-06-01")
    found = findings("8875", census(saturday, sunday))
    assert ids(found) == ["C1", "C2"]
    assert sorted(f.fields for f in found) == [
        (("DateOfInitialCPC", "2025-05-31"),),
        (("DateOfInitialCPC", "2025-06-01"),),
    ]


def test_a_conference_on_a_friday_or_a_bank_holiday_monday_passes_8875():
    friday = with_enquiry(DateOfInitialCPC="2025-05-30")
    bank_holiday = with_enquiry("C2", DateOfInitialCPC="2025-05-26")
    assert findings("8875", census(friday, bank_holiday)) == []
