"""The factors identified at an assessment: only when completed, valid, each once, 21 alone."""

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


def test_factors_on_an_open_assessment_are_an_error_8614():
    cin = census(one_episode(assessment(["2B", "3A"], AssessmentAuthorisationDate=None)))
    found = findings("8614", cin)
    assert ids(found) == ["C1"]
    assert found[0].fields == (
        ("AssessmentAuthorisationDate", ""),
        ("AssessmentFactors", "2B, 3A"),
    )


def test_an_open_assessment_without_factors_passes_8614():
    cin = census(one_episode(assessment([], AssessmentAuthorisationDate=None)))
    assert findings("8614", cin) == []


def test_no_factors_code_21_with_another_factor_is_an_error_8869():
    found = findings("8869", census(one_episode(assessment(["21", "1C"]))))
    assert ids(found) == ["C1"]
    assert found[0].fields == (("AssessmentFactors", "21, 1C"),)


def test_no_factors_code_21_alone_passes_8869():
    assert findings("8869", census(one_episode(assessment(["21"])))) == []


def test_code_21_on_one_assessment_and_a_factor_on_another_pass_8869():
    # Both completed on one day: an assessment is told apart by its place, not its dates.
    first = assessment(["21"])
    second = assessment(["1C"], AssessmentActualStartDate="2025-06-02")
    assert findings("8869", census(one_episode(first, second))) == []


def closed(reason, assessments=None):
    """An episode closed for ``reason``; by default after one assessment finding no factors."""
    return episode(
        CINclosureDate="2025-06-20",
        ReasonForClosure=reason,
        assessments=assessments or [assessment(["21"])],
    )


def test_a_lone_assessment_finding_no_factors_on_a_case_closed_otherwise_is_queried_8873q():
    closed_otherwise = child("C1", episodes=[closed("RC7")])
    still_open = child("C2", episodes=[episode(assessments=[assessment(["21"])])])
    found = findings("8873Q", census(closed_otherwise, still_open))
    assert ids(found) == ["C1", "C2"]
    assert sorted(f.fields for f in found) == [
        (("AssessmentFactors", "21"), ("ReasonForClosure", "")),
        (("AssessmentFactors", "21"), ("ReasonForClosure", "RC7")),
    ]


def test_a_lone_assessment_finding_no_factors_on_a_case_closed_after_assessment_passes_8873q():
    rc8 = child("C1", episodes=[closed("RC8")])
    rc9 = child("C2", episodes=[closed("RC9")])
    assert findings("8873Q", census(rc8, rc9)) == []


def test_no_factors_on_one_of_two_assessments_passes_8873q():
    second = assessment(
        ["1C"], AssessmentActualStartDate="2025-06-11", AssessmentAuthorisationDate="2025-06-15"
    )
    cin = census(child(episodes=[closed("RC7", [assessment(["21"]), second])]))
    assert findings("8873Q", cin) == []


def test_an_assessment_completed_in_the_year_without_valid_factors_is_queried_8897q():
    none_given = one_episode(assessment([]))
    unknown = child("C2", episodes=[episode(assessments=[assessment(["1C", "99"])])])
    found = findings("8897Q", census(none_given, unknown))
    assert ids(found) == ["C1", "C2"]
    assert sorted(f.fields for f in found) == [
        (("AssessmentAuthorisationDate", "2025-06-10"), ("AssessmentFactors", "")),
        (("AssessmentAuthorisationDate", "2025-06-10"), ("AssessmentFactors", "1C, 99")),
    ]


def test_an_assessment_completed_on_the_first_day_of_the_year_with_a_factor_passes_8897q():
    # 18A is still a census code (queried by 8945Q), so it is not "missing".
    first_day = assessment(
        ["18A"], AssessmentActualStartDate="2025-04-01", AssessmentAuthorisationDate="2025-04-01"
    )
    assert findings("8897Q", census(one_episode(first_day))) == []


def test_an_assessment_completed_before_the_year_without_factors_passes_8897q():
    earlier = assessment(
        [], AssessmentActualStartDate="2025-03-03", AssessmentAuthorisationDate="2025-03-31"
    )
    cin = census(child(episodes=[episode(CINreferralDate="2025-03-01", assessments=[earlier])]))
    assert findings("8897Q", cin) == []


def test_an_open_assessment_without_factors_passes_8897q():
    cin = census(one_episode(assessment([], AssessmentAuthorisationDate=None)))
    assert findings("8897Q", cin) == []


def test_a_factor_given_twice_on_one_assessment_is_one_error_8898():
    found = findings("8898", census(one_episode(assessment(["1C", "2B", "1C"]))))
    assert ids(found) == ["C1"]
    assert found[0].fields == (("AssessmentFactors", "1C"),)


def test_a_factor_given_on_two_assessments_of_an_episode_passes_8898():
    # Both started on one day: an assessment is told apart by its place, not its dates.
    second = assessment(["1C"], AssessmentAuthorisationDate="2025-07-20")
    assert findings("8898", census(one_episode(assessment(["1C"]), second))) == []


def test_physical_abuse_factor_18a_is_queried_8945q():
    found = findings("8945Q", census(one_episode(assessment(["3A", "18A"]))))
    assert ids(found) == ["C1"]
    assert found[0].fields == (("AssessmentFactors", "18A"),)


def test_physical_abuse_factors_18b_and_18c_pass_8945q():
    assert findings("8945Q", census(one_episode(assessment(["18B", "18C"])))) == []


def test_sexual_abuse_factor_19a_is_queried_8950q():
    found = findings("8950Q", census(one_episode(assessment(["19A"]))))
    assert ids(found) == ["C1"]
    assert found[0].fields == (("AssessmentFactors", "19A"),)


def test_sexual_abuse_factors_19b_and_19c_pass_8950q():
    assert findings("8950Q", census(one_episode(assessment(["19B", "19C"])))) == []
