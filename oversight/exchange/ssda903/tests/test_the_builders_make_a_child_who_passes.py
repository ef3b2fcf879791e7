from oversight.exchange.ssda903.rules import RULES
from oversight.exchange.ssda903.tests.builders import child, episode, return903
from oversight.exchange.ssda903.validate import validate_data


def test_the_default_children_break_no_rule():
    data = return903(child("C1"), child("C2", UPN="A201000000025"))
    checked = validate_data(data)
    assert [(f.rule, f.child_id, f.fields, f.message) for f in checked.report.findings] == []
    assert data.problems == [] and data.unreadable.is_empty()


def test_a_child_carried_on_from_last_year_breaks_no_rule():
    since_2024 = [episode(DECOM="10/05/2024")]
    data = return903(child("C1", episodes=since_2024), last_year=[child("C1", episodes=since_2024)])
    report = RULES.run(data)
    assert [(f.rule, f.child_id, f.fields, f.message) for f in report.findings] == []


def test_every_registered_rule_is_one_of_the_year():
    assert set(RULES.rules) <= set(RULES.catalogue)
