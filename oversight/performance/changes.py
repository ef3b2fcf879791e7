"""Counting the changes of the records, so the indicators know when they are behind."""

from django.db.models import F
from django.utils import timezone

from oversight.casework.signals import records_changed


def note_change(**_: object) -> None:
    from oversight.performance.models import RecordsChanged

    now = timezone.now()
    if not RecordsChanged.objects.filter(pk=1).update(changes=F("changes") + 1, changed_at=now):
        RecordsChanged.objects.get_or_create(pk=1, defaults={"changes": 1, "changed_at": now})


def listen() -> None:
    records_changed.connect(note_change, dispatch_uid="performance.note_change")


def changes_so_far() -> int:
    """How many committed changes the records have had (since the count began)."""
    from oversight.performance.models import RecordsChanged

    row = RecordsChanged.objects.filter(pk=1).first()
    return row.changes if row else 0
