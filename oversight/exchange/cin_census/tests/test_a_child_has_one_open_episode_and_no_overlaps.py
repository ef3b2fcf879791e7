"""Rules on a child's episodes together: 8815 (one open), 8816 (the latest), 8820 (overlaps)."""

from oversight.exchange.cin_census.tests.builders import census, child, episode, findings, ids


def nfa(referred: str, **fields: str | None) -> dict:
    """An open referral that led to no further action."""
    return episode(CINreferralDate=referred, ReferralNFA="true", assessments=[], **fields)


def ended(referred: str, closed: str) -> dict:
    return episode(CINreferralDate=referred, CINclosureDate=closed, ReasonForClosure="RC7")


def test_two_open_episodes_with_action_are_each_an_error_8815():
    cin = census(
        child("C1", episodes=[episode(), episode(CINreferralDate="2025-09-01")]),
        child("C2", episodes=[episode(), nfa("2025-09-01")]),
        child("C3", episodes=[ended("2025-04-10", "2025-04-30"), episode()]),
        child("C4", episodes=[nfa("2025-04-10"), nfa("2025-09-01")]),
    )
    found = findings("8815", cin)
    assert ids(found) == ["C1", "C1"]
    assert [dict(f.fields)["CINreferralDate"] for f in found] == ["2025-05-01", "2025-09-01"]


def test_children_who_share_an_id_each_may_have_an_open_episode_8815():
    cin = census(child("C1"), child("C1"))
    assert findings("8815", cin) == []


def test_an_open_episode_with_action_referred_before_another_episode_is_an_error_8816():
    cin = census(
        child("C1", episodes=[episode(), ended("2025-09-01", "2025-10-01")]),
        child("C2", episodes=[ended("2025-04-10", "2025-04-30"), episode()]),
        child("C3", episodes=[episode(), nfa("2025-09-01")]),
        child("C4", episodes=[nfa("2025-04-10"), ended("2025-09-01", "2025-10-01")]),
    )
    found = findings("8816", cin)
    assert ids(found) == ["C1", "C3"]
    assert dict(found[0].fields) == {
        "CINreferralDate": "2025-05-01",
        "CINclosureDate": "",
        "ReferralNFA": "false",
        "latest CINreferralDate": "2025-09-01",
    }


def test_the_latest_referral_of_another_child_with_the_same_id_does_not_count_8816():
    cin = census(child("C1"), child("C1", episodes=[episode(CINreferralDate="2025-09-01")]))
    assert findings("8816", cin) == []


def test_a_referral_within_an_earlier_closed_episode_is_an_overlap_8820():
    cin = census(
        child("C1", episodes=[ended("2025-05-01", "2025-08-01"), ended("2025-07-01", "2025-09-01")])
    )
    found = findings("8820", cin)
    assert ids(found) == ["C1"]
    assert dict(found[0].fields) == {
        "CINreferralDate": "2025-07-01",
        "CINclosureDate": "2025-09-01",
        "other episode's CINreferralDate": "2025-05-01",
        "other episode's CINclosureDate": "2025-08-01",
    }


def test_a_referral_on_the_day_the_previous_episode_closed_is_not_an_overlap_8820():
    cin = census(
        child("C1", episodes=[ended("2025-05-01", "2025-08-01"), ended("2025-08-01", "2025-09-01")])
    )
    assert findings("8820", cin) == []


def test_an_open_episode_with_action_runs_to_the_reference_date_8820():
    cin = census(
        child("C1", episodes=[episode(), ended("2025-09-01", "2025-10-01")]),
        child("C2", episodes=[nfa("2025-05-01"), ended("2025-09-01", "2025-10-01")]),
    )
    found = findings("8820", cin)
    assert ids(found) == ["C1"]
    assert dict(found[0].fields)["other episode's CINreferralDate"] == "2025-05-01"


def test_two_episodes_referred_the_same_day_overlap_each_other_8820():
    cin = census(
        child("C1", episodes=[ended("2025-05-01", "2025-06-01"), ended("2025-05-01", "2025-07-01")])
    )
    assert ids(findings("8820", cin)) == ["C1", "C1"]


def test_episodes_of_two_children_who_share_an_id_do_not_overlap_8820():
    cin = census(
        child("C1", episodes=[ended("2025-05-01", "2025-08-01")]),
        child("C1", episodes=[ended("2025-07-01", "2025-09-01")]),
    )
    assert findings("8820", cin) == []
