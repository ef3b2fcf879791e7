"""Rules comparing decisions to place for adoption, the episode carried over, motherhood and
UASC status with last year's return, each case worked out by hand (last year: 2024-25)."""

from oversight.exchange.ssda903.rules.book import LAST_YEAR
from oversight.exchange.ssda903.tests.adoption_cases import decision, reversed_decision
from oversight.exchange.ssda903.tests.builders import broken_by, child, episode, girl, uasc

CODES = {"559", "560", "561", "584", "562", "624", "626", "205A", "205B", "205D"}


def test_these_rules_run_only_with_last_years_return():
    assert CODES <= LAST_YEAR


def test_a_decision_from_before_the_year_missing_from_last_years_return_is_reported():
    before = [decision(DATE_PLACED="01/03/2025")]
    this_year = [
        child("C1", placed_for_adoption=before),
        child("C2", placed_for_adoption=before),
        child("C3", placed_for_adoption=[decision(DATE_PLACED="01/04/2025")]),
    ]
    last_year = [child("C1"), child("C2", placed_for_adoption=before), child("C3")]
    assert broken_by("559", *this_year, last_year=last_year) == ["C1"]


def test_a_standing_decision_returned_with_another_date_is_reported():
    standing = [decision(DATE_PLACED="01/03/2025")]
    this_year = [
        child("C1", placed_for_adoption=[decision(DATE_PLACED="02/03/2025")]),
        child("C2", placed_for_adoption=standing),
        # Reversed this year and followed by a new decision: last year's date is kept.
        child("C3", placed_for_adoption=[reversed_decision("01/03/2025", "01/06/2025"),
                                         decision(DATE_PLACED="01/07/2025")]),
    ]  # fmt: skip
    last_year = [child(c, placed_for_adoption=standing) for c in ("C1", "C2", "C3")]
    assert broken_by("560", *this_year, last_year=last_year) == ["C1"]


def test_a_decision_reversed_last_year_and_returned_again_is_reported():
    reversed_ = [reversed_decision("01/01/2025", "01/03/2025")]
    this_year = [
        child("C1", placed_for_adoption=[decision(DATE_PLACED="01/01/2025")]),
        child("C2", placed_for_adoption=[decision(DATE_PLACED="01/06/2025")]),
    ]
    last_year = [child(c, placed_for_adoption=reversed_) for c in ("C1", "C2")]
    assert broken_by("561", *this_year, last_year=last_year) == ["C1"]


def test_a_decision_no_later_than_one_reversed_last_year_is_reported():
    reversed_ = [reversed_decision("01/01/2025", "01/03/2025")]
    this_year = [
        child("C1", placed_for_adoption=[decision(DATE_PLACED="01/01/2025")]),
        child("C2", placed_for_adoption=[decision(DATE_PLACED="02/01/2025")]),
    ]
    last_year = [child(c, placed_for_adoption=reversed_) for c in ("C1", "C2")]
    assert broken_by("584", *this_year, last_year=last_year) == ["C1"]


def test_an_episode_carried_over_that_was_not_last_years_latest_is_reported():
    last_years_episodes = [
        episode(DECOM="10/05/2024", DEC="01/01/2025", REC="X1"),
        episode(DECOM="01/01/2025", RNE="P", PLACE="U2"),
    ]
    this_year = [
        child("C1", episodes=[episode(DECOM="10/05/2024")]),
        child("C2", episodes=[episode(DECOM="01/01/2025", RNE="P", PLACE="U2")]),
        child("C3"),  # began in the year: nothing carried over
    ]
    last_year = [child(c, episodes=last_years_episodes) for c in ("C1", "C2")]
    assert broken_by("562", *this_year, last_year=last_year) == ["C1"]


def mother(CHILD: str, child_born: str, **fields) -> dict:  # noqa: N803
    return girl(CHILD, MOTHER="1", MC_DOB=child_born, **fields)


def test_a_first_childs_birth_date_that_changed_is_reported():
    this_year = [
        mother("G1", "02/01/2025"),
        mother("G2", "01/01/2025"),
        mother("G3", "01/01/2025"),
    ]
    last_year = [mother("G1", "01/01/2025"), mother("G2", "01/01/2025"), girl("G3")]
    assert broken_by("624", *this_year, last_year=last_year) == ["G1"]


def test_a_new_mother_whose_child_was_born_before_the_year_is_reported():
    this_year = [mother("G1", "31/03/2025"), mother("G2", "01/04/2025")]
    last_year = [girl("G1"), girl("G2")]
    assert broken_by("626", *this_year, last_year=last_year) == ["G1"]


def test_no_longer_uasc_without_the_status_ceasing_by_last_year_end_is_reported():
    this_year = [child("C1"), child("C2"), child("C3"), child("C4", uasc=[uasc()])]
    last_year = [
        child("C1", uasc=[uasc()]),
        child("C2", uasc=[uasc(DUC="31/03/2025")]),
        child("C3", uasc=[uasc(DUC="01/04/2025")]),
        child("C4", uasc=[uasc()]),
    ]
    assert broken_by("205A", *this_year, last_year=last_year) == ["C1", "C3"]


def test_still_uasc_with_a_date_ceased_that_does_not_agree_is_reported():
    this_year = [
        child("C1", uasc=[uasc(DUC="16/06/2030")]),
        child("C2", uasc=[uasc(DUC="15/06/2030")]),
        child("C3", uasc=[uasc(DUC="31/03/2025")]),
        child("C4", uasc=[uasc(DUC="01/04/2025")]),
    ]
    last_year = [
        child("C1", uasc=[uasc(DUC="15/06/2030")]),
        child("C2", uasc=[uasc(DUC="15/06/2030")]),
        child("C3", uasc=[uasc()]),
        child("C4", uasc=[uasc()]),
    ]
    assert broken_by("205B", *this_year, last_year=last_year) == ["C1", "C3"]


def test_uasc_this_year_but_not_last_year_is_reported():
    this_year = [child(c, uasc=[uasc()]) for c in ("C1", "C2", "C3")]
    last_year = [child("C1"), child("C2", uasc=[uasc()])]  # C3 was not in last year's return
    assert broken_by("205D", *this_year, last_year=last_year) == ["C1"]
