"""Generating a synthetic LA: plan every journey, staff the teams, then record.

1. Plan: new children arrive from the start of the burn-in to ``today``; each
   journey is planned from the child's own random stream. Children whose work
   ended before the window are dropped; the rest keep only their allocation spans
   (and their matches with adopters).
2. Staff: each team gets practitioners for caseloads near the target, and each
   allocation goes to the least-loaded practitioner at that moment.
3. Adopters: prospective adopters come to the LA's adoption agency over the same
   years; the children placed with the LA's own adopters are matched with approved
   households, and the households are recorded.
4. Record: journeys are planned again from the same streams (so nothing large is
   kept in memory) and recorded through the casework services, a batch of children
   at a time, each child's events in date order.
"""

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from oversight.accounts.models import Team
from oversight.casework.services import detached_batch
from oversight.casework.services.bulk import (
    INSERT_ORDER,
    Renumbering,
    Row,
    indexes_deferred,
    model_named,
    reset_sequences,
)
from oversight.performance.population import set_child_population
from oversight.synth.adopters import plan_households
from oversight.synth.caseloads import Span, allocation_spans, assign_workers, headcounts
from oversight.synth.journey import JourneyPlanner, Step
from oversight.synth.matching import (
    Matched,
    PlannedMatch,
    choose_households,
    matches_by_child,
    planned_matches,
    record_households,
    to_record,
)
from oversight.synth.organisation import (
    Comings,
    Layout,
    Workforce,
    create_workforce,
    team_layout,
)
from oversight.synth.people import ChildProfile
from oversight.synth.places import area
from oversight.synth.population import arrivals
from oversight.synth.problems import check_problems, choose_problem_teams, practice_by_team
from oversight.synth.processes import default_processes, run_in_order
from oversight.synth.recorder import ChildRecorder
from oversight.synth.sizes import SIZES, Size
from oversight.synth.world import World
from oversight.timescales import add_months


@dataclass
class GenerationReport:
    size: str
    seed: int
    today: date
    counts: dict[str, int]  # records per model
    problem_teams: dict[str, str]  # problem -> the one team it affects
    teams: list[str]
    seconds: float
    population: int = 0  # children aged 0-17 in the LA: the denominator of rates
    children: int = field(default=0)  # children with records

    @property
    def events(self) -> int:
        """Every record written, of every model (deadlines, teams and workers included)."""
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class Planned:
    profile: ChildProfile
    spans: list[Span]
    matches: tuple[PlannedMatch, ...] = ()  # with adopters, if the child is placed for adoption


def generate(
    *,
    size: str = "medium",
    seed: int = 1,
    problems: Sequence[str] = (),
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
    processes: int | None = None,
) -> GenerationReport:
    """Simulate an LA up to ``today`` and record it; the same arguments give the same records."""
    started = time.perf_counter()
    chosen = _size(size)
    problem_names = check_problems(problems)
    today = today or date.today()
    say = progress or (lambda message: None)
    layout = team_layout(chosen)
    _refuse_a_second_la(layout)
    problem_teams = choose_problem_teams(
        problem_names, layout.names_by_kind(), _stream(seed, "teams")
    )
    world = World(
        today, add_months(today, -12 * chosen.years), layout, practice_by_team(problem_teams)
    )
    planned = _plan(chosen, world, seed, say)
    staff = _staff(planned, chosen, layout, world, seed, say)
    adopters, adopter_counts = _adopters(planned, chosen, world, seed, say)
    workers = processes or default_processes()
    counts = (
        staff.records | adopter_counts
        | _record(planned, chosen, staff, world, seed, say, workers, adopters)
    )  # fmt: skip
    _record_population(chosen, world)
    seconds = time.perf_counter() - started
    say(f"Done: {sum(counts.values()):,} records in {seconds:.1f} s.")
    return GenerationReport(
        size=chosen.name, seed=seed, today=today, counts=counts, problem_teams=problem_teams,
        teams=[spec.name for spec in layout.teams], seconds=seconds,
        population=chosen.population, children=len(planned),
    )  # fmt: skip


def _record_population(size: Size, world: World) -> None:
    """The synthetic LA's child population, the denominator of its rates, for every year."""
    for year in range(world.window_start.year - 1, world.today.year + 1):
        set_child_population(year, size.population, "synthetic LA")


def _size(name: str) -> Size:
    if name not in SIZES:
        raise ValueError(f"Unknown size {name!r}. Choose from: {', '.join(SIZES)}.")
    return SIZES[name]


def _refuse_a_second_la(layout: Layout) -> None:
    names = [spec.name for spec in layout.teams]
    taken = Team.objects.filter(name__in=names).order_by("name").first()
    if taken is not None:
        raise ValueError(
            f"The database already holds a synthetic LA (there is a team '{taken.name}'). "
            "Generate into an empty database, or clear it first (oversight demo --fresh)."
        )


def _stream(seed: int, *parts: object) -> random.Random:
    """An independent, reproducible random stream for one purpose."""
    return random.Random("/".join(str(part) for part in (seed, *parts)))


def _journey(profile: ChildProfile, world: World, seed: int) -> list[Step]:
    return _planner(profile, world, seed).plan_journey()


def _planner(profile: ChildProfile, world: World, seed: int) -> JourneyPlanner:
    streams = _stream(seed, "journey", profile.index), _stream(seed, "reasons", profile.index)
    return JourneyPlanner(streams[0], profile, world, reasons_rng=streams[1])


def _plan(size: Size, world: World, seed: int, say: Callable[[str], None]) -> list[Planned]:
    start = add_months(world.window_start, -12 * size.burn_in_years)
    say(f"Planning journeys for a {size.name} LA ({size.description}) up to {world.today}...")
    planned, seen = [], 0
    for profile in arrivals(
        _stream(seed, "arrivals"), size.population, start, world.today, len(size.localities)
    ):
        seen += 1
        steps = _journey(profile, world, seed)
        spans = allocation_spans(steps)
        if steps[-1].on >= world.window_start or (spans and spans[-1].end is None):
            planned.append(Planned(profile, spans, planned_matches(steps)))
    say(f"Planned {seen:,} children; {len(planned):,} have records in the window.")
    return planned


def _staff(
    planned: list[Planned], size: Size, layout: Layout, world: World, seed: int,
    say: Callable[[str], None],
) -> Workforce:  # fmt: skip
    teams = [spec.name for spec in layout.teams]
    heads = headcounts((p.spans for p in planned), teams, world.today)
    practices = {team: world.practice(team) for team in teams}
    since = add_months(world.window_start, -12 * size.burn_in_years)
    staff = create_workforce(
        layout, heads, practices, _stream(seed, "workforce"), _stream(seed, "swe-numbers"),
        Comings(f"{seed}/turnover", since, world.today),
    )  # fmt: skip
    left = sum(len(post.tenures) - 1 for posts in staff.practitioners.values() for post in posts)
    say(f"Created {len(teams)} teams with {sum(heads.values())} practitioners' posts; "
        f"{left} workers have left one since {since:%-d %B %Y}.")  # fmt: skip
    return staff


def _adopters(
    planned: list[Planned], size: Size, world: World, seed: int, say: Callable[[str], None]
) -> tuple[dict[int, dict[date, Matched]], dict[str, int]]:
    """The LA's prospective adopters, recorded; and the children's matches with them (by
    the child's number, then the day of the match)."""
    start = add_months(world.window_start, -12 * size.burn_in_years)
    households = plan_households(
        _stream(seed, "adopter-enquiries"), lambda index: _stream(seed, "adopters", index),
        size.population, start, world.today,
    )  # fmt: skip
    matches = [(number, match) for number, p in enumerate(planned) for match in p.matches]
    chosen = choose_households(matches, households, _stream(seed, "matching"))
    matched = {household.index for household in chosen.values()}
    kept = to_record(households, matched, world.window_start)
    recorded = record_households(kept, matched, world.today)
    say(f"Recorded {len(kept):,} prospective adopters' households; {len(chosen)} of "
        f"{len(matches)} children's matches are with one of them.")  # fmt: skip
    counts = {"adopterhousehold": len(kept), "adopter": sum(len(h.people) for h in kept)}
    return matches_by_child(chosen, recorded), counts


def _record(
    planned: list[Planned], size: Size, staff: Workforce, world: World, seed: int,
    say: Callable[[str], None], processes: int, adopters: dict[int, dict[date, Matched]],
) -> dict[str, int]:  # fmt: skip
    indices = assign_workers(
        [p.spans for p in planned], {t: len(w) for t, w in staff.practitioners.items()}
    )
    per_batch = size.children_per_batch
    chunks = [
        range(first, min(first + per_batch, len(planned)))
        for first in range(0, len(planned), per_batch)
    ]

    def record_chunk(chunk: range) -> dict[str, list[Row]]:
        with detached_batch() as writer:
            for number in chunk:
                _record_child(
                    planned[number], number, indices[number], staff, world, seed,
                    adopters.get(number, {}),
                )  # fmt: skip
        return writer.export()

    # The postcodes homes and placements are drawn from, read here: Polars, which reads
    # them, can hang in a process forked from one that has used it (``processes``).
    area()
    counts: dict[str, int] = {}
    numbering = Renumbering()
    tables = [model_named(name) for name in INSERT_ORDER]
    # Millions of rows: their indexes are cheaper built once at the end than row by row.
    with indexes_deferred(tables):
        recorded = run_in_order(record_chunk, chunks, processes)
        for chunk, exported in zip(chunks, recorded, strict=True):
            with transaction.atomic():
                numbering.insert(exported)
            for name, rows in exported.items():
                counts[name] = counts.get(name, 0) + len(rows)
            total = sum(counts.values())
            say(f"Recorded {chunk.stop:,} of {len(planned):,} children ({total:,} records).")
        say("Building indexes...")
    reset_sequences(tables)
    return counts


def _record_child(
    planned: Planned, number: int, workers: list[int], staff: Workforce, world: World, seed: int,
    matches: dict[date, Matched],
) -> None:  # fmt: skip
    profile = planned.profile
    posts = [
        staff.practitioners[span.team][w] for span, w in zip(planned.spans, workers, strict=True)
    ]
    recorder = ChildRecorder(
        _stream(seed, "record", profile.index), profile, f"C{number + 1:06d}", posts, staff, world,
        handover_rng=_stream(seed, "handover", profile.index),
        voice_rng=_stream(seed, "voice", profile.index),
        details_rng=_stream(seed, "details", profile.index),
        outcomes_rng=_stream(seed, "outcomes", profile.index), matches=matches,
        permanence_plans_rng=_stream(seed, "permanence-plans", profile.index),
        health_rng=_stream(seed, "health", profile.index),
        away_rng=_stream(seed, "away", profile.index),
    )  # fmt: skip
    planner = _planner(profile, world, seed)
    # The permanence plans look ahead to where the journey goes after today.
    recorder.record(planner.plan_journey(), later=planner.later)
