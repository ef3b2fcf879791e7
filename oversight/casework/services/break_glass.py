"""Breaking the glass on a restricted record: a reason, a time limit, and an alert.

Only a user in whose scope the child falls, and who is not named on the record, may
break the glass (``access.may_break_glass``); administrators never can. Each senior
leader gets an alert to see.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from oversight.accounts.models import User
from oversight.casework.access import may_break_glass
from oversight.casework.models import Alert, BreakGlass
from oversight.casework.models.access import BREAK_GLASS_FOR
from oversight.casework.policy_rules import ALERTED
from oversight.casework.services.errors import CaseworkError

REASON_AT_LEAST = 20  # characters: a reason a senior leader can act on, not "x"


def break_glass(user: User, pk: int, reason: str, now: datetime | None = None) -> BreakGlass:
    """Open the restricted record ``pk`` to ``user`` for an hour, and alert senior leaders."""
    reason = " ".join(reason.split())
    if len(reason) < REASON_AT_LEAST:
        raise CaseworkError(
            "reason", f"Give a reason of at least {REASON_AT_LEAST} characters for opening it"
        )
    if not may_break_glass(user, pk):
        raise CaseworkError("child", "You may not open this record")
    at = now or timezone.now()
    with transaction.atomic():
        grant = BreakGlass.objects.create(
            user=user, child_id=pk, reason=reason, at=at, until=at + BREAK_GLASS_FOR
        )
        leaders = User.objects.filter(role__in=ALERTED, is_active=True)
        Alert.objects.bulk_create(Alert(recipient=r, break_glass=grant, at=at) for r in leaders)
    return grant


def unseen_alerts(user: User) -> QuerySet[Alert]:
    """The user's alerts not yet marked seen, newest first."""
    found = Alert.objects.filter(recipient=user, seen_at__isnull=True)
    return found.select_related("break_glass__user")


def mark_seen(user: User, pk: int) -> None:
    """Mark one of the user's own alerts seen (another's is left alone)."""
    Alert.objects.filter(recipient=user, pk=pk, seen_at__isnull=True).update(seen_at=timezone.now())
