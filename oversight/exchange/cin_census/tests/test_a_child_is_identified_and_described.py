"""The rules on the child: LA child id, dates of birth and death, sex, ethnicity, age, and
having an episode (8500, 8510, 1570, 1580, 8520-8545Q, 4180, 8750, 4220, 8590, 8775Q).

The census year is 1 April 2025 to 31 March 2026, the reference date its last day.
"""

from oversight.exchange.cin_census.tests.builders import census, child, episode, findings, ids


def unborn(la_child_id: str, **fields: object) -> dict:
    values = {"PersonBirthDate": None, "ExpectedPersonBirthDate": "2026-06-01", "Sex": "U"}
    return child(la_child_id, **(values | fields))


# 8500, 8510


def test_a_child_without_an_la_child_id_is_an_error_8500():
    found = findings("8500", census(child(None), child("C2")))
    assert ids(found) == [""]
    assert found[0].line is not None


def test_two_records_with_one_la_child_id_are_both_errors_8510():
    found = findings("8510", census(child("C1"), child("C2"), child("C1")))
    assert ids(found) == ["C1", "C1"]
    assert found[0].line != found[1].line


def test_children_without_an_la_child_id_are_left_to_8500_8510():
    assert findings("8510", census(child(None), child(None))) == []


# 1570, 1580


def test_an_la_child_id_longer_than_20_characters_is_an_error_1570():
    cin = census(child("A" * 21), child("B" * 20))
    assert ids(findings("1570", cin)) == ["A" * 21]


def test_an_la_child_id_with_a_sign_or_an_accent_is_an_error_1580():
    cin = census(child("C-1"), child("Cé2"), child("C 3"), child("Abc123"))
    assert ids(findings("1580", cin)) == ["C 3", "C-1", "Cé2"]


# 8520


def test_a_birth_after_the_reference_date_is_an_error_8520():
    cin = census(
        child("C1", PersonBirthDate="2026-04-01"),
        child("C2", PersonBirthDate="2026-03-31"),
        unborn("C3"),
    )
    found = findings("8520", cin)
    assert ids(found) == ["C1"]
    assert found[0].fields == (("PersonBirthDate", "2026-04-01"),)


# 8525Q


def test_both_or_neither_of_the_birth_dates_is_queried_8525q():
    cin = census(
        child("C1", ExpectedPersonBirthDate="2015-04-01"),
        child("C2", PersonBirthDate=None),
        child("C3"),
        unborn("C4"),
    )
    found = findings("8525Q", cin)
    assert ids(found) == ["C1", "C2"]
    assert dict(found[1].fields) == {"PersonBirthDate": "", "ExpectedPersonBirthDate": ""}


# 8530Q


def test_an_expected_birth_outside_march_to_december_2026_is_queried_8530q():
    cin = census(
        unborn("C1", ExpectedPersonBirthDate="2026-02-28"),
        unborn("C2", ExpectedPersonBirthDate="2026-03-01"),
        unborn("C3", ExpectedPersonBirthDate="2026-12-31"),
        unborn("C4", ExpectedPersonBirthDate="2027-01-01"),
        child("C5"),
    )
    found = findings("8530Q", cin)
    assert ids(found) == ["C1", "C4"]
    assert found[1].fields == (("ExpectedPersonBirthDate", "2027-01-01"),)


# 8535Q


def test_a_death_before_birth_is_queried_8535q():
    cin = census(
        child("C1", PersonBirthDate="2025-05-02", PersonDeathDate="2025-05-01"),
        child("C2", PersonBirthDate="2025-05-02", PersonDeathDate="2025-05-02"),
        child("C3"),
    )
    found = findings("8535Q", cin)
    assert ids(found) == ["C1"]
    assert found[0].fields == (("PersonDeathDate", "2025-05-01"), ("PersonBirthDate", "2025-05-02"))


def test_a_death_without_a_birth_date_is_queried_unless_before_the_expected_birth_8535q():
    cin = census(
        child("C1", PersonBirthDate=None, PersonDeathDate="2025-05-01"),
        unborn("C2", PersonDeathDate="2026-05-31"),
        unborn("C3", PersonDeathDate="2026-06-01"),
    )
    assert ids(findings("8535Q", cin)) == ["C1", "C3"]


# 8545Q


def test_a_death_outside_the_census_year_is_queried_8545q():
    cin = census(
        child("C1", PersonDeathDate="2025-03-31"),
        child("C2", PersonDeathDate="2025-04-01"),
        child("C3", PersonDeathDate="2026-03-31"),
        child("C4", PersonDeathDate="2026-04-01"),
        child("C5"),
    )
    assert ids(findings("8545Q", cin)) == ["C1", "C4"]


# 4180, 8750


def test_sex_missing_or_not_m_f_or_u_is_an_error_4180():
    cin = census(
        child("C1", Sex=None),
        child("C2", Sex="1"),
        child("C3", Sex="m"),
        child("C4", Sex="M"),
        child("C5", Sex="F"),
        child("C6", Sex="U"),
    )
    found = findings("4180", cin)
    assert ids(found) == ["C1", "C2", "C3"]
    assert found[1].fields == (("Sex", "1"),)


def test_an_unborn_child_whose_sex_is_not_u_is_an_error_8750():
    cin = census(
        unborn("C1", Sex="F"),
        unborn("C2", Sex=None),
        unborn("C3"),
        child("C4", Sex="F"),
        child("C5", Sex="U"),
    )
    found = findings("8750", cin)
    assert ids(found) == ["C1", "C2"]
    assert dict(found[0].fields) == {
        "Sex": "F",
        "PersonBirthDate": "",
        "ExpectedPersonBirthDate": "2026-06-01",
    }


# 4220


def test_ethnicity_missing_or_not_a_census_code_is_an_error_4220():
    cin = census(
        child("C1", Ethnicity=None),
        child("C2", Ethnicity="WBR"),
        child("C3", Ethnicity="WROM"),
        child("C4", Ethnicity="NOBT"),
    )
    found = findings("4220", cin)
    assert ids(found) == ["C1", "C2"]
    assert found[1].fields == (("Ethnicity", "WBR"),)


# 8590


def test_a_child_without_an_episode_is_an_error_8590():
    cin = census(child("C1", episodes=[]), child("C2"), child("C1"))
    found = findings("8590", cin)
    assert ids(found) == ["C1"]


# 8775Q


def test_a_child_over_25_with_an_open_episode_is_queried_8775q():
    # 25 years before the reference date is 31 March 2001.
    cin = census(
        child("C1", PersonBirthDate="2001-03-30"),
        child("C2", PersonBirthDate="2001-03-31"),
    )
    found = findings("8775Q", cin)
    assert ids(found) == ["C1"]
    assert found[0].fields == (("PersonBirthDate", "2001-03-30"), ("CINclosureDate", ""))


def test_an_episode_closed_by_the_25th_birthday_is_not_queried_8775q():
    def closed(on: str) -> dict:
        return episode(CINclosureDate=on, ReasonForClosure="RC1")

    cin = census(
        child("C1", PersonBirthDate="1990-01-01", episodes=[closed("2015-01-01")]),
        child("C2", PersonBirthDate="1990-01-01", episodes=[closed("2015-01-02")]),
    )
    found = findings("8775Q", cin)
    assert ids(found) == ["C2"]
    assert dict(found[0].fields)["CINclosureDate"] == "2015-01-02"
