"""``oversight retention`` deletes the validation runs past their days, with their findings,
even when nobody opens the returns pages; ``--dry-run`` only counts them."""

from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.utils import timezone

from oversight.cli import main
from oversight.exchange.validation_runs.models import RunFinding, ValidationRun

pytestmark = pytest.mark.django_db(transaction=True)


def stored_run(days_ago: int) -> ValidationRun:
    at = timezone.now() - timedelta(days=days_ago)
    run = ValidationRun.objects.create(kind="cin-census", year="2025-26", source="upload", at=at)
    RunFinding.objects.create(run=run, position=0, rule="8500", kind="error", message="m",
                              la_child_id="A1")  # fmt: skip
    return run


@pytest.fixture
def runs(settings):
    settings.OVERSIGHT_VALIDATION_RUN_DAYS = 90
    return stored_run(91), stored_run(89)


def retention(*arguments: str) -> str:
    done = CliRunner().invoke(main, ["retention", *arguments], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    return done.output


def test_a_dry_run_counts_the_runs_past_their_days_and_deletes_none(runs):
    assert "Would delete 1 validation runs past their days." in retention("--dry-run")
    assert ValidationRun.objects.count() == 2


def test_retention_deletes_only_the_runs_past_their_days_with_their_findings(runs):
    old, recent = runs
    assert "Deleted 1 validation runs past their days, with their findings." in retention()
    assert list(ValidationRun.objects.all()) == [recent]
    assert list(RunFinding.objects.values_list("run", flat=True)) == [recent.pk]
