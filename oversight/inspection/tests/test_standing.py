"""An LA's standing on a date, and the national picture, on hand-built histories."""

from datetime import date

from oversight.inspection.standing import Authority, Outcome, changes, current, picture, standing

GOOD = {"overall": "good", "leaders": "good", "help-and-protection": "good", "in-care": "good"}
INADEQUATE = {k: "inadequate" for k in GOOD}


def outcome(la, framework, kind, known_on, judgements=None, ended=None):
    return Outcome(la, framework, kind, known_on, judgements or {}, ended=ended)


SIF_2016 = outcome("A", "sif", "standard", date(2016, 3, 1), INADEQUATE)
ILACS_2019 = outcome("A", "ilacs-2018", "standard", date(2019, 6, 1), GOOD, date(2019, 4, 20))
VISIT_2021 = outcome("A", "visit", "focused-visit", date(2021, 2, 1))
HISTORY = [SIF_2016, ILACS_2019, VISIT_2021]


def test_the_standing_is_the_latest_graded_inspection_known_by_the_day():
    assert standing(HISTORY, date(2015, 1, 1)) is None
    assert standing(HISTORY, date(2019, 5, 31)) is SIF_2016
    assert standing(HISTORY, date(2019, 6, 1)) is ILACS_2019


def test_a_visit_never_changes_the_grade():
    assert standing(HISTORY, date(2022, 1, 1)) is ILACS_2019


def test_a_graded_inspection_with_unreadable_grades_still_supersedes_the_older_one():
    unreadable = outcome("A", "ilacs-2018", "standard", date(2020, 1, 10))
    assert standing([*HISTORY, unreadable], date(2020, 2, 1)) is unreadable


def test_counting_as_ofsted_does_takes_inspections_over_by_the_day_and_published_a_month_on():
    # ILACS 2019 ended on 20 April and was published on 1 June.
    assert standing(HISTORY, date(2019, 4, 30), published_by=date(2019, 5, 31)) is SIF_2016
    assert standing(HISTORY, date(2019, 4, 30), published_by=date(2019, 6, 30)) is ILACS_2019


def test_a_full_inspection_supersedes_the_findings_of_earlier_visits():
    unannounced = outcome("A", "unannounced", "unannounced", date(2011, 1, 1))
    later_visit = outcome("A", "visit", "monitoring-visit", date(2016, 9, 1))
    history = [unannounced, SIF_2016, later_visit]
    assert current(history, date(2012, 1, 1)) == [unannounced]
    assert current(history, date(2017, 1, 1)) == [SIF_2016, later_visit]


AUTHORITIES = [
    Authority("A", "Aville", "North West"),
    Authority("B", "Beeshire", "London"),
    Authority("C", "Ceeford", "London", abolished=date(2021, 4, 1)),
    Authority("D", "Deeton", "London", established=date(2021, 4, 1)),
]
B_2020 = outcome("B", "ilacs-2018", "short", date(2020, 1, 1), {**GOOD, "overall": "outstanding"})
C_2019 = outcome("C", "ilacs-2018", "standard", date(2019, 1, 1), INADEQUATE)
D_2024 = outcome("D", "ilacs-2023", "standard", date(2024, 1, 1), {**GOOD, "care-leavers": "good"})
ALL = [*HISTORY, B_2020, C_2019, D_2024]


def test_the_picture_counts_the_las_in_existence_on_the_day():
    before = picture(AUTHORITIES, ALL, date(2020, 6, 30))
    assert before.authorities == 3  # A, B, C; D not yet created
    assert dict(before.tally.counts) == {
        "outstanding": 1,
        "good": 1,
        "requires-improvement": 0,
        "inadequate": 1,
    }
    assert before.tally.share_good_or_better == 2 / 3
    assert before.with_grade("inadequate") == ["C"]
    after = picture(AUTHORITIES, ALL, date(2022, 6, 30))
    assert after.authorities == 3  # A, B, D; C abolished
    assert after.grades == {"A": "good", "B": "outstanding", "D": None}
    assert after.reasons["D"] == "no graded inspection known by then"
    assert after.tally.not_graded == 1 and after.tally.share_good_or_better == 1.0


def test_the_picture_by_region_shares_good_or_better_of_those_graded():
    shown = picture(AUTHORITIES, ALL, date(2020, 6, 30))
    assert shown.regions["London"].good_or_better == 1
    assert shown.regions["London"].graded == 2
    assert shown.regions["North West"].share_good_or_better == 1.0


def test_a_judgement_the_standing_inspection_did_not_have_is_not_taken_from_an_older_one():
    shown = picture(AUTHORITIES, ALL, date(2024, 6, 30), "care-leavers")
    assert shown.grades == {"A": None, "B": None, "D": "good"}
    assert "had no such judgement" in shown.reasons["A"]


def test_under_the_2026_framework_there_is_no_overall_to_count():
    reformed = outcome("B", "ilacs-2026", "standard", date(2026, 7, 1), {"leaders": "good"})
    shown = picture(AUTHORITIES, [*ALL, reformed], date(2026, 8, 1))
    assert shown.grades["B"] is None
    assert "no overall judgement" in shown.reasons["B"]
    assert picture(AUTHORITIES, [*ALL, reformed], date(2026, 8, 1), "leaders").grades["B"] == "good"


def test_the_change_since_an_earlier_day_lists_each_la_whose_grade_moved():
    found = changes(
        picture(AUTHORITIES, ALL, date(2018, 1, 1)), picture(AUTHORITIES, ALL, date(2020, 6, 30))
    )
    assert [(c.la, c.before, c.after) for c in found] == [
        ("A", "inadequate", "good"),
        ("B", None, "outstanding"),
        ("C", None, "inadequate"),
    ]
