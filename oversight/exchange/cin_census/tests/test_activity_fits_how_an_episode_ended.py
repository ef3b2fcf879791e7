"""Activity in an episode against how it ended: 2990, 8565, 8825Q, 8831, 8867, 8868."""

from typing import Any

from oversight.exchange.cin_census.tests.builders import (
    assessment,
    census,
    census_xml,
    child,
    cin_plan,
    cp_plan,
    episode,
    findings,
    ids,
    section47,
)


def closed(on: str = "2025-09-01", reason: str = "RC7", **parts: Any) -> dict[str, Any]:
    return episode(CINclosureDate=on, ReasonForClosure=reason, **parts)


def element_on_line(children: list[dict[str, Any]], line: int | None) -> str:
    """The element that opens on ``line`` of the file built from these children."""
    assert line is not None
    text = census_xml(*children).decode().splitlines()[line - 1]
    return text[1 : text.index(">")]


def test_activity_dated_after_the_closure_is_an_error_8565():
    late = assessment(
        AssessmentActualStartDate="2025-09-02", AssessmentAuthorisationDate="2025-09-20"
    )
    children = [
        child("C1", episodes=[closed(assessments=[late])]),
        child("C2", episodes=[closed(cp_plans=[cp_plan(CPPendDate="2025-09-02")])]),
        child("C3", episodes=[closed(cin_plans=[cin_plan(CINPlanStartDate="2025-09-02")])]),
        child("C4", episodes=[closed(DateOfInitialCPC="2025-09-05")]),
        child("C5", episodes=[closed(section47s=[section47(DateOfInitialCPC="2025-09-02")])]),
    ]
    found = findings("8565", census(*children))
    assert ids(found) == ["C1", "C2", "C3", "C4", "C5"]
    parts = [element_on_line(children, f.line) for f in found]
    assert parts == [
        "Assessments",
        "ChildProtectionPlans",
        "CINPlanDates",
        "CINdetails",
        "Section47",
    ]
    first = dict(found[0].fields)
    assert first["CINclosureDate"] == "2025-09-01"
    assert first["AssessmentActualStartDate"] == "2025-09-02"
    assert dict(found[1].fields)["CPPendDate"] == "2025-09-02"


def test_activity_up_to_the_closure_day_itself_is_not_after_it_8565():
    cin = census(
        child(
            "C1",
            episodes=[
                closed(
                    assessments=[assessment(AssessmentAuthorisationDate="2025-09-01")],
                    cin_plans=[cin_plan(CINPlanEndDate="2025-09-01")],
                    section47s=[section47(DateOfInitialCPC="2025-09-01")],
                    cp_plans=[cp_plan(CPPendDate="2025-09-01")],
                    DateOfInitialCPC="2025-09-01",
                )
            ],
        ),
        child("C2", episodes=[episode(cin_plans=[cin_plan(CINPlanStartDate="2025-09-02")])]),
    )
    assert findings("8565", cin) == []


def test_an_assessment_or_enquiry_in_a_referral_with_no_further_action_is_an_error_8831():
    unassessed: dict[str, Any] = {"ReferralNFA": "true", "assessments": []}
    children = [
        child("C1", episodes=[episode(ReferralNFA="true")]),
        child("C2", episodes=[episode(**unassessed, section47s=[section47()])]),
        child("C3", episodes=[episode(**unassessed, DateOfInitialCPC="2025-05-20")]),
        child("C4", episodes=[episode(**unassessed)]),
        child("C5", episodes=[episode(ReferralNFA="false", section47s=[section47()])]),
    ]
    found = findings("8831", census(*children))
    assert ids(found) == ["C1", "C2", "C3"]
    assert [element_on_line(children, f.line) for f in found] == [
        "Assessments",
        "Section47",
        "CINdetails",
    ]
    assert dict(found[1].fields)["S47ActualStartDate"] == "2025-05-06"
    assert dict(found[1].fields)["ReferralNFA"] == "true"


def test_plans_or_enquiries_in_a_case_closed_after_assessment_are_an_error_2990():
    cin = census(
        child("C1", episodes=[closed(reason="RC8", cin_plans=[cin_plan()])]),
        child("C2", episodes=[closed(reason="RC9", section47s=[section47()])]),
        child("C3", episodes=[closed(reason="RC8", cp_plans=[cp_plan()])]),
        child("C4", episodes=[closed(reason="RC9", DateOfInitialCPC="2025-05-20")]),
        child("C5", episodes=[closed(reason="RC8")]),
        child("C6", episodes=[closed(reason="RC7", cin_plans=[cin_plan()])]),
    )
    found = findings("2990", cin)
    assert ids(found) == ["C1", "C2", "C3", "C4"]
    assert dict(found[0].fields)["ReasonForClosure"] == "RC8"
    assert dict(found[0].fields)["CINPlanStartDate"] == "2025-06-12"


def test_a_case_closed_after_assessment_with_no_assessment_is_a_query_8825q():
    cin = census(
        child("C1", episodes=[closed(reason="RC8", assessments=[])]),
        child("C2", episodes=[closed(reason="RC9")]),
        child("C3", episodes=[closed(reason="RC7", assessments=[])]),
        child("C4", episodes=[closed(reason="RC9", assessments=[])]),
        child("C4"),
    )
    found = findings("8825Q", cin)
    assert ids(found) == ["C1", "C4"]
    assert dict(found[0].fields) == {"ReasonForClosure": "RC8"}


def test_a_closed_episode_with_an_unauthorised_assessment_is_an_error_8867():
    unfinished = assessment(AssessmentAuthorisationDate=None)
    cin = census(
        child("C1", episodes=[closed(assessments=[assessment(), unfinished])]),
        child("C2", episodes=[closed(assessments=[])]),
        child("C3", episodes=[episode(assessments=[unfinished])]),
        child("C4", episodes=[closed()]),
    )
    found = findings("8867", cin)
    assert ids(found) == ["C1"]
    assert dict(found[0].fields) == {
        "CINclosureDate": "2025-09-01",
        "AssessmentActualStartDate": "2025-05-02",
        "AssessmentAuthorisationDate": "",
    }


def test_an_assessment_belongs_to_its_own_childs_episode_not_to_a_namesakes_8867():
    cin = census(
        child("C1", episodes=[closed(assessments=[])]),
        child("C1", episodes=[episode(assessments=[assessment(AssessmentAuthorisationDate=None)])]),
    )
    assert findings("8867", cin) == []


def test_a_closed_episode_with_an_enquiry_neither_conferenced_nor_excused_is_an_error_8868():
    unconcluded = section47(DateOfInitialCPC=None, ICPCnotRequired="false")
    excused = section47(DateOfInitialCPC=None, ICPCnotRequired="true")
    unflagged = section47(DateOfInitialCPC=None, ICPCnotRequired=None)
    cin = census(
        child("C1", episodes=[closed(section47s=[unconcluded])]),
        child("C2", episodes=[closed(section47s=[excused])]),
        child("C3", episodes=[closed(section47s=[section47()])]),
        child("C4", episodes=[closed(section47s=[section47(ICPCnotRequired="1")])]),
        child("C5", episodes=[closed()]),
        child("C6", episodes=[closed(section47s=[unflagged])]),
        child("C7", episodes=[episode(section47s=[unconcluded])]),
    )
    found = findings("8868", cin)
    assert ids(found) == ["C1", "C6"]
    assert dict(found[0].fields) == {
        "CINclosureDate": "2025-09-01",
        "S47ActualStartDate": "2025-05-06",
        "DateOfInitialCPC": "",
        "ICPCnotRequired": "false",
    }
