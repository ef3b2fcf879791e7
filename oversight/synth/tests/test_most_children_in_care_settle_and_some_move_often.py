"""Placement moves: most periods in care settle after a first year of more moves; some
never do (``synth.care``). Worked out by hand from the rates. (The small LA has too few
children in care to hold to the published shares: the medium LA's are in the README.)"""

import math
import random
from datetime import date, timedelta

import pytest

from oversight.synth.care import MOVES_A_YEAR, next_move

START = date(2023, 4, 3)
DRAWS = 20_000


def _share_moved_within(after: date, days: int, unsettled: bool = False) -> float:
    rng = random.Random(5)
    moves = [next_move(rng, START, after, unsettled) for _ in range(DRAWS)]
    return sum(move <= after + timedelta(days=days) for move in moves) / DRAWS


def test_a_settled_child_moves_at_the_settled_rate_however_long_ago_the_last_move():
    # Two years from the start of the second year: 1 - e^(-0.10 x 2) = 18.1%; the two
    # weeks' wait and the next working day take a little off.
    expected = 1 - math.exp(-MOVES_A_YEAR["settled"] * 2)
    assert _share_moved_within(date(2024, 4, 3), 730) == pytest.approx(expected, abs=0.02)


def test_a_first_year_draw_past_the_years_end_is_drawn_again_at_the_settled_rate():
    # From the start: in the first year 1 - e^(-0.35 x 351/365) = 28.6% move. Of the
    # rest, 1 - e^(-0.10) = 9.5% move in the second year: 6.8% of all, 35.4% in two years.
    # Had the first year's rate run on into the second, it would be 50.3%.
    first = 1 - math.exp(-MOVES_A_YEAR["first year"] * 351 / 365)
    second = (1 - first) * (1 - math.exp(-MOVES_A_YEAR["settled"]))
    assert first + second == pytest.approx(0.354, abs=0.001)
    assert _share_moved_within(START, 731) == pytest.approx(first + second, abs=0.02)


def test_an_unsettled_child_moves_about_twice_a_year():
    # 1 - e^(-2 x 351/365) = 85.4% within a year of the last move.
    expected = 1 - math.exp(-MOVES_A_YEAR["unsettled"] * 351 / 365)
    assert _share_moved_within(START, 365, unsettled=True) == pytest.approx(expected, abs=0.02)
