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
        if connection.vendor == "postgresql":
            # The listed children's foreign keys are checked at commit; PostgreSQL will not
            # alter a table with such checks pending, so run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table in ("accounts_accessevent", "accounts_listedchild"):
            if connection.vendor == "sqlite":
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
            else:
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        cursor.execute(sql, params)
