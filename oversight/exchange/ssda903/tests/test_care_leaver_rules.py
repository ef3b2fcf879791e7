"""The OC3 rules about a care leaver's record and the other files, worked out by hand for
the year 1 April 2025 to 31 March 2026.

``leaver()`` is a young man of 19 at 31 March (born 15/06/2006), in touch, with no episode
this year and nothing in the files of children looked after.
"""

import pytest

from oversight.exchange.ssda903.tests.builders import (
    broken_by,
    child,
    episode,
    girl,
    oc2,
    oc3,
    review,
    social_worker,
    uasc,
)

ADOPTED = {"DATE_INT": "01/06/2025", "DATE_MATCH": "01/07/2025", "FOSTER_CARE": "0",
           "NB_ADOPTR": "2", "SEX_ADOPTR": "MF", "LS_ADOPTR": "L11"}  # fmt: skip
NO_INFORMATION = dict.fromkeys(oc3())
NONE = {"ACTIV": "0", "ACCOM": "0"}
SINCE_2024 = [episode(DECOM="10/05/2024")]


def leaver(CHILD: str, DOB: str = "15/06/2006", episodes=(), **others) -> dict:  # noqa: N803
    rows = {"oc3": [oc3()], "reviews": [], "social_workers": [], "permanence": []} | others
    return child(CHILD, DOB=DOB, episodes=list(episodes), **rows)


def with_record(CHILD: str, change: dict) -> dict:  # noqa: N803
    """A care leaver whose OC3 record (and date of birth, if given) is changed."""
    header = {k: v for k, v in change.items() if k == "DOB"}
    return leaver(CHILD, oc3=[oc3(**{k: v for k, v in change.items() if k != "DOB"})], **header)


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        # Died or went home: activity and accommodation 0 (none).
        ("344", {"IN_TOUCH": "DIED", "ACTIV": "0"}, {"IN_TOUCH": "DIED"} | NONE),
        ("344", {"IN_TOUCH": "RHOM", "ACCOM": "0"}, {"IN_TOUCH": "RHOM"} | NONE),
        ("345", {"ACTIV": "0"}, {}),
        ("345", {"ACCOM": "0"}, {"IN_TOUCH": "NO", "ACCOM": "0"}),
        # In a Foyer, 18 by 1 April.
        ("347", {"ACCOM": "T2", "DOB": "02/04/2007"}, {"ACCOM": "T2", "DOB": "01/04/2007"}),
        # 17 only from 1 April 2026; 22 on 1 April 2025.
        ("391", {"DOB": "01/04/2009"}, {"DOB": "31/03/2009"}),
        ("391", {"DOB": "01/04/2003"}, {"DOB": "02/04/2003"}),
        # With former foster carers, turning 17 during the year.
        ("3001", {"ACCOM": "Z1", "DOB": "31/03/2009"}, {"ACCOM": "Z1", "DOB": "31/03/2008"}),
        ("3001", {"ACCOM": "Z2", "DOB": "01/04/2008"}, {"ACCOM": "Z2", "DOB": "31/03/2008"}),
    ],
)  # fmt: skip
def test_a_care_leaver_record_that_breaks_the_rule_is_reported(code, breaking, passing):
    assert broken_by(code, with_record("C1", breaking), with_record("C2", passing)) == ["C1"]


def test_adoption_data_for_a_care_leaver_is_reported():
    with_no_information = leaver("C2", ad1=[ADOPTED], oc3=[NO_INFORMATION])
    assert broken_by("134", leaver("C1", ad1=[ADOPTED]), with_no_information) == ["C1"]


def test_care_leaver_or_adoption_data_in_the_twelve_month_cohort_is_reported_on_each_row():
    in_cohort = child("C1", episodes=SINCE_2024, oc2=[oc2()], oc3=[oc3()])
    both = child("C2", episodes=SINCE_2024, oc2=[oc2()], oc3=[oc3()], ad1=[ADOPTED])
    not_in_cohort = child("C3", oc3=[oc3()], ad1=[ADOPTED])
    assert broken_by("187", in_cohort, both, not_in_cohort) == ["C1", "C2", "C2"]


def test_twelve_month_items_for_a_care_leaver_are_reported_on_both_rows():
    sdq_only = dict.fromkeys(oc2()) | {"SDQ_SCORE": "12"}
    assert broken_by("215", leaver("C1", oc2=[oc2()]), leaver("C2", oc2=[sdq_only])) == [
        "C1",
        "C1",
    ]


def test_motherhood_is_reported_only_for_a_care_leaver_not_looked_after_this_year():
    not_looked_after = leaver("C1", SEX="F", MOTHER="0", UPN="A201000000025")
    blank = leaver("C2", SEX="F", MOTHER=None)
    looked_after = girl("C3", oc3=[oc3()])
    assert broken_by("628", not_looked_after, blank, looked_after) == ["C1"]


def test_uasc_information_for_a_care_leaver_is_reported():
    left_this_year = [episode(DEC="01/06/2025", REC="E13")]
    still_looked_after = child("C2", episodes=left_this_year, oc3=[oc3()], uasc=[uasc()])
    assert broken_by("1014", leaver("C1", uasc=[uasc(DUC="15/06/2024")]), still_looked_after) == [
        "C1"
    ]


def test_each_other_row_for_a_care_leaver_not_looked_after_is_reported():
    with_others = leaver("C1", reviews=[review()], social_worker_episodes=[social_worker()])
    looked_after = child("C3", oc3=[oc3()])
    assert broken_by("1012", with_others, leaver("C2"), looked_after) == ["C1", "C1"]


def test_a_care_leaver_reported_as_died_last_year_stays_so():
    died = [oc3(IN_TOUCH="DIED", ACTIV="0", ACCOM="0")]
    last_year = [leaver("C1", oc3=died), leaver("C2", oc3=died)]
    this_year = [leaver("C1"), leaver("C2", oc3=died)]
    assert broken_by("348", *this_year, last_year=last_year) == ["C1"]
