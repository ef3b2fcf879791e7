"""Local rules: their defaults, an authority's own intervals and closure days, and the
errors a bad setting or an unknown rule id gives."""

import re
from datetime import date

import pytest

from oversight.timescales import (
    DEFAULT_POLICY,
    NATIONAL_RULES,
    LocalPolicy,
    UnknownRule,
    due_date,
)

CHRISTMAS_CLOSURE = (date(2024, 12, 27), date(2024, 12, 30), date(2024, 12, 31))


def test_cp_visit_is_due_ten_working_days_after_the_last_visit_by_default() -> None:
    # From Wed 22 May 2024: 23, 24, (27 is a bank holiday) 28, 29, 30, 31 May, 3, 4, 5, 6 Jun.
    assert due_date("cp-visit", date(2024, 5, 22)) == date(2024, 6, 6)


def test_cin_visit_is_due_twenty_working_days_after_the_last_visit_by_default() -> None:
    # From Mon 29 Apr 2024, skipping the 6 May and 27 May bank holidays.
    assert due_date("cin-visit", date(2024, 4, 29)) == date(2024, 5, 29)


def test_cp_oversight_is_due_twenty_working_days_after_the_last_by_default() -> None:
    assert due_date("oversight-cp", date(2024, 12, 9)) == date(2025, 1, 9)


def test_cin_oversight_is_due_thirty_working_days_after_the_last_by_default() -> None:
    assert due_date("oversight-cin", date(2025, 3, 3)) == date(2025, 4, 14)


def test_cla_oversight_skips_easter_and_both_may_bank_holidays() -> None:
    # From Thu 10 Apr 2025; 18 Apr, 21 Apr, 5 May and 26 May 2025 are bank holidays.
    assert due_date("oversight-cla", date(2025, 4, 10)) == date(2025, 5, 28)


def test_care_leaver_oversight_is_due_sixty_working_days_after_the_last_by_default() -> None:
    assert due_date("oversight-care-leaver", date(2025, 1, 6)) == date(2025, 3, 31)


def test_every_local_rule_is_marked_local_and_follows_local_procedures() -> None:
    local = {k: r for k, r in DEFAULT_POLICY.rules().items() if k not in NATIONAL_RULES}
    assert set(local) == {
        "cp-visit",
        "cin-visit",
        "oversight-cp",
        "oversight-cin",
        "oversight-cla",
        "oversight-care-leaver",
        "audit-action",
        "escalation-response",
    }
    assert all(rule.local and rule.basis == "local procedures" for rule in local.values())


def test_an_authority_can_visit_children_on_plans_more_often() -> None:
    weekly = LocalPolicy(cp_visit_working_days=5)
    assert weekly.rule("cp-visit").interval == 5
    # From Wed 22 May 2024: 23, 24, (27 is a bank holiday) 28, 29, 30 May.
    assert weekly.due_date("cp-visit", date(2024, 5, 22)) == date(2024, 5, 30)
    assert due_date("cp-visit", date(2024, 5, 22), weekly) == date(2024, 5, 30)


def test_an_authority_can_set_one_oversight_interval_and_keep_the_others() -> None:
    policy = LocalPolicy.from_mapping({"oversight_working_days": {"cp": 10}})
    assert policy.due_date("oversight-cp", date(2024, 12, 9)) == date(2024, 12, 23)
    assert policy.rule("oversight-cin").interval == 30
    assert policy.rule("oversight-care-leaver").interval == 60


def test_national_rules_are_the_same_under_any_policy() -> None:
    policy = LocalPolicy(cp_visit_working_days=5, cin_visit_working_days=10)
    assert policy.rule("assessment") == NATIONAL_RULES["assessment"]


def test_rules_lists_every_rule_as_the_policy_applies_it() -> None:
    rules = LocalPolicy(cin_visit_working_days=15).rules()
    assert len(rules) == len(NATIONAL_RULES) + 8
    assert rules["cin-visit"].interval == 15


def test_a_local_christmas_closure_moves_a_referral_decision_into_january() -> None:
    policy = LocalPolicy(extra_closures=CHRISTMAS_CLOSURE)
    assert policy.due_date("referral-decision", date(2024, 12, 24)) == date(2025, 1, 2)
    assert due_date("referral-decision", date(2024, 12, 24)) == date(2024, 12, 27)


def test_local_closures_are_listed_with_the_bank_holidays() -> None:
    named = LocalPolicy(extra_closures=CHRISTMAS_CLOSURE).calendar().bank_holidays(2024)
    assert named[date(2024, 12, 27)] == "Local closure"
    assert named[date(2024, 12, 25)] == "Christmas Day"
    assert len(named) == 8 + 3


def test_the_policy_calendar_is_made_once() -> None:
    policy = LocalPolicy(extra_closures=CHRISTMAS_CLOSURE)
    assert policy.calendar() is policy.calendar()
    assert not policy.calendar().is_working_day(date(2024, 12, 30))


def test_settings_may_give_closure_days_as_iso_text() -> None:
    policy = LocalPolicy.from_mapping({"extra_closures": ["2024-12-31", "2024-12-30"]})
    assert policy.extra_closures == (date(2024, 12, 30), date(2024, 12, 31))


def test_an_unknown_rule_id_names_the_known_ones() -> None:
    with pytest.raises(UnknownRule) as raised:
        due_date("cp-vist", date(2024, 6, 10))
    message = str(raised.value)
    assert "cp-vist" in message
    assert "cp-visit" in message and "assessment" in message


def test_an_unknown_rule_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        DEFAULT_POLICY.rule("nonsense")


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({"cp_visit_working_days": 0}, "cp_visit_working_days"),
        ({"cin_visit_working_days": -5}, "cin_visit_working_days"),
        ({"cin_visit_working_days": "20"}, "cin_visit_working_days"),
        ({"cp_visit_working_days": 2.5}, "cp_visit_working_days"),
        ({"cp_visit_working_days": True}, "cp_visit_working_days"),
        ({"due_soon_working_days": -1}, "due_soon_working_days"),
        ({"oversight_working_days": {"cp": 0}}, "oversight_working_days['cp']"),
        ({"oversight_working_days": {"adoption": 20}}, "adoption"),
        ({"oversight_working_days": 20}, "oversight_working_days"),
        ({"extra_closures": ["31/12/2024"]}, "extra_closures"),
        ({"extra_closures": "2024-12-31"}, "extra_closures"),
        ({"cp_visits": 10}, "cp_visits"),
    ],
)
def test_invalid_settings_raise_a_value_error_naming_the_setting(
    settings: dict[str, object], named: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(named)):
        LocalPolicy.from_mapping(settings)


def test_an_escalation_is_answered_within_five_working_days_by_default() -> None:
    # Raised on Thursday 17 April 2025: Good Friday and Easter Monday do not count.
    # Tue 22, Wed 23, Thu 24, Fri 25, Mon 28.
    assert due_date("escalation-response", date(2025, 4, 17)) == date(2025, 4, 28)
