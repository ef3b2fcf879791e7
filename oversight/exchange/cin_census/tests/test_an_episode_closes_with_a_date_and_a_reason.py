"""The closure rules: 8585Q, 8620, 8630, 8640, 8805, 8810."""

from oversight.exchange.cin_census.tests.builders import census, child, episode, findings, ids


def closed(on: str = "2025-09-01", reason: str | None = "RC7", **fields: str) -> dict:
    return episode(CINclosureDate=on, ReasonForClosure=reason, **fields)


def test_closed_because_the_child_died_without_a_date_of_death_is_a_query_8585q():
    cin = census(
        child("C1", episodes=[closed(reason="RC2")]),
        child("C2", PersonDeathDate="2025-08-30", episodes=[closed(reason="RC2")]),
        child("C3", episodes=[closed(reason="RC7")]),
    )
    found = findings("8585Q", cin)
    assert ids(found) == ["C1"]
    assert dict(found[0].fields) == {"ReasonForClosure": "RC2", "PersonDeathDate": ""}


def test_a_death_recorded_for_another_child_with_the_same_id_does_not_count_8585q():
    cin = census(
        child("C1", episodes=[closed(reason="RC2")]),
        child("C1", PersonDeathDate="2025-08-30"),
    )
    assert ids(findings("8585Q", cin)) == ["C1"]


def test_a_closure_outside_1_april_2025_to_31_march_2026_is_an_error_8620():
    cin = census(
        child("C1", episodes=[closed("2025-03-31", CINreferralDate="2025-01-10")]),
        child("C2", episodes=[closed("2025-04-01", CINreferralDate="2025-01-10")]),
        child("C3", episodes=[closed("2026-03-31")]),
        child("C4", episodes=[closed("2026-04-01")]),
        child("C5", episodes=[closed(None, reason=None)]),
    )
    found = findings("8620", cin)
    assert ids(found) == ["C1", "C4"]
    assert [dict(f.fields) for f in found] == [
        {"CINclosureDate": "2025-03-31"},
        {"CINclosureDate": "2026-04-01"},
    ]


def test_a_closure_the_day_before_the_referral_is_an_error_8630_and_the_same_day_is_not():
    cin = census(
        child("C1", episodes=[closed("2025-04-30", CINreferralDate="2025-05-01")]),
        child("C2", episodes=[closed("2025-05-01", CINreferralDate="2025-05-01")]),
    )
    found = findings("8630", cin)
    assert ids(found) == ["C1"]
    assert dict(found[0].fields) == {
        "CINreferralDate": "2025-05-01",
        "CINclosureDate": "2025-04-30",
    }


def test_a_reason_for_closure_outside_the_census_codes_is_an_error_8640():
    cin = census(
        child("C1", episodes=[closed(reason="RC10")]),
        child("C2", episodes=[closed(reason="rc1")]),
        child("C3", episodes=[closed(reason="RC9")]),
        child("C4"),
    )
    assert ids(findings("8640", cin)) == ["C1", "C2"]


def test_a_closure_date_without_a_reason_is_an_error_8805():
    cin = census(
        child("C1", episodes=[closed(reason=None)]),
        child("C2", episodes=[closed(reason="RC1")]),
        child("C3"),
    )
    found = findings("8805", cin)
    assert ids(found) == ["C1"]
    assert dict(found[0].fields) == {"CINclosureDate": "2025-09-01", "ReasonForClosure": ""}


def test_a_reason_for_closure_without_a_closure_date_is_an_error_8810():
    cin = census(
        child("C1", episodes=[closed(None, reason="RC7")]),
        child("C2", episodes=[closed(reason="RC7")]),
        child("C3"),
    )
    found = findings("8810", cin)
    assert ids(found) == ["C1"]
    assert dict(found[0].fields) == {"ReasonForClosure": "RC7", "CINclosureDate": ""}
