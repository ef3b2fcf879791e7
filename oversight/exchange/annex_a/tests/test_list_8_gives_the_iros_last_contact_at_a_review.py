"""List 8's IRO contact: the last child in care review the child attended, in the current
period of care, up to the inspection date (31 March 2025): the IRO chairs it and meets the
child there. Worked out by hand."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.exchange.annex_a.gather import Context
from oversight.exchange.annex_a.tests.journeys import AS_AT, LONG_AGO, child
from oversight.exchange.annex_a.write import BUILDERS

pytestmark = pytest.mark.django_db


def reviewed(la_child_id: str, *reviews: tuple[date, bool]) -> None:
    _episode, _placement, plan = services.start_care_episode(
        child(la_child_id), started_on=LONG_AGO, legal_status="C2", placement_type="U6"
    )
    for held_on, attended in reviews:
        services.record_review(plan.child, kind="cla", held_on=held_on, plan=plan,
                               child_participated=attended)  # fmt: skip


def test_the_last_review_the_child_attended_up_to_the_date():
    # C1 attended in June and in January, not in March; C2's review after the date does not
    # count; C3 never attended.
    reviewed("C1", (date(2024, 6, 3), True), (date(2025, 1, 13), True),
             (date(2025, 3, 10), False))  # fmt: skip
    reviewed("C2", (date(2024, 11, 4), True), (date(2025, 4, 2), True))
    reviewed("C3", (date(2025, 2, 3), False))
    rows = {r["child_id"]: (r["iro_contact"], r["cla_latest_review"])
            for r in BUILDERS[8](Context(AS_AT))}  # fmt: skip
    assert rows == {
        "C1": (date(2025, 1, 13), date(2025, 3, 10)),
        "C2": (date(2024, 11, 4), date(2024, 11, 4)),
        "C3": (None, date(2025, 2, 3)),
    }
