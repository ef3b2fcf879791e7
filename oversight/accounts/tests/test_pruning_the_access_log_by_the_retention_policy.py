"""Retention: seven years by default. Today is frozen at 12 March 2025, so entries made
before 12 March 2018 may be pruned; here, three from 2017 and two from 2025."""

import json
from datetime import UTC, datetime

import pytest
import time_machine
from click.testing import CliRunner

from oversight.accounts.access_log import verify_chain
from oversight.accounts.chain import GENESIS, Entry, entry_hash
from oversight.accounts.models import AccessEvent, AccessLogHead, User
from oversight.accounts.roles import Role
from oversight.accounts.tests.tampering import log, with_triggers_off
from oversight.cli import main


@pytest.fixture
def sam(db) -> User:
    return User.objects.create(username="sam", role=Role.SENIOR_LEADER)


@pytest.fixture
def old_and_new(sam):
    with time_machine.travel(datetime(2017, 6, 1, 9, tzinfo=UTC), tick=False):
        log(sam, 3)
    with time_machine.travel(datetime(2025, 3, 12, 10, tzinfo=UTC), tick=False):
        log(sam, 2)
        yield


def prune(*options: str):
    return CliRunner().invoke(main, ["audit-log", "prune", *options])


def test_a_dry_run_says_what_it_would_prune_and_changes_nothing(old_and_new, tmp_path):
    result = prune("--before", "2018-01-01", "--dry-run", "--archive", str(tmp_path / "a.jsonl"))
    assert result.exit_code == 0, result.output
    assert "Dry run: would archive and remove 3 entries (1 to 3), made before 2018-01-01" in (
        result.output
    )
    assert AccessEvent.objects.count() == 5
    assert not (tmp_path / "a.jsonl").exists()
    assert AccessLogHead.objects.get().pruned_through_sequence == 0


def test_pruning_archives_the_old_entries_and_the_log_still_verifies(old_and_new, tmp_path):
    archive = tmp_path / "access-2017.jsonl"
    result = prune("--before", "2018-01-01", "--archive", str(archive))
    assert result.exit_code == 0, result.output
    assert "Archived 3 entries (1 to 3)" in result.output
    assert sorted(AccessEvent.objects.values_list("sequence", flat=True)) == [4, 5]
    head = AccessLogHead.objects.get()
    assert head.pruned_through_sequence == 3
    assert verify_chain().ok
    assert CliRunner().invoke(main, ["audit-log", "verify"]).exit_code == 0
    lines = [json.loads(line) for line in archive.read_text().splitlines()]
    assert [line["sequence"] for line in lines] == [1, 2, 3]
    assert lines[-1]["hash"] == head.pruned_through_hash


def test_the_archive_verifies_on_its_own_from_the_genesis_hash(old_and_new, tmp_path):
    archive = tmp_path / "a.jsonl"
    prune("--before", "2018-01-01", "--archive", str(archive))
    previous = GENESIS
    for line in archive.read_text().splitlines():
        fields = json.loads(line)
        written, fields["at"] = fields.pop("hash"), datetime.fromisoformat(fields["at"])
        assert fields.pop("previous_hash") == previous
        assert entry_hash(Entry(**fields), previous) == written
        previous = written


def test_pruning_inside_the_retention_period_is_refused(old_and_new, tmp_path):
    result = prune("--before", "2019-01-01", "--archive", str(tmp_path / "a.jsonl"))
    assert result.exit_code == 1
    assert "inside the retention period (7 years): choose --before 2018-03-12" in result.output
    assert AccessEvent.objects.count() == 5


def test_the_retention_period_comes_from_the_settings(old_and_new, settings, tmp_path):
    settings.OVERSIGHT_ACCESS_LOG_YEARS = 10
    result = prune("--before", "2015-03-13", "--archive", str(tmp_path / "a.jsonl"))
    assert "choose --before 2015-03-12 or earlier" in result.output


def test_a_broken_chain_is_not_pruned(old_and_new, tmp_path):
    with_triggers_off("UPDATE accounts_accessevent SET detail = 'x' WHERE sequence = 2", [])
    result = prune("--before", "2018-01-01", "--archive", str(tmp_path / "a.jsonl"))
    assert result.exit_code == 1
    assert "the chain is broken, so nothing is pruned: entry 2" in result.output
    assert AccessEvent.objects.count() == 5


def test_an_existing_archive_is_never_overwritten(old_and_new, tmp_path):
    (tmp_path / "a.jsonl").write_text("kept\n")
    result = prune("--before", "2018-01-01", "--archive", str(tmp_path / "a.jsonl"))
    assert result.exit_code == 1
    assert (tmp_path / "a.jsonl").read_text() == "kept\n"
    assert AccessEvent.objects.count() == 5


def test_after_pruning_new_entries_follow_on_and_tampering_is_still_found(
    old_and_new, sam, tmp_path
):
    prune("--before", "2018-01-01", "--archive", str(tmp_path / "a.jsonl"))
    log(sam, 1)
    assert verify_chain().checked == 3
    with_triggers_off("DELETE FROM accounts_accessevent WHERE sequence = 4", [])
    assert verify_chain().broken_at == 4


def test_the_database_lets_pruning_delete_only_what_the_anchor_covers(old_and_new, tmp_path):
    from django.db import DatabaseError, connection, transaction

    prune("--before", "2018-01-01", "--archive", str(tmp_path / "a.jsonl"))
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_accessevent WHERE sequence = 4")
