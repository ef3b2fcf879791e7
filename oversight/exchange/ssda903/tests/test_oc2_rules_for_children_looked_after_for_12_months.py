"""The OC2 rules, each case worked out by hand for the year 1 April 2025 to 31 March 2026.

The default boy, born 15/06/2012, is 12 on 1 April 2025 and 13 on 31 March 2026. Looked
after since 10/05/2024 (``SINCE_2024``) he is in the 12-month cohort; the default child,
looked after since 10/05/2025, is not.
"""

import pytest

from oversight.exchange.ssda903.rules.cohorts import continuously_looked_after
from oversight.exchange.ssda903.tests.builders import (
    broken_by,
    child,
    episode,
    findings,
    oc2,
    return903,
)

SINCE_2024 = [episode(DECOM="10/05/2024")]
BLANK = dict.fromkeys(oc2())


def in_cohort(CHILD: str, change: dict) -> dict:  # noqa: N803
    """A child of the cohort whose OC2 record (and date of birth, if given) is changed."""
    header = {k: v for k, v in change.items() if k == "DOB"}
    row = oc2(**{k: v for k, v in change.items() if k != "DOB"})
    return child(CHILD, episodes=SINCE_2024, oc2=[row], **header)


def one_of_two(code: str, breaking: dict, passing: dict) -> list[str]:
    return broken_by(code, in_cohort("C1", breaking), in_cohort("C2", passing))


def cohort_ids(*children: dict) -> list[str]:
    data = return903(*children)
    return sorted(continuously_looked_after(data)["CHILD"].to_list())


def test_looked_after_from_1_april_to_31_march_is_the_cohort():
    assert cohort_ids(
        child("FROM_1_APRIL", episodes=[episode(DECOM="01/04/2025")]),
        child("FROM_2_APRIL", episodes=[episode(DECOM="02/04/2025")]),
        child("CEASED_31_MARCH", episodes=[episode(DECOM="10/05/2024", DEC="31/03/2026",
                                                   REC="E13")]),
        child("MOVED", episodes=[
            episode(DECOM="10/05/2024", DEC="01/09/2025", REC="X1"),
            episode(DECOM="01/09/2025", RNE="P", PLACE="U2"),
        ]),
        child("RESPITE", episodes=[episode(DECOM="10/05/2024", LS="V3")]),
        child("NOT_LOOKED_AFTER", episodes=[]),
    ) == ["FROM_1_APRIL", "MOVED"]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        # SDQ1 (under 4 or over 17) for a child of 4 to 16; at 17 on 31 March it may be.
        ("157", {"SDQ_SCORE": None, "SDQ_REASON": "SDQ1"},
         {"SDQ_SCORE": None, "SDQ_REASON": "SDQ1", "DOB": "31/03/2009"}),
        ("157", {"SDQ_SCORE": None, "SDQ_REASON": "SDQ1"},
         {"SDQ_SCORE": None, "SDQ_REASON": "SDQ1", "DOB": "02/04/2021"}),
        # No score and no reason at 4 on 1 April; turning 4 on 2 April is 197B's.
        ("186", {"SDQ_SCORE": None, "DOB": "01/04/2021"},
         {"SDQ_SCORE": None, "DOB": "02/04/2021"}),
        ("186", {"SDQ_SCORE": None}, {"SDQ_SCORE": None, "SDQ_REASON": "SDQ4"}),
        ("197B", {"SDQ_SCORE": None, "DOB": "02/04/2021"},
         {"SDQ_SCORE": None, "DOB": "31/03/2021"}),
        ("197B", {"SDQ_SCORE": None, "DOB": "31/03/2009"},
         {"SDQ_SCORE": None, "DOB": "31/03/2008"}),
        ("191", {"IMMUNISATIONS": None}, {}),
        ("543", {"CONVICTED": None, "DOB": "30/03/2016"}, {"CONVICTED": None, "DOB": "01/04/2016"}),
        ("545", {"HEALTH_CHECK": None, "DOB": "01/04/2021"},
         {"HEALTH_CHECK": None, "DOB": "31/03/2021"}),
        ("546", {"HEALTH_CHECK": "1", "DOB": "31/03/2021"},
         {"HEALTH_CHECK": "1", "DOB": "01/04/2021"}),
    ],
)  # fmt: skip
def test_a_child_of_the_cohort_whose_record_breaks_the_rule_is_reported(code, breaking, passing):
    assert one_of_two(code, breaking, passing) == ["C1"]


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        ("188", {"DOB": "01/04/2022"}, {"DOB": "31/03/2022"}),
        ("188", {"DOB": "01/04/2022", "SDQ_SCORE": None, "SDQ_REASON": "SDQ1"},
         {"DOB": "31/03/2022", "SDQ_SCORE": None, "SDQ_REASON": "SDQ1"}),
        ("189", {"DOB": "01/04/2008"}, {"DOB": "02/04/2008"}),
        ("542", {"DOB": "01/04/2016"}, {"DOB": "31/03/2016"}),
    ],
)  # fmt: skip
def test_an_sdq_or_conviction_at_the_wrong_age_is_reported(code, breaking, passing):
    assert one_of_two(code, breaking, passing) == ["C1"]


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        ("197a", {"SDQ_REASON": "SDQ2"}, {}),
        ("182", {"TEETH_CHECK": None}, {}),
        ("192", {"SUBSTANCE_MISUSE": "1"}, {"SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "1"}),
        ("193", {"INTERVENTION_RECEIVED": "0"}, {"SUBSTANCE_MISUSE": "1",
                                                 "INTERVENTION_RECEIVED": "0"}),
        ("193", {"SUBSTANCE_MISUSE": None, "INTERVENTION_OFFERED": "1"}, {}),
        ("158", {"SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "1",
                 "INTERVENTION_OFFERED": "0"},
         {"SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "1"}),
        ("159", {"SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "0"},
         {"SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "0", "INTERVENTION_OFFERED": "1"}),
        ("544", {"CONVICTED": "1", "HEALTH_ASSESSMENT": None}, {"CONVICTED": "1"}),
        ("547", {"HEALTH_CHECK": "1", "SUBSTANCE_MISUSE": None}, {"HEALTH_CHECK": "1"}),
    ],
)  # fmt: skip
def test_an_oc2_record_whose_items_do_not_go_together_is_reported(code, breaking, passing):
    assert one_of_two(code, breaking, passing) == ["C1"]


@pytest.mark.parametrize(
    ("code", "row"),
    [
        ("185", oc2(SDQ_REASON=None)),
        ("198", oc2(SDQ_SCORE=None, SDQ_REASON="SDQ2")),
        ("190", BLANK | {"HEALTH_CHECK": "0"}),
    ],
)
def test_an_oc2_record_outside_the_cohort_is_reported(code, row):
    # Looked after from 2 April: not a year by 31 March; from 1 April: a year.
    late = child("C1", episodes=[episode(DECOM="02/04/2025")], oc2=[row])
    in_time = child("C2", episodes=[episode(DECOM="01/04/2025")], oc2=[row])
    assert broken_by(code, late, in_time) == ["C1"]


def test_a_child_of_the_cohort_with_no_oc2_record_is_reported_on_the_first_episode():
    moved = [
        episode(DECOM="10/05/2024", DEC="01/09/2025", REC="X1"),
        episode(DECOM="01/09/2025", RNE="P", PLACE="U2"),
    ]
    found = findings("191", return903(child("C1", episodes=moved), child("C2")))
    assert [(f.child_id, f.file, f.line) for f in found] == [("C1", "episodes.csv", 2)]
