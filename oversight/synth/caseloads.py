"""Allocations as spans of time, how many workers each team needs, and who gets whom.

Workers are given to children only once every journey is planned, so that each new
allocation can go to the practitioner in the team with the fewest children at that
moment, as a team manager would allocate.
"""

import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from oversight.synth.journey import Step
from oversight.synth.organisation import practitioners_needed
from oversight.timescales import add_months

FOREVER = date.max.toordinal()


@dataclass(frozen=True, slots=True)
class Span:
    """One allocation: the team, from when, and until when (None: still open)."""

    team: str
    start: date
    end: date | None


def allocation_spans(steps: list[Step]) -> list[Span]:
    """One span for each ``allocate`` step, in order, ending when the work ends."""
    spans: list[Span] = []
    current: tuple[str, date] | None = None
    for step in steps:
        if step.kind == "allocate":
            if current is not None:
                spans.append(Span(current[0], current[1], step.on))
            current = (step.detail["team"], step.on)
        elif current is not None and _ends_work(step):
            spans.append(Span(current[0], current[1], step.on))
            current = None
    if current is not None:
        spans.append(Span(current[0], current[1], None))
    return spans


def _ends_work(step: Step) -> bool:
    if step.kind == "close":
        return True
    if step.kind == "decide_referral":
        return step.detail["decision"] in ("nfa", "early_help")
    # A care leaver's plan ends at 21: the adviser's work ends, though nothing closes it.
    return step.kind == "end_plan" and step.detail["kind"] == "pathway"


def headcounts(
    spans_by_child: Iterable[list[Span]], teams: list[str], today: date
) -> dict[str, int]:
    """Practitioners for each team, from its average caseload over the last year."""
    days = [add_months(today, -month) for month in range(12)]
    open_cases: dict[str, int] = defaultdict(int)
    for spans in spans_by_child:
        for span in spans:
            for day in days:
                if span.start <= day and (span.end is None or span.end > day):
                    open_cases[span.team] += 1
    return {team: practitioners_needed(open_cases[team] / len(days)) for team in teams}


def assign_workers(spans_by_child: list[list[Span]], headcount: dict[str, int]) -> list[list[int]]:
    """For each child, the index (in the team) of the worker given each allocation."""
    starts = sorted(
        (span.start, child, number)
        for child, spans in enumerate(spans_by_child)
        for number, span in enumerate(spans)
    )
    workers: list[list[int]] = [[0] * len(spans) for spans in spans_by_child]
    loads = {team: [0] * count for team, count in headcount.items()}
    ending: dict[str, list[tuple[int, int]]] = {team: [] for team in headcount}
    for start, child, number in starts:
        span = spans_by_child[child][number]
        team_loads, team_ending = loads[span.team], ending[span.team]
        while team_ending and team_ending[0][0] <= start.toordinal():
            _, done = heapq.heappop(team_ending)
            team_loads[done] -= 1
        chosen = min(range(len(team_loads)), key=team_loads.__getitem__)
        team_loads[chosen] += 1
        end = span.end.toordinal() if span.end else FOREVER
        heapq.heappush(team_ending, (end, chosen))
        workers[child][number] = chosen
    return workers
