"""What an attacker with database access does: switch the triggers off, then edit rows."""

from django.db import connection

from oversight.accounts.access_log import append
from oversight.accounts.models import AccessEvent, User


def log(user: User, entries: int) -> list[AccessEvent]:
    return [
        append(user, "view-child", child_id=100 + n, address="10.0.0.1") for n in range(entries)
    ]


def with_triggers_off(sql: str, params: list[object]) -> None:
    """Run ``sql`` with the append-only triggers out of the way (inside the test's transaction)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER IF EXISTS accounts_accessevent_no_update")
            cursor.execute("DROP TRIGGER IF EXISTS accounts_accessevent_no_delete")
        else:
            cursor.execute("ALTER TABLE accounts_accessevent DISABLE TRIGGER USER")
        cursor.execute(sql, params)
