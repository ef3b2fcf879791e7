"""Lists and exports name the children they showed: one row per child, beside the entry.

The rows are append-only like the entries: the same triggers (PostgreSQL and SQLite)
refuse UPDATE, and DELETE of any row whose entry the head's prune anchor does not cover.
On PostgreSQL the entries' trigger function serves both tables (each has ``sequence``).
"""

import django.db.models.deletion
from django.db import migrations, models

POSTGRESQL_TRIGGERS = """
CREATE TRIGGER accounts_listedchild_append_only
    BEFORE UPDATE OR DELETE ON accounts_listedchild
    FOR EACH ROW EXECUTE FUNCTION accounts_accessevent_append_only();
"""
POSTGRESQL_DROP = "DROP TRIGGER IF EXISTS accounts_listedchild_append_only ON accounts_listedchild;"
SQLITE_TRIGGERS = [
    """CREATE TRIGGER accounts_listedchild_no_update BEFORE UPDATE ON accounts_listedchild
    BEGIN SELECT RAISE(ABORT, 'the access log is append-only: UPDATE refused'); END""",
    """CREATE TRIGGER accounts_listedchild_no_delete BEFORE DELETE ON accounts_listedchild
    WHEN OLD.sequence > COALESCE(
        (SELECT pruned_through_sequence FROM accounts_accessloghead LIMIT 1), 0)
    BEGIN SELECT RAISE(ABORT,
        'the access log is append-only: DELETE refused (prune with oversight audit-log prune)');
    END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS accounts_listedchild_no_update",
    "DROP TRIGGER IF EXISTS accounts_listedchild_no_delete",
]


def add_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_TRIGGERS, params=None)
    elif vendor == "sqlite":
        for statement in SQLITE_TRIGGERS:
            schema_editor.execute(statement)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_DROP, params=None)
    elif vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_access_log_hash_chain"),
    ]

    operations = [
        migrations.CreateModel(
            name="ListedChild",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("child_id", models.BigIntegerField(db_index=True)),
                ("event", models.ForeignKey(
                    db_column="sequence", on_delete=django.db.models.deletion.DO_NOTHING,
                    related_name="listed", to="accounts.accessevent", to_field="sequence",
                )),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("event", "child_id"),
                                            name="each_child_once_an_entry"),
                ],
            },
        ),
        migrations.RunPython(add_triggers, drop_triggers),
    ]
