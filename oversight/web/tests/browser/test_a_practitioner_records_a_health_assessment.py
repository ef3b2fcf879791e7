"""A practitioner sees that a child who came into care five weeks ago is overdue for his
initial health assessment, records it in a real browser, and the record then shows the
assessment and, in the work due, its review a year on (he is 9)."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from oversight.casework import services
from oversight.timescales import add_months
from oversight.web.tests.browser.steps import answer, fill_date, sign_in
from oversight.web.words import long_date

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_practitioner_records_an_overdue_initial_health_assessment(
    sign_in_page: Page, look, practitioner, dev, today
):
    services.start_care_episode(dev, started_on=today - timedelta(days=35), legal_status="C2",
                                placement_type="U4")  # fmt: skip
    page = sign_in_page
    sign_in(page, "sam")
    page.get_by_role("link", name="Dev Patel").first.click()
    work = page.get_by_role("table").filter(has_text="What is due")
    expect(work.get_by_role("row").filter(has_text="Initial health assessment")).to_contain_text(
        "Overdue"
    )
    page.get_by_role("link", name="a health assessment or dental check").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Record a health assessment or dental check"
    )
    look("health-check-form")

    done = today - timedelta(days=2)
    answer(page, "What was done", "Health assessment")
    fill_date(page, "Date it was done", done)
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("alert")).to_contain_text("Health assessment recorded")
    expect(page.get_by_text(f"Last health assessment {long_date(done)}")).to_be_visible()
    review = work.get_by_role("row").filter(has_text="Review health assessment")
    expect(review).to_contain_text(long_date(add_months(done, 12)))
    expect(work).not_to_contain_text("Initial health assessment")
    look("child-after-health-assessment")
