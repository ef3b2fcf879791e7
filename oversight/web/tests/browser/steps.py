"""Steps the browser journeys share, done the way a person would with a mouse."""

from datetime import date

from playwright.sync_api import Locator, Page, expect

from oversight.accounts.models import User
from oversight.accounts.second_factor import confirmed_device, current_code
from oversight.web.tests.conftest import PASSWORD


def enter_password(page: Page, username: str, password: str = PASSWORD) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def sign_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Both steps: the password, then the code the user's authenticator shows now."""
    enter_password(page, username, password)
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your security code")
    page.get_by_label("Security code").fill(code_now(username))
    page.get_by_role("button", name="Continue").click()


def code_now(username: str) -> str:
    """What the authenticator app of ``username`` (given one by ``with_password``) shows."""
    device = confirmed_device(User.objects.get(username=username))
    assert device is not None, f"{username} has no authenticator: use with_password"
    return current_code(device)


def fill_visit_date(page: Page, on: date) -> None:
    when = page.get_by_role("group", name="Date of visit")
    when.get_by_label("Day").fill(str(on.day))
    when.get_by_label("Month").fill(str(on.month))
    when.get_by_label("Year").fill(str(on.year))


def fill_date(page: Page, question: str, on: date) -> None:
    """The day, month and year boxes of the date input named ``question``."""
    when = page.get_by_role("group", name=question, exact=True)
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
