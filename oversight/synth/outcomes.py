"""The year's outcomes of a child looked after for 12 months at 31 March (the OC2 items):
all but the health assessment and teeth check, which the child's recorded checks give
(``synth.health.HealthLog``).

Drawn from a stream of the child's own, after the journey is recorded, so that adding
them leaves every other record of the child as it was. The shares are stated
assumptions, close to the national figures the DfE publishes for children looked after
for 12 months (most have their health assessment, immunisations and teeth checks; few
are convicted or have a substance misuse problem).
"""

import random
from datetime import date
from typing import Any

from oversight.synth.draws import Weights
from oversight.synth.journey import Step
from oversight.synth.people import ChildProfile

RESPITE = ("V3", "V4")
IMMUNISATIONS_SHARE = 0.88
HEALTH_CHECK_SHARE = 0.88  # development checks, under 5
CONVICTED_SHARE = 0.03  # of those aged 10 or over
MISUSE_SHARE = 0.04  # of those aged 10 or over (few younger children)
INTERVENTION_RECEIVED_SHARE = 0.6
INTERVENTION_OFFERED_SHARE = 0.5  # of those who received none
SDQ_SCORED_SHARE = 0.78
SDQ_MEAN, SDQ_SPREAD = 14.0, 7.0
# Why there is no score for a child of 4 to 16 (SDQ1, too young or old, is not a reason).
NO_SCORE = Weights({"SDQ4": 40, "SDQ5": 30, "SDQ2": 15, "SDQ3": 15})


def twelve_month_years(steps: list[Step], today: date) -> list[date]:
    """Each 31 March, by today, at which the child had been looked after for 12 months."""
    years: list[date] = []
    began: date | None = None
    for step in [*steps, Step(today, "today", {})]:
        if step.kind == "start_care" and step.detail.get("legal_status") not in RESPITE:
            began = step.on
        elif step.kind in ("end_care", "today") and began is not None:
            years += _year_ends_within(began, step.on, step.kind == "today")
            began = None
    return years


def _year_ends_within(began: date, ended: date, still_in_care: bool) -> list[date]:
    # From 1 April or before to after 31 March (one who ceases on 31 March was not looked
    # after then); for a child still in care, to today.
    ends = (date(y, 3, 31) for y in range(began.year + 1, ended.year + 1))
    return [
        day
        for day in ends
        if began <= date(day.year - 1, 4, 1) and (day < ended or (still_in_care and day == ended))
    ]


def year_outcomes(rng: random.Random, profile: ChildProfile, year_end: date) -> dict[str, Any]:
    """The OC2 items for one year, as ``record_year_outcomes`` takes them."""
    at_start = profile.age_on(date(year_end.year - 1, 4, 1))
    at_end = profile.age_on(year_end)
    older = at_end >= 10
    misuse = older and rng.random() < MISUSE_SHARE
    received = rng.random() < INTERVENTION_RECEIVED_SHARE if misuse else None
    offered = rng.random() < INTERVENTION_OFFERED_SHARE if received is False else None
    return {
        **_sdq(rng, at_start, at_end),
        "convicted": rng.random() < CONVICTED_SHARE if older else None,
        "health_check": rng.random() < HEALTH_CHECK_SHARE if at_end < 5 else None,
        "immunisations": rng.random() < IMMUNISATIONS_SHARE,
        "substance_misuse": misuse,
        "intervention_received": received,
        "intervention_offered": offered,
    }


def _sdq(rng: random.Random, at_start: int, at_end: int) -> dict[str, Any]:
    if at_end < 4 or at_start >= 17:
        return {}  # not due
    if rng.random() < SDQ_SCORED_SHARE:
        score = round(rng.gauss(SDQ_MEAN, SDQ_SPREAD))
        return {"sdq_score": min(40, max(0, score))}
    turning = at_start < 4 or at_end >= 17
    return {"sdq_reason": "SDQ1" if turning else NO_SCORE.draw(rng)}
