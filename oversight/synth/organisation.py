"""The LA's services and teams, and the workers in them.

Each locality has its own front door, assessment and safeguarding (CIN/CP) teams;
children in care and care leavers teams serve the whole LA. Teams, services and
users are not casework, so they are created directly (in bulk) rather than through
the casework services. Practitioners in social work teams have a synthetic Social Work
England number (personal advisers to care leavers need not be social workers).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date

from oversight.accounts.models import Service, Team, User
from oversight.accounts.roles import Role
from oversight.synth.people import worker_name
from oversight.synth.posts import Post, Tenure, agency_share_of_new_workers, tenures
from oversight.synth.practice import Practice
from oversight.synth.sizes import Size

SERVICES = {
    "front_door": "Front door",
    "assessment": "Safeguarding",
    "safeguarding": "Safeguarding",
    "children_in_care": "Children in care",
    "care_leavers": "Care leavers",
}
TEAM_TITLES = {
    "front_door": "Front door",
    "assessment": "Assessment",
    "safeguarding": "Safeguarding",
    "children_in_care": "Children in care",
    "care_leavers": "Care leavers",
}
JOB_TITLES = {
    "front_door": ("Duty social worker", "Social worker", "Senior social worker"),
    "assessment": ("Social worker", "Social worker", "Senior social worker"),
    "safeguarding": ("Social worker", "Social worker", "Senior social worker",
                     "Advanced practitioner"),
    "children_in_care": ("Social worker", "Social worker", "Senior social worker"),
    "care_leavers": ("Personal adviser", "Personal adviser", "Senior personal adviser"),
}  # fmt: skip
MIN_PRACTITIONERS, MAX_PRACTITIONERS = 4, 8
# Personal advisers need not be registered social workers: they have no SWE number.
NOT_SOCIAL_WORKERS = {"care_leavers"}


@dataclass(frozen=True)
class TeamSpec:
    name: str
    kind: str
    locality: int | None  # None for teams that serve the whole LA


@dataclass
class Layout:
    """The LA's teams, and which team a child belongs to for each kind of work."""

    teams: list[TeamSpec]
    _groups: dict[tuple[str, int | None], list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for spec in self.teams:
            self._groups.setdefault((spec.kind, spec.locality), []).append(spec.name)

    def team_for(self, kind: str, locality: int, slot: float) -> str:
        group = self._groups.get((kind, locality)) or self._groups[(kind, None)]
        return group[int(slot * len(group))]

    def names_by_kind(self) -> dict[str, list[str]]:
        by_kind: dict[str, list[str]] = {}
        for spec in self.teams:
            by_kind.setdefault(spec.kind, []).append(spec.name)
        return by_kind


def team_layout(size: Size) -> Layout:
    teams: list[TeamSpec] = []
    for index, place in enumerate(size.localities):
        teams.append(TeamSpec(f"Front door {place}", "front_door", index))
        teams += _numbered(
            "assessment", f"Assessment {place}", size.assessment_teams_per_locality, index
        )
        teams += _numbered(
            "safeguarding", f"Safeguarding {place}", size.safeguarding_teams_per_locality, index
        )
    teams += _numbered("children_in_care", "Children in care", size.children_in_care_teams, None)
    teams += _numbered("care_leavers", "Care leavers", size.care_leaver_teams, None)
    return Layout(teams)  # fmt: skip


def _numbered(kind: str, title: str, count: int, locality: int | None) -> list[TeamSpec]:
    if count == 1:
        return [TeamSpec(title, kind, locality)]
    return [TeamSpec(f"{title} {n}", kind, locality) for n in range(1, count + 1)]


@dataclass
class Workforce:
    """The stored teams, each with its manager and practitioners, by team name."""

    teams: dict[str, Team]
    managers: dict[str, Post]  # each team's manager's post, and who held it
    practitioners: dict[str, list[Post]]  # each practitioner's post, and who held it

    def manager_on(self, team: str, day: date) -> User:
        return self.managers[team].holder_on(day)

    @property
    def records(self) -> dict[str, int]:
        held = sum(len(post.tenures) for posts in self.practitioners.values() for post in posts)
        users = sum(len(post.tenures) for post in self.managers.values()) + held
        services = len({team.service_id for team in self.teams.values()})
        return {"service": services, "team": len(self.teams), "user": users}


def practitioners_needed(open_cases: float) -> int:
    """Enough practitioners for caseloads near the target, within a team's usual size."""
    from oversight.synth.rates import CASELOAD_PER_WORKER

    wanted = round(open_cases / CASELOAD_PER_WORKER)
    return max(MIN_PRACTITIONERS, min(MAX_PRACTITIONERS, wanted))


def create_workforce(
    layout: Layout,
    headcounts: dict[str, int],
    practices: dict[str, Practice],
    rng: random.Random,
    swe_rng: random.Random | None = None,
    comings: Comings | None = None,
) -> Workforce:
    """Store the services, teams and users; ``headcounts`` gives practitioners per team
    (posts, each held by one worker after another with ``comings``, else by one alone)."""
    services = {
        name: Service.objects.get_or_create(name=name)[0]
        for name in dict.fromkeys(SERVICES.values())
    }
    teams = [Team(name=spec.name, service=services[SERVICES[spec.kind]]) for spec in layout.teams]
    Team.objects.bulk_create(teams)
    stored = {team.name: team for team in Team.objects.filter(name__in=[t.name for t in teams])}
    usernames: set[str] = set()
    # SWE numbers draw from their own stream, so the workers are otherwise as they were.
    swe_numbers = SweNumbers(swe_rng or random.Random("swe-numbers"))
    users: list[User] = []
    managers: dict[str, User] = {}
    firsts: dict[str, list[User]] = {}
    for spec in layout.teams:
        team, practice = stored[spec.name], practices[spec.name]
        managers[spec.name] = _user(rng, usernames, team, Role.TEAM_MANAGER, "Team manager", False)
        users.append(managers[spec.name])
        firsts[spec.name] = []
        for _ in range(headcounts[spec.name]):
            user = _practitioner(
                rng, usernames, team, spec.kind, practice.agency_share, swe_numbers
            )
            users.append(user)
            firsts[spec.name].append(user)
    for service in services.values():
        users.append(_service_manager(rng, usernames, service))
    posts: dict[str, list[tuple[Tenure, ...]]] = {}
    for spec in layout.teams:  # after every first holder: they are drawn as they were
        if comings is None:
            posts[spec.name] = [(Tenure(first, None, None),) for first in firsts[spec.name]]
            continue
        team, practice = stored[spec.name], practices[spec.name]
        stream = comings.stream(spec.name)
        # Agency workers stay months: more of the new workers than of those in post are
        # theirs, so that their share of those in post stays the practice's.
        hired = agency_share_of_new_workers(practice.agency_share, practice.permanent_turnover)

        def successor(day: date, team: Team = team, kind: str = spec.kind,
                      hired: float = hired, draws: random.Random = stream) -> User:  # fmt: skip
            user = _practitioner(draws, usernames, team, kind, hired, swe_numbers)
            user.started_on = day
            users.append(user)
            return user

        since, until, turnover = comings.since, comings.today, practice.permanent_turnover
        posts[spec.name] = [
            tuple(tenures(stream, first, since, until, successor, turnover))
            for first in firsts[spec.name]
        ]
    # Managers come and go as permanent workers do, each team's from a stream of its own
    # drawn after the practitioners', whose draws (SWE numbers too) so stay as they were.
    heads: dict[str, tuple[Tenure, ...]] = {}
    for spec in layout.teams:
        team, practice = stored[spec.name], practices[spec.name]
        social_work = spec.kind not in NOT_SOCIAL_WORKERS
        first = managers[spec.name]
        if social_work:  # a social work team's manager is a registered social worker
            first.swe_number = swe_numbers.draw()
        if comings is None:
            heads[spec.name] = (Tenure(first, None, None),)
            continue
        stream = comings.stream(f"{spec.name}/manager")

        def next_manager(day: date, team: Team = team, social_work: bool = social_work,
                         draws: random.Random = stream) -> User:  # fmt: skip
            user = _user(draws, usernames, team, Role.TEAM_MANAGER, "Team manager", False)
            user.started_on = day
            if social_work:
                user.swe_number = swe_numbers.draw()
            users.append(user)
            return user

        turnover = practice.permanent_turnover
        heads[spec.name] = tuple(
            tenures(stream, first, comings.since, comings.today, next_manager, turnover)
        )
    every_post = [post for held in posts.values() for post in held] + list(heads.values())
    for tenure in (t for post in every_post for t in post if t.left is not None):
        tenure.worker.left_on, tenure.worker.is_active = tenure.left, False
    User.objects.bulk_create(users)
    return _workforce(stored, usernames, posts, heads)


@dataclass(frozen=True)
class Comings:
    """Workers leave posts and others take them, from ``since`` to ``today``; each team's
    draws come from a stream of its own (``stream``), so that one team's turnover (a
    practice problem) leaves every other team's as it was."""

    seed: str
    since: date
    today: date

    def stream(self, team: str) -> random.Random:
        return random.Random(f"{self.seed}/{team}")


def _practitioner(
    rng: random.Random, usernames: set[str], team: Team, kind: str, agency_share: float,
    swe_numbers: SweNumbers,
) -> User:  # fmt: skip
    title = rng.choice(JOB_TITLES[kind])
    agency = rng.random() < agency_share
    user = _user(rng, usernames, team, Role.PRACTITIONER, title, agency)
    if kind not in NOT_SOCIAL_WORKERS:
        user.swe_number = swe_numbers.draw()
    return user


def _user(
    rng: random.Random, usernames: set[str], team: Team, role: Role, title: str, agency: bool
) -> User:
    first, last = worker_name(rng)
    return User(
        username=_unique(usernames, f"{first}.{last}".lower()), first_name=first, last_name=last,
        role=role, team=team, service=team.service, job_title=title, is_agency=agency,
        password="!synthetic",  # unusable: synthetic workers cannot sign in
    )  # fmt: skip


def _service_manager(rng: random.Random, usernames: set[str], service: Service) -> User:
    first, last = worker_name(rng)
    return User(
        username=_unique(usernames, f"{first}.{last}".lower()), first_name=first, last_name=last,
        role=Role.SERVICE_MANAGER, service=service, job_title=f"Head of service, {service.name}",
        password="!synthetic",
    )  # fmt: skip


class SweNumbers:
    """Unique synthetic Social Work England numbers: "SW" and six digits."""

    def __init__(self, rng: random.Random) -> None:
        self.rng, self.given = rng, set[str]()

    def draw(self) -> str:
        while (number := f"SW{self.rng.randrange(100_000, 1_000_000)}") in self.given:
            pass
        self.given.add(number)
        return number


def _unique(taken: set[str], wanted: str) -> str:
    name, n = wanted, 1
    while name in taken:
        n += 1
        name = f"{wanted}{n}"
    taken.add(name)
    return name


def _workforce(
    teams: dict[str, Team], usernames: set[str], posts: dict[str, list[tuple[Tenure, ...]]],
    heads: dict[str, tuple[Tenure, ...]],
) -> Workforce:  # fmt: skip
    """The workforce as stored (each user with its id), its posts held as planned."""
    stored = {u.username: u for u in User.objects.filter(username__in=usernames)}
    by_id = {team.pk: team for team in teams.values()}
    for user in stored.values():
        if user.team_id is not None:
            user.team = by_id[user.team_id]

    def as_stored(held: tuple[Tenure, ...]) -> Post:
        return Post(tuple(replace(t, worker=stored[t.worker.username]) for t in held))

    managers = {name: as_stored(held) for name, held in heads.items()}
    practitioners = {name: [as_stored(held) for held in team_posts]
                     for name, team_posts in posts.items()}  # fmt: skip
    return Workforce(teams, managers, practitioners)
