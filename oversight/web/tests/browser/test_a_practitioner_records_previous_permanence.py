"""A practitioner records, for a child who has just come into care, that the child was
under a special guardianship order before, in a real browser; the record shows it."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from oversight.casework import services
from oversight.web.tests.browser.steps import answer, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_practitioner_records_a_special_guardianship_order_before_care(
    sign_in_page: Page, look, practitioner, dev, today
):
    services.start_care_episode(dev, started_on=today - timedelta(days=10), legal_status="C2",
                                placement_type="U6")  # fmt: skip
    page = sign_in_page
    sign_in(page, "sam")
    page.get_by_role("link", name="Dev Patel").first.click()
    page.get_by_role("button", name="Record previous permanence").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record previous permanence")
    look("permanence-form")

    answer(page, "Before this period of care, was the child adopted or under an order?",
           "Special guardianship order (SGO)")  # fmt: skip
    page.get_by_label("Local authority that arranged it (optional)").fill("352")
    group = page.get_by_role("group", name="Date of the order (optional)")
    group.get_by_label("Day").fill("17")
    group.get_by_label("Month").fill("5")
    group.get_by_label("Year").fill("2019")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("alert")).to_contain_text("Previous permanence recorded")
    expect(page.get_by_text("Special guardianship order (SGO), arranged by local authority "
                            "352, 17 May 2019")).to_be_visible()  # fmt: skip
    look("child-after-permanence")
    assert date(2019, 5, 17) == dev.care_episodes.get().previous_permanence_on
