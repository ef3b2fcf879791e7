"""The child's UPN, former UPN and date of death: written from the records, and kept on
import.

UPNs are the builders' (``W201000000017``, worked out in the UPN rules' tests) and A1's
(``R870200120017``, worked out in ``records``). A child with no UPN is given the reason
the records can tell: UN1 under school age (born after 31 August 2020 for 2025-26), UN2
for an unaccompanied asylum-seeking child, who has never been at school in England.
"""

import io
from datetime import date

import pytest

from oversight.casework.models import Child
from oversight.casework.services.child_details import record_child_details
from oversight.exchange.cin_census.load import load_cin
from oversight.exchange.cin_census.load_child import NOT_KEPT
from oversight.exchange.cin_census.tests import builders, records
from oversight.exchange.cin_census.tests.census_facts import census_facts
from oversight.exchange.cin_census.tests.census_files import child_in, written, written_root
from oversight.exchange.importing import DIFFERENT

pytestmark = pytest.mark.django_db


def identifiers(la_child_id: str) -> dict[str, str]:
    found = child_in(written_root(), la_child_id).find("ChildIdentifiers")
    return {element.tag: element.text for element in found}


def referred(child: Child) -> None:
    from oversight.casework import services

    referral = services.record_referral(
        child, received_on=date(2025, 6, 2), source_code="1A", primary_need="N1"
    )
    services.decide_referral(referral, decision="assessment", decided_on=date(2025, 6, 3))


def test_the_upn_comes_after_the_la_child_id_and_no_reason_is_given():
    records.assessed_then_protected()
    assert list(identifiers("A1").items())[:2] == [("LAchildID", "A1"), ("UPN", "R870200120017")]
    assert "UPNunknown" not in identifiers("A1")


def test_a_child_under_school_age_with_no_upn_is_returned_un1():
    referred(records.child("Y1", "1", date(2020, 9, 1)))  # 5 only in the 2025-26 school year
    assert identifiers("Y1")["UPNunknown"] == "UN1"


def test_a_school_age_asylum_seeker_with_no_upn_is_returned_un2():
    from oversight.casework import services

    child = services.register_child(
        la_child_id="U1", first_name="T", last_name="C", sex="1", date_of_birth=date(2009, 1, 5),
        ethnicity="OOTH", uasc=True,
    )  # fmt: skip
    referred(child)
    assert identifiers("U1")["UPNunknown"] == "UN2"


def test_a_school_age_child_with_no_upn_is_left_for_the_la_to_explain():
    referred(records.child("S1", "1", date(2020, 8, 31)))
    assert "UPN" not in identifiers("S1") and "UPNunknown" not in identifiers("S1")


def test_the_date_of_death_comes_last_and_only_if_by_the_reference_date():
    died = records.enquiry_without_conference()
    record_child_details(died, died_on=date(2026, 2, 27))
    assert list(identifiers("G7"))[-1] == "PersonDeathDate"
    assert identifiers("G7")["PersonDeathDate"] == "2026-02-27"
    record_child_details(died, died_on=date(2026, 4, 2))  # after 31 March: not yet known
    assert "PersonDeathDate" not in identifiers("G7")


def test_the_upn_and_the_date_of_death_come_back_after_an_import_into_empty_records():
    records.in_year_children()
    record_child_details(Child.objects.get(la_child_id="G7"), died_on=date(2026, 2, 27))
    before = census_facts()
    xml, _ = written()
    Child.objects.all().delete()
    summary = load_cin(io.BytesIO(xml), name="census.xml")
    assert census_facts() == before
    assert Child.objects.get(la_child_id="A1").upn == "R870200120017"
    assert Child.objects.get(la_child_id="G7").died_on == date(2026, 2, 27)
    assert {name for name, _ in summary.notes.counts} == set()


def test_an_import_keeps_the_upn_in_capitals_and_a_second_import_changes_nothing():
    xml = builders.census_xml(builders.child("C1", UPN="w201000000017",
                                             PersonDeathDate="2025-12-01"))  # fmt: skip
    load_cin(io.BytesIO(xml), name="census.xml")
    child = Child.objects.get(la_child_id="C1")
    assert (child.upn, child.died_on, child.version) == ("W201000000017", date(2025, 12, 1), 2)
    again = load_cin(io.BytesIO(xml), name="census.xml")
    assert Child.objects.get(la_child_id="C1").version == 2
    assert dict(again.notes.counts) == {}


def test_a_held_upn_is_not_written_over_but_a_missing_one_is_added():
    xml = builders.census_xml(builders.child("C1"), builders.child("C2", UPN=builders.SECOND_UPN))
    for la_child_id, upn in (("C1", "R870200120017"), ("C2", "")):
        record_child_details(records.child(la_child_id, "1", date(2015, 3, 27)), upn=upn)
    summary = load_cin(io.BytesIO(xml), name="census.xml")
    held = dict(Child.objects.values_list("la_child_id", "upn"))
    assert held == {"C1": "R870200120017", "C2": builders.SECOND_UPN}
    assert summary.notes.counts[("UPN", DIFFERENT)] == 1


def test_a_upn_with_the_wrong_check_letter_is_left_out_and_the_child_kept():
    xml = builders.census_xml(builders.child("C1", UPN="A201000000017"))  # should start W
    summary = load_cin(io.BytesIO(xml), name="census.xml")
    assert Child.objects.get(la_child_id="C1").upn == ""
    assert summary.held_back == {}
    assert summary.notes.counts[("UPN", NOT_KEPT)] == 1


def test_a_former_upn_comes_after_the_upn_and_back_after_an_import_into_empty_records():
    records.in_year_children()
    record_child_details(Child.objects.get(la_child_id="A1"), former_upn=builders.SECOND_UPN)
    assert list(identifiers("A1").items())[1:3] == [
        ("UPN", "R870200120017"), ("FormerUPN", builders.SECOND_UPN),
    ]  # fmt: skip
    before = census_facts()
    xml, _ = written()
    Child.objects.all().delete()
    summary = load_cin(io.BytesIO(xml), name="census.xml")
    assert census_facts() == before
    assert Child.objects.get(la_child_id="A1").former_upn == builders.SECOND_UPN
    assert {name for name, _ in summary.notes.counts} == set()


def test_a_held_former_upn_is_not_written_over_and_a_refused_one_leaves_the_rest():
    held = records.child("C1", "1", date(2015, 3, 27))
    record_child_details(held, former_upn="R870200120017")
    xml = builders.census_xml(
        builders.child("C1", FormerUPN=builders.SECOND_UPN),
        # Its former UPN fails its check letter (it should start W): left out, and noted;
        # the date of death is still kept.
        builders.child("C2", FormerUPN="A201000000017", PersonDeathDate="2025-12-01"),
    )
    summary = load_cin(io.BytesIO(xml), name="census.xml")
    assert Child.objects.get(la_child_id="C1").former_upn == "R870200120017"
    second = Child.objects.get(la_child_id="C2")
    assert (second.former_upn, second.died_on) == ("", date(2025, 12, 1))
    assert summary.notes.counts[("FormerUPN", DIFFERENT)] == 1
    assert summary.notes.counts[("FormerUPN", NOT_KEPT)] == 1
