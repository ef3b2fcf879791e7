"""People, children and a real browser for the browser tests.

Unlike the other web tests, nothing is frozen: the live server runs in its own thread on
the real clock, so every date is worked out from today. Sam, a practitioner in
Safeguarding 1, has Dev Patel, whose child in need visit fell due weeks ago; Priya, in the
same team, has Ella Ward, whose referral decision is overdue. Morgan manages the team.

Chromium is Debian's (/usr/bin/chromium), driven by Playwright; it only ever talks to the
live server on 127.0.0.1.
"""

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Route

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.accounts.testing import authenticator
from oversight.casework import services
from oversight.casework.models import Child
from oversight.web.tests.browser.accessibility import assert_accessible, watch_for_csp_violations
from oversight.web.tests.conftest import PASSWORD, person, register

CHROMIUM = "/usr/bin/chromium"
QUIET_CHROMIUM = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOOPBACK = "127.0.0.1"


@pytest.fixture(scope="session", autouse=True)
def django_alongside_playwright() -> Iterator[None]:
    """Let Django use the database while Playwright's event loop runs in the same thread.

    Playwright's sync API keeps an asyncio loop on the main thread, which Django takes for
    an async context; the test code itself is synchronous. The live server is kept on
    127.0.0.1 so that the browser never leaves the loopback address.
    """
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        environment.setenv("DJANGO_LIVE_TEST_SERVER_ADDRESS", LOOPBACK)
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": QUIET_CHROMIUM,
    }


@pytest.fixture
def context(context: BrowserContext) -> Iterator[BrowserContext]:
    """The browser context, refusing (and remembering) any request off the loopback."""
    refused: list[str] = []

    def loopback_only(route: Route) -> None:
        if urlsplit(route.request.url).hostname == LOOPBACK:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", loopback_only)
    yield context
    assert not refused, f"The pages asked for something off 127.0.0.1: {refused}"


@pytest.fixture(autouse=True)
def no_csp_violations(request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """Every journey runs under the strict Content Security Policy without breaking it."""
    if "page" not in request.fixturenames:
        yield []
        return
    violations = watch_for_csp_violations(request.getfixturevalue("page"))
    yield violations
    assert not violations, f"The Content Security Policy blocked something: {violations}"


@pytest.fixture(autouse=True)
def frozen_today() -> None:
    """Overrides the web tests' frozen clock: the live server thread must see real dates."""


@pytest.fixture
def today() -> date:
    return date.today()


def with_password(user: User) -> User:
    """The user, able to sign in: a password and an authenticator app set up."""
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    authenticator(user)
    return user


@pytest.fixture
def practitioner(worker) -> User:
    """Sam, the practitioner allocated to Dev."""
    return with_password(worker)


@pytest.fixture
def team_manager(manager) -> User:
    return with_password(manager)


@pytest.fixture
def colleague(team) -> User:
    """Priya, another practitioner in Sam's team."""
    return person("priya", Role.PRACTITIONER, team=team)


@pytest.fixture
def dev(team, practitioner, today) -> Child:
    """On a child in need plan; last visited ten weeks ago, so the next visit is overdue."""
    child = register("D400", "Dev", "Patel", date(today.year - 9, 5, 17), sex="1")
    services.allocate(child, team, practitioner, today - timedelta(days=150))
    plan = services.start_plan(child, kind="cin", start_on=today - timedelta(days=120))
    services.record_visit(
        child,
        kind="cin",
        visited_on=today - timedelta(days=70),
        plan=plan,
        seen=True,
        seen_alone=True,
        views_recorded=True,
        views="I like football club",
    )
    return child


@pytest.fixture
def ella(team, colleague, today) -> Child:
    """Referred a fortnight ago; the decision (due the next working day) was never made."""
    child = register("E500", "Ella", "Ward", date(today.year - 4, 1, 30))
    services.allocate(child, team, colleague, today - timedelta(days=14))
    services.record_referral(
        child, received_on=today - timedelta(days=14), source_code="1A", team=team
    )
    return child


@pytest.fixture
def look(page: Page, request: pytest.FixtureRequest) -> Callable[[str], None]:
    """``look(step)``: save a full-page screenshot of the page, then check it with axe."""
    folder = request.config.rootpath / "test-artifacts" / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    test_name = request.node.originalname

    def check(step: str) -> None:
        page.screenshot(path=folder / f"{test_name}-{step}.png", full_page=True)
        assert_accessible(page, step)

    return check


@pytest.fixture
def sign_in_page(page: Page, live_server) -> Page:
    page.goto(f"{live_server.url}/sign-in/")
    return page


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark everything in this folder ``browser``, so ``-m "not browser"`` never needs Chromium."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)
