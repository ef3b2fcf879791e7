"""The rules that judge from the episodes whether a young person is a care leaver, worked out
by hand for the year 1 April 2025 to 31 March 2026 (last year: 2024-25)."""

from oversight.exchange.ssda903.rules import RULES
from oversight.exchange.ssda903.tests.builders import broken_by, child, episode, oc3, return903


def leaver(CHILD: str, DOB: str = "15/06/2006", episodes=(), **others) -> dict:  # noqa: N803
    """A young person of 19 at 31 March (unless ``DOB`` says otherwise), in touch."""
    rows = {"oc3": [oc3()], "reviews": [], "social_workers": [], "permanence": []} | others
    return child(CHILD, DOB=DOB, episodes=list(episodes), **rows)


def ended(DECOM: str, DEC: str, REC: str = "E13", **fields) -> dict:  # noqa: N803
    return episode(DECOM=DECOM, DEC=DEC, REC=REC, **fields)


def test_a_care_leaver_who_died_in_care_this_year_or_last_is_reported():
    died = [ended("10/05/2025", "01/06/2025", REC="E2")]
    left = [ended("10/05/2025", "01/06/2025")]
    assert broken_by("1000", leaver("C1", episodes=died), leaver("C2", episodes=left)) == ["C1"]
    last_year = [
        leaver("C1", episodes=[ended("10/05/2024", "01/06/2024", REC="E2")]),
        leaver("C2", episodes=[ended("10/05/2024", "01/06/2024")]),
    ]
    assert broken_by("1000", leaver("C1"), leaver("C2"), last_year=last_year) == ["C1"]


def test_a_care_leaver_whose_last_episode_was_transferred_is_reported():
    transferred = [ended("10/05/2025", "01/06/2025", REC="E3")]
    then_left = [*transferred, ended("01/08/2025", "01/09/2025")]
    found = broken_by("1011", leaver("C1", episodes=transferred), leaver("C2", episodes=then_left))
    assert found == ["C1"]


def test_a_care_leaver_of_17_or_18_still_looked_after_is_reported():
    # 17 (born 15/06/2008) and 18 (01/04/2007) on 31 March; 19 from 31/03/2007.
    still = [episode(DECOM="10/05/2024")]
    found = broken_by(
        "1007",
        leaver("C1", DOB="15/06/2008", episodes=still),
        leaver("C2", DOB="31/03/2007", episodes=still),
        leaver("C3", DOB="01/04/2007", episodes=still),
    )
    assert found == ["C1", "C3"]


def test_a_care_leaver_who_ceased_after_the_17th_birthday_is_reported():
    after = [ended("10/05/2024", "16/06/2025")]
    on_the_day = [ended("10/05/2024", "15/06/2025")]
    found = broken_by(
        "1016",
        leaver("C1", DOB="15/06/2008", episodes=after),
        leaver("C2", DOB="15/06/2008", episodes=on_the_day),
    )
    assert found == ["C1"]


def test_a_care_leaver_with_no_episode_after_last_years_open_one_is_reported():
    last_year = [
        leaver("C1", episodes=[episode(DECOM="10/05/2024")]),
        leaver("C2", episodes=[ended("10/05/2024", "01/03/2025")]),
    ]
    assert broken_by("1010", leaver("C1"), leaver("C2"), last_year=last_year) == ["C1"]


def test_a_care_leaver_under_20_with_no_episodes_in_either_return_is_reported():
    # Aged 18 at 31 March; a young person of 20 left care before last year's return.
    last_year = [leaver("C2", DOB="15/06/2007", episodes=[ended("10/05/2024", "01/03/2025")])]
    this_year = [
        leaver("C1", DOB="15/06/2007"),
        leaver("C2", DOB="15/06/2007"),
        leaver("C3", DOB="31/03/2006"),
    ]
    assert broken_by("1002", *this_year, last_year=last_year) == ["C1"]


def test_a_care_leaver_looked_after_13_weeks_after_14_and_some_after_16_is_a_relevant_child():
    # Born 15/06/2006: 16 on 15/06/2022, 18 on 15/06/2024. From 15/03/2024 to 14/06/2024 is
    # 16 + 30 + 31 + 14 = 91 days, 13 weeks; from 16/03/2024, 90 days.
    last_year = [
        leaver("C1", episodes=[ended("16/03/2024", "14/06/2024")]),
        leaver("C2", episodes=[ended("15/03/2024", "14/06/2024")]),
        leaver("C3", episodes=[ended("15/03/2024", "14/06/2024", LS="V3")]),
        leaver("C4", episodes=[ended("15/03/2024", "14/06/2024", REC="E11")]),
    ]
    this_year = [leaver(c) for c in ("C1", "C2", "C3", "C4")]
    assert broken_by("1001", *this_year, last_year=last_year) == ["C1", "C3", "C4"]


def test_care_since_16_may_be_in_either_return():
    # Looked after from 1 January 2025 (last year) into this year, until the 18th birthday.
    since = episode(DECOM="01/01/2025")
    last_year = [leaver("C1", DOB="15/06/2007", episodes=[since])]
    this_year = [leaver("C1", DOB="15/06/2007", episodes=[since | {"DEC": "15/06/2025",
                                                                   "REC": "E13"}])]  # fmt: skip
    assert broken_by("1001", *this_year, last_year=last_year) == []


def test_a_care_leaver_who_left_care_at_18_breaks_no_rule():
    born_2007 = {"DOB": "15/06/2007", "UPN": "A201000000025"}
    since = episode(DECOM="01/01/2025")
    at_18 = since | {"DEC": "15/06/2025", "REC": "E13"}
    last_year = [child("C1", episodes=[since], **born_2007)]
    this_year = child("C1", episodes=[at_18], oc3=[oc3()], **born_2007)
    report = RULES.run(return903(this_year, last_year=last_year).lazy())
    assert [(f.rule, f.fields) for f in report.findings] == []
