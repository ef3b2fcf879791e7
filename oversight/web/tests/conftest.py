"""The people and children every web test uses, built once here through the services.

Today is frozen at Wednesday 12 March 2025. Two teams in the Safeguarding service:

- Aisha Khan (team 1, allocated to Sam): referral on 1 November 2024, assessment done,
  child in need plan from 2 December 2024, last visited 6 January 2025 (she said "I like
  my new school"), so her next CIN visit was due on 3 February 2025: overdue.
- Ben Jones (team 1, allocated to Sam): a contact on 10 March 2025 waiting for a
  decision, and a referral on 11 March whose decision is due today.
- Cara Lee (team 2, allocated to Olu, the worker in the other team).

The adoption service (``OVERSIGHT_ADOPTION_SERVICE``, "Children in care") has a team in
which Nia works; Jo and Alex Rivers, prospective adopters of family F100, enquired on
15 January 2024 and were approved on 5 September 2024.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from oversight.accounts.models import Service, Team, User
from oversight.accounts.roles import Role
from oversight.accounts.testing import sign_in as sign_in_with_both_steps
from oversight.casework import services
from oversight.casework.models import AdopterHousehold, Child, Referral
from oversight.casework.services import AdopterDetails

TODAY = date(2025, 3, 12)
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(
        datetime(2025, 3, 12, 10, 0, tzinfo=ZoneInfo("Europe/London")), tick=False
    ):
        yield


@pytest.fixture
def service(db) -> Service:
    return Service.objects.create(name="Safeguarding")


@pytest.fixture
def team(service) -> Team:
    return Team.objects.create(name="Safeguarding 1", service=service)


@pytest.fixture
def other_team(service) -> Team:
    return Team.objects.create(name="Safeguarding 2", service=service)


def person(username: str, role: Role, **fields) -> User:
    first, last = username.capitalize(), "Example"
    return User.objects.create(
        username=username, first_name=first, last_name=last, role=role, **fields
    )


@pytest.fixture
def worker(team) -> User:
    """The allocated worker for Aisha and Ben."""
    return person("sam", Role.PRACTITIONER, team=team)


@pytest.fixture
def manager(team) -> User:
    return person("morgan", Role.TEAM_MANAGER, team=team, service=team.service)


@pytest.fixture
def other_worker(other_team) -> User:
    """A practitioner in the other team, who must not see team 1's children."""
    return person("olu", Role.PRACTITIONER, team=other_team)


@pytest.fixture
def service_manager(service) -> User:
    return person("sunita", Role.SERVICE_MANAGER, service=service)


@pytest.fixture
def senior_leader(db) -> User:
    return person("dara", Role.SENIOR_LEADER)


@pytest.fixture
def analyst(db) -> User:
    """A performance analyst: sees the whole LA and prepares the DfE returns."""
    return person("pia", Role.PERFORMANCE_ANALYST)


@pytest.fixture
def administrator(db) -> User:
    return person("alex", Role.ADMINISTRATOR)


@pytest.fixture
def inspector(db) -> User:
    """An inspector whose inspection window ended last year."""
    return person(
        "ines",
        Role.INSPECTOR,
        inspection_window_start=date(2024, 5, 1),
        inspection_window_end=date(2024, 5, 10),
    )


def register(la_child_id: str, first: str, last: str, born: date, sex: str = "2") -> Child:
    return services.register_child(
        la_child_id=la_child_id,
        first_name=first,
        last_name=last,
        sex=sex,
        date_of_birth=born,
        ethnicity="WBRI",
    )


@pytest.fixture
def aisha(team, worker) -> Child:
    child = register("A100", "Aisha", "Khan", date(2014, 7, 3))
    services.allocate(child, team, worker, date(2024, 11, 1))
    referral = services.record_referral(child, received_on=date(2024, 11, 1), source_code="1A")
    services.decide_referral(referral, decision="assessment", decided_on=date(2024, 11, 1))
    services.complete_assessment(
        referral.assessments.get(), completed_on=date(2024, 11, 28), outcome="cin_plan"
    )
    plan = services.start_plan(child, kind="cin", start_on=date(2024, 12, 2))
    services.record_visit(
        child,
        kind="cin",
        visited_on=date(2025, 1, 6),
        plan=plan,
        seen=True,
        seen_alone=True,
        views_recorded=True,
        views="I like my new school",
    )
    return child


@pytest.fixture
def ben(team, worker) -> Child:
    child = register("B200", "Ben", "Jones", date(2019, 2, 14), sex="1")
    services.allocate(child, team, worker, date(2025, 3, 10))
    services.record_contact(child, received_on=date(2025, 3, 10), source_code="1A", team=team)
    services.record_referral(child, received_on=date(2025, 3, 11), source_code="1A", team=team)
    return child


@pytest.fixture
def ben_referral(ben) -> Referral:
    return ben.referrals.get()


@pytest.fixture
def cara(other_team, other_worker) -> Child:
    child = register("C300", "Cara", "Lee", date(2016, 9, 9))
    services.allocate(child, other_team, other_worker, date(2025, 1, 2))
    return child


@pytest.fixture
def dara(team, worker) -> Child:
    """In care since Monday 3 February 2025 (V2, foster care U1), with the worker."""
    child = register("D400", "Dara", "Example", date(2012, 6, 1))
    services.allocate(child, team, worker, on=date(2025, 2, 3))
    services.start_care_episode(
        child, started_on=date(2025, 2, 3), legal_status="V2", placement_type="U1"
    )
    return child


@pytest.fixture
def in_care_team(db, settings) -> Team:
    """A team of the service that records prospective adopters."""
    service = Service.objects.create(name=settings.OVERSIGHT_ADOPTION_SERVICE)
    return Team.objects.create(name="Children in care 1", service=service)


@pytest.fixture
def adoption_worker(in_care_team) -> User:
    """Nia, a practitioner in children in care, who records prospective adopters."""
    return person("nia", Role.PRACTITIONER, team=in_care_team)


def approved_couple(family_id: str = "F100", *ids: str) -> AdopterHousehold:
    """Jo (female) and Alex (male) Rivers, from their enquiry to their approval."""
    first, second = ids or ("P101", "P102")
    couple = [AdopterDetails(first, "Jo", "Rivers", "2", "WBRI"),
              AdopterDetails(second, "Alex", "Rivers", "1", "BCRB", disabled=True)]  # fmt: skip
    household = services.record_adopter_enquiry(
        family_id=family_id, enquiry_on=date(2024, 1, 15), adopters=couple
    )
    return services.record_adopter_steps(
        household, stage1_started_on=date(2024, 2, 1), stage1_ended_on=date(2024, 4, 1),
        stage2_started_on=date(2024, 4, 2), applied_on=date(2024, 4, 2),
        stage2_ended_on=date(2024, 8, 30), approved_on=date(2024, 9, 5),
    )  # fmt: skip


@pytest.fixture
def rivers(db) -> AdopterHousehold:
    return approved_couple()


@pytest.fixture
def signed_in(client):
    """``signed_in(user)`` gives a test client with that user signed in (password and code)."""

    def sign_in(user: User) -> Client:
        return sign_in_with_both_steps(client, user)

    return sign_in


@pytest.fixture
def figures(settings, tmp_path, aisha, ben, cara):
    """The indicators refreshed on today's records, compared with a real LA's figures.

    Cara is seen at a visit, not alone (team 2), so seen-alone is 1 of 2 LA-wide:
    Aisha (team 1) was seen alone.
    """
    from oversight.performance.refresh import refresh

    settings.OVERSIGHT_SNAPSHOT = tmp_path / "snapshot.duckdb"
    settings.OVERSIGHT_LA_CODE = "E06000038"
    services.record_visit(cara, kind="cin", visited_on=date(2025, 2, 3), seen=True,
                          seen_alone=False, views_recorded=False)  # fmt: skip
    return refresh(TODAY, trend_months=3)


@pytest.fixture
def ofsted_outcomes(db, settings):
    """Ofsted's published outcomes of every LA, loaded; this deployment is Reading's."""
    from oversight.exchange.ofsted_outcomes.load import load
    from oversight.exchange.ofsted_outcomes.read import read

    settings.OVERSIGHT_LA_CODE = "E06000038"
    load(read())
