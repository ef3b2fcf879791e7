"""Reading an SSDA903 return: files told by their header row, and nothing dropped silently."""

from datetime import date

import pytest

from oversight.exchange.ssda903.read import Unreadable903, read_903
from oversight.exchange.ssda903.tests.builders import YEAR, child, csv_text, write

HEADER_ROW = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"


def test_a_date_that_is_not_a_date_is_reported_with_file_line_child_field_and_value(tmp_path):
    write(tmp_path, child("C1", reviews=[{"REVIEW": "05/06/2025"}, {"REVIEW": "31/06/2025"}]))
    data = read_903([tmp_path], YEAR)
    [finding] = data.format_findings()
    assert (finding.file, finding.line, finding.child_id) == ("reviews.csv", 3, "C1")
    assert finding.fields == (("REVIEW", "31/06/2025"),)
    assert "REVIEW is not a date (dd/mm/YYYY)" in finding.message
    assert data.reviews["REVIEW"].to_list() == [date(2025, 6, 5), None]


def test_a_file_is_known_by_its_header_row_not_its_name(tmp_path):
    (tmp_path / "export_7.csv").write_text(HEADER_ROW + "C1,M,15/06/2012,WBRI,UN1,,\n")
    data = read_903([tmp_path / "export_7.csv"], YEAR)
    assert data.header["CHILD"].to_list() == ["C1"]
    assert (data.header["line"].to_list(), data.header["file"].to_list()) == ([2], ["export_7.csv"])


def test_a_file_that_matches_no_table_is_reported_and_not_read(tmp_path):
    (tmp_path / "header.csv").write_text(HEADER_ROW)
    (tmp_path / "notes.csv").write_text("NAME,NOTE\nAnn,hello\n")
    data = read_903([tmp_path], YEAR)
    [problem] = data.problems
    assert problem.file == "notes.csv" and "matches no SSDA903 table" in problem.message
    assert set(data.tables) == {"header"}


def test_a_missing_column_is_reported_and_read_as_blank(tmp_path):
    (tmp_path / "header.csv").write_text(
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER\nC1,M,15/06/2012,WBRI,UN1,\n"
    )
    data = read_903([tmp_path], YEAR)
    assert [p.message for p in data.problems] == [
        "the header file has no MC_DOB column: it is read as blank"
    ]
    assert data.header["MC_DOB"].to_list() == [None]


def test_a_column_the_table_does_not_have_is_reported(tmp_path):
    (tmp_path / "header.csv").write_text(
        HEADER_ROW.strip() + ",NICKNAME\nC1,M,15/06/2012,WBRI,UN1,,,Al\n"
    )
    data = read_903([tmp_path], YEAR)
    assert ["NICKNAME" in p.message for p in data.problems] == [True]


def test_short_and_long_rows_are_reported_at_their_line(tmp_path):
    (tmp_path / "header.csv").write_text(
        HEADER_ROW + "C1,M,15/06/2012\nC2,M,15/06/2012,WBRI,UN1,,,extra\n"
    )
    data = read_903([tmp_path], YEAR)
    assert [(p.line, p.child_id, p.fields) for p in data.problems] == [
        (2, "C1", ()),
        (3, "C2", (("value 8", "extra"),)),
    ]
    assert data.header["ETHNIC"].to_list() == [None, "WBRI"]


def test_lines_are_right_when_a_quoted_value_spans_lines(tmp_path):
    (tmp_path / "header.csv").write_text(
        HEADER_ROW + 'C1,M,15/06/2012,"WB\nRI",UN1,,\nC2,M,x,WBRI,UN1,,\n'
    )
    data = read_903([tmp_path], YEAR)
    assert data.header["line"].to_list() == [2, 4]
    assert data.unreadable["line"].to_list() == [4]


def test_blank_lines_are_skipped_and_the_lines_still_count(tmp_path):
    (tmp_path / "header.csv").write_text(HEADER_ROW + "\nC1,M,15/06/2012,WBRI,UN1,,\n")
    assert read_903([tmp_path], YEAR).header["line"].to_list() == [3]


def test_two_files_of_one_table_are_read_together_and_each_row_knows_its_file(tmp_path):
    (tmp_path / "a.csv").write_text(HEADER_ROW + "C1,M,15/06/2012,WBRI,UN1,,\n")
    (tmp_path / "b.csv").write_text("\ufeff" + HEADER_ROW + "C2,F,15/06/2012,WBRI,UN1,0,\n")
    data = read_903([tmp_path], YEAR)
    assert data.header.select("CHILD", "file").rows() == [("C1", "a.csv"), ("C2", "b.csv")]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (HEADER_ROW.encode() + "C1,M,15/06/2012,WBRI,UN1,,\xe9\n".encode("latin-1"), "UTF-8"),
        (b"CHILD,CHILD\n1,2\n", "twice"),
    ],
)
def test_a_file_that_cannot_be_read_stops_the_reading_with_the_reason(tmp_path, content, reason):
    (tmp_path / "header.csv").write_bytes(content)
    with pytest.raises(Unreadable903, match=reason):
        read_903([tmp_path], YEAR)


def test_a_path_that_does_not_exist_or_holds_no_csv_is_unreadable(tmp_path):
    with pytest.raises(Unreadable903, match="no such file"):
        read_903([tmp_path / "nowhere"], YEAR)
    with pytest.raises(Unreadable903, match="no CSV files"):
        read_903([tmp_path], YEAR)


def test_last_years_problems_are_queries_about_last_year(tmp_path):
    write(tmp_path / "this", child("C1"))
    (tmp_path / "last").mkdir()
    (tmp_path / "last" / "header.csv").write_text(csv_text("header", [{"CHILD": "C1", "DOB": "x"}]))
    data = read_903([tmp_path / "this"], YEAR, [tmp_path / "last"])
    assert data.previous is not None and data.previous.year.label == "2024-25"
    [query] = data.previous.format_findings()
    assert query.kind == "query" and query.message.startswith("In last year's return")
