"""OC2 and OC3 cases where the DfE's rule needs a close reading: birthdays, the last day of
the year, what "completed" means, and how far two years of episodes can see."""

from oversight.exchange.ssda903.tests.builders import broken_by, child, episode, oc2, oc3, uasc

SINCE_2024 = [episode(DECOM="10/05/2024")]
BLANK = dict.fromkeys(oc2())


def in_cohort(CHILD: str, row: dict, **header) -> dict:  # noqa: N803
    return child(CHILD, episodes=SINCE_2024, oc2=[row], **header)


def leaver(CHILD: str, DOB: str = "15/06/2006", episodes=(), **others) -> dict:  # noqa: N803
    rows = {"oc3": [oc3()], "reviews": [], "social_workers": [], "permanence": []} | others
    return child(CHILD, DOB=DOB, episodes=list(episodes), **rows)


def test_sdq1_is_wrong_for_a_child_of_16_at_31_march():
    # 157: "16 years or under at the end of the year"; born 15/06/2009, 16 on 31/03/2026.
    sdq1 = oc2(SDQ_SCORE=None, SDQ_REASON="SDQ1")
    assert broken_by("157", in_cohort("C1", sdq1, DOB="15/06/2009")) == ["C1"]


def test_an_sdq_score_with_no_reason_is_what_186_asks_for():
    assert broken_by("186", in_cohort("C1", oc2(SDQ_SCORE="12", SDQ_REASON=None))) == []


def test_an_sdq_score_that_is_not_a_number_is_still_a_score_given():
    # 180 reports the value; 186 does not call it missing, and 185 sees a score outside
    # the cohort.
    written = oc2(SDQ_SCORE="twelve")
    assert broken_by("186", in_cohort("C1", written)) == []
    assert broken_by("185", child("C2", oc2=[written])) == ["C2"]


def test_one_health_item_given_alone_is_reported():
    # 182: the four health items all given, or every twelve-month item blank.
    assert broken_by("182", in_cohort("C1", BLANK | {"IMMUNISATIONS": "1"})) == ["C1"]


def test_a_10th_birthday_on_31_march_is_10_at_31_march():
    # 543: the DfE's condition is DOB + 10 years <= 31 March.
    assert broken_by("543", in_cohort("C1", oc2(CONVICTED=None), DOB="31/03/2016")) == ["C1"]


def test_not_convicted_and_no_health_check_are_information_completed():
    # 544 and 547: 0 is an answer given, as much as 1.
    assert broken_by("544", in_cohort("C1", oc2(CONVICTED="0", TEETH_CHECK=None))) == ["C1"]
    young = oc2(CONVICTED=None, HEALTH_CHECK="0", TEETH_CHECK=None)
    assert broken_by("547", in_cohort("C1", young, DOB="01/06/2022")) == ["C1"]


def test_a_child_who_ceased_on_31_march_was_not_looked_after_at_31_march():
    ceased = [episode(DECOM="10/05/2024", DEC="31/03/2026", REC="E13")]
    assert broken_by("190", child("C1", episodes=ceased, oc2=[oc2()])) == ["C1"]


def test_a_foyer_is_coded_t1_or_t2():
    # 347: the DfE's "T" is the Foyer, coded T1 (suitable) or T2 (not suitable).
    for code in ("T1", "T2"):
        at_17 = leaver("C1", DOB="15/06/2008", oc3=[oc3(ACCOM=code)])
        assert broken_by("347", at_17) == ["C1"]


def test_ceasing_on_the_18th_birthday_leaves_a_care_leaver():
    # 1016: "after the birthday" is after it; and the birthday is the one in the year, so
    # an 18-year-old who ceased after the 17th birthday but before the 18th is a care leaver.
    on_the_day = [episode(DECOM="10/05/2024", DEC="15/06/2025", REC="E13")]
    before_18 = [episode(DECOM="10/05/2024", DEC="01/05/2025", REC="E13")]
    found = broken_by(
        "1016",
        leaver("C1", DOB="15/06/2007", episodes=on_the_day),
        leaver("C2", DOB="15/06/2007", episodes=before_18),
    )
    assert found == []


def test_a_young_person_of_20_is_not_judged_on_two_years_of_episodes():
    # 1001: aged 20 at 31 March, the care after 16 lies before last year's return.
    assert broken_by("1001", leaver("C1", DOB="15/06/2005"), last_year=[child("OTHER")]) == []


def test_a_blank_activity_is_not_a_completed_one():
    # 344: a blank is for 132 (activity must be given), not a completed activity.
    died = oc3(IN_TOUCH="DIED", ACTIV=None, ACCOM="0")
    assert broken_by("344", leaver("C1", oc3=[died])) == []


def test_an_oc3_record_with_no_information_is_no_care_leaver_information():
    died = [episode(DECOM="10/05/2025", DEC="01/06/2025", REC="E2")]
    empty = leaver("C1", episodes=died, oc3=[dict.fromkeys(oc3())])
    assert broken_by("1000", empty) == []


def test_other_data_is_judged_for_children_in_oc3_and_includes_social_workers():
    # 1012: a child in no episodes and not in OC3 is left to the integrity rules; social
    # worker episodes are data of a child looked after.
    social_worker_only = leaver("C1", oc3=[], social_workers=None)
    with_social_worker = leaver("C2", social_workers=None)
    assert broken_by("1012", social_worker_only, with_social_worker) == ["C2"]


def test_a_child_who_ceased_on_31_march_needs_no_twelve_month_items():
    # 191: looked after since 10/05/2024, ceased 31/03/2026 with no OC2 row. The DfE's child
    # looked after at 31 March has no end date to the current episode, so this child is not
    # in the twelve-month cohort; one whose episode is still open is.
    ceased = [episode(DECOM="10/05/2024", DEC="31/03/2026", REC="E13")]
    assert broken_by("191", child("C1", episodes=ceased), child("C2", episodes=SINCE_2024)) == [
        "C2"
    ]


def test_a_uasc_care_leaver_with_no_episode_rows_is_what_1014_is_about():
    # csc-validator-be-903 joins the UASC file to the episodes first, so a care leaver not
    # looked after in the year, who has no episode rows in the return, is never reported.
    left_care = leaver("C1", DOB="15/06/2008", uasc=[uasc(DUC=None)])
    assert broken_by("1014", left_care) == ["C1"]
