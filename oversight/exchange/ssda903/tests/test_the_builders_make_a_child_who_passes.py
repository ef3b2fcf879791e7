from oversight.exchange.ssda903.rules import RULES
from oversight.exchange.ssda903.tests.builders import (
    child,
    episode,
    oc2,
    return903,
    social_worker,
)
from oversight.exchange.ssda903.validate import validate_data


def test_the_default_children_break_no_rule():
    data = return903(child("C1"), child("C2", UPN="A201000000025"))
    checked = validate_data(data)
    assert [(f.rule, f.child_id, f.fields, f.message) for f in checked.report.findings] == []
    assert data.problems == [] and data.unreadable.is_empty()


def test_a_child_carried_on_from_last_year_breaks_no_rule():
    # Looked after for 12 months at 31 March, so with an OC2 record, and with the social
    # worker he has had since then (SW12STG2).
    since_2024 = [episode(DECOM="10/05/2024")]
    social_workers = [social_worker(SW_DECOM="10/05/2024")]
    this_year = child("C1", episodes=since_2024, oc2=[oc2()], social_workers=social_workers)
    data = return903(this_year, last_year=[child("C1", episodes=since_2024)])
    report = RULES.run(data.lazy())
    assert [(f.rule, f.child_id, f.fields, f.message) for f in report.findings] == []


def test_every_registered_rule_is_one_of_the_year():
    assert set(RULES.rules) <= set(RULES.catalogue)
