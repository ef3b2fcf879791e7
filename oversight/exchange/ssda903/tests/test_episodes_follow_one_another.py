"""Rules about a child's episodes in sequence, each case worked out by hand."""

from oversight.exchange.ssda903.tests.builders import broken_by, child, episode

MOVE_DAY = "01/08/2025"


def moved(**after) -> list[dict]:
    """A first placement ending on 1 August 2025, and the episode that follows it."""
    first = episode(DEC=MOVE_DAY, REC="X1", REASON_PLACE_CHANGE="CARPL")
    second = episode(DECOM=MOVE_DAY, RNE="P", PLACE="U2", PL_POST="AB5 6GH", URN="SC654321")
    return [first, second | after]


def kids(*episode_lists: list[dict]) -> list[dict]:
    upns = ["A201000000017", "A201000000025", "A201000000033", "A201000000041"]
    return [child(f"C{i + 1}", UPN=upns[i], episodes=e) for i, e in enumerate(episode_lists)]


def test_an_earlier_episode_must_have_ended():
    first_left_open = moved()
    first_left_open[0] |= {"DEC": None, "REC": None}
    assert broken_by("142", *kids(first_left_open, moved())) == ["C1"]


def test_the_first_episode_starting_in_the_year_starts_care():
    continuing_from_before = [episode(DECOM="01/02/2025", RNE="P")]
    assert broken_by("357", *kids([episode(RNE="P")], continuing_from_before)) == ["C1"]


def test_new_episode_begins_only_when_one_begins_that_day():
    gap = moved(DECOM="02/08/2025")
    ceased_but_continued = moved()
    ceased_but_continued[0] |= {"REC": "E13"}
    last_says_a_new_one_begins = [episode(DEC="31/01/2026", REC="X1")]
    found = broken_by("388", *kids(gap, ceased_but_continued, last_says_a_new_one_begins, moved()))
    assert found == ["C1", "C2", "C3"]


def test_care_that_ended_restarts_with_s_but_not_on_the_same_day():
    ended = moved(RNE="S")
    ended[0] |= {"REC": "E13", "REASON_PLACE_CHANGE": None}
    restarted_later = [ended[0], ended[1] | {"DECOM": "05/08/2025"}]
    assert broken_by("431", *kids(ended, restarted_later)) == ["C1"]
    not_restarted = [ended[0], ended[1] | {"DECOM": "05/08/2025", "RNE": "P"}]
    assert broken_by("432", *kids(not_restarted, restarted_later)) == ["C1"]


def test_a_continuation_starts_the_day_the_last_ended():
    assert broken_by("433", *kids(moved(DECOM="03/08/2025"), moved())) == ["C1"]


def test_a_legal_status_change_only_changes_the_legal_status():
    same_placement = {"PLACE": "U1", "PL_POST": "RG30 1AA", "URN": "SC123456"}
    status_only = moved(RNE="L", LS="C1", **same_placement)
    status_unchanged = moved(RNE="L", **same_placement)
    placement_changed_too = moved(RNE="L", LS="C1")
    found = broken_by("434", *kids(status_only, status_unchanged, placement_changed_too))
    assert found == ["C2", "C3"]


def test_a_placement_change_changes_the_placement_and_not_the_legal_status():
    # With no URN before or after, nothing about the placement changed.
    parents = {"PLACE": "P1", "PLACE_PROVIDER": "PR0", "URN": None, "PL_POST": "RG30 1AA"}
    at_home_both_times = moved(**parents)
    at_home_both_times[0] |= parents
    legal_status_changed = moved(LS="C1")
    found = broken_by("435", *kids(moved(), at_home_both_times, legal_status_changed))
    assert found == ["C2", "C3"]


def test_a_change_of_both_changes_both():
    same_status = moved(RNE="B")
    same_placement = moved(RNE="U", LS="C1", PLACE="U1", PL_POST="RG30 1AA", URN="SC123456")
    both = moved(RNE="B", LS="C1")
    assert broken_by("436", *kids(same_status, same_placement, both)) == ["C1", "C2"]


def test_nothing_follows_a_death():
    died = moved(RNE="S", DECOM="05/08/2025")
    died[0] |= {"REC": "E2", "REASON_PLACE_CHANGE": None}
    assert broken_by("437", *kids(died, moved())) == ["C1"]


def test_an_episode_starts_after_the_previous_one_ended():
    assert broken_by("501", *kids(moved(DECOM="31/07/2025"), moved())) == ["C1"]


def test_the_category_of_need_stays_through_a_period_of_care():
    assert broken_by("504", *kids(moved(CIN="N2"), moved())) == ["C1"]


def test_a_category_of_need_left_blank_throughout_is_a_blank_not_a_change():
    # Rule 145 reports the blanks (the field cannot be blank); 504 sees no change, where
    # csc-validator-be-903 reports one (it compares blank with blank and finds them unequal).
    blank = moved(CIN=None)
    blank[0] |= {"CIN": None}
    assert broken_by("504", *kids(blank)) == []
    assert broken_by("145", *kids(blank)) == ["C1", "C1"]


def test_a_move_to_a_new_placement_says_why():
    no_reason = moved()
    no_reason[0] |= {"REASON_PLACE_CHANGE": None}
    to_hospital = moved(PLACE="T1", PLACE_PROVIDER=None, URN=None)
    to_hospital[0] |= {"REASON_PLACE_CHANGE": None}
    assert broken_by("225", *kids(no_reason, moved(), to_hospital)) == ["C1"]


def test_no_reason_for_change_into_or_during_a_temporary_placement():
    into_hospital = moved(PLACE="T1", PLACE_PROVIDER=None, URN=None)
    quietly_into_hospital = [into_hospital[0] | {"REASON_PLACE_CHANGE": None}, into_hospital[1]]
    assert broken_by("226", *kids(into_hospital, quietly_into_hospital)) == ["C1"]


def test_after_a_temporary_placement_the_child_returns_to_the_usual_one():
    usual = episode(DEC="01/08/2025", REC="X1")
    holiday = episode(DECOM="01/08/2025", DEC="10/08/2025", REC="X1", RNE="P", PLACE="T3",
                      PLACE_PROVIDER=None, URN=None)  # fmt: skip
    back = episode(DECOM="10/08/2025", RNE="P")
    elsewhere = back | {"PL_POST": "ZZ9 9ZZ"}
    found = broken_by("383", *kids([usual, holiday, back], [usual, holiday, elsewhere]))
    assert found == ["C2"]
