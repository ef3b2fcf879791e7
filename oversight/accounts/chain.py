"""The access log's hash chain: the canonical form of an entry and its SHA-256 (no Django).

Each entry's hash is SHA-256 over its canonical form, which includes the hash of the
entry before it, so changing, removing or reordering any entry breaks every hash after
it. The canonical form, defined here once:

- a JSON object of the entry's fields, keys sorted, no spaces (separators ``,`` and ``:``),
  UTF-8 without escaping non-ASCII characters;
- the fields: ``sequence``, ``at``, ``user_id``, ``username``, ``role``, ``action``,
  ``child_id``, ``detail``, ``reason``, ``address`` and ``previous_hash``; and, for an entry
  that lists children (a list page, an export), ``child_ids``: the ids of the children it
  showed, ascending, each once. An entry listing none has no ``child_ids`` key, so entries
  written before lists named their children hash as they always did;
- ``at`` in UTC as ISO 8601 with microseconds (``2025-03-12T10:00:00.000000+00:00``),
  ``address`` as Python's ``ipaddress`` writes it, an absent value as ``null``.

The first entry's previous hash is ``GENESIS``, sixty-four zeros.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

GENESIS = "0" * 64


@dataclass(frozen=True)
class Entry:
    """The hashed fields of one access-log entry."""

    sequence: int
    at: datetime
    user_id: int | None
    username: str
    role: str
    action: str
    child_id: int | None
    detail: str
    reason: str
    address: str | None
    child_ids: tuple[int, ...] = ()  # the children a list or an export showed


def canonical(entry: Entry, previous_hash: str) -> bytes:
    fields: dict[str, object] = asdict(entry)
    fields["at"] = entry.at.astimezone(UTC).isoformat(timespec="microseconds")
    fields["address"] = str(ipaddress.ip_address(entry.address)) if entry.address else None
    fields["previous_hash"] = previous_hash
    del fields["child_ids"]
    if entry.child_ids:
        fields["child_ids"] = sorted(set(entry.child_ids))
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: Entry, previous_hash: str) -> str:
    return hashlib.sha256(canonical(entry, previous_hash)).hexdigest()


@dataclass(frozen=True)
class Stored:
    """An entry as the database holds it: its fields and the hashes written with it."""

    entry: Entry
    previous_hash: str
    hash: str


@dataclass(frozen=True)
class Verdict:
    """What verifying the chain found: how many entries were checked, and the first break."""

    checked: int
    broken_at: int | None = None
    why: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(
    entries: Iterable[Stored],
    start_sequence: int = 0,
    start_hash: str = GENESIS,
    head: tuple[int, str] | None = None,
) -> Verdict:
    """Walk ``entries`` in sequence order from the anchor (``start_sequence``, ``start_hash``).

    ``head`` is the last sequence and hash the chain head recorded; entries missing from
    the end (which no hash after them could reveal) show as a head mismatch.
    """
    expected_sequence, expected_previous = start_sequence + 1, start_hash
    checked = 0
    for stored in entries:
        sequence = stored.entry.sequence
        if sequence != expected_sequence:
            why = (
                f"entry {expected_sequence} is missing (deleted): the next entry is {sequence}"
                if sequence > expected_sequence
                else f"entry {sequence} is out of order: expected {expected_sequence}"
            )
            return Verdict(checked, expected_sequence, why)
        if stored.previous_hash != expected_previous:
            why = "its previous hash does not match the entry before it (deleted or reordered)"
            return Verdict(checked, sequence, f"entry {sequence}: {why}")
        if entry_hash(stored.entry, stored.previous_hash) != stored.hash:
            why = "its hash does not match its fields (the entry was changed)"
            return Verdict(checked, sequence, f"entry {sequence}: {why}")
        expected_sequence, expected_previous = sequence + 1, stored.hash
        checked += 1
    last_sequence, last_hash = expected_sequence - 1, expected_previous
    if head is not None and head != (last_sequence, last_hash):
        why = (
            f"the chain head records entry {head[0]}, but the log ends at entry {last_sequence}"
            " (entries deleted from the end)"
            if head[0] > last_sequence
            else f"the chain head records entry {head[0]} with a different hash from the log's"
            f" last entry {last_sequence}"
        )
        return Verdict(checked, last_sequence + 1 if head[0] > last_sequence else head[0], why)
    return Verdict(checked)
