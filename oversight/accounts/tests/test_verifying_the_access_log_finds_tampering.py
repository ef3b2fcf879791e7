import pytest
from click.testing import CliRunner

from oversight.accounts.access_log import verify_chain
from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.accounts.tests.tampering import log, with_triggers_off
from oversight.cli import main


@pytest.fixture
def sam(db) -> User:
    return User.objects.create(username="sam", role=Role.PRACTITIONER)


def verify_command() -> tuple[int, str]:
    result = CliRunner().invoke(main, ["audit-log", "verify"])
    return result.exit_code, result.output


def test_an_untouched_log_verifies_with_its_count(sam):
    log(sam, 5)
    assert verify_chain().ok
    status, output = verify_command()
    assert status == 0
    assert "OK: 5 entries verified" in output


def test_an_empty_log_verifies(db):
    assert verify_command()[0] == 0


def test_a_changed_child_is_found_as_a_hash_mismatch(sam):
    log(sam, 5)
    with_triggers_off("UPDATE accounts_accessevent SET child_id = %s WHERE sequence = 3", [999])
    verdict = verify_chain()
    assert (verdict.broken_at, verdict.checked) == (3, 2)
    assert "hash does not match its fields (the entry was changed)" in verdict.why
    status, output = verify_command()
    assert status == 1
    assert "BROKEN at entry 3" in output


def test_a_changed_reason_is_found_even_when_the_hash_is_recomputed_alone(sam):
    """Rewriting one entry's hash to match its new fields breaks the link to the next one."""
    from oversight.accounts.access_log import stored
    from oversight.accounts.chain import Entry, entry_hash
    from oversight.accounts.models import AccessEvent

    log(sam, 4)
    two = stored(AccessEvent.objects.get(sequence=2))
    forged = entry_hash(Entry(**{**two.entry.__dict__, "reason": "routine"}), two.previous_hash)
    with_triggers_off("UPDATE accounts_accessevent SET reason = %s, hash = %s WHERE sequence = 2",
                      ["routine", forged])  # fmt: skip
    verdict = verify_chain()
    assert verdict.broken_at == 3
    assert "previous hash does not match" in verdict.why


def test_a_deleted_middle_entry_is_found_as_a_gap(sam):
    log(sam, 5)
    with_triggers_off("DELETE FROM accounts_accessevent WHERE sequence = 3", [])
    verdict = verify_chain()
    assert verdict.broken_at == 3
    assert "entry 3 is missing (deleted)" in verdict.why
    assert verify_command()[0] == 1


def test_a_deleted_last_entry_is_found_against_the_chain_head(sam):
    log(sam, 5)
    with_triggers_off("DELETE FROM accounts_accessevent WHERE sequence = 5", [])
    verdict = verify_chain()
    assert verdict.broken_at == 5
    assert "the log ends at entry 4 (entries deleted from the end)" in verdict.why
    assert verify_command()[0] == 1


def test_renumbering_after_a_deletion_is_found(sam):
    log(sam, 4)
    with_triggers_off("DELETE FROM accounts_accessevent WHERE sequence = 2", [])
    with_triggers_off("UPDATE accounts_accessevent SET sequence = sequence - 1 WHERE sequence > 2",
                      [])  # fmt: skip
    assert verify_chain().broken_at == 2


def test_swapping_two_entries_is_found(sam):
    log(sam, 4)
    with_triggers_off("UPDATE accounts_accessevent SET sequence = 99 WHERE sequence = 2", [])
    with_triggers_off("UPDATE accounts_accessevent SET sequence = 2 WHERE sequence = 3", [])
    with_triggers_off("UPDATE accounts_accessevent SET sequence = 3 WHERE sequence = 99", [])
    assert verify_chain().broken_at == 2


def test_a_deleted_chain_head_is_found(sam):
    log(sam, 2)
    with_triggers_off("DELETE FROM accounts_accessloghead", [])
    verdict = verify_chain()
    assert not verdict.ok
    assert "chain head is missing" in verdict.why
