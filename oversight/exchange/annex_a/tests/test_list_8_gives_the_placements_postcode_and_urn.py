"""List 8 (children in care) gives the latest placement's postcode and Ofsted URN, and the
LA that postcode is in, and whether that is this LA (OVERSIGHT_LA_CODE), by the ONS
Postcode Directory: RG30 1AA is in Reading (870, E06000038), N1 0AA in Islington, SA1 1AA
in Wales; no postcode begins ZZ."""

import pytest

from oversight.casework import services
from oversight.exchange.annex_a.gather import Context
from oversight.exchange.annex_a.tests.journeys import AS_AT, LONG_AGO, child
from oversight.exchange.annex_a.write import BUILDERS

pytestmark = pytest.mark.django_db


def placed(la_child_id: str, postcode: str = "", urn: str = "") -> None:
    services.start_care_episode(child(la_child_id), started_on=LONG_AGO, legal_status="C2",
                                placement_type="K2", provider="PR4", postcode=postcode,
                                urn=urn)  # fmt: skip


def columns(*names: str) -> dict[str, tuple]:
    return {r["child_id"]: tuple(r[n] for n in names) for r in BUILDERS[8](Context(AS_AT))}


def test_the_latest_placements_postcode_and_urn_are_given_and_blank_when_not_held():
    placed("H1", "NF2 7CD", "SC920001")
    placed("H2")
    assert columns("placement_postcode", "placement_urn") == {
        "H1": ("NF2 7CD", "SC920001"), "H2": (None, None)
    }  # fmt: skip


def test_the_placements_la_and_whether_it_is_this_las(settings):
    settings.OVERSIGHT_LA_CODE = "870"
    for la_child_id, postcode in [("H1", "RG30 1AA"), ("H2", "N1 0AA"), ("H3", "SA1 1AA"),
                                  ("H4", "ZZ9 9ZZ"), ("H5", "")]:  # fmt: skip
        placed(la_child_id, postcode)
    assert columns("placement_la", "placement_location") == {
        "H1": ("Reading", "IN"), "H2": ("Islington", "OUT"),
        "H3": ("WAL - Child placed in Wales", "OUT"), "H4": (None, None), "H5": (None, None),
    }  # fmt: skip


def test_without_this_las_code_the_location_is_blank(settings):
    settings.OVERSIGHT_LA_CODE = ""
    placed("H1", "N1 0AA")
    assert columns("placement_la", "placement_location") == {"H1": ("Islington", None)}
