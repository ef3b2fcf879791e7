"""How a team works: how quickly it decides, visits, reviews and oversees.

Every team works to ``GOOD_PRACTICE`` unless a practice problem is switched on for it
(``problems``). Intervals are in working days unless a name says otherwise. Each
``*_on_time`` share is the chance that the next event comes before its due date;
otherwise it comes late, by an amount drawn from the ``*_late`` range.
"""

import random
from dataclasses import dataclass

from oversight.synth.rates import OTHER_SOCIAL_WORKER_CHANGES, SOCIAL_WORKER_TURNOVER


@dataclass(frozen=True)
class Practice:
    # The front door: working days to decide a contact, and a referral (weights by day).
    contact_decision_days: tuple[int, ...] = (0, 0, 0, 1, 1)
    referral_decision_days: tuple[tuple[int, int], ...] = ((0, 55), (1, 40), (2, 4), (3, 1))
    # Assessments: working days from the referral to completion.
    assessment_on_time: float = 0.86
    assessment_days: tuple[int, int] = (12, 45)
    assessment_late: tuple[int, int] = (46, 75)
    # Initial conferences: working days from the strategy discussion.
    icpc_on_time: float = 0.84
    icpc_days: tuple[int, int] = (8, 15)
    icpc_late: tuple[int, int] = (16, 25)
    review_on_time: float = 0.93
    # Visits: the gap to the next visit.
    cp_visit_on_time: float = 0.94
    cp_visit_gap: tuple[int, int] = (5, 10)
    cp_visit_late: tuple[int, int] = (11, 14)
    cin_visit_on_time: float = 0.92
    cin_visit_gap: tuple[int, int] = (10, 20)
    cin_visit_late: tuple[int, int] = (21, 28)
    cla_visit_on_time: float = 0.92
    pa_visit_on_time: float = 0.9
    # Permanence plans: the share made by the child's second review, as the statutory
    # guidance expects; a late one comes at a review in the range (the third, ...), if the
    # child is still in care then.
    permanence_plan_on_time: float = 0.9
    permanence_plan_late: tuple[int, int] = (3, 3)
    # Child in need plans: how many months they run.
    cin_plan_months: tuple[int, int] = (3, 12)
    # Management oversight: the gap as a share of the policy interval.
    oversight_on_time: float = 0.9
    oversight_late: tuple[float, float] = (1.05, 1.5)
    oversight_at_decisions: float = 0.9
    # The child at visits.
    seen_share: float = 0.96
    seen_alone_share: float = 0.72
    views_share: float = 0.86
    # Share of the practitioners in post who are agency workers (the DfE's agency rate:
    # 13% in England); more of the new workers are (`posts.agency_share_of_new_workers`).
    agency_share: float = 0.13
    # The workforce: the share of permanent workers leaving in a year; working days before
    # a leaver's children are reallocated (an assumption: within two working weeks); other
    # changes of a child's worker a year.
    permanent_turnover: float = SOCIAL_WORKER_TURNOVER
    reallocation_days: tuple[int, ...] = (1, 2, 3, 5, 8, 10)
    other_worker_changes: float = OTHER_SOCIAL_WORKER_CHANGES

    def contact_decision(self, rng: random.Random) -> int:
        return rng.choice(self.contact_decision_days)

    def referral_decision(self, rng: random.Random) -> int:
        days, weights = zip(*self.referral_decision_days, strict=True)
        return rng.choices(days, weights)[0]

    def assessment_length(self, rng: random.Random) -> int:
        return _on_time_or_late(
            rng, self.assessment_on_time, self.assessment_days, self.assessment_late
        )

    def icpc_wait(self, rng: random.Random) -> int:
        return _on_time_or_late(rng, self.icpc_on_time, self.icpc_days, self.icpc_late)

    def visit_gap(self, rng: random.Random, kind: str) -> int:
        if kind == "cp":
            return _on_time_or_late(
                rng, self.cp_visit_on_time, self.cp_visit_gap, self.cp_visit_late
            )
        return _on_time_or_late(
            rng, self.cin_visit_on_time, self.cin_visit_gap, self.cin_visit_late
        )

    def oversight_gap(self, rng: random.Random, interval: int) -> int:
        if rng.random() < self.oversight_on_time:
            return max(1, round(interval * rng.uniform(0.7, 1.0)))
        return round(interval * rng.uniform(*self.oversight_late))


def _on_time_or_late(
    rng: random.Random, on_time: float, usual: tuple[int, int], late: tuple[int, int]
) -> int:
    return rng.randint(*usual) if rng.random() < on_time else rng.randint(*late)


GOOD_PRACTICE = Practice()
