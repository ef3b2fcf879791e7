"""A rule whose file was not given, or that fails, is reported as not checked, never passed."""

from click.testing import CliRunner

from oversight.cli import main
from oversight.exchange.ssda903.read import read_903
from oversight.exchange.ssda903.rules.book import LAST_YEAR, NEEDS_LA, RULES
from oversight.exchange.ssda903.tests.builders import YEAR, child, write
from oversight.exchange.ssda903.validate import validate_data


def test_the_rules_of_a_file_not_given_are_not_checked_and_say_why(tmp_path):
    write(tmp_path, child())
    (tmp_path / "oc3.csv").unlink()
    checked = validate_data(read_903([tmp_path], YEAR))
    not_checked = {f.rule for f in checked.report.failures}
    oc3_rules = {"131", "132", "133", "INT06", "INT15", "INT34"}
    care_leaver_rules = {
        "134", "187", "215", "344", "345", "347", "391", "628", "1000", "1007", "1011", "1012",
        "1014", "1016", "3001",
    }  # fmt: skip
    # The leaving care items go together (153); a child without episodes must be a care
    # leaver (EPI).
    other_rules = {"153", "EPI"}
    assert oc3_rules | care_leaver_rules | other_rules == not_checked
    assert all("no OC3 (care leavers) file was given" in f.message for f in checked.report.failures)
    assert checked.report.exit_status == 1
    assert checked.coverage.failed == 23 and "23 failed to run" in str(checked.coverage)


def test_the_command_exits_1_when_a_rule_could_not_be_checked(tmp_path):
    write(tmp_path, child())
    (tmp_path / "oc3.csv").unlink()
    result = CliRunner().invoke(main, ["validate", "ssda903", str(tmp_path)])
    assert result.exit_code == 1 and "not checked" in result.output


def test_without_last_years_return_its_rules_are_counted_as_not_checked(tmp_path):
    checked = validate_data(read_903([write(tmp_path, child())], YEAR))
    coverage = checked.coverage
    assert coverage.need_last_year == len(LAST_YEAR) > 0
    # A rule that needs both (503J) is counted as needing last year's return.
    assert coverage.need_la == len(NEEDS_LA - LAST_YEAR) > 0
    assert coverage.checked == len(RULES.rules) - len(LAST_YEAR | NEEDS_LA)
    assert coverage.checked + coverage.need_last_year + coverage.need_la + coverage.not_built == 311
    assert "need the LA's code (give it with --la" in str(coverage)


def test_with_the_las_code_its_rules_are_checked(tmp_path):
    data = read_903([write(tmp_path, child())], YEAR)
    data.la = "E06000038"
    coverage = validate_data(data).coverage
    assert coverage.need_la == 0 and "LA's code" not in str(coverage)
    assert coverage.checked == len(RULES.rules) - len(LAST_YEAR)


def test_an_unreadable_value_is_reported_once_by_the_dfe_rule_for_it_or_else_as_format(tmp_path):
    bad_birth = child("C1", DOB="31/02/2012", reviews=[{"REVIEW": "05/06/2025", "DOB": "x"}])
    checked = validate_data(read_903([write(tmp_path, bad_birth)], YEAR))
    about_dob = [
        (f.rule, f.file, f.fields) for f in checked.report.findings if "DOB" in dict(f.fields)
    ]
    assert ("102", "header.csv", (("DOB", "31/02/2012"),)) in about_dob
    assert ("format", "reviews.csv", (("DOB", "x"),)) in about_dob
    # The other files repeat the header's date of birth, unread: those are format findings.
    format_files = {f.file for f in checked.report.findings if f.rule == "format"}
    assert "header.csv" not in format_files and "reviews.csv" in format_files
