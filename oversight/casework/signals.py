"""``records_changed``: sent once the records have changed and the change is committed.

Capabilities that keep something derived from the records (the indicators) listen to
it; the records themselves know nothing of who listens.
"""

from django.db import transaction
from django.dispatch import Signal

records_changed = Signal()


def announce_change() -> None:
    """Send ``records_changed`` when the current transaction commits (now, outside one)."""
    transaction.on_commit(lambda: records_changed.send(sender=None))
