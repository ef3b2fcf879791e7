"""An inspector, inside the inspection window, reads a child's record and the evidence,
and is given no way to record: the buttons are not there, and the form is refused."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from oversight.accounts.roles import Role
from oversight.web.tests.browser.conftest import with_password
from oversight.web.tests.browser.steps import sign_in
from oversight.web.tests.conftest import person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def inspector_on_site(db, today):
    """On site from yesterday until the end of next week."""
    return with_password(
        person(
            "ines",
            Role.INSPECTOR,
            inspection_window_start=today - timedelta(days=1),
            inspection_window_end=today + timedelta(days=10),
        )
    )


def test_an_inspector_inside_the_window_reads_a_childs_record_and_cannot_record(
    sign_in_page: Page, look, live_server, inspector_on_site, dev, ofsted_outcomes
):
    page = sign_in_page
    sign_in(page, inspector_on_site.username)
    expect(page).to_have_title(re.compile(r"^My work"))
    expect(page.get_by_text("Your role does not record work on them.")).to_be_visible()
    menu = page.get_by_role("navigation", name="Menu")
    for section in ("Children", "Performance", "Inspection", "Improvement"):
        expect(menu.get_by_role("link", name=section)).to_be_visible()
    expect(menu.get_by_role("link", name="Users")).to_have_count(0)
    look("my-work")

    page.get_by_role("link", name="Find a child").click()
    expect(page.get_by_role("button", name="Record a contact about a new child")).to_have_count(0)
    page.get_by_role("searchbox", name="Search by name or LA child id").fill("D400")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("status")).to_have_text("1 child matching “D400”.")
    look("children-search")

    page.get_by_role("link", name="Patel, Dev").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dev Patel")
    for action in ("Record a visit", "Record a contact", "Record management oversight"):
        expect(page.get_by_role("button", name=action)).to_have_count(0)
    page.get_by_role("tab", name="Visits").click()
    expect(page.get_by_role("tabpanel", name="Visits")).to_contain_text("I like football club")
    look("child")

    page.goto(f"{live_server.url}/children/{dev.pk}/visits/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot do this")
    expect(page.get_by_role("group", name="Date of visit")).to_have_count(0)
    look("record-visit-refused")

    menu.get_by_role("link", name="Inspection").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The national picture")
    page.get_by_role("link", name=re.compile("^Your LA: Reading")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reading")
    expect(page.get_by_role("link", name="Record an inspection")).to_have_count(0)
    look("own-la")

    menu.get_by_role("link", name="Improvement").click()
    page.get_by_role("link", name="Inspection readiness pack").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inspection readiness pack")
    expect(page.get_by_text("Overall effectiveness")).to_be_visible()
    look("readiness")
