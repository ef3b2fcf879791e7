"""Steps the browser journeys share, done the way a person would with a mouse."""

from datetime import date

from playwright.sync_api import Locator, Page

from oversight.web.tests.conftest import PASSWORD


def sign_in(page: Page, username: str, password: str = PASSWORD) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def fill_visit_date(page: Page, on: date) -> None:
    when = page.get_by_role("group", name="Date of visit")
    when.get_by_label("Day").fill(str(on.day))
    when.get_by_label("Month").fill(str(on.month))
    when.get_by_label("Year").fill(str(on.year))


def answer(page: Page, question: str, choice: str) -> None:
    page.get_by_role("group", name=question, exact=True).get_by_label(choice, exact=True).check()


def tab_to(page: Page, target: Locator, most: int = 80) -> None:
    """Press Tab until ``target`` has the focus, as a keyboard user would, or fail."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{most} presses of Tab never reached {target}")
