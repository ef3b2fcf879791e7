"""Checking whether a code belongs to a set: exact codes only, unknown sets still an error."""

import pytest

from oversight import codes


def test_a_listed_code_is_valid() -> None:
    assert codes.is_valid("reason_for_closure", "RC8")
    assert "RC8" in codes.code_set("reason_for_closure")


def test_a_code_from_another_set_is_not_valid() -> None:
    assert not codes.is_valid("reason_for_closure", "N1")


def test_codes_are_matched_exactly_as_the_returns_spell_them() -> None:
    assert not codes.is_valid("primary_need", "n1")
    assert not codes.is_valid("primary_need", " N1")


def test_something_that_is_not_a_string_is_not_in_a_set() -> None:
    assert 1 not in codes.code_set("sex")


def test_asking_about_an_unknown_set_is_an_error_not_false() -> None:
    with pytest.raises(codes.UnknownCodeSet):
        codes.is_valid("primary_needs", "N1")


def test_iterating_a_set_gives_its_codes_in_source_order() -> None:
    code_set = codes.code_set("sex")
    assert [code.code for code in code_set] == ["1", "2", "0", "9"]
    assert list(code_set) == list(code_set.codes)
