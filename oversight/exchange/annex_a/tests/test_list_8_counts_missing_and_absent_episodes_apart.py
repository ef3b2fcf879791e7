"""List 8 counts a child's episodes missing from placement and those away (absent) from it
without authorisation apart, each begun in the 12 months to the date (1 April 2024 to
31 March 2025); the return interview columns follow the last missing episode only."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.exchange.annex_a.gather import Context
from oversight.exchange.annex_a.tests.journeys import AS_AT
from oversight.exchange.annex_a.tests.test_list_8_gives_the_permanence_plan import in_care
from oversight.exchange.annex_a.write import BUILDERS

pytestmark = pytest.mark.django_db
COLUMNS = ("missing_12_months", "absent_12_months", "rhi_offered")


def test_missing_and_absent_episodes_are_counted_apart():
    child = in_care("C1").child
    gone = services.record_missing_episode(
        child,
        started_on=date(2024, 3, 30),
        returned_on=date(2024, 4, 2),  # before the year
    )
    services.record_return_interview(gone, held_on=date(2024, 4, 3))
    services.record_missing_episode(
        child, started_on=date(2024, 6, 3), returned_on=date(2024, 6, 4)
    )
    for day in (date(2024, 9, 2), date(2025, 3, 31)):
        services.record_missing_episode(child, started_on=day, returned_on=day, away=True)
    rows = {row["child_id"]: tuple(row[c] for c in COLUMNS) for row in BUILDERS[8](Context(AS_AT))}
    # The last missing episode (3 June 2024) had no interview; the away ones need none.
    assert rows == {"C1": (1, 2, "N")}
