"""Reading Ofsted's published outcomes: what is loaded, and every value that is not."""

from collections import Counter
from datetime import date

import pytest

from oversight.exchange.ofsted_outcomes import spec
from oversight.exchange.ofsted_outcomes.read import OutcomesUnreadable, read
from oversight.exchange.ofsted_outcomes.tests.conftest import history_row, sif_row


def test_the_shipped_files_give_every_la_and_report_and_say_what_was_not_loaded():
    reading = read()
    assert reading.rows == {spec.LOOKUP: 156, spec.HISTORY: 497, spec.SIF_GRADES: 167}
    assert len(reading.authorities) == 156
    assert len(reading.inspections) == 494
    assert len(reading.rejected_rows) == 3  # 2012 reports whose framework cannot be told
    assert all("framework cannot be told" in p.reason for p in reading.rejected_rows)
    assert Counter(i.framework for i in reading.inspections) == {
        "sif": 168,
        "ilacs-2018": 165,
        "ilacs-2023": 145,
        "ilacs-2026": 11,
        "protection": 5,
    }


def test_the_shipped_files_depart_from_the_default_overall_exactly_in_the_three_known_cases():
    departures = sorted((i.la_name, i.published) for i in read().inspections if i.departure)
    assert departures == [
        ("doncaster", date(2022, 4, 8)),
        ("herefordshire", date(2018, 7, 23)),
        ("slough", date(2023, 3, 17)),
    ]


def test_values_the_source_lists_as_wrongly_extracted_are_not_loaded():
    reading = read()
    southend = [i for i in reading.inspections if i.la_name == "southend-on-sea"]
    assert all("overall" not in i.judgements for i in southend)
    flagged = [p for p in reading.problems if "extraction error" in p.reason]
    assert {p.field for p in flagged} >= {"overall_effectiveness_grade", "inspector_name"}


def test_an_ilacs_report_is_read_with_its_dates_kind_and_grades(published):
    reading = read(published(history=[history_row()]))
    (inspection,) = reading.inspections
    assert inspection.framework == "ilacs-2023"
    assert inspection.kind == "standard"
    assert (inspection.started, inspection.ended) == (date(2025, 3, 3), date(2025, 3, 14))
    assert inspection.published == date(2025, 5, 2)
    assert inspection.judgements["help-and-protection"] == "requires-improvement"
    assert reading.problems == []


def test_a_sif_report_takes_its_grades_from_the_parsed_file(published):
    row = history_row(pdf_filename="old report.pdf", publication_date="20/10/15")
    row |= {"inspection_start_date": "", "inspection_end_date": "", "inspection_framework": ""}
    row |= {column: "data_unreadable" for column in spec.HISTORY_AREAS}
    reading = read(published(history=[row], sif=[sif_row()]))
    (inspection,) = reading.inspections
    assert inspection.framework == "sif"
    assert inspection.judgements["overall"] == "inadequate"
    assert inspection.judgements["in-care"] == "requires-improvement"
    assert (
        "grades from derived_sif_grades_parsed_from_report_pdfs.csv row 2" in inspection.source_ref
    )
    assert {p.field for p in reading.problems} == {"adoption_performance", "care_leavers", "lscb"}


@pytest.mark.parametrize(
    "change, field, reason",
    [
        (
            {"help_and_protection_grade": "to requires improvement"},
            "help_and_protection_grade",
            "not one of the grades",
        ),
        (
            {
                "publication_date": "02/05/22",
                "inspection_start_date": "14/02/2022",
                "inspection_end_date": "25/02/2022",
            },
            "care_leavers_grade",
            "had no such judgement",
        ),
        (
            {"care_leavers_grade": "inspection_pre_dates_judgement"},
            "care_leavers_grade",
            "the source says there was no such judgement",
        ),
        (
            {"overall_effectiveness_grade": "data_unreadable"},
            "overall_effectiveness_grade",
            "unreadable in the source",
        ),
        ({"inspection_end_date": "31/02/2025"}, "inspection_end_date", "not a date"),
    ],
)
def test_a_value_that_cannot_be_loaded_is_reported_with_row_field_and_reason(
    published, change, field, reason
):
    reading = read(published(history=[history_row(**change)]))
    assert len(reading.inspections) == 1
    (problem,) = reading.problems
    assert (problem.file, problem.row, problem.field) == (spec.HISTORY, 2, field)
    assert reason in problem.reason and not problem.row_rejected


def test_rows_that_cannot_be_placed_are_rejected_whole(published):
    rows = [
        history_row(urn="99999"),
        history_row(
            inspection_link="https://example.org/report/2",
            publication_date="",
            inspection_start_date="",
        ),
        history_row(inspection_link="https://example.org/report/1"),
        history_row(inspection_link="https://example.org/report/1"),
    ]
    reading = read(published(history=rows))
    assert len(reading.inspections) == 1
    assert [(p.row, p.field) for p in reading.rejected_rows] == [
        (2, "urn"),
        (3, "publication_date"),
        (5, "inspection_link"),
    ]


def test_a_parsed_sif_report_with_no_report_in_the_history_is_reported(published):
    reading = read(published(sif=[sif_row()]))
    (problem,) = reading.problems
    assert problem.row_rejected and "no report of LA 80001" in problem.reason


def test_a_file_missing_a_column_is_refused_whole(published, tmp_path):
    folder = published(history=[history_row()])
    text = (folder / spec.HISTORY).read_text().replace("inspection_link", "link")
    (folder / spec.HISTORY).write_text(text)
    with pytest.raises(OutcomesUnreadable, match="missing column.*inspection_link"):
        read(folder)


def test_a_missing_file_or_a_file_in_another_encoding_is_refused_whole(published):
    folder = published()
    (folder / spec.SIF_GRADES).write_bytes("urn,caf\xe9\n".encode("utf-16"))
    with pytest.raises(OutcomesUnreadable, match="UTF-8"):
        read(folder)
    (folder / spec.SIF_GRADES).unlink()
    with pytest.raises(OutcomesUnreadable, match="cannot open"):
        read(folder)
