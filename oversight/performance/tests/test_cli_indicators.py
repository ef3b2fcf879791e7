"""`oversight indicators`: every indicator now, as a table, JSON or CSV, broken down if asked."""

import csv
import io
import json
from datetime import date

import pytest
from click.testing import CliRunner

from oversight.casework import services
from oversight.cli import main
from oversight.performance.catalogue import catalogue
from oversight.performance.population import set_child_population
from oversight.performance.tests.conftest import child


@pytest.fixture
def referrals(team, other_team, manager):
    # Two referrals in the year to 31 March 2026 and one the year before it.
    for la_id, on, where in (
        ("C1", date(2025, 3, 31), team),
        ("C2", date(2025, 4, 1), team),
        ("C3", date(2026, 3, 31), other_team),
    ):
        contact = services.record_contact(
            child(la_id), received_on=on, source_code="1A", team=where
        )
        services.decide_contact(contact, outcome="referral", decided_on=on, by=manager)
    set_child_population(2025, 10_000, "test")


def run(*args: str) -> str:
    result = CliRunner().invoke(main, ["indicators", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_json_is_keyed_by_indicator_id_with_value_numerator_and_denominator(referrals):
    found = json.loads(run("--as-at", "2026-03-31", "--format", "json"))
    assert set(found) == set(catalogue())
    rate = found["referrals-rate"]
    assert (rate["numerator"], rate["denominator"], rate["value"]) == (2, 10_000, 2.0)
    assert rate["period"] == {"start": "2025-04-01", "end": "2026-03-31", "kind": "period"}


def test_from_and_to_set_the_period(referrals):
    found = json.loads(run("--from", "2025-03-01", "--to", "2025-04-30", "-i", "referrals-rate",
                           "--format", "json"))  # fmt: skip
    assert found["referrals-rate"]["numerator"] == 2  # 31 March and 1 April 2025


def test_a_breakdown_by_team_gives_each_team_its_figure(referrals):
    found = json.loads(run("--as-at", "2026-03-31", "--by", "team", "--format", "json"))
    groups = {g["label"]: g["numerator"] for g in found["referrals-rate"]["breakdown"]["groups"]}
    assert groups == {"Safeguarding 1": 1, "Safeguarding 2": 1}
    assert found["caseload"]["breakdown"]["by"] == "team"
    by_sex = json.loads(run("--as-at", "2026-03-31", "--by", "sex", "--format", "json"))
    assert "breakdown" not in by_sex["caseload"], "caseload has no breakdown by sex"


def test_csv_has_one_row_per_indicator_and_group(referrals):
    output = run("--as-at", "2026-03-31", "--by", "sex", "--format", "csv", "-i", "referrals-rate")
    rows = list(csv.DictReader(io.StringIO(output)))
    assert [(r["breakdown"], r["label"], r["numerator"]) for r in rows] == [
        ("", "All", "2"), ("sex", "Female", "2"),
    ]  # fmt: skip


def test_the_table_names_the_period_and_shows_units(referrals):
    output = run("--as-at", "2026-03-31", "-i", "referrals-rate", "-i", "rereferrals")
    assert "year to 31 March 2026" in output
    assert "2.0 per 10k" in output and "0.0%" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-at", "2026-03-31", "--from", "2025-04-01"], "either --as-at or --from"),
        (["--from", "2025-04-01"], "--from and --to go together"),
        (["--from", "2025-04-02", "--to", "2025-04-01"], "is after --to"),
        (["-i", "no-such"], "unknown indicator no-such"),
        (["--db", "no-such-file.sqlite3"], "no database at no-such-file.sqlite3"),
    ],
)
def test_bad_options_are_refused_with_what_to_do(db, args, message):
    result = CliRunner().invoke(main, ["indicators", *args])
    assert result.exit_code == 2 and message in result.output


def test_list_names_every_indicator(db):
    output = run("--list")
    assert all(id in output for id in catalogue())
