"""The returns pages are for analysts, senior leaders and service managers; a run is opened
by its maker and by analysts and senior leaders. Everyone else is refused, and nothing of a
run is shown to them.
"""

from datetime import date

import pytest
from django.urls import reverse

from oversight.accounts.roles import Role
from oversight.web.tests.conftest import person
from oversight.web.tests.returns_uploads import (
    census_with_errors,
    uploaded_run,
)

OUTSIDERS = {
    "practitioner": lambda: person("pat", Role.PRACTITIONER),
    "team manager": lambda: person("tam", Role.TEAM_MANAGER),
    "QA officer": lambda: person("qao", Role.QA_OFFICER),
    "IRO": lambda: person("iro", Role.IRO),
    "administrator": lambda: person("adm", Role.ADMINISTRATOR),
    "inspector in the window": lambda: person(
        "ins",
        Role.INSPECTOR,
        inspection_window_start=date(2025, 3, 1),
        inspection_window_end=date(2025, 3, 31),
    ),  # fmt: skip
}


def run_addresses(pk: int) -> list[tuple[str, str]]:
    return [
        ("get", reverse("web:return-run", args=[pk])),
        ("get", reverse("web:return-run-findings", args=[pk, "csv"])),
        ("post", reverse("web:delete-return-run", args=[pk])),
    ]


def return_addresses() -> list[tuple[str, str]]:
    return [
        ("get", reverse("web:returns")),
        ("post", reverse("web:returns")),
        ("get", reverse("web:census-from-records", args=["2025-26"])),
        ("post", reverse("web:validate-census-from-records", args=["2025-26"])),
    ]


@pytest.fixture
def run(analyst, signed_in, aisha):
    made = uploaded_run(signed_in(analyst), census_with_errors("A100"))
    signed_in(analyst).logout()
    return made


@pytest.mark.parametrize("role", OUTSIDERS)
def test_a_role_that_does_not_prepare_returns_is_refused_every_returns_page(
    role, run, signed_in, client
):
    signed_in(OUTSIDERS[role]())
    for method, address in return_addresses() + run_addresses(run.pk):
        response = getattr(client, method)(address)
        assert response.status_code == 403, f"{role}: {method} {address}"
        assert "A100" not in response.content.decode()
    assert run.__class__.objects.filter(pk=run.pk).exists()


def test_an_inspector_outside_the_window_is_refused_too(inspector, run, signed_in, client):
    signed_in(inspector)
    for method, address in return_addresses() + run_addresses(run.pk):
        assert getattr(client, method)(address).status_code == 403


def test_a_service_manager_prepares_returns_but_does_not_find_an_analysts_run(
    service_manager, run, signed_in, client
):
    signed_in(service_manager)
    assert client.get(reverse("web:returns")).status_code == 200
    for method, address in run_addresses(run.pk):
        response = getattr(client, method)(address)
        assert response.status_code == 404, f"{method} {address}"
        assert "A100" not in response.content.decode()
    assert (
        reverse("web:return-run", args=[run.pk])
        not in client.get(reverse("web:returns")).content.decode()
    )


def test_a_service_managers_run_is_theirs_and_analysts_and_senior_leaders(
    service_manager, senior_leader, analyst, signed_in, client, aisha
):
    mine = uploaded_run(signed_in(service_manager), census_with_errors("A100"))
    assert client.get(reverse("web:return-run", args=[mine.pk])).status_code == 200
    for reader in (senior_leader, analyst):
        signed_in(reader)
        assert client.get(reverse("web:return-run", args=[mine.pk])).status_code == 200
    signed_in(person("sol", Role.SERVICE_MANAGER, service=service_manager.service))
    assert client.get(reverse("web:return-run", args=[mine.pk])).status_code == 404


def test_a_maker_who_no_longer_prepares_returns_no_longer_opens_their_run(
    service_manager, signed_in, client, aisha
):
    mine = uploaded_run(signed_in(service_manager), census_with_errors("A100"))
    service_manager.role = Role.TEAM_MANAGER
    service_manager.save()
    assert client.get(reverse("web:return-run", args=[mine.pk])).status_code == 403


@pytest.mark.parametrize("role", [Role.PERFORMANCE_ANALYST, Role.SENIOR_LEADER,
                                  Role.SERVICE_MANAGER])  # fmt: skip
def test_those_who_prepare_returns_find_them_in_the_navigation(role, signed_in, client, db):
    signed_in(person("pre", role))
    page = client.get(reverse("web:my-work")).content.decode()
    assert f'href="{reverse("web:returns")}"' in page


@pytest.mark.parametrize("role", OUTSIDERS)
def test_others_do_not(role, signed_in, client, db):
    signed_in(OUTSIDERS[role]())
    page = client.get(reverse("web:my-work")).content.decode()
    assert f'href="{reverse("web:returns")}"' not in page
