"""A practitioner who forgot their password signs in with the one-time password an
administrator gave them, is asked to choose their own before anything else, is refused a
short one, and then reaches their work; later they change it from their account page."""

import re

import pytest
from playwright.sync_api import Page, expect

from oversight.accounts.manage import new_one_time_password
from oversight.web.tests.browser.steps import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
OWN = "a kettle of blue herons at dusk"
LATER = "the herons left before the rain"


def choose(page: Page, new: str, again: str) -> None:
    page.get_by_label("New password", exact=True).fill(new)
    page.get_by_label("Confirm your new password", exact=True).fill(again)


def test_a_practitioner_chooses_a_password_then_changes_it(
    sign_in_page: Page, look, live_server, administrator, practitioner
):
    one_time = new_one_time_password(practitioner, administrator, "Forgot it, asked in person")
    page = sign_in_page
    sign_in(page, practitioner.username, one_time)
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose your password")
    expect(page.get_by_role("navigation", name="Menu").get_by_role("link")).to_have_count(0)
    look("choose")

    choose(page, "herons", "herons")
    page.get_by_role("button", name="Save password").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_contain_text(
        "This password is too short"
    )
    look("choose-error")

    page.goto(f"{live_server.url}/children/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose your password")
    choose(page, OWN, OWN)
    page.get_by_role("button", name="Save password").click()
    expect(page).to_have_title(re.compile(r"^Children"))
    expect(page.get_by_role("alert")).to_contain_text("Your password is saved")

    page.get_by_role("link", name=re.compile("Your account")).click()
    page.get_by_role("link", name="Change your password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your password")
    page.get_by_label("Your current password", exact=True).fill(OWN)
    choose(page, LATER, LATER)
    look("change")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("alert")).to_contain_text("Your password is changed")
    practitioner.refresh_from_db()
    assert practitioner.check_password(LATER) and not practitioner.must_change_password
