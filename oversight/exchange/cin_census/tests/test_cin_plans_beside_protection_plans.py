"""A child's CIN plans against their protection plans: 4001, 4016 and 4017.

4016 is about a CIN plan that starts while a protection plan runs; 4017 about a
protection plan that starts while a CIN plan runs. Both allow a handover on one day.
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


def with_plans(child_id, cin_plans, cp_plans):
    return child(child_id, episodes=[episode(cin_plans=cin_plans, cp_plans=cp_plans)])


def reported(found):
    """The fields of each finding, in the order of the file."""
    return [dict(f.fields) for f in sorted(found, key=lambda f: (f.child_id or "", f.line or 0))]


def test_an_open_cin_plan_beside_an_open_protection_plan_is_an_error_4001():
    cin = census(
        with_plans("C1", [cin_plan(CINPlanStartDate="2025-05-02")], [cp_plan()]),
        with_plans(
            "C2",
            [cin_plan(CINPlanStartDate="2025-05-02", CINPlanEndDate="2025-05-27")],
            [cp_plan()],
        ),  # fmt: skip
        with_plans(
            "C3", [cin_plan(CINPlanStartDate="2025-05-02")], [cp_plan(CPPendDate="2025-06-01")]
        ),  # fmt: skip
    )
    found = findings("4001", cin)
    assert ids(found) == ["C1"]
    assert reported(found) == [
        {
            "CINPlanStartDate": "2025-05-02",
            "CINPlanEndDate": "",
            "CPPstartDate": "2025-05-27",
            "CPPendDate": "",
        }
    ]


def test_open_plans_in_different_episodes_are_left_to_the_overlap_rules_4001():
    first = episode(
        CINreferralDate="2025-04-02", cin_plans=[cin_plan(CINPlanStartDate="2025-04-10")]
    )
    second = episode(cp_plans=[cp_plan()])
    assert findings("4001", census(child("C1", episodes=[first, second]))) == []


def test_a_cin_plan_starting_while_a_protection_plan_runs_is_an_error_4016():
    cin = census(
        with_plans(
            "C1", [cin_plan(CINPlanStartDate="2025-07-01")], [cp_plan(CPPendDate="2025-09-01")]
        ),  # fmt: skip
        with_plans(
            "C2", [cin_plan(CINPlanStartDate="2025-05-27")], [cp_plan(CPPendDate="2025-09-01")]
        ),  # fmt: skip
        with_plans("C3", [cin_plan(CINPlanStartDate="2026-03-31")], [cp_plan()]),
    )
    found = findings("4016", cin)
    assert ids(found) == ["C1", "C2", "C3"]
    assert reported(found)[0] == {
        "CINPlanStartDate": "2025-07-01",
        "CPPstartDate": "2025-05-27",
        "CPPendDate": "2025-09-01",
    }


def test_a_cin_plan_starting_the_day_a_protection_plan_ends_is_a_handover_4016():
    cin = census(
        with_plans(
            "C1", [cin_plan(CINPlanStartDate="2025-09-01")], [cp_plan(CPPendDate="2025-09-01")]
        ),  # fmt: skip
        with_plans(
            "C2",
            [cin_plan(CINPlanStartDate="2025-05-26", CINPlanEndDate="2025-05-27")],
            [cp_plan()],
        ),  # fmt: skip
    )
    assert findings("4016", cin) == []


def test_a_protection_plan_starting_while_a_cin_plan_runs_is_4017_not_4016():
    cin = census(
        with_plans("C1", [cin_plan(CINPlanStartDate="2025-05-20")], [cp_plan()]),
        with_plans(
            "C2",
            [cin_plan(CINPlanStartDate="2025-05-20", CINPlanEndDate="2025-06-30")],
            [cp_plan()],
        ),  # fmt: skip
    )
    found = findings("4017", cin)
    assert ids(found) == ["C1", "C2"]
    assert reported(found)[1] == {
        "CPPstartDate": "2025-05-27",
        "CINPlanStartDate": "2025-05-20",
        "CINPlanEndDate": "2025-06-30",
    }
    assert findings("4016", cin) == []


def test_a_protection_plan_starting_the_day_a_cin_plan_ends_is_a_handover_4017():
    cin = census(
        with_plans(
            "C1",
            [cin_plan(CINPlanStartDate="2025-05-02", CINPlanEndDate="2025-05-27")],
            [cp_plan()],
        ),  # fmt: skip
    )
    assert findings("4017", cin) == []


def test_plans_of_two_children_sharing_an_id_are_not_compared_4016_4017():
    cin = census(
        with_plans("C7", [cin_plan(CINPlanStartDate="2025-05-20")], []),
        with_plans("C7", [], [cp_plan(CPPendDate="2025-09-01")]),
    )
    assert findings("4016", cin) == []
    assert findings("4017", cin) == []
