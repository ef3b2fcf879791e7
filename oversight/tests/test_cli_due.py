"""`oversight due RULE START_DATE`: the due date alone on the last line, worked out by hand."""

import pytest
from click.testing import CliRunner

from oversight.cli import main

CASES = [
    # Fri 16 Sep 2022; Mon 19 Sep was the Queen's state funeral.
    ("referral-decision", "2022-09-16", "2022-09-20"),
    # Christmas Eve 2024 (Tue): 25 and 26 Dec are bank holidays.
    ("referral-decision", "2024-12-24", "2024-12-27"),
    # Wed 20 Mar 2024 + 45 working days, skipping Easter and both May bank holidays.
    ("assessment", "2024-03-20", "2024-05-28"),
    # Wed 26 Apr 2023 + 15 working days, skipping 1 May and the coronation on 8 May.
    ("icpc", "2023-04-26", "2023-05-19"),
    ("rcpc-first", "2023-11-30", "2024-02-29"),
    ("rcpc-next", "2024-08-31", "2025-02-28"),
    # Fri 20 Dec 2024 + 20 working days over Christmas and New Year.
    ("cla-first-review", "2024-12-20", "2025-01-22"),
    ("cla-second-review", "2025-01-31", "2025-04-30"),
    ("cla-next-review", "2025-12-31", "2026-06-30"),
    ("pathway-plan-review", "2026-03-31", "2026-09-30"),
    # Thu 28 Dec 2023 + 10 working days: 1 Jan 2024 is a bank holiday.
    ("cp-visit", "2023-12-28", "2024-01-12"),
    ("return-interview", "2025-01-10", "2025-01-13"),
]


@pytest.mark.parametrize(("rule", "start", "expected"), CASES)
def test_due_prints_the_due_date_alone_on_the_last_line(rule, start, expected):
    result = CliRunner().invoke(main, ["due", rule, start])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == expected


def test_due_with_an_unknown_rule_lists_the_known_rules():
    result = CliRunner().invoke(main, ["due", "assesment", "2024-01-01"])
    assert result.exit_code == 2
    assert "assessment" in result.output and "referral-decision" in result.output


def test_due_with_a_bad_date_says_what_format_it_wants():
    result = CliRunner().invoke(main, ["due", "assessment", "31/01/2024"])
    assert result.exit_code == 2
    assert "%Y-%m-%d" in result.output or "YYYY-MM-DD" in result.output


def test_every_command_has_help():
    for command in ["demo", "serve", "generate", "due", "rules"]:
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output
