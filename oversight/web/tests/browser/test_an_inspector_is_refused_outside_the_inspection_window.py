"""An inspector whose inspection window has closed can still sign in, and sees nothing:
no child is found, a record's address is not found, and the evidence pages refuse them."""

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
def inspector_gone_home(db, today):
    """On site for a week last month."""
    return with_password(
        person(
            "ines",
            Role.INSPECTOR,
            inspection_window_start=today - timedelta(days=40),
            inspection_window_end=today - timedelta(days=33),
        )
    )


def test_an_inspector_outside_the_window_finds_no_child_and_is_refused_the_evidence(
    sign_in_page: Page, look, live_server, inspector_gone_home, dev, ofsted_outcomes
):
    page = sign_in_page
    sign_in(page, inspector_gone_home.username)
    expect(page).to_have_title(re.compile(r"^My work"))
    closed = "Inspectors can read records only during an inspection window"
    expect(page.get_by_text(closed)).to_be_visible()
    menu = page.get_by_role("navigation", name="Menu")
    for section in ("Performance", "Inspection", "Improvement"):
        expect(menu.get_by_role("link", name=section)).to_have_count(0)
    look("my-work")

    menu.get_by_role("link", name="Children").click()
    page.get_by_role("searchbox", name="Search by name or LA child id").fill("Patel")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("status")).to_have_text(re.compile("^No children match “Patel”"))
    look("children-search")

    page.goto(f"{live_server.url}/children/{dev.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_text("Dev Patel")).to_have_count(0)
    look("child-not-found")

    for section in ("inspection", "performance", "improvement", "inspection/readiness"):
        page.goto(f"{live_server.url}/{section}/")
        expect(page.get_by_role("heading", level=1)).to_have_text("You cannot do this")
        look(f"{section.replace('/', '-')}-refused")
