"""Cases where the DfE's definition needs a close reading: birthdays, blanks, file order."""

from oversight.exchange.ssda903.tests.builders import (
    broken_by,
    child,
    episode,
    girl,
    missing,
    oc3,
    previous_permanence,
    social_worker,
    uasc,
)


def test_remand_on_the_10th_birthday_is_allowed():
    # 358: the DfE's condition is DOB + 10 years <= DECOM, so the birthday itself passes.
    on_birthday = [episode(DECOM="15/06/2022", LS="J1")]
    assert broken_by("358", child("C1", DOB="15/06/2012", episodes=on_birthday)) == []


def test_special_guardianship_on_the_18th_birthday_has_reached_18():
    # 407: the DfE's condition is DEC < DOB + 18 years, so ceasing on the birthday is wrong.
    on_birthday = [episode(DEC="15/06/2025", REC="E45")]
    assert broken_by("407", child("C1", DOB="15/06/2007", episodes=on_birthday)) == ["C1"]


def test_a_girl_looked_after_must_say_whether_she_is_a_mother_with_sex_coded_f():
    assert broken_by("165", girl("G1", MOTHER=None)) == ["G1"]


def test_a_move_into_custody_is_judged_by_the_age_at_the_move():
    # Placed at 9, moved into custody at 10: the reason is recorded on the earlier episode.
    moved_at_10 = [
        episode(DEC="01/09/2025", REC="X1", REASON_PLACE_CHANGE="CUSTOD"),
        episode(DECOM="01/09/2025", RNE="P", PLACE="R5", URN=None),
    ]
    assert broken_by("234", child("C1", DOB="01/08/2015", episodes=moved_at_10)) == []


def test_a_pace_detention_is_one_run_even_when_another_child_comes_between_in_the_file():
    first = child("C1", episodes=[episode(LS="J2", DEC="20/05/2025", REC="X1")])
    other = child("C2", UPN="A201000000025", episodes=[episode(LS="J2", DEC="12/05/2025",
                                                              REC="E13")])  # fmt: skip
    # 10 days, then 16 more the same day: one run of 26 days, over the 21 allowed.
    second = child(
        "C1",
        episodes=[episode(LS="J2", DECOM="20/05/2025", DEC="05/06/2025", REC="E13", RNE="P",
                          PLACE="U2")],
    )  # fmt: skip
    second["header"] = []
    for table in ("reviews", "social_worker_episodes", "previous_permanence"):
        second[table] = []
    assert broken_by("364", first, other, second) == ["C1", "C1"]


def test_a_placement_change_where_nothing_changed_is_reported_even_with_no_urn():
    home = {"PLACE": "P1", "PLACE_PROVIDER": "PR0", "URN": None}
    back_home = [
        episode(DEC="01/08/2025", REC="X1", REASON_PLACE_CHANGE="CARPL", **home),
        episode(DECOM="01/08/2025", RNE="P", **home),
    ]
    assert broken_by("435", child("C1", episodes=back_home)) == ["C1"]


def test_an_other_placement_has_no_urn_in_2025_26():
    assert broken_by("222", child("C1", episodes=[episode(PLACE="Z13", PLACE_PROVIDER=None)])) == [
        "C1"
    ]


def test_an_open_social_worker_episode_has_no_end_date_to_be_invalid():
    only_one_open = [social_worker()]
    assert broken_by("SW05STG1", child("C1", social_workers=only_one_open)) == []
    assert broken_by("SW11bSTG2", child("C1", social_workers=only_one_open)) == []


def test_order_details_with_no_previous_permanence_z1_are_reported():
    z1_with_details = [previous_permanence(LA_PERM="352", DATE_PERM="01/05/2020")]
    assert broken_by("635", child("C1", permanence=z1_with_details)) == ["C1"]


def test_a_blank_social_worker_id_is_incomplete_not_a_wrong_prefix():
    # SW02 is about what an id begins with; a blank id begins with nothing, and is reported
    # once, by SW01b, as an episode whose information is not complete.
    no_id = [social_worker(SW_ID=None)]
    assert broken_by("SW02STG1", child("C1", social_workers=no_id)) == []
    assert broken_by("SW01bSTG1", child("C1", social_workers=no_id)) == ["C1"]


def test_a_child_still_looked_after_may_be_missing_at_the_end_of_the_year():
    # 575 and 577 ask for an end date once the placement or care has ended; this child's only
    # episode is open, and the missing period begun on 31/03/2026 is open with it.
    still_missing = [missing(MIS_START="31/03/2026", MIS_END=None)]
    open_episode = [episode(DECOM="16/12/2024")]
    assert broken_by("575", child("C1", episodes=open_episode, missing=still_missing)) == []
    assert broken_by("577", child("C1", episodes=open_episode, missing=still_missing)) == []


def test_a_social_worker_is_asked_for_at_31_march_only_of_a_child_looked_after_then():
    # SW17STG2, "There is no social worker episode open at 31 March", is about a child
    # looked after on 31 March (as SW11b and SW12 are). C1 left care on 21/11/2025 and the
    # social worker's episode ended that day: nothing is missing. C2 is still looked after
    # and the episode ended on 30/03/2026, with no worker after it.
    left = child("C1", episodes=[episode(DEC="21/11/2025", REC="E13")],
                 social_workers=[social_worker(SW_DEC="21/11/2025")])  # fmt: skip
    still = child("C2", UPN="A201000000025", social_workers=[social_worker(SW_DEC="30/03/2026")])
    assert broken_by("SW17STG2", left, still) == ["C2"]


def test_a_social_worker_who_left_is_followed_by_another_for_a_child_still_looked_after():
    # SW11bSTG2, "Social worker episode has ended before 31 March and no subsequent social
    # worker episode has been provided". C1 went home on 26/03/2026 and the social worker's
    # episode ended with care: no worker is needed after it. C2 is still looked after and
    # has had no social worker since 02/03/2026, a month before the year's end.
    home = child("C1", episodes=[episode(DEC="26/03/2026", REC="E4B")],
                 social_workers=[social_worker(SW_DEC="26/03/2026")])  # fmt: skip
    still = child("C2", UPN="A201000000025", social_workers=[social_worker(SW_DEC="02/03/2026")])
    assert broken_by("SW11bSTG2", home, still) == ["C2"]


def leaver(CHILD: str, DOB: str, **fields) -> dict:  # noqa: N803
    """A care leaver not looked after this year: a header and an OC3 row only."""
    return child(CHILD, DOB=DOB, episodes=[], reviews=[], social_workers=[], permanence=[],
                 oc3=[oc3()], **fields)  # fmt: skip


def test_a_uasc_child_left_out_of_this_years_uasc_file_is_reported_though_not_looked_after():
    # 205A, "Child identified as UASC last year is no longer UASC this year, but date UASC
    # ceased in both years does not support this". C1, 17 on 31 March 2026, is in this return
    # only as a care leaver; UASC last year with no date ceased, not UASC now: nothing says
    # the status ended. C2's status ceased on the 18th birthday, 20/09/2024, in last year:
    # no longer UASC this year, as last year's date says.
    this_year = [leaver("C1", "17/06/2008"), leaver("C2", "20/09/2006", UPN="A201000000025")]
    last_year = [
        child("C1", DOB="17/06/2008", uasc=[uasc()]),
        child("C2", DOB="20/09/2006", UPN="A201000000025", uasc=[uasc(DUC="20/09/2024")]),
    ]
    assert broken_by("205A", *this_year, last_year=last_year) == ["C1"]


def test_a_child_still_uasc_at_last_years_end_may_stay_uasc_or_cease_at_18_this_year():
    # 205B, "Child previously identified as UASC is also UASC this year, but date UASC ceased
    # in both years does not support this". Last year's date ceased is blank for both: the
    # status had not ceased by 31 March 2025. C1's ceased on the 18th birthday, 17/12/2025,
    # in this year; C2, 16, is still UASC. Both years tell the same story.
    this_year = [
        child("C1", DOB="17/12/2007", uasc=[uasc(DUC="17/12/2025")]),
        child("C2", DOB="17/12/2009", UPN="A201000000025", uasc=[uasc()]),
    ]
    last_year = [
        child("C1", DOB="17/12/2007", uasc=[uasc()]),
        child("C2", DOB="17/12/2009", UPN="A201000000025", uasc=[uasc()]),
    ]
    assert broken_by("205B", *this_year, last_year=last_year) == []


def test_missing_before_care_began_is_581s_to_report_not_578s():
    # 578 is about a missing period that starts after care ended; one that starts before
    # the first episode of the return is "missing but not yet looked after" (581).
    early = child("C1", episodes=[episode(DECOM="10/05/2025")],
                  missing=[missing(MIS_START="08/05/2025", MIS_END="09/05/2025")])  # fmt: skip
    assert broken_by("578", early) == []
    assert broken_by("581", early) == ["C1"]
    after = child("C1", episodes=[episode(DEC="01/06/2025", REC="E13")],
                  missing=[missing(MIS_START="02/06/2025", MIS_END="03/06/2025")])  # fmt: skip
    assert broken_by("578", after) == ["C1"]
