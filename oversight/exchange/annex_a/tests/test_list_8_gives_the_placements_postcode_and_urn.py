"""List 8 (children in care) gives the latest placement's postcode and Ofsted URN."""

import pytest

from oversight.casework import services
from oversight.exchange.annex_a.gather import Context
from oversight.exchange.annex_a.tests.journeys import AS_AT, LONG_AGO, child
from oversight.exchange.annex_a.write import BUILDERS

pytestmark = pytest.mark.django_db


def test_the_latest_placements_postcode_and_urn_are_given_and_blank_when_not_held():
    services.start_care_episode(child("H1"), started_on=LONG_AGO, legal_status="C2",
                                placement_type="K2", provider="PR4", postcode="NF2 7CD",
                                urn="SC920001")  # fmt: skip
    services.start_care_episode(child("H2"), started_on=LONG_AGO, legal_status="C2",
                                placement_type="U6")  # fmt: skip
    rows = {r["child_id"]: (r["placement_postcode"], r["placement_urn"])
            for r in BUILDERS[8](Context(AS_AT))}  # fmt: skip
    assert rows == {"H1": ("NF2 7CD", "SC920001"), "H2": (None, None)}
