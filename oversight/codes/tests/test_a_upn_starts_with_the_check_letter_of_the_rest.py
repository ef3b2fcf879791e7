"""The UPN's check letter, worked out by hand: characters 2 to 13 times their positions,
summed, modulo 23, read in ABCDEFGHJKLMNPQRTUVWXYZ (a last letter counts as its place)."""

import pytest

from oversight.codes.upn import check_letter, make_upn, upn_problem


def test_a_permanent_upns_check_letter() -> None:
    # 870 2001 20 017: 8x2 + 7x3 + 2x5 + 1x8 + 2x9 + 1x12 + 7x13 = 176 = 7x23 + 15: R.
    assert check_letter("R870200120017") == "R"
    assert upn_problem("R870200120017") is None


def test_a_temporary_upns_last_letter_counts_by_its_place() -> None:
    # 20100000001A: 2x2 + 1x4 + 1x12 + 0x13 (A = 0) = 20: X.
    assert check_letter("?20100000001A") == "X"
    assert upn_problem("X20100000001A") is None


def test_a_wrong_check_letter_is_refused_saying_which_it_should_be() -> None:
    assert upn_problem("A870200120017") == (
        "the first letter of this UPN should be R: check it was typed right"
    )


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("R87020012001", "a UPN has 13 characters, not 12"),
        (
            "R87020012001I",
            "a UPN is a letter, then 11 digits, then a digit or a letter other than I, O or S",
        ),  # fmt: skip
        (
            "1870200120017",
            "a UPN is a letter, then 11 digits, then a digit or a letter other than I, O or S",
        ),  # fmt: skip
    ],
)
def test_a_malformed_upn_is_refused_saying_what_a_upn_looks_like(typed: str, problem: str) -> None:
    assert upn_problem(typed) == problem


def test_lower_case_and_spaces_around_are_forgiven() -> None:
    assert upn_problem(" r870200120017 ") is None


def test_a_made_upn_carries_its_check_letter() -> None:
    assert make_upn("870", 2001, 2020, 17) == "R870200120017"
