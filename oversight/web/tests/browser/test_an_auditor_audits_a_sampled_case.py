"""A QA officer sets up a programme, draws a sample, audits a case and sees the results."""

import re

import pytest
from playwright.sync_api import Page, expect

from oversight.accounts.roles import Role
from oversight.quality.domains import DOMAINS
from oversight.web.tests.browser.conftest import with_password
from oversight.web.tests.browser.steps import sign_in
from oversight.web.tests.conftest import person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_date(page: Page, legend: str, day) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_an_auditor_draws_a_sample_and_audits_a_case(sign_in_page: Page, look, dev, today):
    auditor = with_password(person("quinn", Role.QA_OFFICER))
    page = sign_in_page
    sign_in(page, auditor.username)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Audits").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Case audits")

    page.get_by_role("link", name="Set up a programme").click()
    page.get_by_label("Name").fill("Children in need plans")
    page.get_by_label("Monthly audit of open cases").check()
    page.get_by_label("Random").check()
    page.get_by_label("Sample size").fill("5")
    page.get_by_role("group", name="May a case be drawn again in the same period?").get_by_label(
        "No"
    ).check()
    page.get_by_role("button", name="Save programme").click()
    look("programmes")

    page.get_by_role("link", name=re.compile("^Draw a sample")).click()
    fill_date(page, "Start of the period", today.replace(day=1))
    fill_date(page, "End of the period", today)
    page.get_by_role("button", name="Draw sample").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sample for")
    expect(page.get_by_role("row").filter(has_text="Dev Patel")).to_be_visible()
    look("sample")

    page.get_by_role("button", name=re.compile("^Start audit")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Audit of Dev Patel")
    for key, name in DOMAINS.items():
        page.get_by_role("group", name=f"{name}: grade").get_by_label("Good").check()
        if key != "voice":
            page.get_by_label(f"{name}: evidence").fill("Seen in the case record.")
    page.get_by_role("group", name="Overall grade").get_by_label("Good").check()
    page.get_by_role("button", name="Complete audit").click()
    expect(page.get_by_role("alert")).to_contain_text("Give the evidence")
    look("audit-error")

    page.get_by_label("The voice of the child: evidence").fill(
        "His wish for football is in the plan."
    )
    page.get_by_role("button", name="Complete audit").click()
    expect(page.get_by_text(re.compile("Complete"))).not_to_have_count(0)
    look("audit-complete")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Audits").click()
    page.get_by_role("link", name=re.compile("^Results")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit results")
    look("results")
