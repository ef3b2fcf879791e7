"""Records -> census file -> imported into empty records -> the same records, field by field."""

import io

import pytest

from oversight.casework.models import Assessment, Child, Conference, Plan, Referral, S47Enquiry
from oversight.exchange.cin_census.load import load_cin
from oversight.exchange.cin_census.load_child import PLACEHOLDER_FIRST_NAME, PLACEHOLDER_LAST_NAME
from oversight.exchange.cin_census.tests import records
from oversight.exchange.cin_census.tests.census_facts import census_facts
from oversight.exchange.cin_census.tests.census_files import written

pytestmark = pytest.mark.django_db


def emptied_then_imported(xml: bytes, name: str = "census.xml"):
    Child.objects.all().delete()
    assert not Referral.objects.exists()
    return load_cin(io.BytesIO(xml), name=name)


def test_every_census_field_of_every_record_comes_back():
    records.in_year_children()
    before = census_facts()
    xml, _ = written()
    summary = emptied_then_imported(xml)
    assert census_facts() == before
    assert summary.held_back == {}
    assert dict(summary.created) == {
        "children": 4, "episodes": 4, "assessments": 3, "section47s": 2,
        "initial_conferences": 1, "cin_plans": 3, "cp_plans": 1, "reviews": 2,
    }  # fmt: skip


def test_the_records_made_again_give_the_same_census_file():
    records.in_year_children()
    first, _ = written()
    emptied_then_imported(first)
    again, _ = written()
    assert again == first


def test_every_imported_record_names_the_file_and_the_line_it_came_from():
    records.in_year_children()
    xml, _ = written()
    emptied_then_imported(xml, name="return-2026.xml")
    lines = xml.decode().splitlines()

    def element_at(origin: str) -> str:
        prefix, _, line = origin.rpartition(" line ")
        assert prefix == "CIN census return-2026.xml"
        return lines[int(line) - 1].strip()

    models = (Child, Referral, Assessment, S47Enquiry, Plan, Conference)
    seen = {element_at(o) for m in models for o in m.objects.values_list("origin", flat=True)}
    assert seen == {
        "<Child>", "<CINdetails>", "<Assessments>", "<Section47>", "<CINPlanDates>",
        "<ChildProtectionPlans>", "<CPPreviewDate>2025-12-10</CPPreviewDate>",
        "<CPPreviewDate>2026-03-10</CPPreviewDate>",
    }  # fmt: skip


def test_imported_children_are_named_as_not_known_never_with_a_made_up_name():
    records.in_year_children()
    xml, _ = written()
    emptied_then_imported(xml)
    names = set(Child.objects.values_list("first_name", "last_name"))
    assert names == {(PLACEHOLDER_FIRST_NAME, PLACEHOLDER_LAST_NAME)}
    assert "census" in PLACEHOLDER_LAST_NAME
