"""Audit samples: reproducible from their seed, proportionate, targeted, never drawn twice."""

from hypothesis import given
from hypothesis import strategies as st

from oversight.quality.sampling import Candidate, Method, allocate, draw

TEAM_A = [Candidate(n, "A") for n in range(1, 61)]  # 60 children
TEAM_B = [Candidate(n, "B") for n in range(61, 81)]  # 20 children
EVERYONE = TEAM_A + TEAM_B


def ids(drawn):
    return [d.child_id for d in drawn]


def test_the_same_seed_gives_the_same_sample_whatever_order_the_candidates_come_in():
    first = draw(EVERYONE, 10, Method.RANDOM, seed=7)
    again = draw(list(reversed(EVERYONE)), 10, Method.RANDOM, seed=7)
    assert ids(first) == ids(again) and len(set(ids(first))) == 10
    assert ids(draw(EVERYONE, 10, Method.RANDOM, seed=8)) != ids(first)


def test_a_stratified_sample_gives_each_team_its_share():
    # 8 places over 60 and 20 children: 6 and 2.
    drawn = draw(EVERYONE, 8, Method.STRATIFIED, seed=1)
    assert sorted(d.stratum for d in drawn) == ["A"] * 6 + ["B"] * 2


def test_largest_remainders_break_ties_and_every_stratum_is_seen():
    # 10 places over 7, 2 and 1: each gets one, then 7 spare go 6:1:0 by remainders of 6,1,0.
    assert allocate({"x": 7, "y": 2, "z": 1}, 10) == {"x": 7, "y": 2, "z": 1}
    assert allocate({"x": 50, "y": 30, "z": 20}, 5) == {"x": 2, "y": 2, "z": 1}
    assert allocate({"x": 5, "y": 1}, 1) == {"x": 1, "y": 0}
    assert allocate({"x": 3}, 10) == {"x": 3}


def test_a_targeted_sample_draws_only_the_flagged_cases():
    flagged = [
        Candidate(n, "A", flagged=n % 10 == 0, why="oversight overdue") for n in range(1, 101)
    ]
    drawn = draw(flagged, 5, Method.TARGETED, seed=3)
    assert all(d.child_id % 10 == 0 for d in drawn) and len(drawn) == 5
    assert {d.why for d in drawn} == {"oversight overdue"}
    assert len(draw(flagged, 50, Method.TARGETED, seed=3)) == 10  # only ten are flagged


def test_children_already_drawn_this_period_are_not_drawn_again():
    first = draw(EVERYONE, 40, Method.RANDOM, seed=1)
    second = draw(EVERYONE, 40, Method.RANDOM, seed=2, exclude=ids(first))
    assert not set(ids(first)) & set(ids(second))
    assert sorted(ids(first) + ids(second)) == list(range(1, 81))


@given(
    sizes=st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 50), min_size=1),
    size=st.integers(1, 120),
)
def test_the_places_add_up_to_the_sample_and_never_exceed_a_stratum(sizes, size):
    places = allocate(sizes, size)
    assert sum(places.values()) == min(size, sum(sizes.values()))
    assert all(0 <= places[name] <= sizes[name] for name in sizes)
