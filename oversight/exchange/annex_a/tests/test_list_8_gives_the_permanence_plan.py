"""List 8's permanence plan: the care plan's latest plan in the child's current period of
care, made by the inspection date (31 March 2025); imported when the records hold none,
noted when they hold another. Worked out by hand."""

import io
from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import PermanencePlan, Plan
from oversight.exchange.annex_a.gather import Context
from oversight.exchange.annex_a.load import Loaded, load
from oversight.exchange.annex_a.read import read_workbook
from oversight.exchange.annex_a.tests.journeys import AS_AT, LONG_AGO, child, exported
from oversight.exchange.annex_a.write import BUILDERS
from oversight.web.uploads import open_workbook

pytestmark = pytest.mark.django_db


def in_care(la_child_id: str, began: date = LONG_AGO) -> Plan:
    _episode, _placement, plan = services.start_care_episode(
        child(la_child_id), started_on=began, legal_status="C2", placement_type="U6"
    )
    return plan


def plans() -> dict[str, str | None]:
    return {row["child_id"]: row["permanence_plan"] for row in BUILDERS[8](Context(AS_AT))}


def test_the_latest_plan_known_on_the_date_is_given():
    changed = in_care("C1")
    services.record_permanence_plan(changed, option="return_to_family",
                                    decided_on=date(2023, 9, 4))  # fmt: skip
    services.record_permanence_plan(changed, option="adoption", decided_on=date(2025, 1, 6))
    later = in_care("C2")
    services.record_permanence_plan(later, option="long_term_fostering",
                                    decided_on=date(2025, 4, 1))  # fmt: skip
    in_care("C3")
    assert plans() == {"C1": "adoption", "C2": None, "C3": None}


def test_a_plan_of_an_earlier_period_of_care_is_not_this_ones():
    first = in_care("C4")
    services.record_permanence_plan(first, option="sgo_cao", decided_on=date(2023, 8, 1))
    episode = first.child.care_episodes.get()
    placement = episode.placements.get()
    services.end_care_episode(episode, placement, first, ended_on=date(2023, 12, 1),
                              reason_ceased="E41")  # fmt: skip
    services.start_care_episode(first.child, started_on=date(2024, 11, 4), legal_status="C2",
                                placement_type="U6")  # fmt: skip
    assert plans() == {"C4": None}
    assert PermanencePlan.objects.count() == 1


def imported(workbook: bytes) -> Loaded:
    return load(read_workbook(open_workbook(io.BytesIO(workbook)), "annex-a.xlsx"))


def test_a_plan_is_imported_on_the_latest_review_and_one_held_otherwise_is_noted():
    plan = in_care("C5")
    services.record_review(plan.child, kind="cla", held_on=date(2025, 1, 13), plan=plan)
    services.record_permanence_plan(plan, option="adoption", decided_on=date(2025, 1, 13))
    workbook = exported()
    PermanencePlan.objects.all().delete()
    loaded = imported(workbook)
    made = PermanencePlan.objects.get()
    assert (made.option, made.decided_on, loaded.added["permanence plan"]) == (
        "adoption",
        date(2025, 1, 13),
        1,
    )
    made.option = "long_term_fostering"
    made.save()
    loaded = imported(workbook)
    assert loaded.added["permanence plan"] == 0
    assert PermanencePlan.objects.get().option == "long_term_fostering"
    assert loaded.notes.lines() == [
        "What is the permanence plan for this child? (1, e.g. child C5, List 8 row 2): differs "
        "from the "
        "records, which are kept as they are"
    ]
