from oversight.exchange.cin_census.rules import RULES
from oversight.exchange.cin_census.tests.builders import SECOND_UPN, census, child


def test_the_default_child_breaks_no_rule():
    report = RULES.run(census(child("C1"), child("C2", UPN=SECOND_UPN)).lazy())
    assert [(f.rule, f.child_id, f.fields) for f in report.findings] == []
