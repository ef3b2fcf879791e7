"""Who the return's cohorts hold, from a child's episodes as plain values (no database).

Dates are chosen so that each answer can be counted on a calendar: the year is 1 April
2025 to 31 March 2026.
"""

from datetime import date

import pytest

from oversight.exchange.ssda903.care import (
    EpisodeRecord,
    birthday,
    care_leaver_birthday,
    category_of_need,
    in_oc2,
    is_care_leaver,
    previous_permanence,
    status_window,
)
from oversight.exchange.ssda903.spec import CollectionYear

YEAR = CollectionYear.from_label("2025-26")


def episode(start, end=None, ls="C2", rne="S", rec="") -> EpisodeRecord:
    return EpisodeRecord(start, end, ls, rne, rec if end else "")


def test_a_leap_day_birthday_falls_on_1_march_in_other_years():
    assert birthday(date(2008, 2, 29), 18) == date(2026, 3, 1)
    assert birthday(date(2008, 2, 29), 16) == date(2024, 2, 29)


@pytest.mark.parametrize(("born", "expected"), [
    (date(2006, 10, 12), (date(2025, 10, 12), 19)),
    (date(2004, 4, 1), (date(2025, 4, 1), 21)),  # 21 on the year's first day
    (date(2004, 3, 31), None),  # 21 the day before the year began
    (date(2009, 3, 31), (date(2026, 3, 31), 17)),  # 17 on its last day
    (date(2009, 4, 1), None),  # 17 the day after it ended
    (None, None),
])  # fmt: skip
def test_the_care_leavers_birthday_in_the_year(born, expected):
    assert care_leaver_birthday(born, YEAR) == expected


BORN = date(2008, 6, 1)  # 14 on 1 June 2022, 16 on 1 June 2024, 17 on 1 June 2025
AT_17 = date(2025, 6, 1)


def test_13_weeks_after_14_some_of_it_at_16_make_a_care_leaver():
    # 3 March to 2 June 2024 is 91 days, ending the day after the 16th birthday.
    assert is_care_leaver([episode(date(2024, 3, 3), date(2024, 6, 2), rec="E4A")], BORN,
                          AT_17, 17)  # fmt: skip


def test_a_day_short_of_13_weeks_does_not():
    assert not is_care_leaver([episode(date(2024, 3, 4), date(2024, 6, 2), rec="E4A")], BORN,
                              AT_17, 17)  # fmt: skip


def test_care_that_ended_before_16_does_not():
    assert not is_care_leaver([episode(date(2024, 3, 1), date(2024, 5, 31), rec="E4A")], BORN,
                              AT_17, 17)  # fmt: skip


def test_still_looked_after_on_the_17th_birthday_is_not_yet_a_care_leaver():
    assert not is_care_leaver([episode(date(2023, 1, 9))], BORN, AT_17, 17)
    assert not is_care_leaver([episode(date(2023, 1, 9))], BORN, AT_17, 17, known=True)


def test_short_breaks_do_not_count_towards_the_13_weeks():
    breaks = [episode(date(2023, 1, 9), date(2024, 8, 1), ls="V3", rec="E13")]
    assert not is_care_leaver(breaks, BORN, AT_17, 17)


@pytest.mark.parametrize("reason", ["E2", "E3"])
def test_care_that_ended_by_death_or_transfer_makes_no_care_leaver(reason):
    assert not is_care_leaver([episode(date(2023, 1, 9), date(2024, 8, 1), rec=reason)], BORN,
                              AT_17, 17, known=True)  # fmt: skip


def test_a_care_leaver_the_records_know_without_the_care_before():
    assert is_care_leaver([], date(2006, 10, 12), date(2025, 10, 12), 19, known=True)
    assert not is_care_leaver([], date(2006, 10, 12), date(2025, 10, 12), 19)


def test_oc2_holds_children_looked_after_since_the_first_day_of_the_year():
    assert in_oc2([episode(date(2025, 4, 1))], YEAR)
    assert not in_oc2([episode(date(2025, 4, 2))], YEAR)
    assert not in_oc2([episode(date(2024, 4, 1), date(2026, 3, 31), rec="E4A")], YEAR)


def test_oc2_counts_a_period_of_care_across_a_change_of_legal_status_but_not_a_gap():
    changed = [episode(date(2024, 5, 1), date(2025, 6, 1), ls="C1", rec="X1"),
               episode(date(2025, 6, 1), rne="L")]  # fmt: skip
    assert in_oc2(changed, YEAR)
    broken = [episode(date(2024, 5, 1), date(2025, 6, 1), rec="E4A"),
              episode(date(2025, 6, 2))]  # fmt: skip
    assert not in_oc2(broken, YEAR)
    assert not in_oc2([episode(date(2024, 5, 1), ls="V3")], YEAR)


def test_previous_permanence_is_the_permanence_an_earlier_period_ended_in():
    sgo = [episode(date(2018, 1, 8), date(2020, 7, 1), rec="E45"), episode(date(2025, 9, 1))]
    assert previous_permanence(sgo, YEAR) == ("P2", "", "01/07/2020")
    home = [episode(date(2018, 1, 8), date(2020, 7, 1), rec="E4A"), episode(date(2025, 9, 1))]
    assert previous_permanence(home, YEAR) is None
    # Care that began before the year: its permanence was returned in an earlier year.
    before = [episode(date(2018, 1, 8), date(2020, 7, 1), rec="E11"), episode(date(2024, 9, 1))]
    assert previous_permanence(before, YEAR) is None


def test_the_category_of_need_is_the_referrals_under_which_care_began():
    needs = [(date(2024, 1, 10), "N2"), (date(2025, 5, 1), "N1"), (date(2025, 8, 1), "N4")]
    assert category_of_need(needs, date(2025, 6, 2)) == "N1"
    assert category_of_need(needs, date(2023, 6, 2)) == "N2"  # none before: the first after
    # "Cases other than children in need" and "not stated" are no category of need.
    assert category_of_need([(date(2025, 1, 6), "N9")], date(2025, 6, 2)) is None
    assert category_of_need([(date(2024, 1, 6), "N3"), (date(2025, 1, 6), "N0")],
                            date(2025, 6, 2)) == "N3"  # fmt: skip
    assert category_of_need([], date(2025, 6, 2)) is None


def test_oc3_describes_the_3_months_before_to_the_month_after_the_birthday():
    assert status_window(date(2025, 10, 12)) == (date(2025, 7, 12), date(2025, 11, 12))
    assert status_window(date(2025, 5, 31)) == (date(2025, 2, 28), date(2025, 6, 30))
