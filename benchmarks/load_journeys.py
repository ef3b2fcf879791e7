"""The main journeys, as locust users: run by ``benchmarks.load``, not on their own.

Three kinds of user, each signed in once as their own account, both steps: the password,
then the code their authenticator shows now, worked out from the account's key as the app
would. Every form is posted the way a browser posts it, with the page's CSRF token.

- A practitioner opens their worklist and a child from it and, now and then, records a
  visit to a child on their caseload with the child's views, through the form.
- A team manager opens the team's worklist, a child from it, and the performance
  dashboard.
- A service manager or director opens My work (each team's counts) and the dashboard.

Each request is named after the page (``worklist: practitioner``, ``child record``,
``visit: save`` ...), so locust's statistics come out per page of each journey. The
accounts, and the children each practitioner visits, are in the JSON file named by
``OVERSIGHT_LOAD_ACCOUNTS``; ``OVERSIGHT_LOAD_THINK`` is the pause between a user's steps
in seconds (``1,5``: one to five).
"""

import itertools
import json
import os
import random
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from django_otp.oath import TOTP
from locust import HttpUser, between, task
from locust.exception import StopUser

CHILD_LINK = re.compile(r'href="/children/(\d+)/"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ERROR_SUMMARY = re.compile(r'govuk-error-summary__list">.*?<a[^>]*>([^<]+)</a>', re.S)
LONDON = ZoneInfo("Europe/London")  # the server's day, for the date of a visit


def _accounts() -> dict[str, list[dict]]:
    with open(os.environ["OVERSIGHT_LOAD_ACCOUNTS"], encoding="utf-8") as source:
        return json.load(source)


ACCOUNTS = _accounts()
# Each user takes the next account of its kind; a run never has more users than accounts.
NEXT = {kind: itertools.cycle(found) for kind, found in ACCOUNTS.items() if found}


def _think() -> tuple[float, float]:
    low, high = os.environ.get("OVERSIGHT_LOAD_THINK", "1,5").split(",")
    return float(low), float(high)


def current_code(key_hex: str) -> str:
    """The six digits an authenticator app holding this key shows now."""
    return f"{TOTP(bytes.fromhex(key_hex)).token():06d}"


def csrf_token(html: str) -> str:
    found = CSRF.search(html)
    if found is None:
        raise ValueError("the page has no CSRF token")
    return found.group(1)


class Person(HttpUser):
    """A signed-in user of one role; subclasses say which and what they do."""

    abstract = True
    kind = ""
    wait_time = between(*_think())
    # A request with no answer in a minute is an error, not a user silently stuck all run.
    connection_timeout = network_timeout = 60.0

    def on_start(self) -> None:
        self.account = next(NEXT[self.kind])
        self.sign_in()

    def sign_in(self) -> None:
        """Both steps, as the sign-in pages ask for them; a refusal ends this user."""
        page = self.client.get("/sign-in/", name="sign in: page")
        answer = self.client.post(
            "/sign-in/",
            {"csrfmiddlewaretoken": csrf_token(page.text),
             "username": self.account["username"], "password": self.account["password"]},
            name="sign in: password",
        )  # fmt: skip
        if "Enter your security code" not in answer.text:
            raise StopUser()
        done = self.client.post(
            answer.url,
            {"csrfmiddlewaretoken": csrf_token(answer.text),
             "code": current_code(self.account["key"])},
            name="sign in: code",
        )  # fmt: skip
        if "My work" not in done.text:
            raise StopUser()

    def page(self, path: str, name: str) -> str:
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
                return ""
            if "/sign-in/" in response.url:
                response.failure("signed out")
                return ""
            return response.text

    def open_a_child_from(self, html: str) -> None:
        children = CHILD_LINK.findall(html)
        if children:
            self.page(f"/children/{random.choice(children)}/", "child record")


class Practitioner(Person):
    kind = "practitioner"
    weight = 12

    def on_start(self) -> None:
        super().on_start()
        visits = [tuple(visit) for visit in self.account["visits"]]
        random.shuffle(visits)
        self.visits = itertools.cycle(visits) if visits else None

    @task(3)
    def worklist_and_a_child(self) -> None:
        self.open_a_child_from(self.page("/", "worklist: practitioner"))

    @task(1)
    def record_a_visit(self) -> None:
        if self.visits is None:
            return
        child, kind = next(self.visits)
        record = f"/children/{child}/"
        self.page(record, "child record")
        form = self.page(f"{record}visits/new/", "visit: form")
        if form:
            self.save_visit(child, kind, csrf_token(form))
            self.page(record, "child record")

    def save_visit(self, child: int, kind: str, token: str) -> None:
        today = datetime.now(LONDON).date()
        fields = {
            "csrfmiddlewaretoken": token, "kind": kind,
            "visited_on_day": today.day, "visited_on_month": today.month,
            "visited_on_year": today.year, "seen": "yes", "seen_alone": "yes",
            "views_recorded": "yes", "how_expressed": "spoke",
            "views": "I like my new school and I want to see my nan more often.",
            "what_changed": "Contact with her grandmother added to the plan.",
        }  # fmt: skip
        with self.client.post(
            f"/children/{child}/visits/new/", fields, name="visit: save",
            allow_redirects=False, catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code != 302:
                refused = ERROR_SUMMARY.search(response.text)
                why = refused.group(1).strip() if refused else f"status {response.status_code}"
                response.failure(f"visit not saved: {why}")


class TeamManager(Person):
    kind = "team_manager"
    weight = 5

    @task(3)
    def worklist_and_a_child(self) -> None:
        self.open_a_child_from(self.page("/", "worklist: team manager"))

    @task(1)
    def dashboard(self) -> None:
        self.page("/performance/", "dashboard")


class Leader(Person):
    kind = "leader"
    weight = 3

    @task(1)
    def teams(self) -> None:
        self.page("/", "worklist: teams")

    @task(2)
    def dashboard(self) -> None:
        self.page("/performance/", "dashboard")
