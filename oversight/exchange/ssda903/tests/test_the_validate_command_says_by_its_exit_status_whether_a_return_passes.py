import csv
import io
import json

from click.testing import CliRunner

from oversight.cli import main
from oversight.exchange.ssda903.tests.builders import child, episode, write

SAME_DAY = child("C9", episodes=[episode(DEC="10/05/2025", REC="E13")])


def validate(*arguments: str):
    return CliRunner().invoke(main, ["validate", "ssda903", *arguments])


def test_a_return_with_no_errors_exits_0_and_says_how_many_rules_were_checked(tmp_path):
    result = validate(str(write(tmp_path, child())))
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output
    assert "of 311 rules of 2025-26 checked here" in result.output
    assert "need last year's return (give it with --previous)" in result.output


def test_a_return_with_an_error_exits_1_and_names_rule_child_file_line_and_values(tmp_path):
    result = validate(str(write(tmp_path, SAME_DAY)), "--format", "json")
    assert result.exit_code == 1
    [found] = [f for f in json.loads(result.stdout) if f["rule"] == "355"]
    assert (found["child_id"], found["file"], found["line"]) == ("C9", "episodes.csv", 2)
    assert found["fields"] == {"DECOM": "2025-05-10", "DEC": "2025-05-10"}


def test_csv_has_one_row_per_finding(tmp_path):
    result = validate(str(write(tmp_path, SAME_DAY)), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["rule"], r["child_id"]) for r in rows] == [("355", "C9")]


def test_files_may_be_named_one_by_one_and_last_years_given(tmp_path):
    this_year = write(tmp_path / "this", child())
    last_year = write(
        tmp_path / "last",
        child(episodes=[episode(DECOM="10/05/2024", DEC="01/01/2025", REC="E13")]),
    )
    files = [str(p) for p in sorted(this_year.iterdir())]
    result = validate(*files, "--previous", str(last_year))
    assert result.exit_code == 0, result.output
    assert "need last year's return" not in result.output


def test_a_return_that_cannot_be_read_exits_2_with_the_reason(tmp_path):
    (tmp_path / "header.csv").write_bytes(b"")
    result = validate(str(tmp_path))
    assert result.exit_code == 2
    assert "header.csv: the file is empty" in result.output


def test_a_path_that_does_not_exist_exits_2(tmp_path):
    result = validate(str(tmp_path / "nowhere"))
    assert result.exit_code == 2 and "no such file or folder" in result.output


def test_a_year_without_rules_exits_2(tmp_path):
    result = validate(str(write(tmp_path, child())), "--year", "2019-20")
    assert result.exit_code == 2 and "2025-26" in result.output


def test_the_la_the_return_is_from_is_given_by_its_code_or_dfe_number(tmp_path):
    # A children's home of the LA's own (K2, PR1) in Islington: outside Reading (870).
    away = child("C1", episodes=[episode(PLACE="K2", PL_POST="N1 0AA")])
    folder = str(write(tmp_path, away))
    for code in ("870", "E06000038"):
        result = validate(folder, "--la", code, "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert [(r["rule"], r["child_id"]) for r in rows] == [("1015", "C1")]
        assert "need the LA's code" not in result.output
    assert validate(folder, "--format", "csv").exit_code == 0  # 1015 not checked without it
    unknown = validate(folder, "--la", "999")
    assert unknown.exit_code == 2 and "999 is not the GSS code or DfE number of an LA" in (
        unknown.output
    )


def test_the_command_reads_the_las_code_from_the_environment_without_django(tmp_path):
    # The command validates without setting Django up: OVERSIGHT_LA_CODE is read as the
    # settings read it, from the environment.
    import os
    import subprocess
    import sys

    folder = str(write(tmp_path, child()))
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    program = "from oversight.cli import main; main()"
    command = [sys.executable, "-c", program, "validate", "ssda903", folder]
    without = subprocess.run(command, capture_output=True, text=True, env=env)
    assert without.returncode == 0 and "need the LA's code" in without.stdout
    given = subprocess.run(command, capture_output=True, text=True,
                           env=env | {"OVERSIGHT_LA_CODE": "870"})  # fmt: skip
    assert given.returncode == 0 and "need the LA's code" not in given.stdout
