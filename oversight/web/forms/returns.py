"""The returns pages' forms: a return to validate, which of a run's findings to show, a
return (CIN census, SSDA903, Annex A) to import into the records; the date of an Annex A.

An upload is checked here, before any validator reads it (``web.uploads``): its size, that
its name and first bytes are of the return's type, and for XML that it declares no
document type (billion laughs, external entities). Each refusal says what was wrong.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.core.files.uploadedfile import UploadedFile

from oversight.exchange.ssda903.spec import TABLES
from oversight.exchange.validation import ERROR, FAILURE, QUERY
from oversight.exchange.validation_runs.checks import YEARS
from oversight.exchange.validation_runs.findings import Filters
from oversight.exchange.validation_runs.models import Change, ReturnKind
from oversight.web.forms.base import GovukForm
from oversight.web.forms.choices import YesNoField
from oversight.web.forms.dates import DateField
from oversight.web.forms.files import FilesField
from oversight.web.forms.widgets import FileUpload, Radios, Select, TextInput
from oversight.web.uploads import CSV, MEGABYTE, XLSX, XML, UnsafeUpload, check_upload
from oversight.web.uploads import refuse_document_type as refuse_dtd

# The largest LA's CIN census is some tens of megabytes; an SSDA903 file a few at most.
MAX_CENSUS_BYTES = 100 * MEGABYTE
MAX_903_FILE_BYTES = 20 * MEGABYTE
MAX_903_FILES = len(TABLES)  # a file for each of the return's tables
MAX_WORKBOOK_BYTES = 100 * MEGABYTE  # as the command line takes
ALL = [("", "All")]


def _years() -> list[tuple[str, str]]:
    held = sorted({year for years in YEARS.values() for year in years}, reverse=True)
    return [(year, year) for year in held]


class ReturnUploadForm(GovukForm):
    kind = forms.ChoiceField(label="Which return?", choices=ReturnKind.choices, widget=Radios())
    year = forms.ChoiceField(label="Collection year", choices=_years, widget=Select())
    files = FilesField(
        label="The return's files",
        help_text="A CIN census: its XML file. An SSDA903 return: all its CSV files, chosen "
        "together (header, episodes, reviews and the others).",
        error_messages={"required": "Choose the return's file, or its files"},
    )
    previous = FilesField(
        label="SSDA903 only: last year's files (optional)",
        required=False,
        help_text="The rules that compare this year with last year are checked only with them.",
    )

    def clean(self) -> dict:
        data = super().clean()
        kind, year = data.get("kind"), data.get("year")
        if kind and year and year not in YEARS[ReturnKind(kind)]:
            held = ", ".join(YEARS[ReturnKind(kind)])
            self.add_error("year", f"The {ReturnKind(kind).label} rules are held for {held} only")
        if kind and data.get("files"):
            self._refuse_unsafe(kind, data)
        return data

    def _refuse_unsafe(self, kind: str, data: dict) -> None:
        try:
            if kind == ReturnKind.CIN_CENSUS:
                census(data["files"])
            else:
                ssda903_files(data["files"])
        except UnsafeUpload as error:
            self.add_error("files", str(error))
        previous = data.get("previous", [])
        if previous and kind == ReturnKind.CIN_CENSUS:
            self.add_error("previous", "Last year's files are for an SSDA903 return only")
            return
        try:
            ssda903_files(previous)
        except UnsafeUpload as error:
            self.add_error("previous", f"Last year's files: {error}")


def census(files: list[UploadedFile]) -> None:
    if len(files) != 1:
        raise UnsafeUpload(f"A CIN census is one XML file; {len(files)} were chosen. Choose one.")
    check_upload(files[0], (XML,), MAX_CENSUS_BYTES)
    refuse_dtd(files[0])


def ssda903_files(files: list[UploadedFile]) -> None:
    if len(files) > MAX_903_FILES:
        raise UnsafeUpload(
            f"An SSDA903 return has at most {MAX_903_FILES} files, one for each table; "
            f"{len(files)} were chosen."
        )
    for file in files:
        check_upload(file, (CSV,), MAX_903_FILE_BYTES)


def workbook(files: list[UploadedFile]) -> None:
    if len(files) != 1:
        raise UnsafeUpload(f"An Annex A is one workbook; {len(files)} were chosen. Choose one.")
    check_upload(files[0], (XLSX,), MAX_WORKBOOK_BYTES)


def _checked(
    files: list[UploadedFile], check: Callable[[list[UploadedFile]], None]
) -> list[UploadedFile]:
    """The files, if ``check`` finds nothing wrong; else its reason, against the field."""
    try:
        check(files)
    except UnsafeUpload as error:
        raise forms.ValidationError(str(error)) from error
    return files


class FindingFilterForm(GovukForm):
    """Which findings of a run to show; every field may be left at All."""

    rule = forms.ChoiceField(label="Rule", required=False, widget=Select())
    kind = forms.ChoiceField(
        label="Kind", required=False, widget=Select(),
        choices=[*ALL, (ERROR, "Errors"), (QUERY, "Queries"), (FAILURE, "Rules not checked")],
    )  # fmt: skip
    team = forms.ChoiceField(label="Team", required=False, widget=Select())
    child = forms.CharField(label="LA child id", required=False, max_length=100,
                            widget=TextInput(width=10))  # fmt: skip
    change = forms.ChoiceField(label="Since the previous run", required=False, widget=Select(),
                               choices=[*ALL, *Change.choices])  # fmt: skip

    def __init__(
        self, data: object, *, rules: list[str], teams: list[tuple[str, str]], compared: bool
    ) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        self.fields["rule"].choices = [*ALL, *((rule, rule) for rule in rules)]  # type: ignore[attr-defined]
        self.fields["team"].choices = [*ALL, *teams]  # type: ignore[attr-defined]
        if not compared:
            del self.fields["change"]

    def filters(self) -> Filters:
        """The filters that were valid (a bad one is reported, and filters nothing)."""
        self.is_valid()
        chosen = {name: str(value).strip() for name, value in self.cleaned_data.items()}
        return Filters(**{name: value for name, value in chosen.items() if value})


def _quarantine(what: str) -> YesNoField:
    return YesNoField(
        label=f"If some {what} cannot be imported, import the others?",
        help_text=f"Yes: the {what} with problems are held back, each with its reasons, and "
        "the others imported. No: nothing is imported until the file is corrected.",
    )


class CensusImportForm(GovukForm):
    """A CIN census to import into the records, as a background job."""

    file = FilesField(
        widget=FileUpload(),
        label="The census file",
        help_text="The XML file of a CIN census return.",
        error_messages={"required": "Choose the census file"},
    )
    quarantine = _quarantine("children")

    def clean_file(self) -> UploadedFile:
        return _checked(self.cleaned_data["file"], census)[0]


class Ssda903ImportForm(GovukForm):
    """An SSDA903 return's CSV files to import into the records, as a background job."""

    files = FilesField(
        label="The return's files",
        help_text="All its CSV files, chosen together (header, episodes, reviews and the others).",
        error_messages={"required": "Choose the return's files"},
    )
    quarantine = _quarantine("children")

    def clean_files(self) -> list[UploadedFile]:
        files = _checked(self.cleaned_data["files"], ssda903_files)
        names = [file.name for file in files]
        if len(set(names)) != len(names):
            raise forms.ValidationError("Two of the files have the same name: choose each once")
        return files  # type: ignore[no-any-return]


class AnnexAImportForm(GovukForm):
    """An Annex A workbook to import into the records, as a background job."""

    file = FilesField(
        widget=FileUpload(),
        label="The Annex A workbook",
        help_text="The Excel workbook (.xlsx), one sheet for each list.",
        error_messages={"required": "Choose the workbook"},
    )
    as_at = DateField(
        label="The date the workbook was produced",
        name="the date the workbook was produced",
        past_only=True,
        required=False,
        help_text="Only if the workbook does not say: care leavers' statuses are recorded "
        "as at this date.",
    )
    quarantine = _quarantine("rows")

    def clean_file(self) -> UploadedFile:
        return _checked(self.cleaned_data["file"], workbook)[0]


class AnnexAForm(GovukForm):
    """The date an Annex A is written for: each list looks back from it."""

    as_at = DateField(
        label="The inspection's notification date",
        name="The notification date",
        past_only=True,
        help_text="Each list looks back from this date, over the window Ofsted gives it.",
    )
