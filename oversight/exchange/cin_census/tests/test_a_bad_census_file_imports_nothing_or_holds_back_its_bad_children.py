"""A file with bad children imports nothing; with quarantine, exactly those children are held
back, each with the rule, field and value, and the rest go in."""

import io

import pytest

from oversight.casework.models import Child, Referral
from oversight.exchange.cin_census.load import CensusNotImported, load_cin
from oversight.exchange.cin_census.read import CinUnreadable
from oversight.exchange.cin_census.tests import builders

pytestmark = pytest.mark.django_db


def bad_file() -> bytes:
    return builders.census_xml(
        builders.child("GOOD1"),
        builders.child("BADDATE", PersonBirthDate="27/03/2015"),
        builders.child("BADCODE", episodes=[builders.episode(ReferralSource="ZZ")]),
        builders.child("GOOD2", Sex="F"),
    )


def reasons(held_back) -> dict[str, list[tuple[str, str, str]]]:
    return {
        child: [(p.rule, p.field, p.value) for p in problems]
        for child, problems in held_back.items()
    }


EXPECTED = {
    "BADDATE": [("format", "PersonBirthDate", "27/03/2015")],
    "BADCODE": [("8866", "ReferralSource", "ZZ")],
}


def test_without_quarantine_nothing_is_imported_and_every_reason_is_given():
    with pytest.raises(CensusNotImported) as refused:
        load_cin(io.BytesIO(bad_file()), name="bad.xml")
    assert reasons(refused.value.held_back) == EXPECTED
    assert "nothing was imported: 2 children" in str(refused.value)
    assert not Child.objects.exists()


def test_with_quarantine_exactly_the_bad_children_are_held_back_and_the_rest_go_in():
    summary = load_cin(io.BytesIO(bad_file()), name="bad.xml", quarantine=True)
    assert reasons(summary.held_back) == EXPECTED
    assert sorted(Child.objects.values_list("la_child_id", flat=True)) == ["GOOD1", "GOOD2"]
    assert (summary.children_in_file, summary.children_loaded) == (4, 2)


def test_a_held_back_reason_says_where_in_the_file():
    summary = load_cin(io.BytesIO(bad_file()), name="bad.xml", quarantine=True)
    (problem,) = summary.held_back["BADCODE"]
    line = bad_file().decode().splitlines()[problem.line - 1]
    assert line == "<CINdetails>"


def test_a_child_the_services_refuse_is_held_back_with_the_census_field():
    closed_early = builders.episode(CINclosureDate="2025-04-20", ReasonForClosure="RC7")
    xml = builders.census_xml(builders.child("EARLY", episodes=[closed_early]),
                              builders.child("GOOD1"))  # fmt: skip
    with pytest.raises(CensusNotImported):
        load_cin(io.BytesIO(xml))
    assert not Child.objects.exists()
    summary = load_cin(io.BytesIO(xml), quarantine=True)
    (problem,) = summary.held_back["EARLY"]
    assert (problem.rule, problem.field, problem.value) == (
        "records", "CINclosureDate", "2025-04-20",
    )  # fmt: skip
    assert "before the referral date" in problem.message
    assert list(Child.objects.values_list("la_child_id", flat=True)) == ["GOOD1"]
    assert Referral.objects.count() == 1


def test_two_children_with_one_la_child_id_are_both_held_back():
    xml = builders.census_xml(builders.child("TWICE"), builders.child("TWICE"),
                              builders.child("GOOD1"))  # fmt: skip
    summary = load_cin(io.BytesIO(xml), quarantine=True)
    assert reasons(summary.held_back) == {"TWICE": [("8510", "LAchildID", "TWICE")] * 2}
    assert (summary.children_in_file, summary.children_held_back, summary.children_loaded) == (
        3, 2, 1,
    )  # fmt: skip
    assert list(Child.objects.values_list("la_child_id", flat=True)) == ["GOOD1"]


@pytest.mark.parametrize("quarantine", [False, True])
def test_a_file_that_is_not_well_formed_xml_imports_nothing_either_way(quarantine):
    broken = bad_file()[:-200]  # cut off in the middle of a child
    with pytest.raises(CinUnreadable, match="not well-formed XML"):
        load_cin(io.BytesIO(broken), name="broken.xml", quarantine=quarantine)
    assert not Child.objects.exists()


def test_values_the_records_have_no_place_for_are_counted_never_dropped_silently():
    # A reason for no UPN the records cannot tell again (they tell UN1 and UN7).
    xml = builders.census_xml(builders.child("C1", UPN=None, UPNunknown="UN5"))
    summary = load_cin(io.BytesIO(xml))
    notes = {name: count for (name, _), count in summary.notes.counts.items()}
    assert notes == {"UPNunknown": 1}


def test_an_assessment_before_its_referral_is_held_back_naming_the_assessment():
    early = builders.assessment(AssessmentActualStartDate="2025-04-20")
    xml = builders.census_xml(builders.child("EARLY", episodes=[builders.episode(
        assessments=[early])]))  # fmt: skip
    summary = load_cin(io.BytesIO(xml), quarantine=True)
    (problem,) = summary.held_back["EARLY"]
    assert (problem.rule, problem.field, problem.value) == (
        "records", "AssessmentActualStartDate", "2025-04-20",
    )  # fmt: skip
    assert xml.decode().splitlines()[problem.line - 1] == "<Assessments>"


def test_a_return_from_before_2024_25_giving_sex_as_1_2_0_or_9_still_imports():
    xml = builders.census_xml(builders.child("OLD", Sex="2"))
    summary = load_cin(io.BytesIO(xml))
    assert summary.held_back == {}
    assert Child.objects.get(la_child_id="OLD").sex == "2"
