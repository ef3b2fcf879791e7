"""`oversight retention`: counts only, an access-log entry, and old snapshot files gone."""

from datetime import date

import pytest
from click.testing import CliRunner
from django.utils import timezone

from oversight.accounts.models import AccessEvent
from oversight.casework.models import Child
from oversight.casework.tests.conftest import make_child
from oversight.cli import main
from oversight.performance.models import Refresh


@pytest.fixture
def snapshots(db, settings, tmp_path):
    """Five refreshes, each with its snapshot file; the newest three are kept."""
    settings.OVERSIGHT_SNAPSHOT = tmp_path / "snap.duckdb"
    for n in range(5):
        run = Refresh.objects.create(started_at=timezone.now(), as_at=date(2025, 1, 1 + n),
                                     finished_at=timezone.now())  # fmt: skip
        (tmp_path / f"snap-{run.pk}.duckdb").write_bytes(b"x")
    (tmp_path / "snap-orphan.duckdb").write_bytes(b"kept: not a refresh's file")
    return tmp_path


@pytest.fixture
def gone_by_now(db):
    return make_child("GONE", born=date(1990, 1, 1))  # no records since: past the 25th birthday


def test_a_dry_run_says_what_it_would_do_and_does_nothing(snapshots, gone_by_now):
    result = CliRunner().invoke(main, ["retention", "--dry-run", "--as-at", "2026-01-05"])
    assert result.exit_code == 0, result.output
    assert "would erase 1 children" in result.output
    assert "Would delete 2 indicator snapshot files" in result.output
    assert Child.objects.count() == 1 and len(list(snapshots.glob("*.duckdb"))) == 6
    assert not AccessEvent.objects.filter(action="retention-erasure").exists()


def test_erasure_logs_counts_only_and_deletes_the_old_snapshots(snapshots, gone_by_now):
    result = CliRunner().invoke(main, ["retention", "--as-at", "2026-01-05"])
    assert result.exit_code == 0, result.output
    assert "erased 1 children" in result.output and "GONE" not in result.output
    assert Child.objects.count() == 0
    kept = sorted(p.name for p in snapshots.glob("*.duckdb"))
    newest = list(Refresh.objects.values_list("pk", flat=True)[:3])
    assert kept == sorted([*(f"snap-{pk}.duckdb" for pk in newest), "snap-orphan.duckdb"])
    entry = AccessEvent.objects.get(action="retention-erasure")
    assert "erased 1 children" in entry.detail and "2 snapshot files" in entry.detail
    assert entry.child_id is None and "GONE" not in entry.detail
