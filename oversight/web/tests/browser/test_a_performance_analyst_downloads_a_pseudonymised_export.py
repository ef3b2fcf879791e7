"""A performance analyst reads an indicator, finds the children behind it, and downloads
the list, pseudonymised: the page names the children, the file never does."""

import csv
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from oversight.accounts.roles import Role
from oversight.performance.refresh import refresh
from oversight.web.tests.browser.conftest import with_password
from oversight.web.tests.browser.steps import sign_in
from oversight.web.tests.conftest import person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INDICATOR = "Referral decisions within one working day"


@pytest.fixture
def figures(settings, tmp_path, dev, ella, today):
    settings.OVERSIGHT_SNAPSHOT = tmp_path / "snapshot.duckdb"
    settings.OVERSIGHT_LA_CODE = "E06000038"
    return refresh(today, trend_months=6)


def rows_of(download_path: Path) -> list[list[str]]:
    with download_path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def test_a_performance_analyst_downloads_the_children_behind_a_figure_pseudonymised(
    sign_in_page: Page, look, figures
):
    analyst = with_password(person("pat", Role.PERFORMANCE_ANALYST))
    page = sign_in_page
    sign_in(page, analyst.username)
    expect(page).to_have_title(re.compile(r"^My work"))
    look("my-work")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Performance").click()
    expect(page.get_by_role("heading", name="Headline indicators")).to_be_visible()
    look("dashboard")

    page.get_by_role("link", name=re.compile("^Front door: timeliness")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Front door")
    look("front-door")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Performance").click()
    page.get_by_role("link", name=INDICATOR).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(INDICATOR)
    expect(page.get_by_role("img", name=re.compile("the year to each month end"))).to_be_visible()
    look("indicator")

    page.get_by_role("link", name=re.compile("^Equality: this indicator")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Equality: by the children's characteristics"
    )
    look("equality")
    page.go_back()

    page.get_by_role("link", name="The children behind this figure").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The children behind the figure")
    expect(page.get_by_role("row").filter(has_text="Ella Ward")).to_contain_text("No")
    expect(page.get_by_text("Children are pseudonymised in the download")).to_be_visible()
    look("children")

    with page.expect_download() as downloading:
        page.get_by_role("link", name="CSV (the children behind the figure)").click()
    download = downloading.value
    assert download.suggested_filename.startswith("referral-decision-timely-children-")
    header, *rows = rows_of(Path(download.path()))
    assert header == ["Pseudonym", "What was counted", "Date", "In the numerator", "Team"]
    assert len(rows) == 1 and rows[0][3:] == ["no", "Safeguarding 1"]
    everything = " ".join(header + [cell for row in rows for cell in row])
    for who in ("Ella", "Ward", "E500", "Dev", "Patel", "D400"):
        assert who not in everything, f"{who} is in the pseudonymised export"

    page.get_by_role("link", name="Ella Ward").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ella Ward")
    expect(page.get_by_role("button", name="Record a visit")).to_have_count(0)
    look("child")
