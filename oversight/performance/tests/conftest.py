"""Small hand-built cases for the indicator tests, and the few helpers that read them.

Each test records a handful of children through the casework services (the one write
path, so due dates and deadlines are stamped as in production), takes an in-memory
snapshot of those records and reads indicators from it. Teams, workers and
``make_child`` are the casework tests' own. The timescale policy is the default one
(a child in need visit every 20 working days, a child protection visit every 10,
management oversight of a child in need every 30) whatever the environment says, so
the due dates worked out by hand in the tests hold.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import duckdb
import pytest
import time_machine

from oversight.accounts.models import Team, User
from oversight.accounts.roles import Role
from oversight.casework import services
from oversight.casework.models import Child, Referral, S47Enquiry
from oversight.casework.policy import current_policy
from oversight.casework.tests import conftest as casework
from oversight.performance.catalogue import indicator
from oversight.performance.engine import Value, compute, prepare
from oversight.performance.periods import Period
from oversight.performance.snapshot import memory_snapshot

# The DfE years most cases fall in: 1 April 2024 to 31 March 2025, and the year after.
YEAR_2025 = Period.reporting_year(2025)
YEAR_2026 = Period.reporting_year(2026)


# The casework tests' teams and people: "Safeguarding 1" with Sam (practitioner) and
# Morgan (team manager), and "Safeguarding 2".
team, other_team, worker, manager = (
    casework.team,
    casework.other_team,
    casework.worker,
    casework.manager,
)


@pytest.fixture(autouse=True)
def frozen_today():
    """Today is Monday 1 June 2026 (indicators read their period, never today).

    The clock ticks on from 10:00, so records made one after another keep their order.
    """
    with time_machine.travel(datetime(2026, 6, 1, 10, 0, tzinfo=ZoneInfo("Europe/London"))):
        yield


@pytest.fixture(autouse=True)
def default_policy(settings):
    settings.OVERSIGHT_POLICY = {}
    current_policy.cache_clear()
    yield
    current_policy.cache_clear()


@pytest.fixture
def other_worker(other_team) -> User:
    """A practitioner in the second team."""
    return User.objects.create(username="olu", role=Role.PRACTITIONER, team=other_team)


# Building cases ------------------------------------------------------------------------


def child(la_child_id: str, born: date = date(2015, 6, 1)) -> Child:
    """A child registered through the services; tests name children A, B, C..."""
    return casework.make_child(la_child_id=la_child_id, born=born)


def referral(
    child: Child,
    on: date,
    decision: str = "",
    *,
    source: str = "1A",
    need: str = "",
    team: Team | None = None,
    by: User | None = None,
) -> Referral:
    """A referral received on ``on``, decided the same day when a decision is given."""
    made = services.record_referral(
        child, received_on=on, source_code=source, primary_need=need, team=team
    )
    if decision:
        services.decide_referral(made, decision=decision, decided_on=on, by=by)
    return made


def s47(child: Child, on: date) -> S47Enquiry:
    """A section 47 enquiry started by a strategy discussion on ``on``."""
    made = referral(child, on, "strategy")
    return services.record_strategy_discussion(made, held_on=on)[1]


# Reading indicators ------------------------------------------------------------------------


def snapshot() -> duckdb.DuckDBPyConnection:
    """The records as they are now, ready for indicator queries."""
    return prepare(memory_snapshot())


def figure(
    db: duckdb.DuckDBPyConnection, indicator_id: str, period: Period, population: int | None = None
) -> Value:
    """The indicator for the whole LA."""
    (value,) = compute(db, indicator(indicator_id), period, population=population)
    return value


def groups(
    db: duckdb.DuckDBPyConnection,
    indicator_id: str,
    period: Period,
    by: str,
    population: int | None = None,
) -> dict[str, tuple[int, int | None, float | None]]:
    """(numerator, denominator, value rounded to 2 places) for each group, by its label."""
    values = compute(db, indicator(indicator_id), period, by=by, population=population)
    return {v.label: (v.numerator, v.denominator, _rounded(v.value)) for v in values}


def counted(db: duckdb.DuckDBPyConnection, indicator_id: str, period: Period) -> list[tuple]:
    """Each unit the indicator's own query lists, as (the child's LA id, counted), sorted.

    Read straight from the query, so a test can say which child counted and why without
    going through the runner (``units()`` is tested on its own).
    """
    sql = indicator(indicator_id).sql
    given = {"start": period.start, "end": period.end}
    parameters = {name: day for name, day in given.items() if f"${name}" in sql}
    rows = db.execute(f"SELECT child_id, counted FROM ({sql})", parameters).fetchall()
    return sorted((la_id(child_id), bool(flag)) for child_id, flag in rows)


def la_id(child_id: int) -> str:
    return Child.objects.values_list("la_child_id", flat=True).get(pk=child_id)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
