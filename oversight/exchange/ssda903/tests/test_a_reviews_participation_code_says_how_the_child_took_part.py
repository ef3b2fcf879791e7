"""The participation code of a review, from what the records keep, and back (no database)."""

from datetime import date

import pytest

from oversight.exchange.ssda903.participation import RECORDED, participation_code

BORN = date(2012, 6, 15)
HELD = date(2025, 9, 1)  # aged 13


@pytest.mark.parametrize(("participated", "views", "how", "code"), [
    (True, True, "spoke", "PN1"),
    (True, True, "written", "PN1"),
    (True, True, "advocate", "PN2"),
    (True, True, "play", "PN3"),
    (True, True, "observed", "PN3"),
    (True, False, "", "PN4"),
    (False, True, "advocate", "PN5"),
    (False, True, "written", "PN6"),
    (False, True, "play", "PN6"),
    (False, False, "", "PN7"),
])  # fmt: skip
def test_attending_and_how_the_views_reached_the_review(participated, views, how, code):
    assert participation_code(BORN, HELD, participated, views, how) == code


def test_under_4_on_the_day_is_pn0_whatever_was_recorded():
    assert participation_code(date(2021, 9, 2), HELD, True, True, "spoke") == "PN0"
    assert participation_code(date(2021, 9, 1), HELD, False, False, "") == "PN7"  # 4 that day


@pytest.mark.parametrize("code", [f"PN{n}" for n in range(1, 8)])
def test_each_code_imported_is_written_back_as_the_same_code(code):
    participated, voice = RECORDED[code]
    written = participation_code(BORN, HELD, participated, voice.get("views_recorded", False),
                                 voice.get("how_expressed", ""))  # fmt: skip
    assert written == code
