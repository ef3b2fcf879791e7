"""An administrator resets a practitioner's lost authenticator from the list of users, and
cannot find or open a child's record."""

import re

import pytest
from playwright.sync_api import Page, expect

from oversight.web.tests.browser.conftest import with_password
from oversight.web.tests.browser.steps import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def users_row(page: Page, name: str):
    users = page.get_by_role("table", name="Users, by last name")
    return users.get_by_role("row").filter(has_text=name)


def test_an_administrator_resets_an_authenticator_and_cannot_open_a_childs_record(
    sign_in_page: Page, look, live_server, administrator, practitioner, dev
):
    with_password(administrator)
    page = sign_in_page
    sign_in(page, administrator.username)
    expect(page).to_have_title(re.compile(r"^My work"))
    expect(page.get_by_text("have no access to children's case records")).to_be_visible()
    menu = page.get_by_role("navigation", name="Menu")
    expect(menu.get_by_role("link", name="Children")).to_have_count(0)
    look("my-work")

    menu.get_by_role("link", name="Users").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Users")
    expect(users_row(page, "Sam Example")).to_contain_text("Set up")
    expect(users_row(page, "Alex Example").get_by_role("link")).to_have_count(0)
    look("users")

    page.get_by_role("link", name="Reset authenticator of Sam Example").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset Sam Example's authenticator")
    reason = page.get_by_label("Why are you resetting it, and how did you check who asked?")
    reason.fill("Lost")
    page.get_by_role("button", name="Reset authenticator").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    look("reset-error")

    reason.fill("Phone lost; asked in person at the team office, ticket 4411.")
    page.get_by_role("button", name="Reset authenticator").click()
    expect(page.get_by_role("alert")).to_contain_text("Sam Example's authenticator is reset")
    expect(users_row(page, "Sam Example")).to_contain_text("Sets one up at next sign-in")
    look("users-after-reset")

    page.goto(f"{live_server.url}/children/")
    expect(page.get_by_text("Your role has no access to children's records.")).to_be_visible()
    expect(page.get_by_role("searchbox")).to_have_count(0)
    look("children")

    page.goto(f"{live_server.url}/children/{dev.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_text("Dev Patel")).to_have_count(0)
    look("child-not-found")
