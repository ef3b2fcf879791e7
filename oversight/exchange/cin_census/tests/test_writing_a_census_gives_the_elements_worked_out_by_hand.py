"""The census written from hand-built records, element by element, worked out by hand.

Target dates are the records' own: 15 working days from the strategy discussion (Mon 1
Sep 2025 -> Mon 22 Sep; Thu 2 Oct 2025 -> Thu 23 Oct), no bank holiday in either span.
"""

import pytest
from django.test import override_settings
from lxml import etree

from oversight.exchange.cin_census.tests import records
from oversight.exchange.cin_census.tests.census_files import (
    child_in,
    compact,
    returned_ids,
    written,
    written_root,
)
from oversight.exchange.cin_census.write import NoLaCode

pytestmark = pytest.mark.django_db


def test_the_header_names_the_collection_the_reference_date_and_the_la():
    records.referral_with_no_further_action()
    header = written_root().find("Header")
    assert header.findtext("CollectionDetails/Collection") == "CIN"
    assert header.findtext("CollectionDetails/Year") == "2026"
    assert header.findtext("CollectionDetails/ReferenceDate") == "2026-03-31"
    assert header.findtext("Source/SourceLevel") == "L"
    assert header.findtext("Source/LEA") == "870"
    assert header.findtext("Source/SoftwareCode") == "Oversight"
    assert header.findtext("Source/SerialNo") == "001"
    assert header.findtext("Source/DateTime") == "2026-04-10T09:00:00"


def test_a_child_assessed_then_protected_is_returned_as_worked_out_by_hand():
    records.assessed_then_protected()
    expected = """
    <Child>
      <ChildIdentifiers>
        <LAchildID>A1</LAchildID>
        <UPN>R870200120017</UPN>
        <PersonBirthDate>2016-02-10</PersonBirthDate>
        <Sex>F</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>WBRI</Ethnicity>
        <Disabilities><Disability>NONE</Disability></Disabilities>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2025-05-01</CINreferralDate>
        <ReferralSource>1A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <Assessments>
          <AssessmentActualStartDate>2025-05-02</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2025-06-10</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment>
            <AssessmentFactors>1C</AssessmentFactors>
            <AssessmentFactors>3B</AssessmentFactors>
          </FactorsIdentifiedAtAssessment>
        </Assessments>
        <CINPlanDates>
          <CINPlanStartDate>2025-06-12</CINPlanStartDate>
          <CINPlanEndDate>2025-09-15</CINPlanEndDate>
        </CINPlanDates>
        <CINPlanDates>
          <CINPlanStartDate>2026-03-10</CINPlanStartDate>
        </CINPlanDates>
        <Section47>
          <S47ActualStartDate>2025-09-01</S47ActualStartDate>
          <InitialCPCtarget>2025-09-22</InitialCPCtarget>
          <DateOfInitialCPC>2025-09-15</DateOfInitialCPC>
          <ICPCnotRequired>false</ICPCnotRequired>
        </Section47>
        <ReferralNFA>false</ReferralNFA>
        <ChildProtectionPlans>
          <CPPstartDate>2025-09-15</CPPstartDate>
          <CPPendDate>2026-03-10</CPPendDate>
          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
          <Reviews>
            <CPPreviewDate>2025-12-10</CPPreviewDate>
            <CPPreviewDate>2026-03-10</CPPreviewDate>
          </Reviews>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>"""
    assert compact_child("A1") == compact(expected)


def test_a_referral_with_no_further_action_is_closed_that_day_and_needs_no_upn():
    records.referral_with_no_further_action()
    expected = """
    <Child>
      <ChildIdentifiers>
        <LAchildID>B2</LAchildID>
        <UPNunknown>UN7</UPNunknown>
        <PersonBirthDate>2019-08-01</PersonBirthDate>
        <Sex>M</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>APKN</Ethnicity>
        <Disabilities><Disability>AUT</Disability><Disability>LD</Disability></Disabilities>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2025-07-07</CINreferralDate>
        <ReferralSource>6</ReferralSource>
        <PrimaryNeedCode>N9</PrimaryNeedCode>
        <CINclosureDate>2025-07-08</CINclosureDate>
        <ReasonForClosure>RC8</ReasonForClosure>
        <ReferralNFA>true</ReferralNFA>
      </CINdetails>
    </Child>"""
    assert compact_child("B2") == compact(expected)


def test_an_enquiry_that_needed_no_conference_says_no_conference_was_required():
    records.enquiry_without_conference()
    expected = """
    <CINdetails>
      <CINreferralDate>2025-10-01</CINreferralDate>
      <ReferralSource>3A</ReferralSource>
      <PrimaryNeedCode>N1</PrimaryNeedCode>
      <CINclosureDate>2026-02-27</CINclosureDate>
      <ReasonForClosure>RC7</ReasonForClosure>
      <Assessments>
        <AssessmentActualStartDate>2025-10-02</AssessmentActualStartDate>
        <AssessmentAuthorisationDate>2025-11-20</AssessmentAuthorisationDate>
        <FactorsIdentifiedAtAssessment>
          <AssessmentFactors>2B</AssessmentFactors>
        </FactorsIdentifiedAtAssessment>
      </Assessments>
      <CINPlanDates>
        <CINPlanStartDate>2025-11-21</CINPlanStartDate>
        <CINPlanEndDate>2026-02-27</CINPlanEndDate>
      </CINPlanDates>
      <Section47>
        <S47ActualStartDate>2025-10-02</S47ActualStartDate>
        <InitialCPCtarget>2025-10-23</InitialCPCtarget>
        <ICPCnotRequired>true</ICPCnotRequired>
      </Section47>
      <ReferralNFA>false</ReferralNFA>
    </CINdetails>"""
    episode = child_in(written_root(), "G7").find("CINdetails")
    assert compact_element(episode) == compact(expected)


def test_an_unborn_child_has_an_expected_date_of_birth_and_sex_u():
    records.unborn_child()
    expected = """
    <ChildIdentifiers>
      <LAchildID>H8</LAchildID>
      <ExpectedPersonBirthDate>2026-05-01</ExpectedPersonBirthDate>
      <Sex>U</Sex>
    </ChildIdentifiers>"""
    identifiers = child_in(written_root(), "H8").find("ChildIdentifiers")
    assert compact_element(identifiers) == compact(expected)


def test_children_are_returned_in_la_child_id_order_and_counted():
    records.in_year_children()
    xml, summary = written()
    assert returned_ids(etree.fromstring(xml)) == ["A1", "B2", "G7", "H8"]
    counts = (summary.children, summary.episodes, summary.assessments, summary.cin_plans,
              summary.section47s, summary.cp_plans, summary.reviews)  # fmt: skip
    assert counts == (4, 4, 3, 3, 2, 1, 2)
    assert summary.left_out == []


@override_settings(OVERSIGHT_LA_CODE="E06000038")
def test_the_la_number_comes_from_the_deployments_gss_code_when_none_is_given():
    records.referral_with_no_further_action()
    xml, summary = written(la_code=None)
    assert summary.la_code == "870"  # Reading


@override_settings(OVERSIGHT_LA_CODE="")
def test_with_no_la_code_anywhere_the_writer_says_how_to_give_one():
    with pytest.raises(NoLaCode, match="--la 870"):
        written(la_code=None)


def compact_child(la_child_id: str) -> bytes:
    return compact_element(child_in(written_root(), la_child_id))


def compact_element(element: etree._Element) -> bytes:
    return etree.tostring(element)
