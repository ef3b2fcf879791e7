"""Review dates of protection plans: 4003, 8841 and 8842Q, over every review of a plan.

The default plan starts 2025-05-27 in an episode referred on 2025-05-01.
"""

from oversight.exchange.cin_census.tests.builders import (
    census,
    child,
    cin_plan,
    cp_plan,
    episode,
    findings,
    ids,
)
from oversight.exchange.validation import QUERY


def with_plans(child_id, cp_plans, cin_plans=()):
    return child(child_id, episodes=[episode(cp_plans=cp_plans, cin_plans=list(cin_plans))])


def reported(found):
    """The fields of each finding, in the order of the file."""
    return [dict(f.fields) for f in sorted(found, key=lambda f: (f.child_id or "", f.line or 0))]


def test_a_plan_reviewed_on_the_day_it_starts_is_an_error_8841():
    cin = census(
        with_plans("C1", [cp_plan(reviews=["2025-05-27"])]),
        with_plans("C2", [cp_plan(reviews=["2025-05-28"])]),
    )
    found = findings("8841", cin)
    assert ids(found) == ["C1"]
    assert reported(found) == [{"CPPstartDate": "2025-05-27", "CPPreviewDate": "2025-05-27"}]


def test_every_review_of_a_plan_is_checked_not_only_the_first_8841():
    cin = census(
        with_plans("C1", [cp_plan(reviews=["2025-08-19", "2025-11-11", "2025-05-20"])]),
        with_plans("C2", [cp_plan(reviews=["2025-08-19", "2025-05-27", "2025-05-01"])]),
        with_plans("C3", [cp_plan(reviews=["2025-08-19", "2025-11-11", "2026-02-03"])]),
    )
    found = findings("8841", cin)
    assert ids(found) == ["C1", "C2", "C2"]
    assert [f["CPPreviewDate"] for f in reported(found)] == [
        "2025-05-20",
        "2025-05-27",
        "2025-05-01",
    ]


def test_reviews_are_matched_to_their_own_plan_in_their_own_episode_8841():
    first_plan = cp_plan(CPPendDate="2025-07-01", reviews=["2025-06-20"])
    first = episode(CINreferralDate="2025-04-02", CINclosureDate="2025-07-01",
                    ReasonForClosure="RC1", cp_plans=[first_plan])  # fmt: skip
    second_plan = cp_plan(CPPstartDate="2025-09-01", reviews=["2025-10-01"])
    second = episode(CINreferralDate="2025-08-15", cp_plans=[second_plan])
    assert findings("8841", census(child("C1", episodes=[first, second]))) == []


def test_a_review_without_a_date_is_a_query_8842q():
    cin = census(
        with_plans("C1", [cp_plan(reviews=["2025-08-19", "2025-11-11", ""])]),
        with_plans("C2", [cp_plan(reviews=["2025-08-19", "19/11/2025"])]),
        with_plans("C3", [cp_plan(reviews=["2025-08-19", "2025-11-11", "2026-02-03"])]),
    )
    found = findings("8842Q", cin)
    assert ids(found) == ["C1", "C2"]
    assert {f.kind for f in found} == {QUERY}
    assert reported(found) == [{"CPPreviewDate": ""}, {"CPPreviewDate": ""}]


def test_a_review_held_while_a_cin_plan_is_open_is_an_error_4003():
    plan = cp_plan(CPPendDate="2025-10-01", reviews=["2025-08-19", "2025-10-01"])
    cin = census(
        with_plans("C1", [plan], [cin_plan(CINPlanStartDate="2025-08-01")]),
        with_plans("C2", [cp_plan()], [cin_plan(CINPlanStartDate="2025-08-19")]),
    )
    found = findings("4003", cin)
    assert ids(found) == ["C1", "C2"]
    assert reported(found) == [
        {
            "CPPreviewDate": "2025-08-19",
            "CPPendDate": "2025-10-01",
            "CINPlanStartDate": "2025-08-01",
            "CINPlanEndDate": "",
        },
        {
            "CPPreviewDate": "2025-08-19",
            "CPPendDate": "",
            "CINPlanStartDate": "2025-08-19",
            "CINPlanEndDate": "",
        },
    ]


def test_a_review_ending_the_plan_on_the_day_a_cin_plan_starts_passes_4003():
    handover = cp_plan(CPPendDate="2025-10-01", reviews=["2025-08-19", "2025-10-01"])
    after = cin_plan(CINPlanStartDate="2025-05-02", CINPlanEndDate="2025-05-27")
    cin = census(
        with_plans("C1", [handover], [cin_plan(CINPlanStartDate="2025-10-01")]),
        with_plans("C2", [cp_plan()], [after]),
    )
    assert findings("4003", cin) == []


def test_a_cin_plan_in_another_episode_is_not_compared_with_the_reviews_4003():
    first = episode(
        CINreferralDate="2025-04-02", cin_plans=[cin_plan(CINPlanStartDate="2025-04-10")]
    )
    second = episode(cp_plans=[cp_plan()])
    assert findings("4003", census(child("C1", episodes=[first, second]))) == []
