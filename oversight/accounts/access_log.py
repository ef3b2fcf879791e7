"""The access log's one write path (``append``), its check (``verify_chain``) and pruning.

Entries form a hash chain (``accounts.chain``). Appending locks the chain head, so every
entry gets the next sequence and the previous entry's hash even when many requests log at
once; the lock is held until the entry commits, so an append makes as few round trips as
it can while holding it. An entry for a list or an export names the children it showed:
one row each in ``ListedChild``, written with the entry and covered by its hash, so
``entries_about`` finds a child inside lists as cheaply as in entries about that child
alone. Pruning is the only way entries leave the log: it archives them to a JSON-lines
file with their hashes, then moves the head's anchor past them, so the chain still
verifies from the anchor on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime, time
from pathlib import Path

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import F
from django.utils import timezone

from oversight.accounts.chain import Entry, Stored, Verdict, canonical, entry_hash, verify
from oversight.accounts.models import AccessEvent, AccessLogHead, ListedChild, User

HEAD = 1
LIMIT = 200


class ChainHeadMissing(Exception):
    """The log has entries but no chain head: someone removed it."""


class PruneRefused(Exception):
    """Pruning would remove entries still inside the retention period, or a broken chain."""


def append(
    user: User | None,
    action: str,
    child_id: int | None = None,
    detail: str = "",
    reason: str = "",
    address: str | None = None,
    child_ids: Iterable[int] = (),
) -> AccessEvent:
    """Write one entry at the end of the chain; ``child_ids``: the children a list showed."""
    listed = tuple(sorted(set(child_ids)))
    with transaction.atomic():
        sequence, previous_hash = _advance_head()
        entry = Entry(
            sequence=sequence,
            at=timezone.now(),
            user_id=user.pk if user else None,
            username=user.get_username() if user else "",
            role=getattr(user, "role", "") or "",
            action=action,
            child_id=child_id,
            detail=detail[:LIMIT],
            reason=reason[:LIMIT],
            address=address,
            child_ids=listed,
        )
        digest = entry_hash(entry, previous_hash)
        columns = {k: v for k, v in asdict(entry).items() if k != "child_ids"}
        event = AccessEvent.objects.create(**columns, previous_hash=previous_hash, hash=digest)
        ListedChild.objects.bulk_create(
            ListedChild(event_id=entry.sequence, child_id=child) for child in listed
        )
        AccessLogHead.objects.filter(pk=HEAD).update(last_hash=digest)
    return event


def _advance_head() -> tuple[int, str]:
    """Lock the chain head and move it on by one: the new entry's sequence, and the hash of
    the entry before it.

    One statement locks, moves and reads the head (``UPDATE ... RETURNING``, on PostgreSQL
    and SQLite alike). Appends take turns on this row until they commit, so each round trip
    made while holding it is one every other append waits for too.
    """
    moved = _move_head()
    if moved is None:
        _create_head()
        moved = _move_head()
    assert moved is not None  # the head exists now, created here or by another append
    return moved


def _move_head() -> tuple[int, str] | None:
    head = AccessLogHead._meta
    table, key = connection.ops.quote_name(head.db_table), head.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_sequence = last_sequence + 1 WHERE {key} = %s "
            "RETURNING last_sequence, last_hash",
            [HEAD],
        )
        row = cursor.fetchone()
    return (int(row[0]), str(row[1])) if row else None


def _locked_head() -> AccessLogHead:
    """The chain head, locked until the transaction ends (for pruning).

    Writing to it first takes the lock on both databases: PostgreSQL locks the row, SQLite
    the whole database (it ignores SELECT ... FOR UPDATE). Only then is the head read, so
    nothing appends meanwhile.
    """
    if not _lock_head():
        _create_head()
        _lock_head()
    return AccessLogHead.objects.get(pk=HEAD)


def _create_head() -> None:
    """The first append ever, perhaps several at once: create the head if nobody has,
    without failing when another append just did (INSERT ... ON CONFLICT DO NOTHING).

    Events first, then the head: a head is committed with the first event, so once an
    event is visible its head is too, unless someone deleted it. (Asked the other way
    round, an append committing between the two reads looked like a missing head.)
    """
    if AccessEvent.objects.exists() and not AccessLogHead.objects.filter(pk=HEAD).exists():
        raise ChainHeadMissing("The access log's chain head is missing: run audit-log verify")
    AccessLogHead.objects.bulk_create([AccessLogHead(pk=HEAD)], ignore_conflicts=True)


def _lock_head() -> bool:
    return bool(AccessLogHead.objects.filter(pk=HEAD).update(last_sequence=F("last_sequence")))


def stored(event: AccessEvent) -> Stored:
    """The entry as hashed; its listed children are read (or prefetched) from their rows."""
    entry = Entry(
        sequence=event.sequence, at=event.at, user_id=event.user_id, username=event.username,
        role=event.role, action=event.action, child_id=event.child_id, detail=event.detail,
        reason=event.reason, address=event.address,
        child_ids=tuple(sorted(listed.child_id for listed in event.listed.all())),
    )  # fmt: skip
    return Stored(entry, event.previous_hash, event.hash)


def _in_order(events: models.QuerySet[AccessEvent]) -> Iterator[Stored]:
    ordered = events.order_by("sequence").prefetch_related("listed")
    return (stored(e) for e in ordered.iterator(chunk_size=2000))


def entries_about(child_id: int) -> models.QuerySet:  # type: ignore[type-arg]
    """The sequences of the entries about a child, newest first: those naming the child
    alone, and the lists and exports that showed them (two indexed lookups, one union)."""
    alone = AccessEvent.objects.filter(child_id=child_id).order_by()
    listed = ListedChild.objects.filter(child_id=child_id).order_by()
    return (
        alone.values_list("sequence", flat=True)
        .union(listed.values_list("event_id", flat=True))
        .order_by("-sequence")
    )


def verify_chain() -> Verdict:
    """Recompute every hash from the anchor to the head; the first break, if any."""
    head = AccessLogHead.objects.filter(pk=HEAD).first()
    if head is None:
        first = AccessEvent.objects.order_by("sequence").first()
        if first is None:
            return Verdict(0)
        return Verdict(0, first.sequence, "the chain head is missing (deleted)")
    return verify(
        _in_order(AccessEvent.objects.all()),
        start_sequence=head.pruned_through_sequence,
        start_hash=head.pruned_through_hash,
        head=(head.last_sequence, head.last_hash),
    )


def retention_cutoff(today: date) -> date:
    """The first day still inside the retention period (``OVERSIGHT_ACCESS_LOG_YEARS``)."""
    years = settings.OVERSIGHT_ACCESS_LOG_YEARS
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


@dataclass(frozen=True)
class Pruned:
    """What a prune removed (or, on a dry run, would remove)."""

    count: int
    first: int | None = None
    last: int | None = None
    anchor_hash: str = ""


def prune(before: date, archive: Path | None, dry_run: bool = False) -> Pruned:
    """Archive and remove the entries made before ``before`` (a prefix of the chain)."""
    cutoff = retention_cutoff(timezone.localdate())
    if before > cutoff:
        raise PruneRefused(
            f"entries from {cutoff:%d %B %Y} on are inside the retention period "
            f"({settings.OVERSIGHT_ACCESS_LOG_YEARS} years): choose --before {cutoff} or earlier"
        )
    with transaction.atomic():
        head = _locked_head()
        verdict = verify_chain()
        if not verdict.ok:
            raise PruneRefused(f"the chain is broken, so nothing is pruned: {verdict.why}")
        start = timezone.make_aware(datetime.combine(before, time.min))
        doomed = AccessEvent.objects.filter(at__lt=start)
        last = doomed.order_by("-sequence").first()
        if last is None:
            return Pruned(0)
        first = head.pruned_through_sequence + 1
        result = Pruned(last.sequence - first + 1, first, last.sequence, last.hash)
        if dry_run:
            return result
        if archive is None:
            raise PruneRefused("give --archive FILE: pruned entries are archived, never lost")
        _write_archive(archive, AccessEvent.objects.filter(sequence__lte=last.sequence))
        AccessLogHead.objects.filter(pk=HEAD).update(
            pruned_through_sequence=last.sequence, pruned_through_hash=last.hash,
            pruned_through_at=last.at,
        )  # fmt: skip
        # The one sanctioned delete: the triggers allow it for entries the anchor covers
        # (their listed children first, which point at them).
        models.QuerySet.delete(ListedChild.objects.filter(event_id__lte=last.sequence))
        models.QuerySet.delete(AccessEvent.objects.filter(sequence__lte=last.sequence))
    return result


def _write_archive(path: Path, events: models.QuerySet[AccessEvent]) -> None:
    """One JSON object a line: the canonical form (``previous_hash`` included) and ``hash``."""
    with path.open("x", encoding="utf-8") as out:
        for found in _in_order(events):
            line = json.loads(canonical(found.entry, found.previous_hash))
            line["hash"] = found.hash
            out.write(json.dumps(line, sort_keys=True, ensure_ascii=False) + "\n")
