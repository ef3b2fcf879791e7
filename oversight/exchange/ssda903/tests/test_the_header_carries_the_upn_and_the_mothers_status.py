"""The header's UPN, MOTHER and MC_DOB: worked out by hand from the records, and kept on
import. The UPNs are the CIN census tests' (R870200120017 in ``cin_census.tests.records``,
W201000000017 in the UPN rules' tests), their check letters worked out there by hand.
"""

from datetime import date, timedelta

import pytest

from oversight.casework import services
from oversight.casework.models import Child
from oversight.casework.services.child_details import record_child_details
from oversight.exchange.ssda903.header import last_looked_after, mother_items, upn_item
from oversight.exchange.ssda903.load import load_903
from oversight.exchange.ssda903.spec import CollectionYear
from oversight.exchange.ssda903.tests.care_records import child, referred
from oversight.exchange.ssda903.tests.return_files import lines, written

YEAR = CollectionYear.from_label("2025-26")
GIRL, BOY = "2", "1"


def test_a_recorded_upn_is_returned_as_it_is():
    assert upn_item("R870200120017", date(2010, 6, 1), False, YEAR) == "R870200120017"


@pytest.mark.parametrize(
    ("born", "uasc", "returned"),
    [
        (date(2020, 9, 1), False, "UN1"),  # 3 on 31 August 2024: not yet of school age
        (date(2020, 8, 31), False, None),  # 4 on 31 August 2024: of school age, no reason
        (date(2009, 1, 15), True, "UN2"),  # an asylum seeker never at school in England
    ],
)
def test_a_missing_upn_gives_the_reason_the_records_tell(born, uasc, returned):
    assert upn_item("", born, uasc, YEAR) == returned


@pytest.mark.parametrize(
    ("sex", "born", "is_mother", "first_born", "returned"),
    [
        (GIRL, date(2009, 4, 2), True, date(2025, 11, 3), ("1", date(2025, 11, 3))),
        (GIRL, date(2009, 4, 2), True, date(2026, 4, 1), ("0", None)),  # after 31 March
        (GIRL, date(2009, 4, 2), False, None, ("0", None)),
        (GIRL, date(2009, 4, 2), None, None, (None, None)),  # not known: the LA must say
        (GIRL, date(2014, 4, 1), None, None, ("0", None)),  # 12 only on 1 April 2026
        (BOY, date(2009, 4, 2), None, None, (None, None)),
    ],
)
def test_mother_is_1_or_0_for_a_girl_and_blank_for_a_boy(
    sex, born, is_mother, first_born, returned
):
    assert mother_items(sex, born, is_mother, first_born, YEAR) == returned


@pytest.mark.parametrize(
    ("left_care_on", "returned"),
    [
        (date(2025, 11, 24), ("0", None)),  # the day before her 12th birthday: not asked
        (date(2025, 11, 25), (None, None)),  # 12 that day: she should have been asked
        (None, (None, None)),  # looked after on 31 March, at 12
    ],
)
def test_a_girl_who_left_care_before_she_was_12_was_not_asked(left_care_on, returned):
    born = date(2013, 11, 25)  # 12 on 25 November 2025, in the year
    until = last_looked_after([date(2025, 5, 2), left_care_on], YEAR)
    assert mother_items(GIRL, born, None, None, YEAR, until) == returned


def test_the_last_day_looked_after_is_the_latest_end_within_the_year():
    assert last_looked_after([date(2025, 5, 2), date(2025, 9, 1)], YEAR) == date(2025, 9, 1)
    assert last_looked_after([date(2025, 5, 2), None], YEAR) == YEAR.end
    assert last_looked_after([], YEAR) == YEAR.end


def in_care(who: Child) -> Child:
    services.record_referral(who, received_on=date(2025, 5, 20), source_code="1A",
                             primary_need="N1")  # fmt: skip
    services.start_care_episode(
        who, started_on=date(2025, 6, 1), legal_status="C1", placement_type="U3", provider="PR1"
    )
    return who


def looked_after(who: Child, started_on: date, ended_on: date, reason: str,
                 legal_status: str = "C2") -> Child:  # fmt: skip
    """Referred four weeks before a period in care in foster care, which ended."""
    referred(who, started_on - timedelta(days=28), "N1")
    episode, placement, plan = services.start_care_episode(
        who, started_on=started_on, legal_status=legal_status, placement_type="U6",
        provider="PR1",
    )  # fmt: skip
    services.end_care_episode(episode, placement, plan, ended_on=ended_on, reason_ceased=reason)
    return who


@pytest.fixture
def folder(tmp_path, db):
    mother = in_care(child("G1", GIRL, date(2009, 4, 2), "WBRI"))
    record_child_details(mother, upn="R870200120017", is_mother=True,
                         first_child_born_on=date(2025, 11, 3))  # fmt: skip
    record_child_details(in_care(child("K2", BOY, date(2010, 6, 1), "WBRI")),
                         upn="W201000000017")  # fmt: skip
    written(tmp_path)
    return tmp_path


def test_the_header_has_the_upn_and_the_girls_mothers_status(folder):
    assert lines(folder, "header") == [
        "G1,F,02/04/2009,WBRI,R870200120017,1,03/11/2025",
        "K2,M,01/06/2010,WBRI,W201000000017,,",
    ]


def test_an_import_into_empty_records_keeps_them_and_a_second_changes_nothing(folder):
    Child.objects.all().delete()
    load_903([folder])
    details = ("upn", "is_mother", "first_child_born_on", "version")
    kept = {c["la_child_id"]: c for c in Child.objects.values("la_child_id", *details)}
    assert kept["G1"] | {"version": 0} == {
        "la_child_id": "G1", "upn": "R870200120017", "is_mother": True,
        "first_child_born_on": date(2025, 11, 3), "version": 0,
    }  # fmt: skip
    assert (kept["K2"]["upn"], kept["K2"]["is_mother"]) == ("W201000000017", None)
    again = load_903([folder])
    assert sum(again.created.values()) == 0
    assert {name for name, _ in again.notes.counts} == {"CIN"}  # no referral was exported
    assert {c["la_child_id"]: c for c in Child.objects.values("la_child_id", *details)} == kept


def test_a_care_leaver_not_looked_after_in_the_year_is_not_asked_about_motherhood(tmp_path, db):
    # Looked after until 2024, 19 in the year: a care leaver of the return (rule 628).
    leaver = looked_after(child("L3", GIRL, date(2006, 10, 12), "WBRI"), date(2021, 3, 1),
                          date(2024, 10, 14), "E5")  # fmt: skip
    record_child_details(leaver, is_mother=False)
    written(tmp_path)
    assert lines(tmp_path, "header") == ["L3,F,12/10/2006,WBRI,,,"]


def test_a_girl_who_left_care_before_12_is_returned_as_no_mother_and_imported_as_unasked(
    tmp_path, db
):
    # 12 on 25 November 2025, home on 1 September: not asked, so 0 (rules 393 and 607),
    # which an import reads as the records' "not known" again.
    looked_after(child("Y4", GIRL, date(2013, 11, 25), "WBRI"), date(2025, 5, 1),
                 date(2025, 9, 1), "E13", legal_status="V2")  # fmt: skip
    written(tmp_path)
    assert lines(tmp_path, "header") == ["Y4,F,25/11/2013,WBRI,,0,"]
    Child.objects.all().delete()
    load_903([tmp_path])
    assert Child.objects.get(la_child_id="Y4").is_mother is None
