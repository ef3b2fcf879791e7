"""A director reads the national picture, records a visit's findings, plans, and reports."""

import re

import pytest
from playwright.sync_api import Page, expect

from oversight.web.tests.browser.conftest import with_password
from oversight.web.tests.browser.steps import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_date(page: Page, legend: str, day: int, month: int, year: int) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day))
    group.get_by_label("Month").fill(str(month))
    group.get_by_label("Year").fill(str(year))


def test_a_director_records_a_visit_plans_an_action_and_opens_the_reports(
    sign_in_page: Page, look, senior_leader, service_manager, ofsted_outcomes, today
):
    with_password(senior_leader)
    page = sign_in_page
    sign_in(page, senior_leader.username)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Inspection").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The national picture")
    look("national")

    page.get_by_role("link", name=re.compile("^Your LA: Reading")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reading")
    look("own-la")

    page.get_by_role("link", name="Record an inspection").click()
    page.get_by_label("Focused visit").check()
    fill_date(page, "First day on site", 2, 6, 2026)
    fill_date(page, "Last day on site", 3, 6, 2026)
    page.get_by_label("Strengths (optional)").fill("Children see the same social worker.")
    page.get_by_label("Areas for priority action (optional)").fill(
        "Managers do not check child protection plans often enough."
    )
    page.get_by_role("button", name="Save inspection").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reading")
    expect(page.get_by_text("Managers do not check child protection plans")).to_be_visible()

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Improvement").click()
    expect(
        page.get_by_text(re.compile("1 area for priority action needs an action"))
    ).to_be_visible()
    look("plan-needs-action")
    page.get_by_role("link", name=re.compile("^Add an action")).first.click()
    page.get_by_label("What will be done").fill("Weekly reviews of plans by team managers")
    page.get_by_label("Owner").select_option(label="Sunita Example (Service manager)")
    fill_date(page, "Due date", 31, 3, today.year + 1)
    page.get_by_role("button", name="Save action").click()
    action = page.get_by_role("heading", name="Weekly reviews of plans by team managers")
    expect(action).to_be_visible()
    look("plan")

    page.get_by_role("link", name="Inspection readiness pack").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inspection readiness pack")
    expect(page.get_by_role("row", name=re.compile("Weekly reviews of plans"))).to_be_visible()
    look("readiness")

    page.goto(page.url.replace("/inspection/readiness/", "/inspection/for-children/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("What Ofsted found")
    expect(
        page.get_by_text(re.compile("The council is doing this: Weekly reviews"))
    ).to_be_visible()
    look("for-children")
