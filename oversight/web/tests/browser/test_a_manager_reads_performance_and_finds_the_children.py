"""A team manager reads the performance pages and follows a figure to the children behind it."""

import re

import pytest
from playwright.sync_api import Page, expect

from oversight.performance.refresh import refresh
from oversight.web.tests.browser.steps import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def figures(settings, tmp_path, dev, ella, today):
    settings.OVERSIGHT_SNAPSHOT = tmp_path / "snapshot.duckdb"
    settings.OVERSIGHT_LA_CODE = "E06000038"
    return refresh(today, trend_months=6)


def test_a_manager_reads_the_dashboard_an_indicator_and_its_children(
    sign_in_page: Page, look, team_manager, figures
):
    page = sign_in_page
    sign_in(page, "morgan")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Performance").click()
    expect(page).to_have_title(re.compile(r"^Performance"))
    expect(page.get_by_role("heading", name="Headline indicators")).to_be_visible()
    look("dashboard")

    page.get_by_role("link", name="Referral decisions within one working day").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Referral decisions within one working day"
    )
    expect(page.get_by_role("img", name=re.compile("the year to each month end"))).to_be_visible()
    look("indicator")

    page.get_by_label("Break down by").select_option("age")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("table", name=re.compile("by age band"))).to_contain_text("1 to 4")
    look("breakdown")

    page.get_by_role("link", name="The children behind this figure").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The children behind the figure")
    expect(page.get_by_role("row").filter(has_text="Ella Ward")).to_contain_text("No")
    look("children")

    page.get_by_role("link", name="Ella Ward").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ella Ward")
