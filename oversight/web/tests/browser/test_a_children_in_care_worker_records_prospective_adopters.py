"""A worker in children in care records an enquiry from a couple who want to adopt, their
steps through assessment to approval, then matches a young child in care with them, in a
real browser; the household's page then shows the child."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from oversight.accounts.models import User
from oversight.casework import services
from oversight.casework.models import AdopterHousehold, AdoptionDecision, Child
from oversight.web.tests.browser.conftest import with_password
from oversight.web.tests.browser.steps import answer, fill_date, sign_in
from oversight.web.tests.conftest import register
from oversight.web.words import long_date

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
JO = {"identifier": "P901", "first name": "Jo", "last name": "Rivers", "sex": "Female",
      "ethnicity": "White British", "disability": "No"}  # fmt: skip
ALEX = {"identifier": "P902", "first name": "Alex", "last name": "Rivers", "sex": "Male",
        "ethnicity": "Caribbean", "disability": "Yes"}  # fmt: skip
# Each step of their assessment, in days before today: approved 190 days ago.
DAYS_AGO = {
    "Stage 1 started": 380, "Stage 1 ended": 300, "Stage 2 started": 299,
    "Application submitted": 299, "Stage 2 ended": 200, "Application approved": 190,
}  # fmt: skip


@pytest.fixture
def nia(adoption_worker) -> User:
    return with_password(adoption_worker)


@pytest.fixture
def bea(in_care_team, nia, today) -> Child:
    """Two years old, in care for well over a year, to be placed for adoption."""
    child = register("S600", "Bea", "Stone", date(today.year - 2, 1, 20))
    services.allocate(child, in_care_team, nia, today - timedelta(days=500))
    episode, _, _ = services.start_care_episode(
        child, started_on=today - timedelta(days=500), legal_status="C2", placement_type="U4",
        provider="PR1",
    )  # fmt: skip
    services.record_adoption_decision(episode, decided_on=today - timedelta(days=300))
    return child


def enter_adopter(page: Page, who: str, details: dict[str, str]) -> None:
    """One adopter's answers; ``who`` is "the adopter" or "the second adopter"."""
    whose = f"{who[:1].upper()}{who[1:]}'s"
    for what in ("identifier", "first name", "last name"):
        page.get_by_label(f"{whose} {what}", exact=True).fill(details[what])
    answer(page, f"{whose} sex", details["sex"])
    page.get_by_label(f"{whose} ethnicity", exact=True).select_option(label=details["ethnicity"])
    answer(page, f"Does {who} have a disability?", details["disability"])


def test_a_worker_records_a_couple_from_enquiry_to_approval_then_a_match(
    sign_in_page: Page, look, nia, bea, today
):
    enquired, approved = today - timedelta(days=400), today - timedelta(days=190)
    page = sign_in_page
    sign_in(page, "nia")
    menu = page.get_by_role("navigation", name="Menu")
    menu.get_by_role("link", name="Prospective adopters").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Prospective adopters")
    expect(page.get_by_text("No prospective adopters are recorded.")).to_be_visible()

    page.get_by_role("button", name="Record an enquiry").click()
    expect(heading).to_have_text("Record an enquiry from prospective adopters")
    page.get_by_label("Family identifier").fill("F900")
    fill_date(page, "Date the enquiry was received", enquired)
    enter_adopter(page, "the adopter", JO)
    # The second adopter's questions are revealed inside this one: its own Yes comes first.
    couple = page.get_by_role("group", name="Is a second adopter applying with them?")
    couple.get_by_label("Yes", exact=True).first.check()
    enter_adopter(page, "the second adopter", ALEX)
    look("enquiry-form")
    page.get_by_role("button", name="Save the enquiry").click()
    expect(page.get_by_role("alert")).to_contain_text("Enquiry recorded for household F900")
    expect(heading).to_have_text("Jo Rivers and Alex Rivers")
    expect(page.get_by_text(f"Enquiry received on {long_date(enquired)}.")).to_be_visible()
    look("household-after-enquiry")

    page.get_by_role("button", name="Record the household's steps").click()
    expect(heading).to_have_text("Record the household's steps")
    for step, days_ago in DAYS_AGO.items():
        fill_date(page, step, today - timedelta(days=days_ago))
    answer(page, "Are they approved for fostering for adoption or concurrent planning?", "No")
    look("steps-form")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Steps recorded for household F900")
    expect(page.get_by_text(f"Application approved on {long_date(approved)}.")).to_be_visible()

    menu.get_by_role("link", name="Children").click()
    page.get_by_role("link", name="Stone, Bea").click()
    page.get_by_role("link", name="Record the match with adopters").click()
    expect(heading).to_have_text("Record the match with adopters")
    fill_date(page, "Date the child was matched with the adopters", today - timedelta(days=7))
    page.get_by_label("The LA's prospective adopters (optional)").select_option(
        label=f"F900: Jo Rivers and Alex Rivers (approved {long_date(approved)})"
    )
    page.get_by_label("The adopters", exact=True).select_option(label="Male and female couple")
    page.get_by_label("Their legal status").select_option(label="Different gender married couple")
    look("match-form")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Match with adopters recorded")

    menu.get_by_role("link", name="Prospective adopters").click()
    expect(page.get_by_role("row", name="F900")).to_contain_text("Application approved")
    look("list")
    page.get_by_role("link", name="F900").click()
    matched = page.get_by_role("table", name="Children matched with them")
    expect(matched.get_by_role("link", name="Bea Stone")).to_be_visible()
    look("household-matched")
    household = AdopterHousehold.objects.get()
    assert (household.approved_on, household.recorded_by) == (approved, nia)
    assert AdoptionDecision.objects.get(child=bea).household == household
