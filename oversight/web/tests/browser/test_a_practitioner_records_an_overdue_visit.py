"""A practitioner clears an overdue visit from My work by recording it, in a real browser."""

import re

import pytest
from playwright.sync_api import Page, expect

from oversight.web.tests.browser.steps import answer, fill_visit_date, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def overdue_visit(page: Page):
    return (
        page.get_by_role("row").filter(has_text="Dev Patel").filter(has_text="Child in need visit")
    )


def test_a_practitioner_records_the_overdue_visit_with_the_childs_views_and_it_leaves_my_work(
    sign_in_page: Page, look, practitioner, dev, today
):
    page = sign_in_page
    look("sign-in")
    sign_in(page, "sam")

    expect(page).to_have_title(re.compile(r"^My work"))
    expect(overdue_visit(page)).to_contain_text("Overdue")
    look("my-work")

    overdue_visit(page).get_by_role("link", name="Dev Patel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dev Patel")
    look("child")

    page.get_by_role("button", name="Record a visit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a visit")
    look("visit-form")

    page.get_by_role("button", name="Save visit").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    look("visit-form-errors")

    fill_visit_date(page, today)
    answer(page, "Was the child seen?", "Yes")
    answer(page, "Was the child seen alone?", "Yes")
    answer(page, "Did the child share their views?", "Yes")
    page.get_by_label("The child's views", exact=True).fill("I want to keep going to football club")
    answer(page, "How the child expressed their views (optional)", "Spoke with the worker")
    page.get_by_role("button", name="Save visit").click()

    expect(page.get_by_role("alert")).to_contain_text("Visit recorded for Dev Patel")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dev Patel")
    look("child-after-visit")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="My work").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    expect(page.get_by_role("row").filter(has_text="Dev Patel").first).to_be_visible()
    expect(overdue_visit(page)).to_have_count(0)
    look("my-work-after-visit")
