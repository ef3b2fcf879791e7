"""The one axe finding let through is GOV.UK Frontend's aria-expanded on a reveal input."""

from oversight.web.tests.browser.accessibility import without_govuk_known_issue


def not_allowed(html: str, *attributes: str) -> dict:
    check = {"id": "aria-allowed-attr", "data": {"values": list(attributes)}}
    return {"html": html, "target": ["#x"], "all": [check], "any": [], "none": []}


def violation(*nodes: dict, rule: str = "aria-allowed-attr") -> dict:
    return {"id": rule, "impact": "critical", "help": "", "nodes": list(nodes)}


REVEALING_RADIO = '<input class="govuk-radios__input" id="x" type="radio" aria-expanded="false">'


def test_aria_expanded_on_a_revealing_radio_is_not_reported():
    found = [violation(not_allowed(REVEALING_RADIO, 'aria-expanded="false"'))]
    assert without_govuk_known_issue(found) == []


def test_another_attribute_on_the_same_radio_is_still_reported():
    node = not_allowed(REVEALING_RADIO, 'aria-expanded="false"', 'aria-pressed="true"')
    assert without_govuk_known_issue([violation(node)]) == [violation(node)]


def test_aria_expanded_anywhere_else_is_still_reported():
    node = not_allowed('<div class="oversight-panel" aria-expanded="true">', 'aria-expanded="true"')
    assert without_govuk_known_issue([violation(node)]) == [violation(node)]


def test_other_rules_on_a_revealing_radio_are_still_reported():
    node = not_allowed(REVEALING_RADIO, 'aria-expanded="false"')
    found = [violation(node, rule="label")]
    assert without_govuk_known_issue(found) == found
