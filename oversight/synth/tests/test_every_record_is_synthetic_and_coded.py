"""Every record says it came from the generator, every code is a valid DfE code, and every
name is from the generator's lists."""

import pytest

from oversight.casework import models
from oversight.codes import is_valid

pytestmark = pytest.mark.django_db

RECORDED = [
    models.Child, models.Allocation, models.Contact, models.Referral, models.Assessment,
    models.StrategyDiscussion, models.S47Enquiry, models.Conference, models.Plan, models.Visit,
    models.Review, models.CareEpisode, models.Placement, models.MissingEpisode,
    models.CareLeaverStatus, models.OversightEntry, models.AdoptionDecision,
    models.AdopterHousehold, models.Adopter,
]  # fmt: skip
# (model, field, code set): single codes; fields that may be blank are checked when set.
CODED = [
    (models.Child, "sex", "sex"),
    (models.Child, "ethnicity", "ethnicity"),
    (models.Contact, "source", "referral_source"),
    (models.Referral, "source", "referral_source"),
    (models.Referral, "primary_need", "primary_need"),
    (models.Referral, "reason_for_closure", "reason_for_closure"),
    (models.Plan, "category_of_abuse", "category_of_abuse"),
    (models.Conference, "category_of_abuse", "category_of_abuse"),
    (models.CareEpisode, "legal_status", "legal_status"),
    (models.CareEpisode, "reason_new_episode", "reason_new_episode"),
    (models.CareEpisode, "reason_ceased", "reason_episode_ceased"),
    (models.Placement, "placement_type", "placement_type"),
    (models.Placement, "provider", "placement_provider"),
    (models.Placement, "change_reason", "reason_for_placement_change"),
    (models.Allocation, "change_reason", "reason_for_social_worker_change"),
    (models.CareLeaverStatus, "accommodation", "care_leaver_accommodation"),
    (models.CareLeaverStatus, "activity", "care_leaver_activity"),
    (models.AdoptionDecision, "adopters_sex", "adopters_sex"),
    (models.AdoptionDecision, "adopters_legal_status", "adopters_legal_status"),
    (models.Adopter, "sex", "sex"),
    (models.Adopter, "ethnicity", "ethnicity"),
]
# Fields holding several codes separated by spaces.
CODE_LISTS = [
    (models.Child, "disabilities", "disability"),
    (models.Assessment, "factors", "assessment_factors"),
]


@pytest.mark.parametrize("model", RECORDED, ids=lambda model: model.__name__)
def test_every_record_has_origin_synth(small_la, model):
    assert model.objects.exists()
    assert set(model.objects.values_list("origin", flat=True).distinct()) == {"synth"}


@pytest.mark.parametrize(
    ("model", "field", "code_set"), CODED, ids=lambda v: getattr(v, "__name__", v)
)
def test_every_code_is_in_its_dfe_code_set(small_la, model, field, code_set):
    used = set(model.objects.exclude(**{field: ""}).values_list(field, flat=True).distinct())
    assert used
    assert {code for code in used if not is_valid(code_set, code)} == set()


@pytest.mark.parametrize(
    ("model", "field", "code_set"), CODE_LISTS, ids=lambda v: getattr(v, "__name__", v)
)
def test_every_code_in_a_list_is_in_its_dfe_code_set(small_la, model, field, code_set):
    lists = model.objects.values_list(field, flat=True).distinct()
    used = {code for codes in lists for code in codes.split()}
    assert {code for code in used if not is_valid(code_set, code)} == set()


def test_names_come_from_the_synthetic_lists(small_la):
    from oversight.synth.people import ADULTS, BOYS, GIRLS, SURNAMES

    first = set(models.Child.objects.values_list("first_name", flat=True))
    last = set(models.Child.objects.values_list("last_name", flat=True))
    assert first <= set(BOYS) | set(GIRLS)
    assert last <= set(SURNAMES)
    adopters = set(models.Adopter.objects.values_list("first_name", "last_name"))
    assert adopters and {first for first, _ in adopters} <= set(ADULTS)
    assert {last for _, last in adopters} <= set(SURNAMES)
