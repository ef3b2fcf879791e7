import hashlib
from datetime import UTC, datetime, timedelta, timezone

from oversight.accounts.chain import GENESIS, Entry, canonical, entry_hash

LONDON_SUMMER = timezone(timedelta(hours=1))


def an_entry(**changed: object) -> Entry:
    fields: dict = dict(sequence=1, at=datetime(2025, 3, 12, 10, 0, tzinfo=UTC), user_id=7,
                        username="sam", role="practitioner", action="view-child", child_id=42,
                        detail="", reason="", address="10.1.2.3")  # fmt: skip
    return Entry(**{**fields, **changed})


def test_the_canonical_form_is_sorted_compact_json_with_the_previous_hash():
    assert (
        canonical(an_entry(), GENESIS)
        == (
            '{"action":"view-child","address":"10.1.2.3","at":"2025-03-12T10:00:00.000000+00:00",'
            '"child_id":42,"detail":"","previous_hash":"' + "0" * 64 + '","reason":"",'
            '"role":"practitioner","sequence":1,"user_id":7,"username":"sam"}'
        ).encode()
    )


def test_the_hash_is_sha256_of_the_canonical_form():
    expected = hashlib.sha256(canonical(an_entry(), GENESIS)).hexdigest()
    assert entry_hash(an_entry(), GENESIS) == expected


def test_the_time_is_written_in_utc_whatever_zone_it_came_in():
    summer = datetime(2025, 6, 1, 11, 0, tzinfo=LONDON_SUMMER)
    assert b'"at":"2025-06-01T10:00:00.000000+00:00"' in canonical(an_entry(at=summer), GENESIS)


def test_an_ipv6_address_is_written_in_its_short_form():
    long_form = an_entry(address="2001:0db8:0000:0000:0000:0000:0000:0001")
    assert b'"address":"2001:db8::1"' in canonical(long_form, GENESIS)


def test_a_different_previous_hash_gives_a_different_hash():
    assert entry_hash(an_entry(), GENESIS) != entry_hash(an_entry(), "1" * 64)


def test_text_is_kept_as_utf8_not_escaped():
    assert "Zoë".encode() in canonical(an_entry(detail="Zoë"), GENESIS)
