"""An unknown code or code set gives an error that says what was wrong and what is valid."""

import pytest

from oversight import codes


def test_unknown_code_names_the_set_and_some_valid_codes() -> None:
    with pytest.raises(codes.UnknownCode) as raised:
        codes.describe("primary_need", "N10")
    message = str(raised.value)
    assert "'N10'" in message
    assert "Primary need (primary_need)" in message
    assert "N1, N2" in message
    assert "10 in all" in message


def test_unknown_code_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        codes.code_set("category_of_abuse").describe("XYZ")


def test_unknown_code_set_lists_the_known_sets() -> None:
    with pytest.raises(codes.UnknownCodeSet) as raised:
        codes.code_set("cp_category")
    message = str(raised.value)
    assert "'cp_category'" in message
    assert "category_of_abuse" in message
    assert "primary_need" in message


def test_unknown_code_set_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        codes.describe("no_such_set", "N1")


def test_a_path_is_not_mistaken_for_a_code_set() -> None:
    with pytest.raises(codes.UnknownCodeSet):
        codes.code_set("../index")
