"""A file that is not a return, or not safe to read, is refused with a message that says what
was wrong and what to do; no run and no finding is stored.
"""

from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from oversight.exchange.validation_runs.models import RunFinding, ValidationRun
from oversight.web.forms import returns as return_forms
from oversight.web.tests.helpers import error_summary
from oversight.web.tests.returns_uploads import (
    census_file,
    ssda903_upload,
    upload,
)
from oversight.web.tests.test_uploads_refuse_nasty_files import (
    BILLION_LAUGHS,
    EXTERNAL_ENTITY,
    workbook_bytes,
)


def file(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def refused(client, files, **how) -> list[str]:
    """The error summary's messages; and nothing stored."""
    response = upload(client, files, **how)
    assert response.status_code == 200
    assert ValidationRun.objects.count() == 0 and RunFinding.objects.count() == 0
    return [unescape(message) for _link, message in error_summary(response)]


@pytest.fixture
def client_(analyst, signed_in):
    return signed_in(analyst)


def test_a_census_that_is_not_xml_says_where_it_stops_being_xml(client_):
    [message] = refused(client_, file("census.xml", b"LAchildID,Sex\nA100,M\n"))
    assert message.startswith(
        "census.xml: line 1, column 1: not well-formed XML: Start tag expected, '<' not found."
    )
    assert message.endswith("Nothing was checked, and nothing was kept.")


def test_an_xml_file_that_is_not_a_census_says_what_a_census_has(client_):
    [message] = refused(client_, file("census.xml", b"<?xml version='1.0'?><Annex/>"))
    assert "not a CIN census file: its root element is <Annex>" in message


def test_a_file_with_the_wrong_extension_is_refused_by_its_name(client_):
    [message] = refused(client_, file("census.pdf", b"%PDF-1.7"))
    assert message == "census.pdf is not a file of a kind accepted here (.xml)."


def test_a_binary_file_named_as_xml_is_refused_by_its_content(client_):
    [message] = refused(client_, file("census.xml", workbook_bytes()))
    assert "census.xml is named as a XML file but its content is not one" in message


def test_a_census_over_the_size_limit_is_refused_before_it_is_read(client_, monkeypatch):
    monkeypatch.setattr(return_forms, "MAX_CENSUS_BYTES", 1000)
    [message] = refused(client_, census_file("A100", "B200", "C300"))
    assert "the largest file accepted here is 0.0 MB" in message
    assert message.endswith("Split it, or remove what is not needed.")


@pytest.mark.parametrize("content", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "entity"])
def test_xml_that_declares_entities_is_refused_unread(client_, content):
    [message] = refused(client_, file("census.xml", content))
    assert message == (
        "The XML declares entities or a document type (DTDForbidden), which is not accepted. "
        "Export the file again without a DTD."
    )


def test_a_census_is_one_file(client_):
    files = [census_file("A100", name="a.xml"), census_file("B200", name="b.xml")]
    [message] = refused(client_, files)
    assert message == "A CIN census is one XML file; 2 were chosen. Choose one."


def test_no_file_at_all_asks_for_one(client_):
    assert refused(client_, []) == ["Choose the return's file, or its files"]


def test_ssda903_files_must_be_csv(client_):
    [message] = refused(client_, [file("episodes.xlsx", workbook_bytes())], kind="ssda903")
    assert message == "episodes.xlsx is not a file of a kind accepted here (.csv, .txt)."


def test_csv_files_none_of_which_is_an_ssda903_table_are_refused(client_):
    [message] = refused(client_, [file("list.csv", b"Name,Age\nAisha,10\n")], kind="ssda903")
    assert message.startswith("no file is an SSDA903 table: this file matches no SSDA903 table")


def test_too_many_ssda903_files_are_refused(client_):
    files = ssda903_upload() + [file("extra.csv", b"CHILD\nA1\n")]
    [message] = refused(client_, files, kind="ssda903")
    assert message == "An SSDA903 return has at most 11 files, one for each table; 12 were chosen."


def test_last_years_files_are_checked_too(client_):
    [message] = refused(client_, ssda903_upload(), kind="ssda903",
                        previous=[file("last.xml", b"<x/>")])  # fmt: skip
    assert (
        message == "Last year's files: last.xml is not a file of a kind accepted here (.csv, .txt)."
    )


def test_last_years_files_are_for_ssda903_only(client_):
    [message] = refused(client_, census_file("A100"), previous=ssda903_upload())
    assert message == "Last year's files are for an SSDA903 return only"


def test_a_year_whose_rules_are_not_held_is_refused(client_):
    assert refused(client_, census_file("A100"), year="2024-25") == [
        "Select a valid choice. 2024-25 is not one of the available choices."
    ]
