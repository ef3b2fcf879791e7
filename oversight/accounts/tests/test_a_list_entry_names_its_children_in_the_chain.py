"""A list or an export names the children it showed: one row each, covered by the entry's hash."""

import json
from datetime import UTC, datetime

import pytest
import time_machine
from click.testing import CliRunner
from django.db import DatabaseError, connection, transaction

from oversight.accounts.access_log import append, entries_about, verify_chain
from oversight.accounts.chain import GENESIS, Entry, canonical
from oversight.accounts.models import AccessEvent, AppendOnly, ListedChild, User
from oversight.accounts.roles import Role
from oversight.accounts.tests.tampering import with_triggers_off
from oversight.cli import main


@pytest.fixture
def sam(db) -> User:
    return User.objects.create(username="sam", role=Role.PRACTITIONER)


def a_list(**changed: object) -> Entry:
    fields: dict = dict(sequence=1, at=datetime(2025, 3, 12, 10, 0, tzinfo=UTC), user_id=7,
                        username="sam", role="practitioner", action="list-children",
                        child_id=None, detail="search 'Khan', page 1", reason="", address=None,
                        child_ids=(12, 3, 7, 3))  # fmt: skip
    return Entry(**{**fields, **changed})


def test_the_canonical_form_of_a_list_has_its_children_ascending_each_once():
    assert (
        canonical(a_list(), GENESIS)
        == (
            '{"action":"list-children","address":null,"at":"2025-03-12T10:00:00.000000+00:00",'
            '"child_id":null,"child_ids":[3,7,12],"detail":"search \'Khan\', page 1",'
            '"previous_hash":"' + "0" * 64 + '","reason":"","role":"practitioner","sequence":1,'
            '"user_id":7,"username":"sam"}'
        ).encode()
    )


def test_an_entry_listing_no_children_has_no_child_ids_so_older_entries_hash_as_before():
    assert b"child_ids" not in canonical(a_list(child_ids=()), GENESIS)


def test_a_list_is_one_entry_with_one_row_for_each_child_shown(sam):
    event = append(sam, "list-children", detail="my work", child_ids=[12, 3, 7, 3])
    assert AccessEvent.objects.count() == 1
    assert sorted(ListedChild.objects.values_list("event_id", "child_id")) == [
        (event.sequence, 3), (event.sequence, 7), (event.sequence, 12)
    ]  # fmt: skip
    assert verify_chain().ok


def test_the_entries_about_a_child_include_the_lists_that_showed_them_newest_first(sam):
    append(sam, "view-child", child_id=3)
    append(sam, "list-children", child_ids=[3, 7])
    append(sam, "list-children", child_ids=[7])
    append(sam, "export", child_ids=[3, 12])
    assert list(entries_about(3)) == [4, 2, 1]
    assert list(entries_about(7)) == [3, 2]


def test_removing_a_child_from_a_logged_list_breaks_the_chain(sam):
    append(sam, "view-child", child_id=3)
    append(sam, "list-children", child_ids=[3, 7])
    with_triggers_off("DELETE FROM accounts_listedchild WHERE child_id = %s", [7])
    verdict = verify_chain()
    assert (verdict.broken_at, verdict.checked) == (2, 1)
    assert "hash does not match its fields" in verdict.why


def test_adding_a_child_to_a_logged_list_breaks_the_chain(sam):
    append(sam, "list-children", child_ids=[3])
    ListedChild.objects.create(event_id=1, child_id=99)
    assert verify_chain().broken_at == 1


def test_a_listed_child_cannot_be_changed_or_deleted(sam):
    append(sam, "list-children", child_ids=[3])
    listed = ListedChild.objects.get()
    with pytest.raises(AppendOnly):
        listed.delete()
    with pytest.raises(AppendOnly):
        ListedChild.objects.update(child_id=4)
    for sql in ("UPDATE accounts_listedchild SET child_id = 4", "DELETE FROM accounts_listedchild"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert list(ListedChild.objects.values_list("child_id", flat=True)) == [3]


def test_pruning_archives_a_list_with_its_children_and_removes_their_rows(sam, tmp_path):
    with time_machine.travel(datetime(2017, 6, 1, 9, tzinfo=UTC), tick=False):
        append(sam, "list-children", child_ids=[3, 7])
    with time_machine.travel(datetime(2025, 3, 12, 10, tzinfo=UTC), tick=False):
        append(sam, "list-children", child_ids=[7])
        archive = tmp_path / "access-2017.jsonl"
        result = CliRunner().invoke(
            main, ["audit-log", "prune", "--before", "2018-01-01", "--archive", str(archive)]
        )
    assert result.exit_code == 0, result.output
    assert json.loads(archive.read_text())["child_ids"] == [3, 7]
    assert list(ListedChild.objects.values_list("event_id", "child_id")) == [(2, 7)]
    assert verify_chain().ok
