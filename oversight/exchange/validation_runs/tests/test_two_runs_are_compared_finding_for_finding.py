"""Two validations of a return compared: each later finding new or still there, and the
earlier findings that are gone, matched one for one and regardless of file and line.
"""

from oversight.exchange.validation import ERROR, QUERY, Finding
from oversight.exchange.validation_runs.changes import NEW, STILL, compare


def finding(rule: str, child: str | None = "A1", value: str = "X", line: int = 10,
            file: str = "census.xml") -> Finding:  # fmt: skip
    kind = QUERY if rule.endswith("Q") else ERROR
    return Finding(rule, kind, f"Rule {rule} is broken", child, (("Sex", value),), line, file)


def test_a_finding_in_both_runs_is_still_there_whatever_its_file_and_line():
    changes = compare([finding("4180", line=52, file="census v2.xml")], [finding("4180")])
    assert changes.marks == [STILL] and changes.fixed == []


def test_a_finding_only_in_the_later_run_is_new_and_one_only_in_the_earlier_is_fixed():
    earlier = [finding("4180", "A1"), finding("8525Q", "B2")]
    later = [finding("8525Q", "B2"), finding("4180", "C3")]
    changes = compare(later, earlier)
    assert changes.marks == [STILL, NEW] and changes.new == 1
    assert changes.fixed == [finding("4180", "A1")]


def test_a_changed_value_is_the_old_finding_fixed_and_a_new_one_found():
    changes = compare([finding("4180", value="Y")], [finding("4180", value="X")])
    assert changes.marks == [NEW] and changes.fixed == [finding("4180", value="X")]


def test_identical_findings_are_matched_one_for_one():
    two, three = [finding("1520")] * 2, [finding("1520")] * 3
    assert compare(two, three).marks == [STILL, STILL] and len(compare(two, three).fixed) == 1
    assert compare(three, two).marks == [STILL, STILL, NEW] and compare(three, two).fixed == []


def test_findings_about_the_whole_return_are_compared_too():
    changes = compare([], [finding("2887Q", child=None)])
    assert changes.fixed == [finding("2887Q", child=None)] and changes.new == 0
