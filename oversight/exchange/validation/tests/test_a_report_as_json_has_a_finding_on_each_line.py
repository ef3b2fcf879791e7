import json

from oversight.exchange.validation.findings import Finding, Report
from oversight.exchange.validation.output import as_json

FINDINGS = [
    Finding(
        "103",
        "error",
        "The ethnicity code is either not valid or has not been entered.",
        "C1",
        (("ETHNIC", "ZZZZ"),),
        2,
        "header.csv",
    ),  # fmt: skip
    Finding("FORMAT", "query", 'A "quoted" value, and a line\nbreak', None, (), None, None),
]


def test_each_finding_is_one_line_of_a_json_list() -> None:
    text = as_json(Report(FINDINGS, rules_run=2))

    lines = text.splitlines()
    assert lines[0] == "[" and lines[-1] == "]"
    assert len(lines) == 2 + len(FINDINGS)
    assert [json.loads(line.rstrip(",")) for line in lines[1:-1]] == json.loads(text)
    assert json.loads(text) == [f.as_dict() for f in FINDINGS]


def test_a_report_with_no_findings_is_an_empty_list() -> None:
    assert json.loads(as_json(Report([], rules_run=5))) == []
