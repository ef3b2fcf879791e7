"""Unknown sizes and problems are refused with the valid choices; so is a second LA."""

import pytest

from oversight.synth import PROBLEMS, SIZES, generate

from .conftest import TODAY


def test_an_unknown_size_is_refused_naming_the_sizes():
    with pytest.raises(ValueError) as error:
        generate(size="huge", today=TODAY)
    assert "huge" in str(error.value)
    assert all(size in str(error.value) for size in ("small", "medium", "large"))


def test_an_unknown_problem_is_refused_naming_the_problems():
    with pytest.raises(ValueError) as error:
        generate(size="small", problems=["slow-frontdoor"], today=TODAY)
    assert "slow-frontdoor" in str(error.value)
    assert all(problem in str(error.value) for problem in PROBLEMS)


def test_sizes_and_problems_are_described():
    assert set(SIZES) == {"small", "medium", "large"}
    assert {"slow-front-door", "missed-cp-visits", "absent-oversight", "views-not-recorded",
            "drifting-cin-plans"} <= set(PROBLEMS)  # fmt: skip
    assert all(description.strip() for description in PROBLEMS.values())


@pytest.mark.django_db
def test_a_second_la_in_the_same_database_is_refused(small_la):
    with pytest.raises(ValueError, match="already holds a synthetic LA"):
        generate(size="small", today=TODAY)
