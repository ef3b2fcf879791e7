"""Demo accounts come with an authenticator set up; `oversight totp` gives their codes only."""

from datetime import date

import pytest
from click.testing import CliRunner
from django.contrib.auth.password_validation import validate_password

from oversight.accounts.demo import create_demo_accounts
from oversight.accounts.models import Service, Team, User
from oversight.accounts.second_factor import confirmed_device, current_code, demo_key
from oversight.accounts.testing import authenticator
from oversight.cli import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def accounts():
    team = Team.objects.create(name="Safeguarding 1", service=Service.objects.create(name="S"))
    return create_demo_accounts(team, date(2025, 3, 12))


@pytest.fixture
def totp():
    """``oversight totp`` on the test database, whichever the suite runs on."""

    def run(username: str):
        return CliRunner().invoke(main, ["totp", username])

    return run


def test_every_demo_account_has_a_confirmed_device_with_its_demo_key(accounts):
    for account in accounts:
        device = confirmed_device(User.objects.get(username=account.username))
        assert device.key == demo_key(account.username)
        assert len(account.totp_secret) == 32


def test_demo_passwords_pass_the_password_rules(accounts):
    for account in accounts:
        validate_password(account.password, User.objects.get(username=account.username))


def test_the_adoption_service_has_a_demo_practitioner_who_records_adopters(settings):
    from oversight.casework.policy_rules import records_adopters

    first = Team.objects.create(name="Front door 1", service=Service.objects.create(name="F"))
    service = Service.objects.create(name=settings.OVERSIGHT_ADOPTION_SERVICE)
    in_care = Team.objects.create(name="Children in care 1", service=service)
    made = {a.username: a for a in create_demo_accounts(first, date(2025, 3, 12))}
    assert made["adoption"].detail == (
        "practitioner in Children in care 1, records prospective adopters"
    )
    adoption = User.objects.get(username="adoption")
    assert adoption.team == in_care and records_adopters(adoption)


def test_running_the_demo_again_keeps_one_device_per_account(accounts):
    create_demo_accounts(Team.objects.get(), date(2025, 3, 12))
    assert User.objects.get(username="worker").totpdevice_set.count() == 1


def test_oversight_totp_prints_the_current_code_of_a_demo_account(accounts, totp):
    result = totp("manager")
    assert result.exit_code == 0, result.output
    device = confirmed_device(User.objects.get(username="manager"))
    assert result.output.splitlines()[-1] == current_code(device)


def test_oversight_totp_refuses_an_account_that_is_not_a_demo_account(accounts, totp):
    authenticator(User.objects.create(username="real-person"))
    result = totp("real-person")
    assert result.exit_code == 1
    assert "real-person is not a demo account of this database" in result.output


def test_oversight_totp_refuses_a_demo_username_whose_key_is_not_the_demo_key(accounts, totp):
    device = confirmed_device(User.objects.get(username="director"))
    device.key = "00" * 20
    device.save()
    assert totp("director").exit_code == 1


def test_oversight_totp_refuses_an_unknown_username(db, totp):
    assert totp("nobody").exit_code == 1


def test_the_demo_worker_takes_over_a_worker_in_post_not_one_who_left():
    team = Team.objects.create(name="Safeguarding 1", service=Service.objects.create(name="S"))
    left = User.objects.create(username="first", role="practitioner", team=team,
                               is_active=False, left_on=date(2024, 6, 1))  # fmt: skip
    in_post = User.objects.create(username="second", role="practitioner", team=team)
    create_demo_accounts(team, date(2025, 3, 12))
    worker = User.objects.get(username="worker")
    assert worker.pk == in_post.pk and worker.is_active
    assert User.objects.get(pk=left.pk).username == "first"
