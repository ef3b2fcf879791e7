"""A wrong password is explained in the GOV.UK error summary, in a real browser."""

import re

import pytest
from playwright.sync_api import Page, expect

from oversight.web.tests.browser.steps import enter_password

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_signing_in_with_a_wrong_password_shows_the_error_summary(
    sign_in_page: Page, look, practitioner
):
    page = sign_in_page
    enter_password(page, "sam", password="not my password at all")

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    link = summary.get_by_role("link", name="Enter a correct username and password")
    expect(link).to_have_attribute("href", "#id_username")
    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    expect(page.get_by_role("textbox", name="Password")).to_have_value("")
    look("error")

    link.click()
    expect(page.get_by_label("Username")).to_be_focused()
