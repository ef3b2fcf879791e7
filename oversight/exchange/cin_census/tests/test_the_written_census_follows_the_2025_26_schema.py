"""The written return is valid against the shipped 2025/26 schema, and the schema holds the
DfE's changes since 2024 (Sex for GenderCurrent, no previous plans, the old factor codes)."""

import pytest
from lxml import etree

from oversight.exchange.cin_census.tests import builders, records
from oversight.exchange.cin_census.tests.census_files import written
from oversight.exchange.cin_census.write import SCHEMA


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def assert_valid(schema: etree.XMLSchema, xml: bytes) -> None:
    assert schema.validate(etree.fromstring(xml)), schema.error_log.filter_from_errors()


@pytest.mark.django_db
def test_the_return_written_from_every_kind_of_record_is_valid(schema):
    records.in_year_children()
    records.open_at_the_start_of_the_year()
    records.assessed_across_the_year_end()
    xml, summary = written()
    assert summary.children == 6
    assert_valid(schema, xml)


def test_a_child_returned_with_sex_m_f_or_u_is_valid(schema):
    for sex in ("M", "F", "U"):
        assert_valid(schema, builders.census_xml(builders.child(Sex=sex)))


def test_the_2024_gender_current_element_is_refused(schema):
    xml = builders.census_xml(builders.child(Sex=None, GenderCurrent="1"))
    assert not schema.validate(etree.fromstring(xml))
    assert "GenderCurrent" in str(schema.error_log.last_error)


def test_a_first_protection_plan_has_no_previous_plans(schema):
    plan = builders.cp_plan(NumberOfPreviousCPP="0")
    xml = builders.census_xml(builders.child(episodes=[builders.episode(cp_plans=[plan])]))
    assert_valid(schema, xml)


def test_the_retired_factor_codes_18a_and_19a_are_accepted_for_the_queries_to_find(schema):
    assessment = builders.assessment(factors=["18A", "19A"])
    episode = builders.episode(assessments=[assessment])
    assert_valid(schema, builders.census_xml(builders.child(episodes=[episode])))
