"""Pia, a performance analyst, validates the CIN census before it is sent: reads the errors,
narrows them to one rule, downloads them for the team to fix, then validates the
corrected file and sees the error listed as fixed. Last, the census written from the
records downloads for the DfE.

The first file gives Aisha (A100) an unknown sex code (error 4180) and Cara (C300) no date
of birth (query 8525Q). In the corrected file Aisha's sex is given; Cara's query is left,
to be explained to the DfE.
"""

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Locator, Page, expect

from oversight.web.tests.browser.conftest import with_password
from oversight.web.tests.browser.steps import sign_in
from oversight.web.tests.returns_uploads import census_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

YEAR = "2025-26"


@pytest.fixture
def reading(settings) -> None:
    settings.OVERSIGHT_LA_CODE = "E06000038"  # Reading: DfE number 870


@pytest.fixture
def first_file(tmp_path) -> Path:
    return written(tmp_path, "census.xml", A100={"Sex": "X"}, C300={"PersonBirthDate": None})


@pytest.fixture
def corrected_file(tmp_path) -> Path:
    return written(tmp_path, "census v2.xml", A100={}, C300={"PersonBirthDate": None})


def written(folder: Path, name: str, **children: dict) -> Path:
    """The census of these children, saved as a file a person could choose."""
    path = folder / name
    path.write_bytes(census_of(name, **children).read())
    return path


def validate(page: Page, census: Path) -> None:
    """Choose the CIN census of the year and its file on the upload form, and send it."""
    page.get_by_role("group", name="Which return?").get_by_label("CIN census").check()
    page.get_by_label("Collection year").select_option(YEAR)
    page.get_by_label("The return's files").set_input_files(census)
    page.get_by_role("button", name="Validate", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"CIN census {YEAR}")


def findings(page: Page) -> Locator:
    return page.get_by_role("table", name="Findings").locator("tbody").get_by_role("row")


def test_a_performance_analyst_validates_a_census_downloads_its_errors_and_validates_it_again(
    sign_in_page: Page, look, analyst, aisha, cara, reading, first_file, corrected_file, tmp_path
):
    with_password(analyst)
    page = sign_in_page
    sign_in(page, analyst.username)
    expect(page).to_have_title(re.compile(r"^My work"))

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Returns").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("DfE returns")
    expect(page.get_by_text("No return that you may open has been validated")).to_be_visible()
    look("returns")

    validate(page, first_file)
    summary = page.locator(".govuk-summary-list")
    expect(summary.get_by_role("definition").first).to_have_text("census.xml")
    expect(page.get_by_role("status")).to_contain_text("2 findings.")
    expect(findings(page).filter(has_text="4180")).to_contain_text("A100")
    expect(findings(page).filter(has_text="4180")).to_contain_text("Safeguarding 1")
    expect(findings(page).filter(has_text="8525Q")).to_contain_text("C300")
    look("run")

    page.get_by_label("Rule").select_option("4180")
    page.get_by_role("button", name="Show these findings").click()
    expect(page.get_by_role("status")).to_contain_text("1 finding chosen")
    expect(findings(page)).to_have_count(1)
    expect(findings(page)).to_contain_text("A100")
    look("run-filtered")

    with page.expect_download() as downloading:
        page.get_by_role("status").get_by_role("link", name="Excel").click()
    download = downloading.value
    assert re.fullmatch(rf"cin-census-{YEAR}-validation-\d+\.xlsx", download.suggested_filename)
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    sheet = load_workbook(saved).active
    header, finding, *notes = sheet.iter_rows(values_only=True)
    assert header[:4] == ("Rule", "Kind", "LA child id", "Team")
    assert finding[:4] == ("4180", "error", "A100", "Safeguarding 1")
    assert finding[6] == "Sex=X"
    assert "C300" not in str(notes), "the download keeps to the rule chosen"

    page.get_by_role("link", name="Re-validate a corrected file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("DfE returns")
    expect(page.get_by_label("CIN census")).to_be_checked()
    expect(page.get_by_role("table", name="Validation runs, newest first")).to_contain_text(
        "census.xml"
    )
    look("upload-again")

    validate(page, corrected_file)
    expect(summary).to_contain_text("No errors")
    expect(page.get_by_role("status")).to_contain_text("1 finding.")
    page.get_by_role("link", name="1 finding fixed").click()
    expect(page.get_by_role("status")).to_contain_text("1 finding chosen")
    fixed = findings(page)
    expect(fixed).to_have_count(1)
    expect(fixed).to_contain_text("4180")
    expect(fixed).to_contain_text("A100")
    expect(fixed.get_by_role("cell").last).to_have_text("Fixed")
    look("run-again-fixed")

    page.get_by_role("link", name="Back to the returns").click()
    with page.expect_download() as downloading:
        page.get_by_role("link", name=f"Download the CIN census {YEAR} (XML)").click()
    download = downloading.value
    assert download.suggested_filename == f"cin-census-{YEAR}-870.xml"
    assert b"<LAchildID>A100</LAchildID>" in Path(download.path()).read_bytes()
