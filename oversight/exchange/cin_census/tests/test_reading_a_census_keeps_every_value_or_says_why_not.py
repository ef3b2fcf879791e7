import io

import pytest

from oversight.exchange.cin_census.read import CinUnreadable, read_cin
from oversight.exchange.cin_census.tests.builders import (
    PERIOD,
    census,
    census_xml,
    child,
    cp_plan,
    episode,
)


def test_an_unreadable_date_is_reported_with_child_line_field_and_value_and_left_blank():
    cin = census(child("C7", episodes=[episode(CINreferralDate="2025-13-40")]))
    [problem] = cin.format_findings
    assert (problem.rule, problem.kind, problem.child_id) == ("format", "error", "C7")
    assert problem.fields == (("CINreferralDate", "2025-13-40"),)
    assert problem.line == cin.episodes["line"][0]
    assert problem.file == "test.xml"
    assert cin.episodes["CINreferralDate"].to_list() == [None]


def test_a_date_in_another_layout_is_not_read_as_a_date():
    cin = census(child(PersonBirthDate="27/03/2015"))
    assert [f.fields for f in cin.format_findings] == [(("PersonBirthDate", "27/03/2015"),)]


def test_a_date_written_in_digits_other_than_0_to_9_is_not_read_as_a_date():
    arabic_indic = "\u0662\u0660\u0661\u0665-\u0660\u0663-\u0662\u0667"  # 2015-03-27
    cin = census(child(PersonBirthDate=arabic_indic))
    assert [f.fields for f in cin.format_findings] == [(("PersonBirthDate", arabic_indic),)]
    assert cin.children["PersonBirthDate"].to_list() == [None]


def test_a_flag_that_is_not_true_false_one_or_zero_is_reported():
    cin = census(child(episodes=[episode(ReferralNFA="yes")]))
    assert [f.fields for f in cin.format_findings] == [(("ReferralNFA", "yes"),)]
    assert cin.episodes["ReferralNFA"].to_list() == [None]


def test_flags_are_read_in_every_spelling_the_schema_allows():
    nfa = ["true", "false", "TRUE", "FALSE", "1", "0"]
    cin = census(*(child(f"C{i}", episodes=[episode(ReferralNFA=v)]) for i, v in enumerate(nfa)))
    assert cin.episodes["ReferralNFA"].to_list() == [True, False, True, False, True, False]
    assert cin.format_findings == []


def test_an_element_the_census_does_not_have_is_reported_not_dropped():
    xml = census_xml(child("C1")).replace(b"<Ethnicity>", b"<Religion>none</Religion><Ethnicity>")
    cin = read_cin(io.BytesIO(xml), PERIOD, name="test.xml")
    [problem] = cin.format_findings
    assert problem.child_id == "C1"
    assert problem.fields == (("Religion", "none"),)
    assert "not read" in problem.message


def test_every_review_date_of_a_plan_is_kept():
    reviews = ["2025-06-10", "2025-09-02", "2025-12-01"]
    cin = census(child(episodes=[episode(cp_plans=[cp_plan(reviews=reviews)])]))
    assert [d.isoformat() for d in cin.reviews["CPPreviewDate"]] == reviews
    assert cin.reviews["cp_plan"].to_list() == [0, 0, 0]


def test_parts_are_keyed_by_the_childs_place_in_the_file_so_shared_ids_stay_apart():
    cin = census(child("SAME"), child("SAME", episodes=[episode(), episode()]))
    assert cin.children["child"].to_list() == [0, 1]
    assert cin.episodes.select("child", "episode").rows() == [(0, 0), (1, 0), (1, 1)]


def test_gender_current_of_earlier_years_is_read_as_sex():
    xml = census_xml(child(Sex="F")).replace(b"<Sex>F</Sex>", b"<GenderCurrent>2</GenderCurrent>")
    cin = read_cin(io.BytesIO(xml), PERIOD)
    assert cin.children["Sex"].to_list() == ["2"]


def test_the_header_reference_date_is_a_date():
    assert census().header["ReferenceDate"].isoformat() == "2026-03-31"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<Message><Children>", "not well-formed XML"),
        (b"<Return><Child/></Return>", "root element is <Return>"),
        (b"<Message><Header/><Children/></Message>", "it has no <Child>"),
        (b"", "not well-formed XML"),
    ],
)
def test_a_file_that_is_not_a_census_cannot_be_read_and_says_why(content, reason):
    with pytest.raises(CinUnreadable, match=reason):
        read_cin(io.BytesIO(content), PERIOD, name="upload.xml")


def test_entities_are_never_expanded():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE Message [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    ) + census_xml(child("ENTITY")).replace(b"ENTITY", b"&b;")
    try:
        cin = read_cin(io.BytesIO(bomb), PERIOD)
    except CinUnreadable:
        return  # refusing the file is as safe as not expanding it
    assert "aaaaaaaaaa" not in str(cin.children["LAchildID"].to_list())


def test_an_empty_reviews_group_is_a_review_with_no_date():
    xml = census_xml(child(episodes=[episode(cp_plans=[cp_plan(reviews=["2025-08-19"])])]))
    xml = xml.replace(b"<CPPreviewDate>2025-08-19</CPPreviewDate>", b"")
    cin = read_cin(io.BytesIO(xml), PERIOD)
    assert cin.reviews["CPPreviewDate"].to_list() == [None]


def test_a_required_field_no_rule_covers_is_reported_when_missing():
    from oversight.exchange.cin_census.tests.builders import assessment

    cin = census(
        child("C4", episodes=[episode(assessments=[assessment(AssessmentActualStartDate=None)])])
    )
    [problem] = cin.format_findings
    assert (problem.child_id, problem.fields) == ("C4", (("AssessmentActualStartDate", ""),))
    assert "required" in problem.message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<Message>\n<Children>\n<Child>\n<ChildIdentifiers>",
         "upload.xml: line 4, column 19: not well-formed XML: Premature end of data in tag "
         "ChildIdentifiers line 4"),
        (b"<Message><Children></Message>",
         "upload.xml: line 1, column 30: not well-formed XML: Opening and ending tag "
         "mismatch: Children line 1 and Message"),
        (b"", "upload.xml: not well-formed XML: no element found"),
    ],
)  # fmt: skip
def test_a_file_cut_short_says_once_where_it_stops_being_xml(content, message):
    with pytest.raises(CinUnreadable) as error:
        read_cin(io.BytesIO(content), PERIOD, name="upload.xml")
    assert str(error.value) == message
