"""A child protection chair finds an overdue review on their worklist, reads the child's
plan, and escalates the drift to the team manager, whose worklist it then joins.

Noah has been on a child protection plan since his initial conference a hundred days ago;
the first review conference was due three months after it, so it is overdue. Ira chairs
his conferences.
"""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.casework import services
from oversight.casework.models import Child
from oversight.web.tests.browser.conftest import with_password
from oversight.web.tests.browser.steps import sign_in
from oversight.web.tests.conftest import person, register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONCERN = "No core group has met since the conference; the plan is drifting."


@pytest.fixture
def iro(db) -> User:
    return with_password(person("ira", Role.IRO))


@pytest.fixture
def noah(team, practitioner, today) -> Child:
    child = register("N600", "Noah", "Hughes", date(today.year - 7, 3, 8), sex="1")
    began = today - timedelta(days=130)
    services.allocate(child, team, practitioner, began)
    referral = services.record_referral(child, received_on=began, source_code="1A", team=team)
    services.decide_referral(referral, decision="assessment", decided_on=began)
    services.complete_assessment(
        referral.assessments.get(), completed_on=began + timedelta(days=5), outcome="strategy"
    )
    _, s47 = services.record_strategy_discussion(referral, held_on=began + timedelta(days=6))
    services.complete_s47(s47, completed_on=today - timedelta(days=110), outcome="icpc")
    services.hold_initial_conference(
        s47, held_on=today - timedelta(days=100), plan_required=True, category_of_abuse="NEG"
    )
    return child


def review_due(page: Page):
    return page.get_by_role("row").filter(has_text="Noah Hughes")


def test_an_iro_raises_an_escalation_about_a_plan(
    sign_in_page: Page, look, iro, noah, team_manager, dev
):
    page = sign_in_page
    sign_in(page, iro.username)
    expect(page).to_have_title(re.compile(r"^My work"))
    expect(review_due(page)).to_contain_text("First child protection review conference")
    expect(review_due(page)).to_contain_text("Overdue")
    expect(page.get_by_role("row").filter(has_text="Dev Patel")).to_have_count(0)
    look("my-work")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Quality").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Escalations")
    expect(page.get_by_text("You have no escalations.")).to_be_visible()

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="My work").click()
    review_due(page).get_by_role("link", name="Noah Hughes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Noah Hughes")
    page.get_by_role("tab", name="Plans").click()
    plans = page.get_by_role("tabpanel", name="Plans")
    expect(plans.get_by_role("row").filter(has_text="Child protection")).to_contain_text("Open")
    expect(plans).to_contain_text("Neglect")
    look("child-plan")

    page.get_by_role("button", name="Raise an escalation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Raise an escalation")
    look("escalation-form")
    page.get_by_role("button", name="Raise the escalation").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    look("escalation-form-errors")

    page.get_by_label("Manager it goes to").select_option(
        label="Morgan Example (Team manager, Safeguarding 1)"
    )
    page.get_by_label("Drift and delay").check()
    page.get_by_label("The concern").fill(CONCERN)
    page.get_by_role("button", name="Raise the escalation").click()
    expect(page.get_by_role("alert")).to_contain_text("Escalation raised to Morgan Example")
    expect(page.get_by_role("heading", level=1)).to_have_text("Escalation: Drift and delay")
    expect(page.get_by_text(CONCERN)).to_be_visible()
    look("escalation")

    page.get_by_role("link", name="Escalations", exact=True).first.click()
    raised = page.get_by_role("row").filter(has_text="Noah Hughes")
    expect(raised).to_contain_text("Drift and delay")
    expect(raised).to_contain_text("Waiting for a response")
    look("escalations")

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, team_manager.username)
    expect(page).to_have_title(re.compile(r"^My work"))
    response_due = page.get_by_role("row").filter(has_text="Noah Hughes")
    expect(response_due.filter(has_text="Response to an escalation")).to_be_visible()
    look("team-manager-my-work")
