"""CIN plan rules, on small hand-built returns (census year 2025-04-01 to 2026-03-31)."""

from oversight.exchange.cin_census.tests.builders import (
    census,
    child,
    cin_plan,
    episode,
    findings,
    ids,
)
from oversight.exchange.validation import ERROR, QUERY


def with_plans(child_id, *plans, **fields):
    """A child whose one episode (referred 2025-05-01) has these CIN plans."""
    return child(child_id, episodes=[episode(cin_plans=list(plans))], **fields)


def reported(found):
    """The fields of each finding, in the order of the file."""
    return [dict(f.fields) for f in sorted(found, key=lambda f: (f.child_id or "", f.line or 0))]


def test_a_cin_plan_on_a_referral_with_no_further_action_is_an_error_4000():
    cin = census(
        child("C1", episodes=[episode(ReferralNFA="true", cin_plans=[cin_plan()])]),
        child("C2", episodes=[episode(ReferralNFA="false", cin_plans=[cin_plan()])]),
        child("C3", episodes=[episode(ReferralNFA="1")]),
        child("C4", episodes=[episode(ReferralNFA="1", cin_plans=[cin_plan()])]),
    )
    found = findings("4000", cin)
    assert ids(found) == ["C1", "C4"]
    assert reported(found)[0] == {"ReferralNFA": "true", "CINPlanStartDate": "2025-06-12"}
    assert {f.kind for f in found} == {ERROR}


def test_two_open_cin_plans_in_one_episode_are_an_error_4004():
    cin = census(
        with_plans("C1", cin_plan(), cin_plan(CINPlanStartDate="2025-07-01")),
        with_plans("C2", cin_plan(CINPlanEndDate="2025-06-30"), cin_plan()),
    )
    assert ids(findings("4004", cin)) == ["C1", "C1"]


def test_open_cin_plans_in_two_episodes_of_a_child_are_counted_apart_4004():
    first = episode(cin_plans=[cin_plan()], CINreferralDate="2025-04-02")
    second = episode(cin_plans=[cin_plan(CINPlanStartDate="2025-09-01")])
    assert findings("4004", census(child("C1", episodes=[first, second]))) == []


def test_a_cin_plan_starting_after_the_child_died_is_an_error_4008():
    cin = census(
        with_plans("C1", cin_plan(), PersonDeathDate="2025-06-11"),
        with_plans("C2", cin_plan(), PersonDeathDate="2025-06-12"),
        with_plans("C3", cin_plan()),
    )
    found = findings("4008", cin)
    assert ids(found) == ["C1"]
    assert reported(found) == [{"CINPlanStartDate": "2025-06-12", "PersonDeathDate": "2025-06-11"}]


def test_a_death_is_matched_to_its_own_child_not_to_another_with_the_same_id_4008():
    cin = census(
        child("C5", PersonDeathDate="2025-06-01"),
        with_plans("C5", cin_plan(CINPlanStartDate="2025-06-12")),
    )
    assert findings("4008", cin) == []


def test_a_cin_plan_ending_after_the_child_died_is_a_query_4009q():
    cin = census(
        with_plans("C1", cin_plan(CINPlanEndDate="2025-07-02"), PersonDeathDate="2025-07-01"),
        with_plans("C2", cin_plan(CINPlanEndDate="2025-07-01"), PersonDeathDate="2025-07-01"),
        with_plans("C3", cin_plan(), PersonDeathDate="2025-07-01"),
    )
    found = findings("4009Q", cin)
    assert ids(found) == ["C1"]
    assert found[0].kind == QUERY
    assert reported(found) == [{"CINPlanEndDate": "2025-07-02", "PersonDeathDate": "2025-07-01"}]


def test_a_cin_plan_start_missing_or_after_the_reference_date_is_an_error_4010():
    cin = census(
        with_plans("C1", cin_plan(CINPlanStartDate=None)),
        with_plans("C2", cin_plan(CINPlanStartDate="2026-04-01")),
        with_plans("C3", cin_plan(CINPlanStartDate="2026-03-31")),
    )
    found = findings("4010", cin)
    assert ids(found) == ["C1", "C2"]
    assert reported(found) == [{"CINPlanStartDate": ""}, {"CINPlanStartDate": "2026-04-01"}]


def test_a_cin_plan_open_since_an_earlier_year_passes_4010():
    plan = cin_plan(CINPlanStartDate="2024-11-04")
    early = episode(CINreferralDate="2024-10-01", cin_plans=[plan])
    assert findings("4010", census(child("C1", episodes=[early]))) == []


def test_a_cin_plan_ending_before_it_starts_is_an_error_4011():
    cin = census(
        with_plans("C1", cin_plan(CINPlanEndDate="2025-06-11")),
        with_plans("C2", cin_plan(CINPlanEndDate="2025-06-12")),
        with_plans("C3", cin_plan()),
    )
    found = findings("4011", cin)
    assert ids(found) == ["C1"]
    assert reported(found) == [{"CINPlanStartDate": "2025-06-12", "CINPlanEndDate": "2025-06-11"}]


def test_a_cin_plan_starting_and_ending_on_one_day_is_a_query_4012q():
    cin = census(
        with_plans("C1", cin_plan(CINPlanEndDate="2025-06-12")),
        with_plans("C2", cin_plan(CINPlanEndDate="2025-06-13")),
    )
    found = findings("4012Q", cin)
    assert ids(found) == ["C1"]
    assert found[0].kind == QUERY


def test_a_cin_plan_ending_outside_the_census_year_is_an_error_4013():
    early = episode(CINreferralDate="2025-01-06", cin_plans=[cin_plan(
        CINPlanStartDate="2025-01-10", CINPlanEndDate="2025-03-31")])  # fmt: skip
    cin = census(
        child("C1", episodes=[early]),
        with_plans("C2", cin_plan(CINPlanEndDate="2026-04-01")),
        with_plans("C3", cin_plan(CINPlanEndDate="2026-03-31")),
        with_plans("C4", cin_plan()),
    )
    found = findings("4013", cin)
    assert ids(found) == ["C1", "C2"]
    assert reported(found) == [{"CINPlanEndDate": "2025-03-31"}, {"CINPlanEndDate": "2026-04-01"}]


def test_a_cin_plan_ending_on_the_first_day_of_the_census_year_passes_4013():
    early = episode(CINreferralDate="2025-01-06", cin_plans=[cin_plan(
        CINPlanStartDate="2025-01-10", CINPlanEndDate="2025-04-01")])  # fmt: skip
    assert findings("4013", census(child("C1", episodes=[early]))) == []


def test_a_cin_plan_starting_within_another_is_an_error_4014():
    cin = census(
        with_plans(
            "C1",
            cin_plan(CINPlanStartDate="2025-06-12", CINPlanEndDate="2025-08-01"),
            cin_plan(CINPlanStartDate="2025-07-01", CINPlanEndDate="2025-09-01"),
        ),
        with_plans(
            "C2",
            cin_plan(CINPlanStartDate="2025-06-12", CINPlanEndDate="2025-08-01"),
            cin_plan(CINPlanStartDate="2025-08-02"),
        ),
    )
    found = findings("4014", cin)
    assert ids(found) == ["C1"]
    assert reported(found) == [
        {
            "CINPlanStartDate": "2025-07-01",
            "CINPlanEndDate": "2025-09-01",
            "other CINPlanStartDate": "2025-06-12",
            "other CINPlanEndDate": "2025-08-01",
        }
    ]


def test_a_cin_plan_starting_on_the_day_another_ends_or_within_an_open_one_overlaps_4014():
    cin = census(
        with_plans(
            "C1",
            cin_plan(CINPlanStartDate="2025-06-12", CINPlanEndDate="2025-08-01"),
            cin_plan(CINPlanStartDate="2025-08-01"),
        ),
        with_plans(
            "C2",
            cin_plan(CINPlanStartDate="2025-06-12"),
            cin_plan(CINPlanStartDate="2025-12-01", CINPlanEndDate="2026-01-05"),
        ),
    )
    found = findings("4014", cin)
    assert ids(found) == ["C1", "C2"]
    assert sorted(f["CINPlanStartDate"] for f in reported(found)) == ["2025-08-01", "2025-12-01"]


def test_cin_plans_overlap_across_episodes_of_one_child_but_not_across_children_4014():
    first = episode(
        CINreferralDate="2025-04-02", cin_plans=[cin_plan(CINPlanStartDate="2025-06-12")]
    )
    second = episode(cin_plans=[cin_plan(CINPlanStartDate="2025-09-01")])
    cin = census(
        child("C1", episodes=[first, second]),
        with_plans("C6", cin_plan(CINPlanStartDate="2025-06-12")),
        with_plans("C6", cin_plan(CINPlanStartDate="2025-07-01")),
    )
    assert ids(findings("4014", cin)) == ["C1"]


def test_a_cin_plan_starting_before_the_referral_of_its_episode_is_an_error_4015():
    first = episode(CINreferralDate="2025-04-02", CINclosureDate="2025-06-30",
                    ReasonForClosure="RC1")  # fmt: skip
    second = episode(CINreferralDate="2025-09-01",
                     cin_plans=[cin_plan(CINPlanStartDate="2025-08-01")])  # fmt: skip
    cin = census(
        with_plans("C1", cin_plan(CINPlanStartDate="2025-04-30")),
        with_plans("C2", cin_plan(CINPlanStartDate="2025-05-01")),
        child("C3", episodes=[first, second]),
    )
    found = findings("4015", cin)
    assert ids(found) == ["C1", "C3"]
    assert reported(found) == [
        {"CINPlanStartDate": "2025-04-30", "CINreferralDate": "2025-05-01"},
        {"CINPlanStartDate": "2025-08-01", "CINreferralDate": "2025-09-01"},
    ]
