from oversight.exchange.cin_census.rules import RULES


def test_every_rule_in_the_dfes_list_for_2025_26_has_a_check():
    assert RULES.missing() == []
    assert len(RULES.rules) == len(RULES.catalogue) == 109
