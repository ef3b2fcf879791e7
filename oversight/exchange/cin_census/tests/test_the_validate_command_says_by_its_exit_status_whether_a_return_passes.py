import csv
import io
import json

from click.testing import CliRunner

from oversight.cli import main
from oversight.exchange.cin_census.tests.builders import census_xml, child, cp_plan, episode

SAME_DAY_PLAN = child(
    "C9", episodes=[episode(cp_plans=[cp_plan(CPPstartDate="2025-05-27", CPPendDate="2025-05-27")])]
)


def validate(tmp_path, content: bytes, *options: str):
    path = tmp_path / "census.xml"
    path.write_bytes(content)
    return CliRunner().invoke(main, ["validate", "cin-census", str(path), *options])


def test_a_return_with_no_errors_exits_0(tmp_path):
    result = validate(tmp_path, census_xml(child()))
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output


def test_a_return_with_an_error_exits_1_and_names_rule_child_and_values(tmp_path):
    result = validate(tmp_path, census_xml(SAME_DAY_PLAN), "--format", "json")
    assert result.exit_code == 1
    found = [f for f in json.loads(result.stdout) if f["rule"] == "8840"]
    assert [(f["child_id"], f["kind"]) for f in found] == [("C9", "error")]
    assert found[0]["fields"] == {"CPPstartDate": "2025-05-27", "CPPendDate": "2025-05-27"}


def test_csv_has_one_row_per_finding(tmp_path):
    result = validate(tmp_path, census_xml(SAME_DAY_PLAN), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["rule"], r["child_id"]) for r in rows if r["rule"] == "8840"] == [("8840", "C9")]


def test_a_file_that_cannot_be_read_exits_2_with_the_reason(tmp_path):
    result = validate(tmp_path, b"<Message><Children>")
    assert result.exit_code == 2
    assert "not well-formed XML" in result.output


def test_a_year_without_rules_exits_2(tmp_path):
    result = validate(tmp_path, census_xml(child()), "--year", "2019-20")
    assert result.exit_code == 2
    assert "2025-26" in result.output
