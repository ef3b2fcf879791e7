"""List 11 (prospective adopters): a row for each person in a household in the adoption
process in the 12 months to the date (1 April 2024 to 31 March 2025), with its steps and
what followed for the children matched with it; list 10 gives the household's family
identifier. Worked out by hand."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import AdopterHousehold
from oversight.casework.services import AdopterDetails
from oversight.exchange.annex_a.gather import Context
from oversight.exchange.annex_a.tests.journeys import AS_AT, LONG_AGO, child
from oversight.exchange.annex_a.write import BUILDERS

pytestmark = pytest.mark.django_db


def household(family_id: str, enquiry_on: date, *sexes: str) -> AdopterHousehold:
    people = [
        AdopterDetails(f"{family_id}-{n}", "Sam", "Example", sex, "WBRI", disabled=n == 2)
        for n, sex in enumerate(sexes, start=1)
    ]
    return services.record_adopter_enquiry(
        family_id=family_id, enquiry_on=enquiry_on, adopters=people
    )


def approved(family_id: str, *sexes: str) -> AdopterHousehold:
    made = household(family_id, date(2023, 1, 9), *sexes)
    return services.record_adopter_steps(
        made, stage1_started_on=date(2023, 2, 1), stage1_ended_on=date(2023, 4, 3),
        stage2_started_on=date(2023, 4, 4), applied_on=date(2023, 4, 4),
        stage2_ended_on=date(2023, 8, 1), approved_on=date(2023, 9, 4),
        fostering_for_adoption=True,
    )  # fmt: skip


def rows(as_at: date = AS_AT) -> dict[str, dict[str, object]]:
    return {row["adopter_id"]: row for row in BUILDERS[11](Context(as_at))}


def adopted_with(family: AdopterHousehold, la_child_id: str, placed_on: date,
                 adopted_on: date | None, matched_on: date = date(2024, 5, 6)) -> None:  # fmt: skip
    episode, placement, plan = services.start_care_episode(
        child(la_child_id), started_on=LONG_AGO, legal_status="E1", placement_type="U6"
    )
    decision = services.record_adoption_decision(episode, decided_on=date(2023, 8, 1))
    services.record_adoption_match(decision, matched_on=matched_on, adopters_sex="MF",
                                   adopters_legal_status="L11", household=family)  # fmt: skip
    placement = services.change_placement(episode, placement, on=placed_on, placement_type="A4",
                                          change_reason="CARPL")  # fmt: skip
    if adopted_on is not None:
        services.end_care_episode(episode, placement, plan, ended_on=adopted_on,
                                  reason_ceased="E11")  # fmt: skip


def test_a_couple_matched_with_two_children_gives_a_row_each_with_what_followed():
    family = approved("F1", "1", "2")
    adopted_with(family, "A1", date(2024, 6, 3), date(2024, 12, 2))
    adopted_with(family, "A2", date(2024, 6, 10), None)
    found = rows()
    assert sorted(found) == ["F1-1", "F1-2"]
    first, second = found["F1-1"], found["F1-2"]
    assert (first["family_id"], first["gender"], first["disability"], first["ffa"]) == (
        "F1",
        "1",
        "N",
        "Y",
    )
    assert (second["gender"], second["disability"]) == ("2", "Y")
    assert {k: first[k] for k in ("enquiry", "stage2_start", "approved", "matched", "placed",
                                  "children_placed", "adoption_order", "left")} == {
        "enquiry": date(2023, 1, 9), "stage2_start": date(2023, 4, 4),
        "approved": date(2023, 9, 4), "matched": date(2024, 5, 6),
        "placed": date(2024, 6, 3), "children_placed": 2,
        "adoption_order": date(2024, 12, 2), "left": None,
    }  # fmt: skip
    # List 10 links the child adopted in the window to the household (A2's decision came
    # before the window, and A2 is not adopted yet: not on list 10).
    assert [(r["child_id"], r["family_id"]) for r in BUILDERS[10](Context(AS_AT))] == [("A1", "F1")]


def test_who_is_on_the_list_is_who_was_in_the_process_in_the_window():
    household("EARLY", date(2022, 5, 3), "2")  # still in the process: on the list
    left = household("LEFT", date(2023, 2, 1), "1")
    services.record_adopters_left(left, left_on=date(2024, 3, 29), reason="1")  # before it
    in_time = household("WITHDREW", date(2024, 1, 8), "2", "2")
    services.record_adopters_left(in_time, left_on=date(2024, 4, 1), reason="3")  # its 1st day
    household("AFTER", date(2025, 4, 1), "1")  # enquiry after the date
    done = approved("DONE", "1", "2")
    adopted_with(done, "D1", date(2023, 10, 2), date(2024, 3, 31), date(2023, 9, 11))
    found = rows()
    assert sorted(found) == ["EARLY-1", "WITHDREW-1", "WITHDREW-2"]
    assert (found["WITHDREW-1"]["left"], found["WITHDREW-1"]["left_reason"]) == (
        date(2024, 4, 1),
        "3",
    )
    assert found["EARLY-1"]["children_placed"] is None


def test_nothing_after_the_date_is_shown_and_a_users_export_leaves_them_out():
    family = household("F2", date(2025, 1, 6), "2")
    services.record_adopter_steps(family, stage1_started_on=date(2025, 4, 1))
    [row] = rows().values()
    assert (row["enquiry"], row["stage1_start"]) == (date(2025, 1, 6), None)
    assert BUILDERS[11](Context(AS_AT, adopters=False)) == []
