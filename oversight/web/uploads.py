"""Checked handling of uploaded files, for every page or command that takes one.

An uploaded file is untrusted: its name may climb out of a folder (``../../etc/passwd``),
its extension may lie about its content, an XML file may expand entities until memory
runs out (billion laughs) or read local files (external entities), and an Excel file is a
zip that may inflate from kilobytes to gigabytes. Each helper here refuses one of these,
with a message that says what was wrong and what to do.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from typing import IO, TYPE_CHECKING

import defusedxml.ElementTree as DefusedET
from defusedxml import DefusedXmlException

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from openpyxl import Workbook

MEGABYTE = 1024 * 1024


class UnsafeUpload(ValueError):
    """The file was refused; the message says why and what to do."""


@dataclass(frozen=True)
class FileType:
    """A kind of file we accept: its extensions and the bytes its content starts with."""

    name: str
    extensions: tuple[str, ...]
    magic: tuple[bytes, ...]  # empty: text, checked for being text instead


XLSX = FileType("Excel workbook", (".xlsx",), (b"PK\x03\x04",))
XML = FileType("XML file", (".xml",), ())
CSV = FileType("CSV file", (".csv", ".txt"), ())
PDF = FileType("PDF", (".pdf",), (b"%PDF-",))

# Limits for a workbook: Annex A for the largest LA is a few MB zipped, ~100 MB inflated.
MAX_UNZIPPED_BYTES = 200 * MEGABYTE
MAX_COMPRESSION_RATIO = 100
MAX_ZIP_MEMBERS = 10_000


def safe_name(filename: str, *, default: str = "upload") -> str:
    """The file's own name, safe to show or store: no folders, control or odd characters.

    ``../../etc/passwd`` gives ``passwd``; ``C:\\temp\\a.xlsx`` gives ``a.xlsx``.
    """
    name = unicodedata.normalize("NFKC", filename or "")
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = PureWindowsPath(PurePosixPath(name).name).name  # the last part, either separator
    name = re.sub(r"[^\w.\- ()]+", "-", name).strip(" .-")[:150]
    return name or default


def extension_of(filename: str) -> str:
    return PurePosixPath(safe_name(filename)).suffix.lower()


def check_upload(file: IO[bytes], allowed: tuple[FileType, ...], max_bytes: int) -> FileType:
    """The type of an upload whose name, size and first bytes agree with one allowed type.

    ``file`` is a Django ``UploadedFile`` (its ``name`` and ``size``) or any binary file
    with a ``name``; it is left at its start.
    """
    name = getattr(file, "name", "") or ""
    size = _size(file)
    if size > max_bytes:
        raise UnsafeUpload(
            f"{safe_name(name)} is {size / MEGABYTE:.1f} MB; the largest file accepted here is "
            f"{max_bytes / MEGABYTE:.1f} MB. Split it, or remove what is not needed."
        )
    extension = extension_of(name)
    wanted = [t for t in allowed if extension in t.extensions]
    if not wanted:
        names = ", ".join(e for t in allowed for e in t.extensions)
        raise UnsafeUpload(f"{safe_name(name)} is not a file of a kind accepted here ({names}).")
    start = file.read(512)
    file.seek(0)
    for kind in wanted:
        if kind.magic and start.startswith(kind.magic):
            return kind
        if not kind.magic and _looks_like_text(start):
            return kind
    raise UnsafeUpload(
        f"{safe_name(name)} is named as a {wanted[0].name} but its content is not one. "
        "Save it again in that format and upload it again."
    )


def read_xml(file: IO[bytes] | bytes) -> Element:
    """The parsed XML, refusing entity declarations (billion laughs) and external entities."""
    source = io.BytesIO(file) if isinstance(file, bytes) else file
    try:
        return DefusedET.parse(source, forbid_dtd=True).getroot()
    except DefusedXmlException as error:
        raise _declares_entities(error) from error
    except DefusedET.ParseError as error:
        raise UnsafeUpload(f"The file is not well-formed XML: {error}.") from error


def refuse_document_type(file: IO[bytes]) -> None:
    """Refuse an XML file that declares a document type (where entities are declared),
    reading no further than its root element's start tag: a DTD can come nowhere later.

    For a file too large to parse whole here, which a streaming reader then reads; a file
    that is not well-formed is left for that reader to say where. The file is left at its
    start.
    """
    try:
        for _ in DefusedET.iterparse(file, events=("start",), forbid_dtd=True):
            break
    except DefusedXmlException as error:
        raise _declares_entities(error) from error
    except DefusedET.ParseError:
        pass
    finally:
        file.seek(0)


def _declares_entities(error: DefusedXmlException) -> UnsafeUpload:
    return UnsafeUpload(
        f"The XML declares entities or a document type ({type(error).__name__}), which "
        "is not accepted. Export the file again without a DTD."
    )


def open_workbook(
    file: IO[bytes] | bytes,
    *,
    max_unzipped_bytes: int = MAX_UNZIPPED_BYTES,
    max_ratio: int = MAX_COMPRESSION_RATIO,
) -> Workbook:
    """The workbook, read only, once its zip has been checked not to be a zip bomb.

    The sizes in the zip's directory are checked before anything is inflated, and each
    member is then inflated in chunks up to its stated size, so a directory that lies
    is caught too.
    """
    from openpyxl import load_workbook

    data = file if isinstance(file, bytes) else file.read()
    _check_zip(data, max_unzipped_bytes, max_ratio)
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        raise UnsafeUpload(f"The file could not be read as an Excel workbook: {error}") from error


def _check_zip(data: bytes, max_unzipped: int, max_ratio: int) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise UnsafeUpload("The file is not an Excel workbook (.xlsx): it is not a zip.") from error
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise UnsafeUpload(f"The workbook holds {len(members):,} parts; too many to be real.")
        stated = sum(m.file_size for m in members)
        packed = sum(m.compress_size for m in members)
        _check_sizes(stated, packed, max_unzipped, max_ratio)
        inflated = sum(_inflated_size(archive, m) for m in members)
        _check_sizes(inflated, packed, max_unzipped, max_ratio)


def _check_sizes(unzipped: int, packed: int, max_unzipped: int, max_ratio: int) -> None:
    if unzipped > max_unzipped:
        raise UnsafeUpload(
            f"The workbook would take {unzipped / MEGABYTE:,.0f} MB unzipped; the most accepted "
            f"is {max_unzipped / MEGABYTE:,.0f} MB. Remove unused sheets and formatting."
        )
    if unzipped > MEGABYTE and unzipped > max_ratio * max(packed, 1):
        raise UnsafeUpload(
            f"The workbook is compressed {unzipped / max(packed, 1):,.0f} times; more than "
            f"{max_ratio} times is not a real workbook (a zip bomb). It was not opened."
        )


def _inflated_size(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> int:
    """Bytes the member really inflates to, reading no more than its stated size and one chunk."""
    total = 0
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(64 * 1024):
                total += len(chunk)
                if total > member.file_size:
                    raise UnsafeUpload("The workbook's zip directory understates its contents.")
    except (zipfile.BadZipFile, EOFError, OSError) as error:  # a bad CRC, a cut-off member
        raise UnsafeUpload(f"The workbook's zip is damaged: {error}") from error
    return total


def _size(file: IO[bytes]) -> int:
    size = getattr(file, "size", None)
    if isinstance(size, int):
        return size
    position = file.seek(0, io.SEEK_END)
    file.seek(0)
    return position


def _looks_like_text(start: bytes) -> bool:
    """UTF-8 (or its BOM) with no NUL bytes: a CSV or XML, not a binary file renamed."""
    if b"\x00" in start:
        return False
    try:
        start.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(start) - 3  # a character cut off at the end of the sample
    return True
