"""Practice problems that can be switched on, each in one team: the ground truth that
the worklists, indicators and audits must find (DESIGN.md §11)."""

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from oversight.synth.practice import GOOD_PRACTICE, Practice


@dataclass(frozen=True)
class Problem:
    name: str
    description: str
    team_kinds: tuple[str, ...]  # the kinds of team it can affect
    changes: dict[str, object]  # how the team's practice differs from good practice


_PROBLEMS = (
    Problem(
        "slow-front-door",
        "A front door team takes 2-5 working days (some longer) to decide on referrals.",
        ("front_door",),
        {
            "contact_decision_days": (1, 1, 2, 2, 3),
            "referral_decision_days": (
                (0, 8), (1, 12), (2, 20), (3, 20), (4, 14), (5, 12), (7, 8), (10, 6),
            ),
        },
    ),
    Problem(
        "missed-cp-visits",
        "A safeguarding team visits children on child protection plans late or not at all.",
        ("safeguarding",),
        {"cp_visit_on_time": 0.1, "cp_visit_late": (15, 40), "agency_share": 0.4},
    ),
    Problem(
        "absent-oversight",
        "Managers in a children in care team rarely record management oversight on "
        "children's records, and its children drift without a permanence plan.",
        ("children_in_care",),
        {
            "oversight_on_time": 0.05,
            "oversight_late": (2.0, 5.0),
            "oversight_at_decisions": 0.1,
            # Only a children in care team makes permanence plans.
            "permanence_plan_on_time": 0.3,
            "permanence_plan_late": (3, 5),
        },
    ),
    Problem(
        "views-not-recorded",
        "Workers in one team rarely record the child's views (at visits, assessments, "
        "conferences and reviews) or see the child alone.",
        ("safeguarding", "children_in_care", "care_leavers"),
        {"views_share": 0.12, "seen_alone_share": 0.1, "seen_share": 0.9},
    ),
    Problem(
        "drifting-cin-plans",
        "A safeguarding team's child in need plans run long, visits drift and assessments "
        "overrun 45 working days.",
        ("safeguarding",),
        {
            "cin_plan_months": (12, 30),
            "cin_visit_on_time": 0.3,
            "cin_visit_late": (21, 45),
            "assessment_on_time": 0.3,
            "assessment_late": (50, 90),
        },
    ),
    Problem(
        "unstable-workforce",
        "A children in care team cannot keep its social workers: most of its new workers "
        "are agency staff who stay months, a third of the permanent ones leave each year, "
        "children wait weeks or months for a new worker when theirs leaves, and change "
        "workers often.",
        ("children_in_care",),
        {
            "agency_share": 0.4,
            "permanent_turnover": 0.35,
            "reallocation_days": (15, 30, 45, 60, 75, 90),
            "other_worker_changes": 1.0,
        },
    ),
)  # fmt: skip

PROBLEMS: dict[str, str] = {problem.name: problem.description for problem in _PROBLEMS}
_BY_NAME = {problem.name: problem for problem in _PROBLEMS}


def check_problems(problems: Sequence[str]) -> tuple[str, ...]:
    """The problems in a stable order, or ``ValueError`` naming the valid ones."""
    if isinstance(problems, str):  # one name, not a sequence of letters
        problems = (problems,)
    unknown = [name for name in problems if name not in _BY_NAME]
    if unknown:
        raise ValueError(
            f"Unknown problem(s): {', '.join(unknown)}. Choose from: {', '.join(PROBLEMS)}."
        )
    return tuple(name for name in PROBLEMS if name in set(problems))


def choose_problem_teams(
    problems: Sequence[str], teams_by_kind: dict[str, list[str]], rng: random.Random
) -> dict[str, str]:
    """Give each problem one team, a different team for each problem while there are enough."""
    candidates = {
        name: sorted(
            team for kind in _BY_NAME[name].team_kinds for team in teams_by_kind.get(kind, ())
        )
        for name in problems
    }
    chosen: dict[str, str] = {}
    # The problems with fewest possible teams choose first, so that each gets its own.
    for name in sorted(problems, key=lambda name: len(candidates[name])):
        free = [team for team in candidates[name] if team not in chosen.values()]
        chosen[name] = rng.choice(free or candidates[name])
    return {name: chosen[name] for name in problems}


def practice_by_team(problem_teams: dict[str, str]) -> dict[str, Practice]:
    """The practice of every team that has a problem; other teams work to good practice."""
    practices: dict[str, Practice] = {}
    for name, team in problem_teams.items():
        practices[team] = replace(practices.get(team, GOOD_PRACTICE), **_BY_NAME[name].changes)
    return practices
