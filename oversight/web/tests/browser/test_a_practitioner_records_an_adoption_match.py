"""A practitioner records, for a young child in care, the decision that the child should
be placed for adoption and then the match with the adopters, in a real browser; the
record shows both."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from oversight.casework import services
from oversight.casework.models import AdoptionDecision
from oversight.web.tests.browser.steps import sign_in
from oversight.web.words import long_date

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_date(page: Page, group_name: str, day) -> None:
    group = page.get_by_role("group", name=group_name)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_a_practitioner_records_the_decision_then_the_match(
    sign_in_page: Page, look, practitioner, dev, today
):
    services.start_care_episode(dev, started_on=today - timedelta(days=300), legal_status="C2",
                                placement_type="U4", provider="PR1")  # fmt: skip
    decided, matched = today - timedelta(days=120), today - timedelta(days=7)
    page = sign_in_page
    sign_in(page, "sam")
    page.get_by_role("link", name="Dev Patel").first.click()
    page.get_by_role("link", name="Record a decision to place for adoption").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Record a decision to place for adoption")
    fill_date(page, "Date of the decision that the child should be placed for adoption", decided)
    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_role("alert")).to_contain_text("Decision to place for adoption recorded")

    page.get_by_role("link", name="Record the match with adopters").click()
    expect(heading).to_have_text("Record the match with adopters")
    fill_date(page, "Date the child was matched with the adopters", matched)
    page.get_by_label("The adopters").select_option(label="Male and female couple")
    page.get_by_label("Their legal status").select_option(label="Different gender married couple")
    look("match-form")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("alert")).to_contain_text("Match with adopters recorded")
    expect(page.get_by_text(f"Decided {long_date(decided)} to place for adoption; matched "
                            f"{long_date(matched)} with adopters: male and female couple "
                            "(different gender married couple)")).to_be_visible()  # fmt: skip
    look("child-after-match")
    held = AdoptionDecision.objects.get()
    assert (held.decided_on, held.matched_on, held.adopters_sex) == (decided, matched, "MF")
