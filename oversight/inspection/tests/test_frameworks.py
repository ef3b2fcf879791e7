"""Each framework's period, areas and default rule for the overall judgement."""

from datetime import date

import pytest

from oversight.inspection.frameworks import FRAMEWORKS, framework, framework_for

ILACS_2018 = framework("ilacs-2018")
ILACS_2023 = framework("ilacs-2023")


def test_sif_inspections_started_by_the_end_of_2017_and_ilacs_from_2018():
    assert framework_for("standard", date(2017, 12, 31)).key == "sif"
    assert framework_for("standard", date(2018, 1, 1)).key == "ilacs-2018"
    assert framework_for("short", date(2022, 12, 31)).key == "ilacs-2018"
    assert framework_for("short", date(2023, 1, 1)).key == "ilacs-2023"
    assert framework_for("standard", date(2026, 3, 31)).key == "ilacs-2023"
    assert framework_for("standard", date(2026, 4, 1)).key == "ilacs-2026"


def test_the_older_frameworks_follow_each_other_without_gaps():
    assert framework_for("apa", date(2007, 6, 1)).key == "apa"
    assert framework_for("rating", date(2010, 12, 1)).key == "rating"
    assert framework_for("standard", date(2011, 3, 1)).key == "safeguarding-lac"
    assert framework_for("unannounced", date(2011, 3, 1)).key == "unannounced"
    assert framework_for("standard", date(2012, 6, 1)).key == "protection"
    assert framework_for("standard", date(2013, 11, 1)).key == "sif"


def test_visits_are_findings_only_in_every_year():
    for kind in ("focused-visit", "monitoring-visit", "jtai"):
        visit = framework_for(kind, date(2024, 5, 1))
        assert visit.key == "visit" and not visit.graded and not visit.has_overall


def test_a_short_inspection_before_ilacs_fits_no_framework():
    with pytest.raises(ValueError, match="no framework covers a short inspection on 2016-05-01"):
        framework_for("short", date(2016, 5, 1))
    with pytest.raises(ValueError, match="unknown kind"):
        framework_for("inspection", date(2020, 5, 1))


def test_the_2023_ilacs_split_care_leavers_from_children_in_care():
    assert "care-leavers" not in ILACS_2018.area_names
    assert {"overall", "leaders", "help-and-protection", "in-care", "care-leavers"} == set(
        ILACS_2023.area_names
    )


def test_ilacs_from_april_2026_has_the_four_judgements_and_no_overall():
    reformed = framework("ilacs-2026")
    assert set(reformed.area_names) == {"leaders", "help-and-protection", "in-care", "care-leavers"}
    assert reformed.expected_overall({"leaders": "inadequate"}) is None


def test_an_inadequate_practice_judgement_makes_the_ilacs_overall_inadequate():
    grades = {"leaders": "good", "help-and-protection": "inadequate", "in-care": "good"}
    expected = ILACS_2018.expected_overall(grades)
    assert expected is not None and expected.allowed == {"inadequate"}
    departure = ILACS_2018.overall_departure({**grades, "overall": "requires-improvement"})
    assert departure == (
        "The experiences and progress of children who need help and protection is inadequate, "
        "so the overall would be inadequate; it was recorded as requires improvement to be good"
    )


def test_inadequate_care_leavers_makes_the_2023_overall_inadequate():
    grades = {"leaders": "good", "help-and-protection": "good", "in-care": "good"}
    grades["care-leavers"] = "inadequate"
    assert ILACS_2023.overall_departure({**grades, "overall": "good"}) is not None
    assert ILACS_2023.overall_departure({**grades, "overall": "inadequate"}) is None


def test_herefordshire_2018_leaders_inadequate_overall_requires_improvement_is_a_departure():
    # Published 23 July 2018: leaders inadequate, the practice judgements RI, overall RI.
    grades = {
        "overall": "requires-improvement",
        "leaders": "inadequate",
        "help-and-protection": "requires-improvement",
        "in-care": "requires-improvement",
    }
    departure = ILACS_2018.overall_departure(grades)
    assert departure is not None and "usually makes the overall inadequate" in departure


@pytest.mark.parametrize(
    "leaders, practice",
    [("inadequate", "requires-improvement"), ("inadequate", "inadequate")],
)
def test_doncaster_2022_and_slough_2023_cases_would_be_no_departure_if_overall_inadequate(
    leaders, practice
):
    grades = {"leaders": leaders, "help-and-protection": practice, "in-care": practice}
    assert ILACS_2023.overall_departure({**grades, "overall": "inadequate"}) is None


def test_without_an_inadequate_the_overall_lies_between_the_other_judgements():
    # Dorset, May 2025: outstanding, outstanding, outstanding, care leavers good.
    grades = {"leaders": "outstanding", "help-and-protection": "outstanding"}
    grades |= {"in-care": "outstanding", "care-leavers": "good"}
    assert ILACS_2023.overall_departure({**grades, "overall": "outstanding"}) is None
    assert ILACS_2023.overall_departure({**grades, "overall": "good"}) is None
    assert "between the best and the worst" in str(
        ILACS_2023.overall_departure({**grades, "overall": "requires-improvement"})
    )


def test_the_sif_overall_is_inadequate_when_help_or_children_looked_after_is():
    sif = framework("sif")
    grades = {"help-and-protection": "good", "in-care": "inadequate", "leaders": "good"}
    assert sif.overall_departure({**grades, "overall": "requires-improvement"}) is not None
    # Sub-judgements (adoption, care leavers, the LSCB) neither limit nor bound the overall.
    grades = {"help-and-protection": "good", "in-care": "good", "leaders": "good"}
    assert sif.overall_departure({**grades, "adoption": "inadequate", "overall": "good"}) is None


def test_older_frameworks_bound_the_overall_by_the_other_judgements():
    apa = framework("apa")
    assert apa.overall_departure({"stay-safe": "3", "be-healthy": "2", "overall": "3"}) is None
    assert apa.overall_departure({"stay-safe": "3", "be-healthy": "2", "overall": "4"}) is not None
    protection = framework("protection")
    assert protection.overall_departure({"leaders": "adequate", "overall": "good"}) is not None


def test_frameworks_with_a_single_or_no_overall_have_no_rule():
    assert framework("rating").overall_departure({"overall": "performs-poorly"}) is None
    assert framework("safeguarding-lac").expected_overall({"safeguarding": "inadequate"}) is None
    assert framework("visit").expected_overall({}) is None


def test_apa_grades_run_from_4_outstanding_to_1_inadequate():
    apa = framework("apa").scale
    assert apa is not None and apa.keys == ("4", "3", "2", "1")
    assert apa.is_good_or_better("3") and not apa.is_good_or_better("2")
    assert apa.label("1") == "1: inadequate"


def test_every_framework_names_its_areas_once_and_graded_ones_have_a_scale():
    for held in FRAMEWORKS:
        keys = [area.key for area in held.areas]
        assert len(keys) == len(set(keys)), held.key
        assert held.graded == bool(held.areas), held.key
