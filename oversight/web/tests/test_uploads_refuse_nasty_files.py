"""Uploaded files are checked before anything reads them: names, types, XML and zips."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from oversight.web.uploads import (
    CSV,
    PDF,
    XLSX,
    XML,
    UnsafeUpload,
    check_upload,
    open_workbook,
    read_xml,
    safe_name,
)

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<lolz>&lol9;</lolz>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<foo>&xxe;</foo>"""


def workbook_bytes() -> bytes:
    book = Workbook()
    book.active.append(["Child ID", "Date of birth"])  # type: ignore[union-attr]
    book.active.append(["A1", "2015-01-01"])  # type: ignore[union-attr]
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_bomb(megabytes: int = 300) -> bytes:
    """A zip of a few hundred kilobytes that inflates to ``megabytes`` of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            zeros = bytes(1024 * 1024)
            for _ in range(megabytes):
                member.write(zeros)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "given, kept",
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system32\\config", "config"),
        ("C:\\temp\\annex-a.xlsx", "annex-a.xlsx"),
        ("/absolute/path/cin.xml", "cin.xml"),
        ("report\x00.xlsx", "report.xlsx"),
        ("line\nbreak\r.csv", "linebreak.csv"),
        ("..", "upload"),
        ("", "upload"),
        ("<b>alert(1)</b>.csv", "b-.csv"),  # the slash makes "b>.csv" its own name
        ("<b onload=x>.csv", "b onload-x-.csv"),
        ("Annex A 2025 (final).xlsx", "Annex A 2025 (final).xlsx"),
    ],
)
def test_a_file_name_keeps_only_its_own_safe_name(given, kept):
    assert safe_name(given) == kept
    assert "/" not in safe_name(given) and "\\" not in safe_name(given)


def test_a_workbook_with_the_right_name_and_content_is_accepted():
    upload = SimpleUploadedFile("annex-a.xlsx", workbook_bytes())
    assert check_upload(upload, (XLSX, CSV), max_bytes=10_000_000) is XLSX
    assert upload.read(2) == b"PK", "left at its start"


def test_a_renamed_file_is_refused_by_its_content():
    fake = SimpleUploadedFile("annex-a.xlsx", b"MZ\x90\x00 an executable")
    with pytest.raises(UnsafeUpload, match="named as a Excel workbook but its content"):
        check_upload(fake, (XLSX,), max_bytes=10_000_000)
    binary_csv = SimpleUploadedFile("children.csv", b"a,b\n\x00\x01\x02")
    with pytest.raises(UnsafeUpload, match="its content is not one"):
        check_upload(binary_csv, (CSV,), max_bytes=1000)


def test_a_file_of_a_kind_not_asked_for_is_refused():
    with pytest.raises(UnsafeUpload, match=r"not a file of a kind accepted here \(\.xlsx\)"):
        check_upload(SimpleUploadedFile("x.pdf", b"%PDF-1.7"), (XLSX,), max_bytes=1000)
    assert check_upload(SimpleUploadedFile("x.PDF", b"%PDF-1.7"), (PDF,), max_bytes=1000) is PDF


def test_a_file_larger_than_allowed_is_refused_before_reading():
    with pytest.raises(UnsafeUpload, match="the largest file accepted here is 0.0 MB"):
        check_upload(SimpleUploadedFile("a.csv", b"x" * 2000), (CSV,), max_bytes=1000)


def test_plain_xml_is_read():
    root = read_xml(b"<message><child id='1'/></message>")
    assert root.tag == "message" and root[0].get("id") == "1"
    assert check_upload(SimpleUploadedFile("cin.xml", b"<a/>"), (XML,), max_bytes=100) is XML


def test_billion_laughs_xml_is_refused():
    with pytest.raises(UnsafeUpload, match="declares entities or a document type"):
        read_xml(BILLION_LAUGHS)


def test_xml_with_an_external_entity_is_refused():
    with pytest.raises(UnsafeUpload, match="declares entities"):
        read_xml(io.BytesIO(EXTERNAL_ENTITY))


def test_broken_xml_says_so():
    with pytest.raises(UnsafeUpload, match="not well-formed XML"):
        read_xml(b"<a><b></a>")


def test_a_real_workbook_opens():
    book = open_workbook(workbook_bytes())
    rows = list(book.active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[0] == ("Child ID", "Date of birth")


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    bomb = zip_bomb(300)
    assert len(bomb) < 1_000_000
    with pytest.raises(UnsafeUpload, match="300 MB unzipped"):
        open_workbook(bomb)


def test_a_small_zip_bomb_is_refused_by_its_compression_ratio():
    with pytest.raises(UnsafeUpload, match="zip bomb"):
        open_workbook(zip_bomb(20))


def test_a_zip_directory_that_understates_the_contents_is_refused():
    data = bytearray(zip_bomb(2))
    # Make every stated uncompressed size say 1 byte; inflating then overruns it.
    directory = data.rfind(b"PK\x01\x02")
    while directory != -1:
        data[directory + 24 : directory + 28] = (1).to_bytes(4, "little")
        directory = data.rfind(b"PK\x01\x02", 0, directory)
    with pytest.raises(UnsafeUpload):
        open_workbook(bytes(data), max_ratio=10_000)


def test_a_file_that_is_not_a_zip_is_not_a_workbook():
    with pytest.raises(UnsafeUpload, match="not a zip"):
        open_workbook(b"Child ID,Date of birth\n")
