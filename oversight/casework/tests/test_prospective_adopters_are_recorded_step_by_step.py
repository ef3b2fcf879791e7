"""Prospective adopters (``services.adopters``): a household recorded at its enquiry, its
steps in order, its leaving the process, and the match of a child with it."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Adopter, AdopterHousehold, AdoptionDecision
from oversight.casework.services import AdopterDetails

pytestmark = pytest.mark.django_db
ENQUIRY = date(2024, 1, 15)


def person(adopter_id: str, sex: str = "2", **details: object) -> AdopterDetails:
    values = {"first_name": "Test", "last_name": "Adopter", "ethnicity": "WBRI"} | details
    return AdopterDetails(adopter_id=adopter_id, sex=sex, **values)  # type: ignore[arg-type]


def household(family_id: str = "F1", *people: AdopterDetails) -> AdopterHousehold:
    return services.record_adopter_enquiry(
        family_id=family_id, enquiry_on=ENQUIRY, adopters=list(people) or [person("P1")]
    )


def test_an_enquiry_records_the_household_and_its_adopters():
    made = household("F1", person("P1", "1", disabled=True), person("P2", "2"))
    assert made.step == "enquiry received on 15/01/2024"
    assert [(a.adopter_id, a.sex, a.disabled) for a in made.adopters.all()] == [
        ("P1", "1", True),
        ("P2", "2", False),
    ]
    assert services.adopters.adopters_sex(made) == "MF"


@pytest.mark.parametrize(
    ("people", "field", "why"),
    [
        ([], "adopters", "one adopter or a couple"),
        ([person("P1"), person("P2"), person("P3")], "adopters", "one adopter or a couple"),
        ([person("P1"), person("P1")], "adopters.1.adopter_id", "given twice"),
        ([person("P1", sex="M")], "adopters.0.sex", "not a DfE sex code"),
        ([person("P1", ethnicity="XXXX")], "adopters.0.ethnicity", "not a DfE ethnicity"),
    ],
)
def test_an_enquiry_is_refused_with_the_field_at_fault(people, field, why):
    with pytest.raises(services.CaseworkError, match=why) as refused:
        services.record_adopter_enquiry(family_id="F1", enquiry_on=ENQUIRY, adopters=people)
    assert refused.value.field == field
    assert not AdopterHousehold.objects.exists() and not Adopter.objects.exists()


def test_a_family_or_adopter_identifier_is_used_once():
    household("F1", person("P1"))
    with pytest.raises(services.CaseworkError, match="household F1 is already recorded"):
        household("F1", person("P2"))
    with pytest.raises(services.CaseworkError, match="adopter P1 is already recorded"):
        household("F2", person("P1"))
    assert AdopterHousehold.objects.count() == 1


@pytest.mark.parametrize(
    ("family_id", "adopter_id", "field", "why"),
    [
        ("F1", "P2", "family_id", "household F1 is already recorded"),
        ("F2", "P1", "adopters.0.adopter_id", "adopter P1 is already recorded"),
    ],
)
def test_an_identifier_recorded_meanwhile_by_another_request_is_refused_the_same_way(
    monkeypatch, family_id, adopter_id, field, why
):
    """Two requests may both pass the check before either inserts: the database's unique
    constraint refuses the second, and the worker is told why, not shown a server error."""
    household("F1", person("P1"))
    real, calls = services.adopters.already_recorded, []

    def check(*args):  # the first check ran before the other request's insert
        calls.append(args)
        if len(calls) > 1:
            real(*args)

    monkeypatch.setattr(services.adopters, "already_recorded", check)
    with pytest.raises(services.CaseworkError, match=why) as refused:
        household(family_id, person(adopter_id))
    assert refused.value.field == field and len(calls) == 2
    assert AdopterHousehold.objects.count() == 1 and Adopter.objects.count() == 1


def test_the_steps_come_in_their_order():
    made = household()
    services.record_adopter_steps(made, stage1_started_on=date(2024, 2, 1),
                                  stage1_ended_on=date(2024, 4, 1))  # fmt: skip
    with pytest.raises(services.CaseworkError, match=r"stage 2 started \(01/03/2024\) is before"):
        services.record_adopter_steps(made, stage2_started_on=date(2024, 3, 1))
    with pytest.raises(services.CaseworkError, match="application submitted before"):
        services.record_adopter_steps(made, approved_on=date(2024, 9, 1))
    with pytest.raises(services.CaseworkError, match="before the enquiry"):
        services.record_adopter_steps(made, applied_on=date(2024, 1, 14))
    services.record_adopter_steps(
        made, stage2_started_on=date(2024, 4, 2), applied_on=date(2024, 4, 2),
        stage2_ended_on=date(2024, 8, 30), approved_on=date(2024, 9, 5),
        fostering_for_adoption=True,
    )  # fmt: skip
    made.refresh_from_db()
    assert made.step == "application approved on 05/09/2024"
    assert made.fostering_for_adoption and made.version == 3
    # A step taken back (recorded in error) cannot leave a later one without it.
    with pytest.raises(services.CaseworkError, match="stage 1 ended before when the stage 2"):
        services.record_adopter_steps(made, stage1_ended_on=None)


def test_leaving_the_process_comes_after_the_last_step_and_ends_it():
    made = household()
    services.record_adopter_steps(made, stage1_started_on=date(2024, 2, 1))
    with pytest.raises(services.CaseworkError, match="before the household's last step"):
        services.record_adopters_left(made, left_on=date(2024, 1, 31), reason="1")
    with pytest.raises(services.CaseworkError, match="'4' is not one of"):
        services.record_adopters_left(made, left_on=date(2024, 3, 1), reason="4")
    services.record_adopters_left(made, left_on=date(2024, 3, 1), reason="2")
    assert made.step == "left the process on 01/03/2024"
    with pytest.raises(services.CaseworkError, match="left the process on 01/03/2024"):
        services.record_adopter_steps(made, stage1_ended_on=date(2024, 3, 2))


def decision_for_a_child() -> AdoptionDecision:
    child = services.register_child(
        la_child_id="A1", first_name="Test", last_name="Child", sex="2",
        date_of_birth=date(2022, 9, 1), ethnicity="WBRI",
    )  # fmt: skip
    episode, _placement, _plan = services.start_care_episode(
        child, started_on=date(2024, 2, 5), legal_status="C2", placement_type="U4", provider="PR1"
    )
    return services.record_adoption_decision(episode, decided_on=date(2024, 6, 3))


def test_a_child_is_matched_with_an_approved_household_whose_sexes_agree():
    decision = decision_for_a_child()
    couple = household("F1", person("P1", "2"), person("P2", "2"))
    match = {"adopters_sex": "FF", "adopters_legal_status": "L12", "household": couple}
    with pytest.raises(services.CaseworkError, match="was not approved yet") as refused:
        services.record_adoption_match(decision, matched_on=date(2024, 10, 1), **match)
    assert refused.value.field == "household"
    services.record_adopter_steps(
        couple, stage1_started_on=date(2024, 2, 1), stage1_ended_on=date(2024, 4, 1),
        stage2_started_on=date(2024, 4, 2), applied_on=date(2024, 4, 2),
        approved_on=date(2024, 9, 5),
    )  # fmt: skip
    with pytest.raises(services.CaseworkError, match="not approved on 05/09/2024"):
        services.record_adoption_match(decision, matched_on=date(2024, 9, 4), **match)
    with pytest.raises(services.CaseworkError, match="adopters are FF, not MF"):
        services.record_adoption_match(
            decision, matched_on=date(2024, 10, 1), adopters_sex="MF",
            adopters_legal_status="L11", household=couple,
        )  # fmt: skip
    services.record_adoption_match(decision, matched_on=date(2024, 10, 1), **match)
    assert list(couple.matches.all()) == [decision]
