"""Cases where these rules read the DfE's condition closely, and differ from a literal or
simpler reading: several decisions to place for adoption, runs of placements, windows of a
year, and which way a limit points."""

from oversight.exchange.ssda903.tests.adoption_cases import (
    ADOPTED,
    ad1,
    decision,
    reversed_decision,
)
from oversight.exchange.ssda903.tests.builders import (
    broken_by,
    child,
    episode,
    missing,
    social_worker,
    uasc,
)

# Decided on 1 June 2025, reversed on 1 August; decided again on 1 September.
DECIDED_TWICE = [reversed_decision("01/06/2025", "01/08/2025"), decision(DATE_PLACED="01/09/2025")]


def test_a_child_decided_for_twice_is_judged_by_the_latest_decision():
    adopted = [episode(PLACE="A4", DEC="01/12/2025", REC="E11")]
    both = {"placed_for_adoption": DECIDED_TWICE}
    # 523: AD1's date is the latest decision's; 525 and 558: the latest was not reversed.
    assert broken_by("523", child("C1", ad1=[ad1(DATE_INT="01/09/2025")], **both)) == []
    assert broken_by("525", child("C1", ad1=[ad1()], **both)) == []
    assert broken_by("558", child("C1", episodes=adopted, **both)) == []


def test_placed_for_adoption_after_the_first_decision_is_not_too_early():
    # 552: placed on 1 July under the first decision, placed again after the second.
    placements = [
        episode(DECOM="01/07/2025", PLACE="A4", DEC="01/08/2025", REC="X1"),
        episode(DECOM="01/08/2025", RNE="P", PLACE="U1", DEC="01/10/2025", REC="X1"),
        episode(DECOM="01/10/2025", RNE="P", PLACE="A4"),
    ]
    assert broken_by("552", child("C1", episodes=placements,
                                  placed_for_adoption=DECIDED_TWICE)) == []  # fmt: skip


def test_only_the_earlier_decision_left_open_is_reported():
    # 583: the latest decision may stand; only the earlier one should have been reversed.
    two_open = [decision(), decision(DATE_PLACED="01/09/2025")]
    assert broken_by("583", child("C1", placed_for_adoption=two_open)) == ["C1"]


def test_a_reason_for_reversal_alone_says_the_decision_was_reversed():
    # 563: the date of the decision is wanted when either the date or reason it ceased is given.
    reason_only = [decision(DATE_PLACED=None, REASON_PLACED_CEASED="RD1")]
    assert broken_by("563", child("C1", placed_for_adoption=reason_only)) == ["C1"]


def test_a_new_decision_beside_last_years_standing_one_is_not_reported():
    # 560: last year's decision is kept (now reversed); the new one is a decision of its own.
    standing = [decision(DATE_PLACED="01/03/2025")]
    this_year = [reversed_decision("01/03/2025", "01/06/2025"), decision(DATE_PLACED="01/07/2025")]
    found = broken_by("560", child("C1", placed_for_adoption=this_year),
                      last_year=[child("C1", placed_for_adoption=standing)])  # fmt: skip
    assert found == []


def test_a_blank_decision_date_is_not_compared_with_last_years():
    # 584: a blank date is 563's to report, not a date "no later" than last year's.
    reversed_last_year = [reversed_decision("01/01/2025", "01/03/2025")]
    blank = [reversed_decision(None, "01/06/2025")]
    found = broken_by("584", child("C1", placed_for_adoption=blank),
                      last_year=[child("C1", placed_for_adoption=reversed_last_year)])  # fmt: skip
    assert found == []


def test_placed_for_adoption_is_the_start_of_the_run_of_placements_not_of_the_last_episode():
    # 331 and 521: placed on 1 July; the adopted episode began on 1 September.
    assert broken_by("331", child("C1", episodes=ADOPTED,
                                  ad1=[ad1(DATE_MATCH="02/07/2025")])) == ["C1"]  # fmt: skip
    # An earlier placement that broke down is not the one that led to the adoption.
    broke_down = [
        episode(PLACE="A4", DEC="01/06/2025", REC="X1"),
        episode(DECOM="01/06/2025", RNE="P", PLACE="U1", DEC="01/09/2025", REC="X1"),
        episode(DECOM="01/09/2025", RNE="P", PLACE="A4", DEC="01/12/2025", REC="E11"),
    ]
    decided_later = [ad1(DATE_INT="01/08/2025", DATE_MATCH="15/08/2025")]
    assert broken_by("521", child("C1", episodes=broke_down, ad1=decided_later)) == []


def test_placed_with_current_foster_carers_means_a3_and_a5():
    # 336: the DfE names A3 and A5 (with the current foster carers), not A4.
    home_then = [episode(PLACE="P1", DEC="01/07/2025", REC="X1")]
    found = broken_by(
        "336",
        child("C1", episodes=[*home_then, episode(DECOM="01/07/2025", RNE="P", PLACE="A4")]),
        child("C2", episodes=[*home_then, episode(DECOM="01/07/2025", RNE="P", PLACE="A5")]),
    )
    assert found == ["C2"]


def test_previous_permanence_is_for_care_from_1_april_2016_not_from_this_year():
    # 634: the DfE's date is 1 April 2016; care that began last year is well after it.
    assert broken_by("634", child("C1", episodes=[episode(DECOM="10/05/2024")])) == []


def test_adopted_in_the_year_with_no_ad1_record_at_all_is_reported():
    # 601: an absent record has not been completed either.
    assert broken_by("601", child("C1", episodes=ADOPTED)) == ["C1"]


def test_a_decision_from_an_earlier_period_of_care_is_not_before_care_began():
    # 1003: looked after since 2024 (RNE P here: from before), home, then back (S) in 2025.
    back_again = [
        episode(DECOM="10/05/2024", RNE="P", DEC="01/06/2025", REC="E13"),
        episode(DECOM="01/09/2025"),
    ]
    decided_in_2024 = [reversed_decision("01/12/2024", "01/05/2025")]
    assert broken_by("1003", child("C1", episodes=back_again,
                                   placed_for_adoption=decided_in_2024)) == []  # fmt: skip


def test_respite_is_counted_over_any_year_not_only_the_collection_year():
    # 367: 88 days from 1 February to 30 April 2025, all within the year to 30 April.
    long_break = [episode(DECOM="01/02/2025", LS="V3", DEC="30/04/2025", REC="E13")]
    assert broken_by("367", child("C1", episodes=long_break)) == ["C1"]


def test_holiday_placements_are_counted_within_a_year_not_over_the_whole_return():
    # 377: three T3 placements, but no year holds more than two.
    holidays = [
        episode(DECOM=d, RNE="P", PLACE="T3", DEC=e, REC="X1")
        for d, e in [("20/03/2025", "02/04/2025"), ("01/08/2025", "08/08/2025"),
                     ("21/03/2026", "28/03/2026")]
    ]  # fmt: skip
    assert broken_by("377", child("C1", episodes=holidays)) == []


def test_going_missing_the_day_a_new_placement_began_is_from_the_new_placement():
    # 575: the move on 1 August ended the old placement, not the one the child went missing from.
    moved = [
        episode(DEC="01/08/2025", REC="X1", REASON_PLACE_CHANGE="CARPL"),
        episode(DECOM="01/08/2025", RNE="P", PLACE="U2"),
    ]
    from_new = [missing(MIS_START="01/08/2025", MIS_END=None)]
    assert broken_by("575", child("C1", episodes=moved, missing=from_new)) == []


def test_un4_is_for_a_child_newly_looked_after_not_for_one_looked_after_longer():
    # 210: a child who came into care on 30 March may still have UN4.
    assert broken_by("210", child("C1", UPN="UN4", episodes=[episode(DECOM="30/03/2026")])) == []


def test_a_change_of_placement_on_the_18th_birthday_does_not_end_care():
    # 580: the episode ended in a move (X1); care went on, so no reason E8 is wanted.
    moved_at_18 = [
        episode(DEC="15/06/2025", REC="X1", REASON_PLACE_CHANGE="CARPL"),
        episode(DECOM="15/06/2025", RNE="P", PLACE="U2"),
    ]
    missing_to_18 = [missing(MIS_START="01/06/2025", MIS_END="15/06/2025")]
    found = broken_by("580", child("C1", DOB="15/06/2007", episodes=moved_at_18,
                                   missing=missing_to_18))  # fmt: skip
    assert found == []


def test_a_date_uasc_ceased_kept_from_last_year_need_not_be_the_18th_birthday():
    # 205B: status ceased on 1 March 2025, before the 18th birthday, the same in both years.
    ceased = [uasc(DUC="01/03/2025")]
    found = broken_by("205B", child("C1", DOB="15/06/2007", uasc=ceased),
                      last_year=[child("C1", DOB="15/06/2007", uasc=ceased)])  # fmt: skip
    assert found == []


def test_the_social_worker_history_is_asked_for_only_while_looked_after():
    # SW12STG2: looked after from 10 May 2025; no earlier social worker can be known missing.
    since_may = [social_worker(SW_DECOM="10/05/2025")]
    assert broken_by("SW12STG2", child("C1", social_workers=since_may)) == []


def test_a_date_ceased_that_cannot_be_read_does_not_lose_the_social_worker_history():
    # SW12STG2: in care since 10 May 2024 with the same social worker throughout; the
    # episode's date ceased, "ZZ9", cannot be read (rule 1012's to report). The reference,
    # run with its other rules, reports the child (rules 361 and 362 have filled its
    # blank dates ceased with 31 March in the table they share, but not this one).
    # C2's first social worker came three weeks after care began: reported, as it would
    # be with no date ceased at all.
    unreadable = [episode(DECOM="10/05/2024", DEC="ZZ9")]
    c1 = child("C1", episodes=unreadable, social_workers=[social_worker(SW_DECOM="10/05/2024")])
    c2 = child("C2", UPN="A201000000025", episodes=unreadable,
               social_workers=[social_worker(SW_DECOM="01/06/2024")])  # fmt: skip
    assert broken_by("SW12STG2", c1, c2) == ["C2"]
