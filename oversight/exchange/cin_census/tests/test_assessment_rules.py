"""Assessments start after their referral, end in the year, and do not overlap.

The census year is 1 April 2025 to 31 March 2026; 45 working days before Tuesday 31 March
2026 is Tuesday 27 January 2026 (nine whole weeks, no bank holiday between).
"""

from oversight.exchange.cin_census.tests.builders import (
    assessment,
    census,
    child,
    episode,
    findings,
    ids,
)


def one_episode(*assessments, **fields):
    return child(episodes=[episode(assessments=list(assessments), **fields)])


def test_an_assessment_starting_the_day_before_its_referral_is_an_error_1103():
    cin = census(one_episode(assessment(AssessmentActualStartDate="2025-04-30")))
    found = findings("1103", cin)
    assert ids(found) == ["C1"]
    assert found[0].fields == (
        ("AssessmentActualStartDate", "2025-04-30"),
        ("CINreferralDate", "2025-05-01"),
    )


def test_an_assessment_starting_on_the_day_of_its_referral_passes_1103():
    cin = census(one_episode(assessment(AssessmentActualStartDate="2025-05-01")))
    assert findings("1103", cin) == []


def test_an_assessment_is_compared_with_the_referral_of_its_own_episode_1103():
    first = episode(
        CINreferralDate="2025-05-01", CINclosureDate="2025-06-30", ReasonForClosure="RC8"
    )
    # After the first referral but before its own.
    second = episode(
        CINreferralDate="2025-09-01",
        assessments=[
            assessment(
                AssessmentActualStartDate="2025-08-29", AssessmentAuthorisationDate="2025-09-20"
            )
        ],
    )
    found = findings("1103", census(child(episodes=[first, second])))
    assert [f.fields[0] for f in found] == [("AssessmentActualStartDate", "2025-08-29")]


def test_an_assessment_authorised_the_day_before_it_starts_is_an_error_8608():
    cin = census(
        one_episode(
            assessment(
                AssessmentActualStartDate="2025-06-10", AssessmentAuthorisationDate="2025-06-09"
            )
        )
    )
    assert ids(findings("8608", cin)) == ["C1"]


def test_an_assessment_started_and_authorised_on_one_day_passes_8608():
    cin = census(
        one_episode(
            assessment(
                AssessmentActualStartDate="2025-06-10", AssessmentAuthorisationDate="2025-06-10"
            )
        )
    )
    assert findings("8608", cin) == []


def test_an_open_assessment_started_46_working_days_before_the_year_end_is_queried_8670q():
    cin = census(
        one_episode(
            assessment(AssessmentActualStartDate="2026-01-26", AssessmentAuthorisationDate=None)
        )
    )
    found = findings("8670Q", cin)
    assert ids(found) == ["C1"]
    assert found[0].fields == (
        ("AssessmentActualStartDate", "2026-01-26"),
        ("AssessmentAuthorisationDate", ""),
    )


def test_an_open_assessment_started_45_working_days_before_the_year_end_passes_8670q():
    cin = census(
        one_episode(
            assessment(AssessmentActualStartDate="2026-01-27", AssessmentAuthorisationDate=None)
        )
    )
    assert findings("8670Q", cin) == []


def test_an_assessment_authorised_outside_the_year_is_an_error_8696():
    after = one_episode(
        assessment(AssessmentActualStartDate="2026-03-02", AssessmentAuthorisationDate="2026-04-01")
    )
    before = child(
        "C2",
        episodes=[
            episode(
                CINreferralDate="2025-03-01",
                assessments=[
                    assessment(
                        AssessmentActualStartDate="2025-03-03",
                        AssessmentAuthorisationDate="2025-03-31",
                    )
                ],
            )
        ],
    )
    found = findings("8696", census(after, before))
    assert ids(found) == ["C1", "C2"]
    assert sorted(f.fields for f in found) == [
        (("AssessmentAuthorisationDate", "2025-03-31"),),
        (("AssessmentAuthorisationDate", "2026-04-01"),),
    ]


def test_assessments_authorised_on_the_first_and_last_days_of_the_year_pass_8696():
    first = one_episode(
        assessment(AssessmentActualStartDate="2025-04-01", AssessmentAuthorisationDate="2025-04-01")
    )
    last = child(
        "C2",
        episodes=[
            episode(
                assessments=[
                    assessment(
                        AssessmentActualStartDate="2026-03-02",
                        AssessmentAuthorisationDate="2026-03-31",
                    )
                ]
            )
        ],
    )

    assert findings("8696", census(first, last)) == []


def test_an_open_assessment_started_before_the_year_is_an_error_8736():
    cin = census(
        child(
            episodes=[
                episode(
                    CINreferralDate="2025-03-01",
                    assessments=[
                        assessment(
                            AssessmentActualStartDate="2025-03-31", AssessmentAuthorisationDate=None
                        )
                    ],
                )
            ]
        )
    )
    assert ids(findings("8736", cin)) == ["C1"]


def test_an_open_assessment_started_on_the_first_day_of_the_year_passes_8736():
    cin = census(
        one_episode(
            assessment(AssessmentActualStartDate="2025-04-01", AssessmentAuthorisationDate=None)
        )
    )
    assert findings("8736", cin) == []


def test_an_open_assessment_without_a_start_date_passes_8736():
    # "Where present": the schema requires a start date; this rule does not.
    cin = census(
        one_episode(assessment(AssessmentActualStartDate=None, AssessmentAuthorisationDate=None))
    )
    assert findings("8736", cin) == []


def test_a_completed_assessment_started_before_the_year_passes_8736():
    cin = census(
        child(
            episodes=[
                episode(
                    CINreferralDate="2025-03-01",
                    assessments=[
                        assessment(
                            AssessmentActualStartDate="2025-03-31",
                            AssessmentAuthorisationDate="2025-04-10",
                        )
                    ],
                )
            ]
        )
    )
    assert findings("8736", cin) == []


def test_an_assessment_starting_the_day_another_is_authorised_is_queried_8863q():
    first = assessment(
        AssessmentActualStartDate="2025-05-02", AssessmentAuthorisationDate="2025-06-10"
    )
    second = assessment(
        AssessmentActualStartDate="2025-06-10", AssessmentAuthorisationDate="2025-07-01"
    )
    found = findings("8863Q", census(one_episode(first, second)))
    assert [f.fields for f in found] == [
        (
            ("AssessmentActualStartDate", "2025-06-10"),
            ("AssessmentAuthorisationDate", "2025-07-01"),
        ),
    ]


def test_an_assessment_starting_on_the_last_day_while_another_is_open_is_queried_8863q():
    open_ = assessment(AssessmentActualStartDate="2025-05-02", AssessmentAuthorisationDate=None)
    last = assessment(
        AssessmentActualStartDate="2026-03-31", AssessmentAuthorisationDate="2026-03-31"
    )
    found = findings("8863Q", census(one_episode(open_, last)))
    assert [f.fields[0] for f in found] == [("AssessmentActualStartDate", "2026-03-31")]


def test_two_assessments_with_the_same_dates_are_both_queried_8863q():
    twin = {"AssessmentActualStartDate": "2025-05-02", "AssessmentAuthorisationDate": "2025-06-10"}
    cin = census(one_episode(assessment(**twin), assessment(**twin)))
    assert ids(findings("8863Q", cin)) == ["C1", "C1"]


def test_an_assessment_starting_the_day_after_another_is_authorised_passes_8863q():
    first = assessment(
        AssessmentActualStartDate="2025-05-02", AssessmentAuthorisationDate="2025-06-10"
    )
    second = assessment(
        AssessmentActualStartDate="2025-06-11", AssessmentAuthorisationDate="2025-07-01"
    )
    assert findings("8863Q", census(one_episode(first, second))) == []


def test_overlapping_assessments_in_different_episodes_pass_8863q():
    dates = {"AssessmentActualStartDate": "2025-05-02", "AssessmentAuthorisationDate": "2025-06-10"}
    first = episode(
        assessments=[assessment(**dates)], CINclosureDate="2025-06-30", ReasonForClosure="RC8"
    )
    second = episode(assessments=[assessment(**dates)])
    assert findings("8863Q", census(child(episodes=[first, second]))) == []


def test_two_open_assessments_in_one_episode_are_both_errors_8896():
    first = assessment(AssessmentActualStartDate="2025-05-02", AssessmentAuthorisationDate=None)
    second = assessment(AssessmentActualStartDate="2025-09-01", AssessmentAuthorisationDate=None)
    cin = census(one_episode(first, second), child("C2"))
    found = findings("8896", cin)
    assert ids(found) == ["C1", "C1"]
    assert sorted(f.fields[0] for f in found) == [
        ("AssessmentActualStartDate", "2025-05-02"),
        ("AssessmentActualStartDate", "2025-09-01"),
    ]


def test_one_open_and_one_completed_assessment_in_an_episode_pass_8896():
    open_ = assessment(AssessmentActualStartDate="2025-09-01", AssessmentAuthorisationDate=None)
    cin = census(one_episode(assessment(), open_))
    assert findings("8896", cin) == []


def test_open_assessments_in_two_episodes_pass_8896():
    def open_episode(**fields):
        return episode(assessments=[assessment(AssessmentAuthorisationDate=None)], **fields)

    first = open_episode(CINclosureDate="2025-06-30", ReasonForClosure="RC7")
    second = open_episode(CINreferralDate="2025-07-01")
    assert findings("8896", census(child(episodes=[first, second]))) == []
