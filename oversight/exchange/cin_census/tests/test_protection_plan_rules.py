"""Child protection plan rules, on small hand-built returns (census year 2025-04-01 to 2026-03-31).

The default plan starts 2025-05-27, the day of the default Section 47 enquiry's initial
conference, in an episode referred on 2025-05-01.
"""

from oversight.exchange.cin_census.tests.builders import (
    census,
    child,
    cp_plan,
    episode,
    findings,
    ids,
    section47,
)
from oversight.exchange.validation import ERROR


def with_plans(child_id, *plans, section47s=None, **fields):
    """A child whose one episode has these plans and (by default) one Section 47 enquiry."""
    enquiries = [section47()] if section47s is None else section47s
    return child(child_id, episodes=[episode(section47s=enquiries, cp_plans=list(plans))], **fields)


def reported(found):
    """The fields of each finding, in the order of the file."""
    return [dict(f.fields) for f in sorted(found, key=lambda f: (f.child_id or "", f.line or 0))]


def test_a_plan_starting_before_the_referral_is_an_error_1105():
    cin = census(
        with_plans("C1", cp_plan(CPPstartDate="2025-04-30")),
        with_plans("C2", cp_plan(CPPstartDate="2025-05-01")),
    )
    found = findings("1105", cin)
    assert ids(found) == ["C1"]
    assert reported(found) == [{"CPPstartDate": "2025-04-30", "CINreferralDate": "2025-05-01"}]


def test_more_plans_starting_than_initial_conferences_is_one_error_for_the_return_2883():
    cin = census(
        with_plans("C1", cp_plan()),
        with_plans("C2", cp_plan(), section47s=[section47(DateOfInitialCPC=None)]),
    )
    [found] = findings("2883", cin)
    assert found.child_id is None
    assert dict(found.fields) == {
        "CPPstartDate in the year": "2",
        "DateOfInitialCPC in the year": "1",
    }
    assert found.kind == ERROR


def test_conferences_on_the_episode_and_on_enquiries_both_count_2883():
    on_the_episode = episode(DateOfInitialCPC="2025-05-27", cp_plans=[cp_plan()])
    cin = census(
        with_plans(
            "C1",
            cp_plan(CPPstartDate="2026-03-31"),
            section47s=[section47(DateOfInitialCPC="2026-03-31")],
        ),  # fmt: skip
        child("C2", episodes=[on_the_episode]),
    )
    assert findings("2883", cin) == []


def test_plans_that_started_before_the_census_year_are_not_counted_2883():
    early = episode(CINreferralDate="2025-01-06", cp_plans=[cp_plan(CPPstartDate="2025-03-31")])
    assert findings("2883", census(child("C1", episodes=[early]))) == []


def test_a_plan_not_starting_on_its_enquirys_conference_day_is_an_error_2885():
    cin = census(
        with_plans("C1", cp_plan(CPPstartDate="2025-05-28")),
        with_plans("C2", cp_plan(CPPstartDate="2025-05-27")),
        with_plans(
            "C3",
            cp_plan(CPPstartDate="2025-06-20"),
            section47s=[
                section47(),
                section47(
                    S47ActualStartDate="2025-06-02",
                    InitialCPCtarget="2025-06-20",
                    DateOfInitialCPC="2025-06-20",
                ),
            ],
        ),  # fmt: skip
    )
    found = findings("2885", cin)
    assert ids(found) == ["C1"]
    assert reported(found) == [
        {
            "CPPstartDate": "2025-05-28",
            "DateOfInitialCPC (CIN details)": "",
            "DateOfInitialCPC (Section 47)": "2025-05-27",
        }
    ]


def test_the_episodes_own_conference_date_counts_only_where_it_has_no_enquiry_2885():
    no_enquiry = episode(DateOfInitialCPC="2025-05-27", cp_plans=[cp_plan()])
    no_conference = section47(DateOfInitialCPC=None, ICPCnotRequired="true")
    with_enquiry = episode(DateOfInitialCPC="2025-05-27", cp_plans=[cp_plan()],
                           section47s=[no_conference])  # fmt: skip
    cin = census(child("C1", episodes=[no_enquiry]), child("C2", episodes=[with_enquiry]))
    found = findings("2885", cin)
    assert ids(found) == ["C2"]
    assert reported(found)[0]["DateOfInitialCPC (Section 47)"] == ""


def test_a_plan_that_started_before_the_census_year_needs_no_conference_in_it_2885():
    early = episode(CINreferralDate="2025-01-06", cp_plans=[cp_plan(CPPstartDate="2025-03-31")])
    assert findings("2885", census(child("C1", episodes=[early]))) == []


def test_a_plan_start_missing_or_after_the_reference_date_is_an_error_8720():
    early = episode(CINreferralDate="2024-10-01", cp_plans=[cp_plan(CPPstartDate="2024-11-04")])
    cin = census(
        with_plans("C1", cp_plan(CPPstartDate=None)),
        with_plans("C2", cp_plan(CPPstartDate="2026-04-01")),
        with_plans("C3", cp_plan(CPPstartDate="2026-03-31")),
        child("C4", episodes=[early]),
    )
    found = findings("8720", cin)
    assert ids(found) == ["C1", "C2"]
    assert reported(found) == [{"CPPstartDate": ""}, {"CPPstartDate": "2026-04-01"}]


def test_a_missing_or_negative_number_of_previous_plans_is_an_error_8730():
    cin = census(
        with_plans("C1", cp_plan(NumberOfPreviousCPP=None)),
        with_plans("C2", cp_plan(NumberOfPreviousCPP="-1")),
        with_plans("C3", cp_plan(NumberOfPreviousCPP="0")),
    )
    found = findings("8730", cin)
    assert ids(found) == ["C1", "C2"]
    assert reported(found) == [{"NumberOfPreviousCPP": ""}, {"NumberOfPreviousCPP": "-1"}]


def test_a_plan_on_a_referral_with_no_further_action_is_an_error_8832():
    cin = census(
        child("C1", episodes=[episode(ReferralNFA="true", cp_plans=[cp_plan()])]),
        child("C2", episodes=[episode(ReferralNFA="false", cp_plans=[cp_plan()])]),
        child("C3", episodes=[episode(ReferralNFA="true")]),
    )
    found = findings("8832", cin)
    assert ids(found) == ["C1"]
    assert reported(found) == [{"ReferralNFA": "true", "CPPstartDate": "2025-05-27"}]


def test_a_plan_reviewed_and_ended_on_the_day_it_starts_is_an_error_8840():
    cin = census(
        with_plans("C1", cp_plan(CPPendDate="2025-05-27", reviews=[])),
        with_plans("C2", cp_plan(CPPendDate="2025-05-28", reviews=[])),
    )
    found = findings("8840", cin)
    assert ids(found) == ["C1"]
    assert reported(found) == [{"CPPstartDate": "2025-05-27", "CPPendDate": "2025-05-27"}]


def test_an_initial_category_of_abuse_missing_or_not_a_census_code_is_an_error_8905():
    cin = census(
        with_plans("C1", cp_plan(InitialCategoryOfAbuse=None)),
        with_plans("C2", cp_plan(InitialCategoryOfAbuse="neg")),
        with_plans("C3", cp_plan(InitialCategoryOfAbuse="XYZ")),
        with_plans("C4", cp_plan(InitialCategoryOfAbuse="MUL")),
        with_plans("C5", cp_plan(InitialCategoryOfAbuse="SAB")),
    )
    found = findings("8905", cin)
    assert ids(found) == ["C1", "C2", "C3"]
    assert reported(found)[2] == {"InitialCategoryOfAbuse": "XYZ"}


def test_a_latest_category_of_abuse_missing_or_not_a_census_code_is_an_error_8910():
    cin = census(
        with_plans("C1", cp_plan(LatestCategoryOfAbuse=None)),
        with_plans("C2", cp_plan(LatestCategoryOfAbuse="PHYS")),
        with_plans("C3", cp_plan(LatestCategoryOfAbuse="EMO")),
    )
    found = findings("8910", cin)
    assert ids(found) == ["C1", "C2"]
    assert reported(found) == [{"LatestCategoryOfAbuse": ""}, {"LatestCategoryOfAbuse": "PHYS"}]


def test_a_plan_starting_after_the_child_died_is_an_error_8915():
    cin = census(
        with_plans("C1", cp_plan(), PersonDeathDate="2025-05-26"),
        with_plans("C2", cp_plan(), PersonDeathDate="2025-05-27"),
    )
    found = findings("8915", cin)
    assert ids(found) == ["C1"]
    assert reported(found) == [{"CPPstartDate": "2025-05-27", "PersonDeathDate": "2025-05-26"}]


def test_a_plan_ending_after_the_child_died_is_an_error_8920():
    cin = census(
        with_plans("C1", cp_plan(CPPendDate="2025-07-02"), PersonDeathDate="2025-07-01"),
        with_plans("C2", cp_plan(CPPendDate="2025-07-01"), PersonDeathDate="2025-07-01"),
        with_plans("C3", cp_plan(), PersonDeathDate="2025-07-01"),
    )
    found = findings("8920", cin)
    assert ids(found) == ["C1"]
    assert reported(found) == [{"CPPendDate": "2025-07-02", "PersonDeathDate": "2025-07-01"}]


def test_a_plan_ending_before_it_starts_is_an_error_8925():
    cin = census(
        with_plans("C1", cp_plan(CPPendDate="2025-05-26", reviews=[])),
        with_plans("C2", cp_plan(CPPendDate="2025-05-27", reviews=[])),
    )
    found = findings("8925", cin)
    assert ids(found) == ["C1"]
    assert reported(found) == [{"CPPstartDate": "2025-05-27", "CPPendDate": "2025-05-26"}]


def test_a_plan_ending_outside_the_census_year_is_an_error_8930():
    def ending(end):
        plan = cp_plan(CPPstartDate="2025-01-10", CPPendDate=end, reviews=[])
        return [episode(CINreferralDate="2025-01-06", cp_plans=[plan])]

    cin = census(
        child("C1", episodes=ending("2025-03-31")),
        child("C2", episodes=ending("2026-04-01")),
        child("C3", episodes=ending("2025-04-01")),
        child("C4", episodes=ending("2026-03-31")),
    )
    found = findings("8930", cin)
    assert ids(found) == ["C1", "C2"]
    assert reported(found) == [{"CPPendDate": "2025-03-31"}, {"CPPendDate": "2026-04-01"}]


def test_a_child_with_two_open_plans_is_an_error_even_across_episodes_8935():
    first = episode(CINreferralDate="2025-04-02", cp_plans=[cp_plan(CPPstartDate="2025-04-20")])
    second = episode(cp_plans=[cp_plan(reviews=[])])
    cin = census(
        child("C1", episodes=[first, second]),
        with_plans(
            "C2",
            cp_plan(CPPendDate="2025-06-30", reviews=[]),
            cp_plan(CPPstartDate="2025-07-01", reviews=[]),
        ),  # fmt: skip
        with_plans("C3", cp_plan(), cp_plan(CPPstartDate="2025-07-01", reviews=[])),
    )
    assert ids(findings("8935", cin)) == ["C1", "C1", "C3", "C3"]


def test_a_plan_starting_within_another_of_the_child_is_an_error_8940():
    cin = census(
        with_plans(
            "C1",
            cp_plan(CPPendDate="2025-08-01", reviews=[]),
            cp_plan(CPPstartDate="2025-07-01", reviews=[]),
        ),
        with_plans(
            "C2",
            cp_plan(CPPendDate="2025-08-01", reviews=[]),
            cp_plan(CPPstartDate="2025-08-02", reviews=[]),
        ),
    )
    found = findings("8940", cin)
    assert ids(found) == ["C1"]
    assert reported(found) == [
        {
            "CPPstartDate": "2025-07-01",
            "CPPendDate": "",
            "other CPPstartDate": "2025-05-27",
            "other CPPendDate": "2025-08-01",
        }
    ]


def test_plans_in_two_episodes_of_one_child_overlap_too_8940():
    first = episode(CINreferralDate="2025-04-02", cp_plans=[cp_plan(CPPstartDate="2025-04-20")])
    second = episode(cp_plans=[cp_plan(reviews=[])])
    found = findings("8940", census(child("C1", episodes=[first, second])))
    assert ids(found) == ["C1"]
    assert reported(found)[0]["CPPstartDate"] == "2025-05-27"
    assert reported(found)[0]["other CPPstartDate"] == "2025-04-20"
