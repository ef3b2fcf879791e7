"""Records, out to a workbook, into an empty database, and out again: every list gives the
same values in every column the import reads (the others are worked out, or not held)."""

import io
from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import AdopterHousehold, Child, Contact, Plan, Referral
from oversight.casework.services import AdopterDetails
from oversight.exchange.annex_a.load import ImportRefused, load
from oversight.exchange.annex_a.read import read_workbook
from oversight.exchange.annex_a.tests.journeys import (
    AS_AT,
    FIRST,
    LONG_AGO,
    assessed,
    child,
    enquiry,
    exported,
    imported_facts,
    in_care,
    plan,
    referral,
)

pytestmark = pytest.mark.django_db


def a_year_of_work() -> None:
    """One child for each thing the lists carry, worked through the services."""
    unborn = child("unborn", born=None, expected_date_of_birth=date(2025, 6, 1))
    services.record_contact(unborn, received_on=date(2025, 1, 6), source_code="3B")
    nfa = referral(child("nfa", sex="1", ethnicity="APKN"), date(2024, 10, 7), source="2A")
    services.decide_referral(nfa, decision="nfa", decided_on=date(2024, 10, 7))
    assessed(child("assessed", disabilities="MOB"), date(2024, 11, 4), done=date(2024, 12, 2))
    _protected(child("protected"))
    enquiry(child("no-conference"), date(2025, 2, 3), done=date(2025, 2, 10))
    _in_care(child("in-care", uasc=True))
    in_care(child("went-home"), date(2024, 1, 10), end=date(2024, 12, 20), reason="E4A")
    _care_leaver(child("leaver", born=date(2006, 5, 5)))
    early_help = services.start_early_help(child("early-help"), started_on=FIRST,
                                           family_hub="North hub")  # fmt: skip
    services.complete_early_help_assessment(early_help, completed_on=date(2025, 1, 24))
    _on_a_cin_plan(child("cin-plan"))
    _prospective_adopters()


def _protected(of: Child) -> None:
    s47 = enquiry(of, date(2024, 11, 11))
    services.complete_s47(s47, completed_on=date(2024, 11, 25), outcome="icpc")
    _, cp = services.hold_initial_conference(s47, held_on=date(2024, 11, 26), plan_required=True,
                                             category_of_abuse="EMO")  # fmt: skip
    assert cp is not None
    services.record_visit(of, kind="cp", visited_on=date(2025, 2, 20), plan=cp, seen_alone=True)
    services.hold_review_conference(cp, held_on=date(2025, 2, 25), plan_continues=True)
    services.end_plan(cp, end_on=date(2025, 3, 10))
    services.close_episode(s47.strategy_discussion.referral, closed_on=date(2025, 3, 14),
                           reason="RC7")  # fmt: skip


def _in_care(of: Child) -> None:
    episode, first, care_plan = services.start_care_episode(
        of, started_on=LONG_AGO, legal_status="C2", placement_type="U6", provider="PR1"
    )
    now = services.change_placement(episode, first, on=date(2024, 11, 1), placement_type="U4",
                                     change_reason="CARPL", provider="PR4",
                                     long_term=True)  # fmt: skip
    services.record_review(of, kind="cla", held_on=date(2025, 1, 10), plan=care_plan)
    services.record_permanence_plan(care_plan, option="long_term_fostering",
                                    decided_on=date(2025, 1, 10))  # fmt: skip
    services.record_health_check(care_plan, kind="health_assessment", done_on=date(2024, 12, 9))
    services.record_health_check(care_plan, kind="dental_check", done_on=date(2025, 1, 20))
    services.record_visit(of, kind="cla", visited_on=date(2025, 2, 10), placement=now)


def _care_leaver(of: Child) -> None:
    plan(of, "pathway", date(2024, 5, 6))
    services.record_care_leaver_status(of, recorded_on=date(2025, 2, 1), in_touch=True,
                                       accommodation="U1", accommodation_suitable=True,
                                       activity="F2")  # fmt: skip


def _prospective_adopters() -> None:
    """A couple approved for fostering for adoption, and one adopter who withdrew."""
    couple = services.record_adopter_enquiry(
        family_id="FAM1", enquiry_on=date(2024, 2, 5),
        adopters=[AdopterDetails("ADP1", "Sam", "Example", "1", "WBRI"),
                  AdopterDetails("ADP2", "Jo", "Example", "2", "BCRB", disabled=True)],
    )  # fmt: skip
    services.record_adopter_steps(
        couple, stage1_started_on=date(2024, 3, 4), stage1_ended_on=date(2024, 5, 3),
        stage2_started_on=date(2024, 5, 7), stage2_ended_on=date(2024, 9, 6),
        applied_on=date(2024, 5, 7), approved_on=date(2024, 10, 1), fostering_for_adoption=True,
    )  # fmt: skip
    single = services.record_adopter_enquiry(
        family_id="ADP3", enquiry_on=date(2024, 6, 3),
        adopters=[AdopterDetails("ADP3", "Alex", "Example", "2", "WIRI")],
    )  # fmt: skip
    services.record_adopter_steps(single, stage1_started_on=date(2024, 7, 1))
    services.record_adopters_left(single, left_on=date(2024, 8, 1), reason="1")


def _on_a_cin_plan(of: Child) -> None:
    assessed(of, date(2022, 3, 1), done=date(2022, 4, 1))
    plan(of, "cin", date(2022, 4, 5))


def import_into_empty_records(workbook: bytes) -> None:
    Child.objects.all().delete()
    AdopterHousehold.objects.all().delete()
    assert not Referral.objects.exists() and not Plan.objects.exists()
    load(read_workbook(_open(workbook), "annex-a.xlsx"))


def _open(workbook: bytes):  # type: ignore[no-untyped-def]
    from oversight.web.uploads import open_workbook

    return open_workbook(io.BytesIO(workbook))


def test_every_imported_column_comes_back_the_same():
    a_year_of_work()
    first = exported()
    import_into_empty_records(first)
    again = imported_facts(exported())
    for number, rows in imported_facts(first).items():
        assert again[number] == rows, f"List {number}"


def test_every_list_but_adoption_has_rows_to_compare():
    a_year_of_work()
    facts = imported_facts(exported())
    assert [n for n, rows in facts.items() if not rows] == [10]


def test_imported_records_say_which_file_sheet_and_row_they_came_from():
    a_year_of_work()
    import_into_empty_records(exported())
    contact = Contact.objects.get(child__la_child_id="unborn")
    assert contact.origin == "annex-a annex-a.xlsx List 1 row 2"
    unborn = Child.objects.get(la_child_id="unborn")
    assert (unborn.date_of_birth, unborn.expected_date_of_birth) == (None, date(2025, 6, 1))
    assert Child.objects.get(la_child_id="in-care").uasc
    assert Child.objects.get(la_child_id="assessed").disabilities == "DDA"


def test_a_child_in_need_plan_on_the_date_is_recorded_as_starting_that_day():
    a_year_of_work()
    import_into_empty_records(exported())
    cin = Plan.objects.get(child__la_child_id="cin-plan", kind="cin")
    assert (cin.start_on, cin.end_on) == (AS_AT, None)


def test_a_workbook_without_its_date_needs_one_for_plans_open_on_it():
    a_year_of_work()
    reading = read_workbook(_open(exported()), "annex-a.xlsx")
    reading.as_at = None  # as from a workbook with no About sheet
    Child.objects.all().delete()
    with pytest.raises(ImportRefused) as refused:
        load(reading)
    assert {(p.sheet, p.column) for p in refused.value.loaded.problems} == {
        ("List 6", "Case Status"), ("List 9", "LA in Touch")}  # fmt: skip
    assert "give it with --as-at" in str(refused.value.loaded.problems[0])
    load(reading, as_at=AS_AT)
    assert Plan.objects.get(child__la_child_id="leaver", kind="pathway").start_on == AS_AT
