"""Section 47 enquiries start after their referral, lead to a conference in time, do not overlap.

The census year is 1 April 2025 to 31 March 2026; 15 working days before Tuesday 31 March
2026 is Tuesday 10 March 2026 (three whole weeks, no bank holiday between).
"""

from oversight.exchange.cin_census.tests.builders import (
    census,
    child,
    episode,
    findings,
    ids,
    section47,
)

# An enquiry that has neither held its conference nor been flagged as needing none.
AWAITING = {"InitialCPCtarget": None, "DateOfInitialCPC": None, "ICPCnotRequired": "false"}


def with_enquiries(*enquiries, name="C1", **fields):
    return child(name, episodes=[episode(section47s=list(enquiries), **fields)])


def test_an_enquiry_starting_the_day_before_its_referral_is_an_error_2889():
    found = findings("2889", census(with_enquiries(section47(S47ActualStartDate="2025-04-30"))))
    assert ids(found) == ["C1"]
    assert found[0].fields == (
        ("S47ActualStartDate", "2025-04-30"),
        ("CINreferralDate", "2025-05-01"),
    )


def test_an_enquiry_starting_on_the_day_of_its_referral_passes_2889():
    cin = census(with_enquiries(section47(S47ActualStartDate="2025-05-01")))
    assert findings("2889", cin) == []


def test_an_enquiry_in_an_episode_without_assessments_is_queried_2991q():
    lone = child(episodes=[episode(assessments=[], section47s=[section47()])])
    assert ids(findings("2991Q", census(lone))) == ["C1"]


def test_an_enquiry_in_an_episode_with_an_assessment_passes_2991q():
    assert findings("2991Q", census(with_enquiries(section47()))) == []


def test_an_assessment_in_another_episode_does_not_count_2991q():
    first = episode(CINclosureDate="2025-06-30", ReasonForClosure="RC8")
    second = episode(
        CINreferralDate="2025-07-01",
        assessments=[],
        section47s=[
            section47(
                S47ActualStartDate="2025-07-02",
                InitialCPCtarget="2025-07-23",
                DateOfInitialCPC="2025-07-22",
            )
        ],
    )
    assert ids(findings("2991Q", census(child(episodes=[first, second])))) == ["C1"]


def test_an_enquiry_starting_after_its_conference_or_not_at_all_is_an_error_8615():
    late = with_enquiries(section47(S47ActualStartDate="2025-05-28"))
    no_start = with_enquiries(section47(S47ActualStartDate=None), name="C2")
    found = findings("8615", census(late, no_start))
    assert ids(found) == ["C1", "C2"]
    assert sorted(f.fields for f in found) == [
        (("S47ActualStartDate", ""), ("DateOfInitialCPC", "2025-05-27")),
        (("S47ActualStartDate", "2025-05-28"), ("DateOfInitialCPC", "2025-05-27")),
    ]


def test_an_enquiry_starting_on_the_day_of_its_conference_passes_8615():
    cin = census(with_enquiries(section47(S47ActualStartDate="2025-05-27")))
    assert findings("8615", cin) == []


def test_an_enquiry_started_16_working_days_before_the_end_awaiting_a_conference_is_queried_8675q():
    false = with_enquiries(section47(S47ActualStartDate="2026-03-09", **AWAITING))
    # The census takes TRUE and FALSE as well as true, false, 1 and 0.
    upper = with_enquiries(
        section47(S47ActualStartDate="2026-03-09", **AWAITING | {"ICPCnotRequired": "FALSE"}),
        name="C2",
    )
    found = findings("8675Q", census(false, upper))
    assert ids(found) == ["C1", "C2"]
    assert found[0].fields == (
        ("S47ActualStartDate", "2026-03-09"),
        ("DateOfInitialCPC", ""),
        ("ICPCnotRequired", "false"),
    )


def test_an_enquiry_started_15_working_days_before_the_year_end_passes_8675q():
    cin = census(with_enquiries(section47(S47ActualStartDate="2026-03-10", **AWAITING)))
    assert findings("8675Q", cin) == []


def test_an_early_enquiry_that_needs_no_conference_or_says_nothing_passes_8675q():
    not_required = AWAITING | {"ICPCnotRequired": "true"}
    no_flag = AWAITING | {"ICPCnotRequired": None}
    cin = census(
        with_enquiries(section47(S47ActualStartDate="2026-03-09", **not_required)),
        with_enquiries(section47(S47ActualStartDate="2026-03-09", **no_flag), name="C2"),
    )
    assert findings("8675Q", cin) == []


def before_the_year(*enquiries, name="C1"):
    return with_enquiries(*enquiries, name=name, CINreferralDate="2025-03-03")


def test_an_enquiry_still_without_a_conference_started_before_the_year_is_an_error_8740():
    cin = census(before_the_year(section47(S47ActualStartDate="2025-03-31", **AWAITING)))
    found = findings("8740", cin)
    assert ids(found) == ["C1"]
    assert found[0].fields == (
        ("S47ActualStartDate", "2025-03-31"),
        ("DateOfInitialCPC", ""),
        ("ICPCnotRequired", "false"),
    )


def test_an_enquiry_without_a_conference_started_on_the_first_day_of_the_year_passes_8740():
    cin = census(with_enquiries(section47(S47ActualStartDate="2025-04-01", **AWAITING)))
    assert findings("8740", cin) == []


def test_an_enquiry_started_before_the_year_with_a_conference_or_none_needed_passes_8740():
    held = section47(
        S47ActualStartDate="2025-03-31",
        InitialCPCtarget="2025-04-22",
        DateOfInitialCPC="2025-04-10",
    )
    not_needed = section47(S47ActualStartDate="2025-03-31", **AWAITING | {"ICPCnotRequired": "1"})
    cin = census(before_the_year(held), before_the_year(not_needed, name="C2"))
    assert findings("8740", cin) == []


def test_two_enquiries_awaiting_a_conference_in_one_episode_are_both_errors_8839():
    first = section47(**AWAITING)
    # A missing flag does not say that no conference is needed.
    second = section47(S47ActualStartDate="2025-09-01", **AWAITING | {"ICPCnotRequired": None})
    found = findings("8839", census(with_enquiries(first, second)))
    assert ids(found) == ["C1", "C1"]
    assert sorted(f.fields[0] for f in found) == [
        ("S47ActualStartDate", "2025-05-06"),
        ("S47ActualStartDate", "2025-09-01"),
    ]


def test_one_enquiry_awaiting_a_conference_and_one_needing_none_pass_8839():
    first = section47(**AWAITING)
    second = section47(S47ActualStartDate="2025-09-01", **AWAITING | {"ICPCnotRequired": "TRUE"})
    assert findings("8839", census(with_enquiries(first, second))) == []


def test_enquiries_awaiting_a_conference_in_two_episodes_pass_8839():
    first = episode(
        section47s=[section47(**AWAITING)], CINclosureDate="2025-06-30", ReasonForClosure="RC7"
    )
    second = episode(CINreferralDate="2025-07-01", section47s=[section47(**AWAITING)])
    assert findings("8839", census(child(episodes=[first, second]))) == []


def test_an_enquiry_starting_on_the_day_of_anothers_conference_is_an_error_8890():
    first = section47()  # 6 May to its conference on 27 May
    second = section47(
        S47ActualStartDate="2025-05-27",
        InitialCPCtarget="2025-06-17",
        DateOfInitialCPC="2025-06-10",
    )
    found = findings("8890", census(with_enquiries(first, second)))
    assert [f.fields[0] for f in found] == [("S47ActualStartDate", "2025-05-27")]


def test_an_enquiry_starting_while_another_awaits_its_conference_is_an_error_8890():
    waiting = section47(**AWAITING)
    later = section47(
        S47ActualStartDate="2025-09-01",
        InitialCPCtarget="2025-09-22",
        DateOfInitialCPC="2025-09-19",
    )
    found = findings("8890", census(with_enquiries(waiting, later)))
    assert [f.fields[0] for f in found] == [("S47ActualStartDate", "2025-09-01")]


def test_two_enquiries_with_the_same_dates_are_both_errors_8890():
    cin = census(with_enquiries(section47(), section47()))
    assert ids(findings("8890", cin)) == ["C1", "C1"]


def test_an_enquiry_starting_the_day_after_anothers_conference_passes_8890():
    second = section47(
        S47ActualStartDate="2025-05-28",
        InitialCPCtarget="2025-06-18",
        DateOfInitialCPC="2025-06-10",
    )
    assert findings("8890", census(with_enquiries(section47(), second))) == []


def test_an_enquiry_needing_no_conference_is_not_ongoing_8890():
    not_needed = section47(**AWAITING | {"ICPCnotRequired": "true"})
    later = section47(
        S47ActualStartDate="2025-09-01",
        InitialCPCtarget="2025-09-22",
        DateOfInitialCPC="2025-09-19",
    )
    assert findings("8890", census(with_enquiries(not_needed, later))) == []
