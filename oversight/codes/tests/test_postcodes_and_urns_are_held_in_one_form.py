"""A placement's postcode and Ofsted URN are held in one form, and what is not of that
form is refused with what to write instead."""

import pytest

from oversight.codes.places import written_postcode, written_urn


@pytest.mark.parametrize(
    ("given", "held"),
    [("ab1 2cd", "AB1 2CD"), ("AB12CD", "AB1 2CD"), (" nf12  3xy ", "NF12 3XY"),
     ("W1A 1AA", "W1A 1AA"), ("EC1V9LB", "EC1V 9LB"), ("", ""), ("  ", "")],
)  # fmt: skip
def test_a_postcode_is_held_in_capitals_with_one_space(given: str, held: str) -> None:
    assert written_postcode(given) == held


@pytest.mark.parametrize("given", ["AB1", "123 4AB", "AB1 2C", "ABC1 2CD", "AB1 CD2"])
def test_what_is_no_postcode_is_refused(given: str) -> None:
    with pytest.raises(ValueError, match="is not a postcode"):
        written_postcode(given)


def test_a_urn_is_held_in_capitals_and_refused_for_a_placement_without_one() -> None:
    assert written_urn("sc123456", "K2") == "SC123456"
    assert written_urn("2504567", "U6") == "2504567"
    assert written_urn("", "K2") == "" and written_urn("xxxxxxx", "P1") == "XXXXXXX"
    with pytest.raises(ValueError, match="type P1 has no Ofsted URN"):
        written_urn("SC123456", "P1")
    with pytest.raises(ValueError, match="is not an Ofsted URN"):
        written_urn("SC12345", "K2")
