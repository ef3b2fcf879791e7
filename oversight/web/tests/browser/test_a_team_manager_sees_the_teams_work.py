"""A team manager sees the team's overdue work by worker, in a real browser."""

import re

import pytest
from playwright.sync_api import Page, expect

from oversight.web.tests.browser.steps import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_team_manager_sees_the_teams_work_by_worker_and_opens_the_team_page(
    sign_in_page: Page, look, team_manager, team, dev, ella
):
    page = sign_in_page
    sign_in(page, "morgan")

    expect(page).to_have_title(re.compile(r"^My work"))
    by_worker = page.get_by_role("table", name="By worker")
    expect(by_worker.get_by_role("row").filter(has_text="Sam Example")).to_be_visible()
    expect(by_worker.get_by_role("row").filter(has_text="Priya Example")).to_be_visible()
    expect(page.get_by_role("heading", name="Priya Example")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Ella Ward")).to_contain_text(
        "Referral decision"
    )
    look("my-work")

    page.get_by_role("main").get_by_role("link", name="Safeguarding 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Safeguarding 1")
    caseloads = page.get_by_role("table", name="Caseloads")
    expect(caseloads.get_by_role("row").filter(has_text="Priya Example")).to_contain_text("1")
    look("team")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Children").click()
    page.get_by_role("searchbox", name="Search by name or LA child id").fill("Ward")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("status")).to_have_text("1 child matching “Ward”.")
    expect(page.get_by_role("link", name="Ward, Ella")).to_be_visible()
    look("children-search")
