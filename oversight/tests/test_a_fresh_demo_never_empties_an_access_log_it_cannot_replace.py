"""`oversight demo --fresh` on a database that is not a SQLite file (PostgreSQL, or the
tests' own): its access log is append-only, so the demo refuses to start again there and
says what to do, and the records stay as they were."""

import click
import pytest

from oversight.accounts.access_log import append
from oversight.accounts.models import AccessEvent, Service, Team
from oversight.cli.records import _clear_records

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_database_with_an_access_log_is_left_as_it_is():
    Team.objects.create(name="Front door", service=Service.objects.create(name="Front door"))
    append(None, "export", detail="SSDA903 2025-26")
    with pytest.raises(click.ClickException, match="give --fresh a new database"):
        _clear_records()
    assert AccessEvent.objects.count() == 1 and Team.objects.filter(name="Front door").exists()


def test_a_database_whose_access_log_is_empty_is_emptied():
    Team.objects.create(name="Front door", service=Service.objects.create(name="Front door"))
    _clear_records()
    assert not Team.objects.exists()
