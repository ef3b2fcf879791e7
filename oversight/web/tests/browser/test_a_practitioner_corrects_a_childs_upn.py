"""A practitioner corrects a child's unique pupil number from the record, in a real
browser: a mistyped UPN is refused with what is wrong, the corrected one is saved."""

import re

import pytest
from playwright.sync_api import Page, expect

from oversight.web.tests.browser.steps import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UPN = "R870200120017"


def test_a_practitioner_corrects_a_upn_after_a_mistyped_one_is_refused(
    sign_in_page: Page, look, practitioner, dev
):
    page = sign_in_page
    sign_in(page, "sam")
    page.get_by_role("link", name="Dev Patel").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dev Patel")

    page.get_by_role("link", name="Change the UPN or date of death").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change the child's details")
    expect(page.get_by_text("Is she a mother?")).to_have_count(0)  # asked of girls only
    look("details-form")

    page.get_by_label("Unique pupil number (UPN)").fill("A870200120017")
    page.get_by_role("button", name="Save the details").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_role("alert")).to_contain_text("should be R")
    look("details-form-errors")

    page.get_by_label("Unique pupil number (UPN)").fill(UPN.lower())
    page.get_by_role("button", name="Save the details").click()
    expect(page.get_by_role("alert")).to_contain_text("The child's details saved")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dev Patel")
    expect(page.get_by_text(UPN)).to_be_visible()
    look("child-after-details")
