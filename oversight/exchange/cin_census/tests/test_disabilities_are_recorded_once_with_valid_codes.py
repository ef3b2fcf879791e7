"""The disability rules: present and valid (8540), NONE alone (8790), no code twice (8794)."""

from oversight.exchange.cin_census.tests.builders import census, child, episode, findings, ids


def test_a_referred_child_without_disability_information_is_an_error_8540():
    found = findings(
        "8540", census(child("C1", disabilities=[]), child("C2", disabilities=["NONE"]))
    )
    assert ids(found) == ["C1"]
    assert found[0].fields == (("Disability", ""),)


def test_each_code_not_in_the_disability_table_is_an_error_8540():
    cin = census(child("C1", disabilities=["MOB", "XYZ", "mob"]), child("C2", disabilities=["DDA"]))
    found = findings("8540", cin)
    assert sorted(dict(f.fields)["Disability"] for f in found) == ["XYZ", "mob"]
    assert ids(found) == ["C1", "C1"]


def test_a_referral_flagged_false_in_capitals_goes_on_to_further_action_8540():
    cin = census(child("C1", disabilities=[], episodes=[episode(ReferralNFA="FALSE")]))
    assert ids(findings("8540", cin)) == ["C1"]


def test_an_unborn_child_or_one_never_referred_on_need_no_disability_8540():
    nfa = episode(ReferralNFA="true", assessments=[])
    cin = census(
        child("C1", disabilities=[], PersonBirthDate=None, ExpectedPersonBirthDate="2026-06-01"),
        child("C2", disabilities=["XYZ"], episodes=[nfa]),
        child("C3", disabilities=[], episodes=[nfa, episode()]),
    )
    assert ids(findings("8540", cin)) == ["C3"]


def test_a_code_beside_none_is_an_error_8790():
    cin = census(
        child("C1", disabilities=["NONE", "MOB", "HAND"]),
        child("C2", disabilities=["NONE"]),
        child("C3", disabilities=["MOB", "HAND"]),
    )
    found = findings("8790", cin)
    assert ids(found) == ["C1", "C1"]
    assert [f.fields for f in found] == [(("Disability", "MOB"),), (("Disability", "HAND"),)]


def test_a_code_given_twice_for_one_child_is_an_error_8794():
    cin = census(
        child("C1", disabilities=["MOB", "HAND", "MOB", "MOB"]),
        child("C2", disabilities=["MOB", "HAND"]),
    )
    found = findings("8794", cin)
    assert ids(found) == ["C1", "C1"]
    assert {f.fields for f in found} == {(("Disability", "MOB"),)}


def test_two_children_sharing_an_la_child_id_keep_their_own_disabilities_8794_8790():
    cin = census(child("C1", disabilities=["MOB"]), child("C1", disabilities=["MOB"]))
    assert findings("8794", cin) == []
    cin = census(child("C1", disabilities=["NONE"]), child("C1", disabilities=["MOB"]))
    assert findings("8790", cin) == []
