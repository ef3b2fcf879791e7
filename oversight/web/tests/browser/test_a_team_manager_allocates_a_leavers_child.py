"""Sam has left: his team manager finds Dev waiting for a worker on the team page and
allocates him to Priya, saying why, in a real browser."""

import re

import pytest
from playwright.sync_api import Page, expect

from oversight.accounts.manage import end_account
from oversight.web.tests.browser.steps import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_team_manager_allocates_a_child_whose_worker_has_left(
    sign_in_page: Page, look, team_manager, team, practitioner, colleague, dev
):
    end_account(practitioner, None, "left the authority for another post")
    page = sign_in_page
    sign_in(page, "morgan")
    expect(page).to_have_title(re.compile(r"^My work"))

    page.get_by_role("main").get_by_role("link", name="Safeguarding 1").click()
    waiting = page.get_by_role("table", name="Children waiting for a worker")
    expect(waiting.get_by_role("row").filter(has_text="Dev Patel")).to_contain_text(
        "Sam Example has left"
    )
    look("team-with-a-leavers-child")

    waiting.get_by_role("link", name="Allocate Dev Patel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Allocate the child")
    page.get_by_label("Allocate to").select_option(label="Priya Example")
    page.get_by_role("button", name="Save the allocation").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_contain_text(
        "Choose why the child's social worker changes"
    )
    look("allocation-needs-a-reason")

    page.get_by_label("Why the child's social worker changes").select_option(
        label="Previous social worker left role"
    )
    page.get_by_role("button", name="Save the allocation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dev Patel")
    banner = page.get_by_text("Dev Patel is allocated to Safeguarding 1: Priya Example")
    expect(banner).to_be_visible()
    look("record-after-allocation")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="My work").click()
    page.get_by_role("main").get_by_role("link", name="Safeguarding 1").click()
    waiting = page.get_by_role("table", name="Children waiting for a worker")
    expect(waiting).to_contain_text("Every child of the team has a worker in post.")
