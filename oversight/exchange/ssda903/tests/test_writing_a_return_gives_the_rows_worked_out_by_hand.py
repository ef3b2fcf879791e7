"""The return for 2025-26 of the five hand-built children, table by table, worked out by
hand from the dates in ``care_records``."""

import pytest

from oversight.exchange.ssda903.spec import TABLES
from oversight.exchange.ssda903.tests import care_records
from oversight.exchange.ssda903.tests.return_files import lines, written

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(tmp_path):
    care_records.five_children()
    summary = written(tmp_path)
    assert summary.children == 5 and summary.left_out == []
    return tmp_path


def test_every_table_is_written_with_the_dfes_columns(folder):
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}.csv" for t in TABLES)


def test_the_header_has_each_child_once_with_sex_as_m_f_or_u(folder):
    # No UPN is recorded: B5 is not of school age (UN1) and, under 12, not a mother; U4, an
    # asylum seeker, has never been at school in England (UN2). L1, 12 on 2 March 2026, has
    # no mother's status recorded: left blank for the LA to give.
    assert lines(folder, "header") == [
        "B5,F,01/05/2023,WBRI,UN1,0,",
        "L1,F,02/03/2014,WBRI,,,",
        "M2,M,20/08/2009,MWBC,,,",
        "O3,M,12/10/2006,BAFR,,,",
        "U4,M,15/01/2009,BAFR,UN2,,",
    ]


def test_an_episode_is_a_placement_under_one_legal_status_as_at_31_march(folder):
    # B5's move in May 2026 is after the year end; M2's first placement ended before it.
    # L1's move in September was to carry out the care plan: the row that ends says so.
    assert lines(folder, "episodes") == [
        "B5,01/12/2025,S,C1,N1,U3,PR1,,,,NF1 4AB,NF2 7CD,SC900001",
        "L1,06/05/2025,S,C1,N1,U6,PR1,01/09/2025,X1,CARPL,,,",
        "L1,01/09/2025,P,C1,N1,U4,PR1,03/11/2025,X1,,,,",
        "L1,03/11/2025,L,C2,N1,U4,PR1,,,,,,",
        "M2,10/06/2024,P,V2,N2,K2,PR4,15/08/2025,E4A,,,,",
        "U4,20/11/2023,S,V2,N8,U6,PR1,,,,,,",
    ]


def test_reviews_in_the_year_say_how_the_child_took_part(folder):
    assert lines(folder, "reviews") == [
        "B5,01/05/2023,29/12/2025,PN0",
        "L1,02/03/2014,02/06/2025,PN1",
        "L1,02/03/2014,30/09/2025,PN7",
        "M2,20/08/2009,20/05/2025,PN2",
        "U4,15/01/2009,01/07/2025,PN5",
    ]


def test_uasc_oc2_oc3_missing_and_social_workers(folder):
    assert lines(folder, "uasc") == ["U4,M,15/01/2009,"]  # 18 only in 2027
    assert lines(folder, "oc2") == ["U4,15/01/2009,,,,,,,,,,"]
    assert lines(folder, "oc3") == ["O3,12/10/2006,YES,F2,D1"]  # the status on his birthday
    assert lines(folder, "missing") == [
        "L1,02/03/2014,M,14/07/2025,16/07/2025",
        "L1,02/03/2014,A,09/08/2025,10/08/2025",
    ]
    # Sam's SWE number, and the reason: L1's first social worker.
    assert lines(folder, "social_worker_episodes") == ["L1,02/03/2014,SW123456,06/05/2025,,FCONTA"]


def test_tables_the_records_know_nothing_for_have_only_their_header(folder):
    for table in ("ad1", "placed_for_adoption", "previous_permanence"):
        assert lines(folder, table) == []


def test_adoption_and_previous_permanence_name_the_children_the_records_know(tmp_path):
    care_records.adopted_then_back_in_care()
    care_records.adopted_in_the_year()
    written(tmp_path)
    assert lines(tmp_path, "previous_permanence") == ["P6,09/02/2016,P1,,30/06/2021"]
    # No decision recorded: blank but for the foster carers, told by her placement (A5).
    assert lines(tmp_path, "ad1") == ["A7,07/07/2021,,,1,,,"]
    assert lines(tmp_path, "placed_for_adoption") == ["A7,07/07/2021,,,"]
    # With her foster carers, the adoption placement changed the placement only (T).
    assert lines(tmp_path, "episodes") == [
        "A7,04/11/2024,T,C2,N1,A5,PR1,16/02/2026,E12,,,,",
        "P6,02/06/2025,S,C1,N4,U6,PR1,,,,,,",
    ]


def test_a_missing_period_out_of_care_is_left_out_and_said_so(tmp_path):
    from datetime import date

    from oversight.casework import services

    m2 = care_records.home_under_section_20()
    services.record_missing_episode(m2, started_on=date(2025, 10, 1), returned_on=None)
    summary = written(tmp_path)
    assert lines(tmp_path, "missing") == []
    assert summary.left_out == [
        "child M2: the missing period from 2025-10-01 began when the child was not looked after"
    ]


def test_a_year_that_is_not_one_is_refused(tmp_path):
    with pytest.raises(ValueError, match="give it as 2025-26"):
        written(tmp_path, "2025")


def test_a_uasc_care_leaver_no_longer_looked_after_stays_in_the_uasc_file(tmp_path):
    from datetime import date

    from oversight.casework import services

    # Looked after from 2023 to 1 March 2025, at 17; 18 on 1 June 2025, in the year: a care
    # leaver of the return, whose UASC status ceases in the year (rule 205A asks for it).
    l8 = care_records.child("L8", "1", date(2007, 6, 1), "BAFR", uasc=True)
    care_records.referred(l8, date(2023, 5, 2), "N8")
    episode, placement, plan = services.start_care_episode(
        l8, started_on=date(2023, 5, 2), legal_status="V2", placement_type="U6", provider="PR1"
    )
    services.end_care_episode(episode, placement, plan, ended_on=date(2025, 3, 1),
                              reason_ceased="E8")  # fmt: skip
    # 18 before the year began: the status ceased before it, so no row.
    earlier = care_records.child("L9", "1", date(2007, 2, 1), "BAFR", uasc=True)
    care_records.referred(earlier, date(2023, 5, 2), "N8")
    episode, placement, plan = services.start_care_episode(
        earlier, started_on=date(2023, 5, 2), legal_status="V2", placement_type="U6",
        provider="PR1",
    )  # fmt: skip
    services.end_care_episode(episode, placement, plan, ended_on=date(2025, 2, 1),
                              reason_ceased="E8")  # fmt: skip
    written(tmp_path)
    assert [line.split(",")[0] for line in lines(tmp_path, "header")] == ["L8", "L9"]
    assert lines(tmp_path, "episodes") == []
    assert lines(tmp_path, "uasc") == ["L8,M,01/06/2007,01/06/2025"]


def test_a_child_looked_after_at_31_march_has_every_social_worker_of_the_period(tmp_path):
    """SW12STG2: for a child looked after on 31 March 2026, every social worker episode
    from 1 April 2024 (a year before the collection year), whether looked after then or
    not; a worker who held the child for no whole day is none. A child who left care in
    the year has only the workers who held her while looked after. A first contact passed
    on the same day makes the next worker the first (FCONTA)."""
    from datetime import date

    from oversight.accounts.models import User
    from oversight.casework import services

    team, sam = care_records.caseworker()
    kim = User.objects.create(username="sw2", team=team, swe_number="SW654321")
    lee = User.objects.create(username="sw3", team=team, swe_number="SW111111")
    n1 = care_records.child("N1", "1", date(2015, 1, 9), "WBRI")
    care_records.referred(n1, date(2024, 1, 8), "N1")
    services.allocate(n1, team, lee, date(2024, 1, 8), change_reason="FCONTA")  # before 2024-25
    services.allocate(n1, team, sam, date(2024, 9, 2), change_reason="LEFTRL")  # not in care
    services.allocate(n1, team, lee, date(2025, 6, 2), change_reason="OTHERS")  # no whole day
    services.allocate(n1, team, kim, date(2025, 6, 2), change_reason="MANAGE")
    services.start_care_episode(n1, started_on=date(2025, 7, 1), legal_status="C2",
                                placement_type="U4", provider="PR1")  # fmt: skip
    o2 = care_records.child("O2", "2", date(2012, 4, 4), "WBRI")
    care_records.referred(o2, date(2024, 10, 1), "N1")
    # A first contact at the front door, passed on the same day: Sam is her first worker.
    services.allocate(o2, team, lee, date(2024, 10, 1), change_reason="FCONTA")
    services.allocate(o2, team, sam, date(2024, 10, 1), change_reason="TSPROC")
    services.allocate(o2, team, kim, date(2025, 5, 1), change_reason="ABSENC")
    episode, placement, plan = services.start_care_episode(
        o2, started_on=date(2025, 6, 1), legal_status="V2", placement_type="U4", provider="PR1"
    )
    services.end_care_episode(episode, placement, plan, ended_on=date(2025, 12, 1),
                              reason_ceased="E13")  # fmt: skip
    written(tmp_path)
    assert lines(tmp_path, "social_worker_episodes") == [
        "N1,09/01/2015,SW111111,08/01/2024,02/09/2024,FCONTA",
        "N1,09/01/2015,SW123456,02/09/2024,02/06/2025,LEFTRL",
        "N1,09/01/2015,SW654321,02/06/2025,,MANAGE",
        "O2,04/04/2012,SW654321,01/05/2025,,ABSENC",
    ]
    # O2's first worker is in the return when she is looked after on 31 March.
    services.start_care_episode(o2, started_on=date(2026, 1, 5), legal_status="C2",
                                placement_type="U4", provider="PR1")  # fmt: skip
    written(tmp_path)
    assert lines(tmp_path, "social_worker_episodes")[-2:] == [
        "O2,04/04/2012,SW123456,01/10/2024,01/05/2025,FCONTA",
        "O2,04/04/2012,SW654321,01/05/2025,,ABSENC",
    ]
