"""The planned households of prospective adopters: about ``ADOPTER_APPROVALS_PER_10K``
approved a year, most enquiries going no further, stage 1 in about two months and stage 2
in about four, some leaving at each stage, and the same plan for the same seed.

Planned for a population large enough that the shares are steady; nothing is recorded.
"""

import random
from collections import Counter
from datetime import date
from statistics import median

from oversight.casework.services.adopters import ADOPTERS_SEX
from oversight.casework.services.adoption import SEXES_BY_LEGAL_STATUS
from oversight.synth.adopters import Household, plan_households
from oversight.synth.rates import ADOPTER_APPROVALS_PER_10K, ENQUIRIES_TO_APPLICATION

POPULATION = 400_000
START, TODAY = date(2020, 4, 1), date(2025, 3, 31)
LAST_THREE_YEARS = date(2022, 4, 1)


def plan(seed: int = 1, population: int = POPULATION) -> list[Household]:
    return plan_households(
        random.Random(seed), lambda index: random.Random(f"{seed}/{index}"), population,
        START, TODAY,
    )  # fmt: skip


def test_approvals_a_year_are_near_the_national_rate_and_scale_with_the_la():
    approved = [h.approved_on for h in plan() if h.approved_on]
    in_three_years = sum(LAST_THREE_YEARS <= day <= TODAY for day in approved)
    per_10k_a_year = in_three_years / 3 / (POPULATION / 10_000)
    assert abs(per_10k_a_year - ADOPTER_APPROVALS_PER_10K) <= 0.2 * ADOPTER_APPROVALS_PER_10K
    assert 0.4 <= len(plan(population=POPULATION // 2)) / len(plan()) <= 0.6


def test_most_enquiries_do_not_lead_to_an_application():
    households = plan()
    applied = sum("applied_on" in h.steps for h in households) / len(households)
    assert abs(applied - ENQUIRIES_TO_APPLICATION) <= 0.03


def test_stage_1_takes_about_two_months_and_stage_2_about_four_then_the_decision():
    households = plan()
    stage_1 = [(h.steps["stage1_ended_on"] - h.steps["stage1_started_on"]).days
               for h in households if "stage1_ended_on" in h.steps]  # fmt: skip
    stage_2 = [(h.steps["stage2_ended_on"] - h.steps["stage2_started_on"]).days
               for h in households if "stage2_ended_on" in h.steps]  # fmt: skip
    assert 50 <= median(stage_1) <= 75 and 100 <= median(stage_2) <= 135
    for h in households:
        if h.approved_on:
            # 3 to 10 working days: up to three weeks over Christmas.
            assert 3 <= (h.approved_on - h.steps["stage2_ended_on"]).days <= 21
            assert h.steps["stage2_started_on"] <= h.steps["applied_on"] <= h.approved_on


def test_households_leave_at_every_stage_for_each_reason():
    households = plan()
    reached = Counter(list(h.steps)[-1] for h in households if h.left)
    assert {"enquiry_on", "stage1_started_on", "applied_on", "stage2_ended_on"} <= set(reached)
    reasons = {h.left[1] for h in households if h.left} | {h.gives_up[1] for h in households
                                                            if h.gives_up}  # fmt: skip
    assert reasons == {"1", "2", "3"}
    assert all((h.gives_up is None) == (h.approved_on is None) for h in households)
    assert not any(h.fostering_for_adoption and h.approved_on is None for h in households)
    assert any(h.fostering_for_adoption for h in households)


def test_households_are_couples_of_either_sex_or_single_and_their_status_agrees():
    households = plan()
    sexes = Counter(h.sex for h in households)
    assert set(sexes) == {"MF", "FF", "MM", "F1", "M1"} and sexes["MF"] > len(households) / 2
    for h in households:
        assert ADOPTERS_SEX[tuple(sorted(p.sex for p in h.people))] == h.sex
        assert h.sex in SEXES_BY_LEGAL_STATUS[h.legal_status]
        assert len({p.first_name for p in h.people}) == len(h.people)


def test_the_same_seed_plans_the_same_households():
    assert plan(seed=3) == plan(seed=3)
    assert plan(seed=3) != plan(seed=4)
