"""Every code set the rest of the system relies on exists, loads and is well formed."""

import pytest

from oversight import codes

REQUIRED = [
    "referral_source",
    "primary_need",
    "category_of_abuse",
    "reason_for_closure",
    "assessment_factors",
    "ethnicity",
    "disability",
    "sex",
    "legal_status",
    "placement_type",
    "reason_new_episode",
    "reason_episode_ceased",
    "placement_provider",
    "care_leaver_accommodation",
    "care_leaver_activity",
    "reason_for_placement_change",
    "reason_for_social_worker_change",
]


def test_every_required_code_set_is_listed() -> None:
    assert set(REQUIRED) <= set(codes.all_code_sets())


@pytest.mark.parametrize("set_id", REQUIRED)
def test_required_code_set_loads_with_codes_a_title_and_a_source(set_id: str) -> None:
    code_set = codes.code_set(set_id)
    assert code_set.id == set_id
    assert len(code_set) > 0
    assert code_set.title and code_set.title[0].isupper()
    assert code_set.source


@pytest.mark.parametrize("set_id", codes.all_code_sets())
def test_codes_in_a_set_are_unique_and_every_code_has_a_description(set_id: str) -> None:
    code_set = codes.code_set(set_id)
    assert len({code.code for code in code_set}) == len(code_set)
    assert all(code.code.strip() == code.code and code.description for code in code_set)


def test_a_code_set_is_loaded_once_and_then_shared() -> None:
    assert codes.code_set("primary_need") is codes.code_set("primary_need")
