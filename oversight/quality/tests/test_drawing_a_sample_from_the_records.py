"""A programme draws its sample from the live records, recorded and reproducible."""

import pytest

from oversight.quality.models import SampledCase
from oversight.quality.services import ProgrammeFacts, QualityError, create_programme, draw_sample
from oversight.quality.tests.conftest import END, START

pytestmark = pytest.mark.django_db


def drawn(sample):
    return [c.child.la_child_id for c in sample.cases.all()]


def test_a_random_sample_is_recorded_with_its_seed_and_can_be_drawn_again(cases, auditor):
    programme = create_programme(ProgrammeFacts("Monthly", "monthly", sample_size=5), auditor)
    first = draw_sample(programme, START, END, auditor, seed=11)
    assert first.population == 12 and first.seed == 11 and len(drawn(first)) == 5
    repeat = create_programme(
        ProgrammeFacts("Monthly again", "monthly", sample_size=5, allow_repeats=True), auditor
    )
    assert drawn(draw_sample(repeat, START, END, auditor, seed=11)) == drawn(first)


def test_a_case_is_not_drawn_twice_in_a_period_unless_the_programme_allows_it(cases, auditor):
    programme = create_programme(ProgrammeFacts("Monthly", "monthly", sample_size=8), auditor)
    first = set(drawn(draw_sample(programme, START, END, auditor, seed=1)))
    second = set(drawn(draw_sample(programme, START, END, auditor, seed=2)))
    assert not first & second and len(second) == 4  # only four were left
    with pytest.raises(QualityError, match="nothing drawn"):
        draw_sample(programme, START, END, auditor, seed=3)


def test_a_sample_stratified_by_team_gives_each_team_its_share(cases, auditor):
    facts = ProgrammeFacts("By team", "monthly", "stratified", 6, stratify_by="team")
    sample = draw_sample(create_programme(facts, auditor), START, END, auditor, seed=5)
    strata = sorted(c.stratum for c in sample.cases.all())
    assert strata == ["Safeguarding 1"] * 4 + ["Safeguarding 2"] * 2  # 8:4 of 12


def test_a_cp_plans_programme_draws_only_children_on_protection_plans(cases, auditor):
    facts = ProgrammeFacts("CP plans", "cp-plans", "stratified", 12, stratify_by="plan")
    sample = draw_sample(create_programme(facts, auditor), START, END, auditor, seed=5)
    assert sample.population == 6
    assert {c.stratum for c in sample.cases.all()} == {"Child protection plan"}


@pytest.mark.parametrize(
    "facts, field",
    [
        (ProgrammeFacts("", "monthly"), "name"),
        (ProgrammeFacts("X", "weekly"), "theme"),
        (ProgrammeFacts("X", "monthly", "stratified"), "stratify_by"),
        (ProgrammeFacts("X", "monthly", "targeted"), "target_indicator"),
        (ProgrammeFacts("X", "monthly", sample_size=0), "sample_size"),
    ],
)
def test_a_programme_that_cannot_sample_is_refused(auditor, facts, field):
    with pytest.raises(QualityError) as refused:
        create_programme(facts, auditor)
    assert refused.value.field == field


def test_a_targeted_sample_needs_the_indicators_computed(cases, auditor):
    facts = ProgrammeFacts(
        "Overdue oversight", "monthly", "targeted", 5, target_indicator="oversight-in-policy"
    )
    programme = create_programme(facts, auditor)
    with pytest.raises(QualityError, match="refresh them first"):
        draw_sample(programme, START, END, auditor)
    assert not SampledCase.objects.exists()
