import pytest
from django.db import DatabaseError, connection, transaction

from oversight.accounts.access_log import append, verify_chain
from oversight.accounts.models import AccessEvent, AppendOnly, User
from oversight.accounts.roles import Role


@pytest.fixture
def entry(db) -> AccessEvent:
    sam = User.objects.create(username="sam", role=Role.PRACTITIONER)
    return append(sam, "view-child", child_id=42, address="10.0.0.1")


def test_an_entry_records_who_as_they_were_and_links_to_the_one_before(entry):
    second = append(entry.user, "export", detail="children behind cin-visits")
    assert (entry.sequence, second.sequence) == (1, 2)
    assert (entry.username, entry.role) == ("sam", "practitioner")
    assert second.previous_hash == entry.hash
    assert entry.previous_hash == "0" * 64


def test_saving_an_existing_entry_is_refused(entry):
    entry.child_id = 7
    with pytest.raises(AppendOnly):
        entry.save()


def test_deleting_an_entry_is_refused(entry):
    with pytest.raises(AppendOnly):
        entry.delete()
    with pytest.raises(AppendOnly):
        AccessEvent.objects.filter(pk=entry.pk).delete()


def test_updating_entries_through_a_queryset_is_refused(entry):
    with pytest.raises(AppendOnly):
        AccessEvent.objects.filter(pk=entry.pk).update(child_id=7)


def test_the_database_refuses_an_update_by_sql(entry):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_accessevent SET child_id = 7")
    assert AccessEvent.objects.get().child_id == 42


def test_the_database_refuses_a_delete_by_sql(entry):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_accessevent")
    assert AccessEvent.objects.count() == 1


def test_deleting_a_user_leaves_their_entries_as_they_were(entry):
    entry.user.delete()
    assert AccessEvent.objects.get().username == "sam"
    assert verify_chain().ok
