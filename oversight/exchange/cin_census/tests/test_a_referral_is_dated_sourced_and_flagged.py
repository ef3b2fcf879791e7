"""The referral rules: 8555Q, 8568, 8569Q, 8600, 8606, 8610, 8650, 8866."""

from oversight.exchange.cin_census.tests.builders import census, child, episode, findings, ids


def test_a_referral_the_day_after_death_is_a_query_8555q_and_on_the_day_is_not():
    cin = census(
        child("C1", PersonDeathDate="2025-06-01", episodes=[episode(CINreferralDate="2025-06-02")]),
        child("C2", PersonDeathDate="2025-06-01", episodes=[episode(CINreferralDate="2025-06-01")]),
        child("C3", episodes=[episode(CINreferralDate="2025-06-02")]),
    )
    found = findings("8555Q", cin)
    assert ids(found) == ["C1"]
    assert dict(found[0].fields) == {
        "CINreferralDate": "2025-06-02",
        "PersonDeathDate": "2025-06-01",
    }


def test_a_death_is_not_lent_to_another_child_with_the_same_id_8555q():
    cin = census(
        child("C1", PersonDeathDate="2025-06-01", episodes=[episode(CINreferralDate="2025-05-01")]),
        child("C1", episodes=[episode(CINreferralDate="2025-07-01")]),
    )
    assert findings("8555Q", cin) == []


def test_a_missing_or_unreadable_nfa_flag_is_an_error_8568():
    cin = census(
        child("C1", episodes=[episode(ReferralNFA=None)]),
        child("C2", episodes=[episode(ReferralNFA="yes")]),
        child("C3", episodes=[episode(ReferralNFA="1", assessments=[])]),
        child("C4", episodes=[episode(ReferralNFA="FALSE")]),
    )
    assert ids(findings("8568", cin)) == ["C1", "C2"]


def test_nfa_on_a_referral_before_the_working_day_before_1_april_is_a_query_8569q():
    # 1 April 2025 is a Tuesday: the working day before it is Monday 31 March 2025.
    cin = census(
        child("C1", episodes=[episode(CINreferralDate="2025-03-28", ReferralNFA="true")]),
        child("C2", episodes=[episode(CINreferralDate="2025-03-30", ReferralNFA="1")]),
        child("C3", episodes=[episode(CINreferralDate="2025-03-31", ReferralNFA="true")]),
        child("C4", episodes=[episode(CINreferralDate="2025-03-28", ReferralNFA="false")]),
    )
    found = findings("8569Q", cin)
    assert ids(found) == ["C1", "C2"]
    assert dict(found[0].fields) == {"CINreferralDate": "2025-03-28", "ReferralNFA": "true"}


def test_a_missing_nfa_flag_is_left_to_8568_not_queried_by_8569q():
    cin = census(child("C1", episodes=[episode(CINreferralDate="2025-03-28", ReferralNFA=None)]))
    assert findings("8569Q", cin) == []
    assert ids(findings("8568", cin)) == ["C1"]


def test_a_referral_missing_or_after_31_march_2026_is_an_error_8600():
    cin = census(
        child("C1", episodes=[episode(CINreferralDate=None)]),
        child("C2", episodes=[episode(CINreferralDate="2026-04-01")]),
        child("C3", episodes=[episode(CINreferralDate="2026-03-31")]),
    )
    found = findings("8600", cin)
    assert ids(found) == ["C1", "C2"]
    assert [dict(f.fields) for f in found] == [
        {"CINreferralDate": ""},
        {"CINreferralDate": "2026-04-01"},
    ]


def test_a_referral_more_than_280_days_before_birth_is_an_error_8606():
    # 1 May 2025 is 280 days (40 weeks) before 5 February 2026, and 281 before 6 February.
    unborn = {"PersonBirthDate": None, "UPN": None, "UPNunknown": "UN1"}
    cin = census(
        child("C1", **unborn, ExpectedPersonBirthDate="2026-02-06"),
        child("C2", **unborn, ExpectedPersonBirthDate="2026-02-05"),
        child("C3", PersonBirthDate="2026-02-06"),
        child("C4", PersonBirthDate="2026-02-05"),
    )
    found = findings("8606", cin)
    assert ids(found) == ["C1", "C3"]
    assert dict(found[0].fields) == {
        "CINreferralDate": "2025-05-01",
        "PersonBirthDate": "",
        "ExpectedPersonBirthDate": "2026-02-06",
    }


def test_a_referral_with_further_action_and_no_primary_need_is_an_error_8610():
    cin = census(
        child("C1", episodes=[episode(PrimaryNeedCode=None)]),
        child("C2", episodes=[episode(PrimaryNeedCode=None, ReferralNFA="true", assessments=[])]),
        child("C3", episodes=[episode(PrimaryNeedCode="N9")]),
    )
    assert ids(findings("8610", cin)) == ["C1"]


def test_a_primary_need_outside_the_census_codes_is_an_error_8650():
    cin = census(
        child("C1", episodes=[episode(PrimaryNeedCode="N10")]),
        child("C2", episodes=[episode(PrimaryNeedCode="n1")]),
        child("C3", episodes=[episode(PrimaryNeedCode="N0")]),
        child("C4", episodes=[episode(PrimaryNeedCode=None, ReferralNFA="true", assessments=[])]),
    )
    found = findings("8650", cin)
    assert ids(found) == ["C1", "C2"]
    assert dict(found[0].fields) == {"PrimaryNeedCode": "N10"}


def test_a_missing_or_unknown_referral_source_from_april_2013_is_an_error_8866():
    cin = census(
        child("C1", episodes=[episode(ReferralSource=None)]),
        child("C2", episodes=[episode(ReferralSource="5E")]),
        child("C3", episodes=[episode(ReferralSource="10")]),
        child("C4", episodes=[episode(CINreferralDate="2013-04-01", ReferralSource=None)]),
        child("C5", episodes=[episode(CINreferralDate="2013-03-31", ReferralSource=None)]),
    )
    found = findings("8866", cin)
    assert ids(found) == ["C1", "C2", "C4"]
    assert dict(found[1].fields) == {"CINreferralDate": "2025-05-01", "ReferralSource": "5E"}
