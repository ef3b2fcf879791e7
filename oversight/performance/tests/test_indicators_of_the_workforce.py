"""The workforce's own indicators, counted in people as the DfE's workforce census counts
them, on small cases worked out by hand: the agency rate and turnover. Their units are
workers, not children."""

from datetime import date

import pytest

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.performance.catalogue import CatalogueError, indicator, parse
from oversight.performance.engine import units
from oversight.performance.periods import Period
from oversight.performance.tests.conftest import figure, groups, snapshot

pytestmark = pytest.mark.django_db

# The DfE's workforce year: to 30 September.
YEAR_TO_SEPTEMBER = Period.year_to(date(2025, 9, 30))


def social_worker(name: str, team, *, agency=False, started=None, left=None, swe="SW1") -> User:
    return User.objects.create(
        username=name, role=Role.PRACTITIONER, team=team, is_agency=agency, swe_number=swe,
        started_on=started, left_on=left, is_active=left is None,
    )  # fmt: skip


@pytest.fixture
def workforce(team, other_team) -> dict[str, User]:
    return {
        # In post on 30 September 2025:
        "ann": social_worker("ann", team),  # employed, since before the records
        "bo": social_worker("bo", team, started=date(2025, 9, 30)),  # employed, from that day
        "cy": social_worker("cy", team, agency=True, started=date(2025, 6, 2)),
        "di": social_worker("di", other_team, left=date(2025, 10, 1)),  # leaves the day after
        "ed": social_worker("ed", other_team, agency=True),
        # Not in post that day:
        "flo": social_worker("flo", team, left=date(2025, 9, 30)),  # left that day: a leaver
        "gus": social_worker("gus", other_team, left=date(2024, 10, 1)),  # left in the year
        "hal": social_worker("hal", team, left=date(2024, 9, 30)),  # left the year before
        "ike": social_worker("ike", team, agency=True, left=date(2025, 3, 1)),  # agency leaver
        "jo": social_worker("jo", team, started=date(2025, 10, 1)),  # starts the day after
        # Not a registered social worker (no Social Work England number): never counted.
        "kit": social_worker("kit", team, swe=""),
        "lou": social_worker("lou", team, swe="", left=date(2025, 5, 1)),
    }


def test_the_agency_rate_is_agency_social_workers_among_those_in_post(workforce):
    db = snapshot()
    # In post: Ann, Bo, Cy, Di, Ed; agency among them: Cy and Ed.
    value = figure(db, "workforce-agency-rate", YEAR_TO_SEPTEMBER)
    assert (value.numerator, value.denominator, value.value) == (2, 5, 40.0)
    assert groups(db, "workforce-agency-rate", YEAR_TO_SEPTEMBER, by="team") == {
        "Safeguarding 1": (1, 3, 33.33),  # Ann, Bo, Cy
        "Safeguarding 2": (1, 2, 50.0),  # Di, Ed
    }


def test_turnover_is_employed_leavers_in_the_year_over_the_employed_in_post(workforce):
    db = snapshot()
    # Employed leavers from 1 October 2024 to 30 September 2025: Flo and Gus (Hal left the
    # day before the year began; Ike was an agency worker). Employed in post on 30
    # September: Ann, Bo and Di. 2 / 3.
    value = figure(db, "workforce-turnover", YEAR_TO_SEPTEMBER)
    assert (value.numerator, value.denominator) == (2, 3)
    assert value.value == pytest.approx(200 / 3)
    assert groups(db, "workforce-turnover", YEAR_TO_SEPTEMBER, by="team") == {
        "Safeguarding 1": (1, 2, 50.0),  # Flo; Ann and Bo
        "Safeguarding 2": (1, 1, 100.0),  # Gus; Di
    }


def test_turnover_can_pass_a_hundred_per_cent(team):
    # The leavers are not among those in post: two leave, one is left.
    social_worker("a", team, left=date(2025, 4, 1))
    social_worker("b", team, left=date(2025, 5, 1))
    social_worker("c", team)
    value = figure(snapshot(), "workforce-turnover", YEAR_TO_SEPTEMBER)
    assert (value.numerator, value.denominator, value.value) == (2, 1, 200.0)


def test_the_units_behind_a_workforce_figure_are_workers_not_children(workforce):
    behind = units(snapshot(), indicator("workforce-turnover"), YEAR_TO_SEPTEMBER)
    who = {User.objects.get(pk=u.worker_id).username: (u.counted, u.event) for u in behind}
    assert who == {
        "flo": (True, "left"), "gus": (True, "left"),
        "ann": (False, "in post"), "bo": (False, "in post"), "di": (False, "in post"),
    }  # fmt: skip
    assert {u.child_id for u in behind} == {None}


def test_an_indicator_of_workers_breaks_down_by_team_alone():
    header = (
        "-- id: x\n-- title: X\n-- theme: Workforce\n-- definition: d\n-- source: s\n"
        "-- unit: percent\n-- polarity: lower\n-- numerator: n\n-- denominator: d\n"
        "-- period: as at\n-- units: workers\n"
    )
    with pytest.raises(CatalogueError, match="workers cannot be broken down by"):
        parse(header + "-- breakdowns: team age\nSELECT 1", "x.sql")
    made = parse(header + "SELECT 1", "x.sql")
    assert (made.counts_children, made.breakdowns) == (False, ("team",))
    with pytest.raises(CatalogueError, match="only a percentage has a base"):
        parse(header.replace("percent", "count") + "-- base: uncounted\nSELECT 1", "x.sql")


def test_a_worker_in_no_team_keeps_their_own_place_in_the_list(team):
    # A child's unit with no team is placed with the child's allocation; a worker is
    # never a child's, so keeps no team, and their own id.
    nat = social_worker("nat", None, agency=True)
    behind = units(snapshot(), indicator("workforce-agency-rate"), YEAR_TO_SEPTEMBER)
    assert [(u.worker_id, u.team_id, u.counted) for u in behind] == [(nat.pk, None, True)]
