"""Prospective adopters are seen by those who see every record (an inspector only inside
the inspection window) and by the adoption service, which alone records them; anyone
else is refused with a 403. Every list and household viewed is logged, and a household's
page links a matched child's record only for those who may see the child.

Jo and Alex Rivers (F100) are approved; Aisha (Safeguarding 1) is matched with them.
"""

from datetime import date

import pytest
from django.urls import reverse

from oversight.accounts.models import AccessEvent, User
from oversight.accounts.roles import Role
from oversight.casework import services
from oversight.web.tests.conftest import person
from oversight.web.tests.helpers import text

pytestmark = pytest.mark.django_db


def pages(household) -> list[str]:
    return [reverse("web:adopters"), reverse("web:adopter-household", args=[household.pk])]


def forms(household) -> list[str]:
    return [reverse("web:record-adopter-enquiry"),
            reverse("web:adopter-steps", args=[household.pk]),
            reverse("web:adopters-left", args=[household.pk])]  # fmt: skip


def links_the_list(client) -> bool:
    """Whether the navigation links the list of prospective adopters."""
    return (
        f'href="{reverse("web:adopters")}"' in client.get(reverse("web:my-work")).content.decode()
    )


@pytest.fixture
def in_care_manager(in_care_team) -> User:
    return person("tomas", Role.TEAM_MANAGER, team=in_care_team, service=in_care_team.service)


@pytest.fixture
def in_care_head(in_care_team) -> User:
    return person("hana", Role.SERVICE_MANAGER, service=in_care_team.service)


@pytest.fixture
def aisha_matched(aisha, rivers):
    services.start_care_episode(aisha, started_on=date(2024, 1, 8), legal_status="C2",
                                placement_type="U4", provider="PR1")  # fmt: skip
    decision = services.record_adoption_decision(
        aisha.care_episodes.get(), decided_on=date(2024, 6, 3)
    )
    services.record_adoption_match(decision, matched_on=date(2024, 11, 4), adopters_sex="MF",
                                   adopters_legal_status="L11", household=rivers)  # fmt: skip
    return aisha


READERS = ["senior_leader", "analyst", "qa_officer", "inspector_inside", "adoption_worker",
           "in_care_manager", "in_care_head"]  # fmt: skip
OUTSIDERS = ["worker", "manager", "service_manager", "iro", "administrator", "inspector"]


@pytest.fixture
def someone(request, db):
    """The user the parametrised name gives: a fixture, or one made here."""
    made = {
        "qa_officer": lambda: person("quinn", Role.QA_OFFICER),
        "iro": lambda: person("ira", Role.IRO),
        "inspector_inside": lambda: person("ivo", Role.INSPECTOR,
                                           inspection_window_start=date(2025, 3, 1),
                                           inspection_window_end=date(2025, 3, 31)),
    }  # fmt: skip
    name = request.param
    return made[name]() if name in made else request.getfixturevalue(name)


@pytest.mark.parametrize("someone", READERS, indirect=True)
def test_those_who_see_every_record_and_the_adoption_service_see_the_households(
    someone, signed_in, rivers
):
    client = signed_in(someone)
    listed, one = (client.get(page) for page in pages(rivers))
    assert listed.status_code == one.status_code == 200
    assert ("F100 : Jo Rivers and Alex Rivers Jo Rivers and Alex Rivers Application approved "
            "on 5 September 2024 Yes, 5 September 2024 0") in text(listed)  # fmt: skip
    assert "Family F100 Jo Rivers and Alex Rivers Application approved on" in text(one)
    assert links_the_list(client)


@pytest.mark.parametrize("someone", OUTSIDERS, indirect=True)
def test_everyone_else_is_refused_and_nothing_is_logged(someone, signed_in, rivers):
    client = signed_in(someone)
    for page in pages(rivers) + forms(rivers):
        refused = client.get(page)
        assert refused.status_code == 403, page
        assert "Rivers" not in text(refused)
    assert not links_the_list(client)
    assert not AccessEvent.objects.filter(action__endswith="-adopters").exists()


@pytest.mark.parametrize("someone", ["senior_leader", "analyst", "inspector_inside"],
                         indirect=True)  # fmt: skip
def test_those_who_only_read_them_may_not_record_them(someone, signed_in, rivers):
    client = signed_in(someone)
    for page in forms(rivers):
        assert client.get(page).status_code == 403, page
        assert client.post(page, {}).status_code == 403, page
    assert "Record an enquiry" not in text(client.get(reverse("web:adopters")))


@pytest.mark.parametrize("someone", ["adoption_worker", "in_care_manager", "in_care_head"],
                         indirect=True)  # fmt: skip
def test_the_adoption_service_opens_the_forms(someone, signed_in, rivers):
    client = signed_in(someone)
    assert [client.get(page).status_code for page in forms(rivers)] == [200, 200, 200]


def test_a_household_that_does_not_exist_is_not_found(signed_in, adoption_worker):
    missing = reverse("web:adopter-household", args=[99])
    assert signed_in(adoption_worker).get(missing).status_code == 404


def test_the_list_and_a_household_viewed_are_logged_with_the_family_and_the_children(
    signed_in, adoption_worker, rivers, aisha_matched
):
    client = signed_in(adoption_worker)
    client.get(reverse("web:adopters"), REMOTE_ADDR="10.1.2.3")
    client.get(reverse("web:adopter-household", args=[rivers.pk]))
    listed, viewed = AccessEvent.objects.filter(action__endswith="-adopters").order_by("sequence")
    assert (listed.user, listed.address) == (adoption_worker, "10.1.2.3")
    assert listed.action == "list-adopters"
    assert listed.detail == "prospective adopters, page 1: family F100"
    assert (viewed.action, viewed.detail, viewed.child_id) == ("view-adopters", "household F100",
                                                               None)  # fmt: skip
    assert set(viewed.listed.values_list("child_id", flat=True)) == {aisha_matched.pk}


def test_a_matched_child_is_linked_only_for_those_who_may_see_them(
    signed_in, adoption_worker, senior_leader, rivers, aisha_matched
):
    household = reverse("web:adopter-household", args=[rivers.pk])
    record = f'href="{reverse("web:child", args=[aisha_matched.pk])}"'
    seen = signed_in(senior_leader).get(household)
    assert record in seen.content.decode()
    assert "Aisha Khan (A100) 4 November 2024 Stands" in text(seen)
    unseen = signed_in(adoption_worker).get(household)  # Aisha is in Safeguarding
    assert record not in unseen.content.decode() and "Aisha" not in text(unseen)
    assert "A100 4 November 2024 Stands" in text(unseen)
    assert "shown by their LA child id alone" in text(unseen)


def test_who_has_looked_at_the_child_shows_the_household_page_that_named_them(
    signed_in, adoption_worker, senior_leader, rivers, aisha_matched
):
    signed_in(adoption_worker).get(reverse("web:adopter-household", args=[rivers.pk]))
    shown = text(signed_in(senior_leader).get(
        reverse("web:child-access-log", args=[aisha_matched.pk])
    ))  # fmt: skip
    assert "Viewed the prospective adopters the child was matched with household F100" in shown
