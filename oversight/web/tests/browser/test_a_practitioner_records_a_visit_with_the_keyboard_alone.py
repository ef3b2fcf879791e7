"""The practitioner's journey with the keyboard alone: Tab, Enter, Space and typing."""

import re

import pytest
from playwright.sync_api import Page, expect

from oversight.web.tests.browser.steps import code_now, tab_to
from oversight.web.tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose(page: Page, question: str, first_choice: str) -> None:
    """Tab into a set of radios (the focus lands on the first) and select it with Space."""
    radio = page.get_by_role("group", name=question, exact=True).get_by_label(
        first_choice, exact=True
    )
    tab_to(page, radio)
    page.keyboard.press("Space")
    expect(radio).to_be_checked()


def test_a_practitioner_signs_in_and_records_a_visit_using_only_the_keyboard(
    sign_in_page: Page, look, practitioner, dev, today
):
    page = sign_in_page
    tab_to(page, page.get_by_label("Username"))
    page.keyboard.type("sam")
    page.keyboard.press("Tab")
    expect(page.get_by_role("textbox", name="Password")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your security code")
    tab_to(page, page.get_by_label("Security code"))
    page.keyboard.type(code_now("sam"))
    page.keyboard.press("Enter")

    expect(page).to_have_title(re.compile(r"^My work"))
    look("my-work")
    tab_to(page, page.get_by_role("main").get_by_role("link", name="Dev Patel").first)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Dev Patel")
    look("child")
    tab_to(page, page.get_by_role("button", name="Record a visit"))
    page.keyboard.press("Space")  # a link drawn as a button answers Space too

    expect(page.get_by_role("heading", level=1)).to_have_text("Record a visit")
    when = page.get_by_role("group", name="Date of visit")
    tab_to(page, when.get_by_label("Day"))
    for part in (today.day, today.month, today.year):
        page.keyboard.type(str(part))
        page.keyboard.press("Tab")
    choose(page, "Was the child seen?", "Yes")
    choose(page, "Was the child seen alone?", "Yes")
    choose(page, "Did the child share their views?", "Yes")
    page.keyboard.press("Tab")
    expect(page.get_by_label("The child's views", exact=True)).to_be_focused()
    page.keyboard.type("I want my dad to come to my football matches")
    choose(page, "How the child expressed their views (optional)", "Spoke with the worker")
    look("visit-form-filled")
    tab_to(page, page.get_by_role("button", name="Save visit"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("alert")).to_contain_text("Visit recorded for Dev Patel")
    expect(page.get_by_text("I want my dad to come to my football matches").first).to_be_visible()
