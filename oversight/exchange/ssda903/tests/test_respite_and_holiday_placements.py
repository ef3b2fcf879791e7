"""Rules about short-term respite and holiday placements, each case worked out by hand."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from oversight.exchange.ssda903.tests.builders import (
    YEAR,
    broken_by,
    child,
    episode,
    findings,
    girl,
    return903,
    review,
)


def short_break(began: str, ended: str) -> dict:
    return episode(DECOM=began, LS="V3", PLACE="U1", DEC=ended, REC="E13")


# Four breaks of 16 days (1 to 17 May, June, July, August 2025): 64 days.
FOUR_BREAKS = [short_break(f"01/{m}/2025", f"17/{m}/2025") for m in ("05", "06", "07", "08")]


def test_more_than_75_days_of_respite_in_a_year_is_reported():
    # A fifth break of 12 days makes 76 in the year to 13 September; one of 11 makes 75.
    found = broken_by(
        "367",
        child("C1", episodes=[*FOUR_BREAKS, short_break("01/09/2025", "13/09/2025")]),
        child("C2", episodes=[*FOUR_BREAKS, short_break("01/09/2025", "12/09/2025")]),
    )
    assert found == ["C1"]


def holiday(began: str, ended: str) -> dict:
    return episode(DECOM=began, RNE="P", PLACE="T3", DEC=ended, REC="X1")


def test_a_third_holiday_placement_within_a_year_is_reported():
    found = broken_by(
        "377",
        child("C1", episodes=[holiday("01/05/2025", "08/05/2025"),
                              holiday("01/08/2025", "08/08/2025"),
                              holiday("01/11/2025", "08/11/2025")]),
        # The first and third began a year apart to the day: no year holds all three.
        child("C2", episodes=[holiday("25/03/2025", "01/04/2025"),
                              holiday("01/08/2025", "08/08/2025"),
                              holiday("25/03/2026", "31/03/2026")]),
    )  # fmt: skip
    assert found == ["C1"]


def test_respite_under_both_v3_and_v4_in_the_year_is_reported():
    series = episode(DECOM="01/09/2025", LS="V4", DEC="01/10/2025", REC="E13")
    found = broken_by(
        "426",
        child("C1", episodes=[short_break("01/05/2025", "05/05/2025"), series]),
        child("C2", episodes=[short_break("01/05/2025", "05/05/2025"),
                              short_break("01/06/2025", "05/06/2025")]),
    )  # fmt: skip
    assert found == ["C1", "C1"]


def test_a_mother_field_or_review_for_a_child_only_in_respite_is_reported():
    respite = [short_break("01/05/2025", "05/05/2025")]
    found = broken_by(
        "399",
        child("C1", episodes=respite, reviews=[review()]),
        child("C2", episodes=respite, reviews=[]),
        # Looked after otherwise too: the review and mother field are wanted (165, 393).
        child("C3", episodes=[*respite, episode(DECOM="01/06/2025")], reviews=[review()]),
        girl("G1", episodes=respite, reviews=[]),
    )
    assert found == ["C1", "G1"]


def days_in_the_year_to(end: date, breaks: list[tuple[date, date]]) -> int:
    """Rule 367's count for the window ending ``end``, worked out by trying every break."""
    start = (
        end.replace(year=end.year - 1)
        if (end.month, end.day) != (2, 29)
        else date(end.year - 1, 2, 28)
    )
    return sum(max((min(to, end) - max(began, start)).days, 0) for began, to in breaks)


a_day = st.dates(date(2024, 1, 1), date(2026, 3, 31))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(a_day, st.integers(-5, 60), st.booleans()), min_size=1, max_size=9))
def test_the_respite_days_counted_are_those_found_by_trying_every_break(drawn):
    # Breaks in any order, overlapping, ending before they begin, or still open: each break's
    # count is the one worked out pair by pair, and those over 75 days are reported with it.
    breaks = [(began, None if still_open else began + timedelta(days=lasting))
              for began, lasting, still_open in drawn]  # fmt: skip
    dated = [(began, ended or YEAR.end) for began, ended in breaks]
    episodes = [short_break(f"{began:%d/%m/%Y}", f"{ended:%d/%m/%Y}" if ended else None)
                for began, ended in breaks]  # fmt: skip
    found = findings("367", return903(child("C1", episodes=episodes)))
    reported = sorted(int(dict(f.fields)["respite days in the year to DEC"]) for f in found)
    expected = sorted(d for _, end in dated if (d := days_in_the_year_to(end, dated)) > 75)
    assert reported == expected
