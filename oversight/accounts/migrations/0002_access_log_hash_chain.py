"""The access log becomes a hash chain: sequence, hashes, the chain head, and triggers.

Existing entries are chained in the order they were written (time, then id). The
triggers (PostgreSQL and SQLite) refuse UPDATE of an entry, and DELETE of any entry the
head's prune anchor does not cover.
"""

import django.utils.timezone
from django.db import migrations, models

from oversight.accounts.chain import GENESIS, Entry, entry_hash

POSTGRESQL_TRIGGERS = """
CREATE OR REPLACE FUNCTION accounts_accessevent_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.sequence <= COALESCE(
        (SELECT pruned_through_sequence FROM accounts_accessloghead LIMIT 1), 0) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the access log is append-only: % refused (prune with oversight audit-log prune)',
        TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER accounts_accessevent_append_only
    BEFORE UPDATE OR DELETE ON accounts_accessevent
    FOR EACH ROW EXECUTE FUNCTION accounts_accessevent_append_only();
"""
POSTGRESQL_DROP = """
DROP TRIGGER IF EXISTS accounts_accessevent_append_only ON accounts_accessevent;
DROP FUNCTION IF EXISTS accounts_accessevent_append_only();
"""
SQLITE_TRIGGERS = [
    """CREATE TRIGGER accounts_accessevent_no_update BEFORE UPDATE ON accounts_accessevent
    BEGIN SELECT RAISE(ABORT, 'the access log is append-only: UPDATE refused'); END""",
    """CREATE TRIGGER accounts_accessevent_no_delete BEFORE DELETE ON accounts_accessevent
    WHEN OLD.sequence > COALESCE(
        (SELECT pruned_through_sequence FROM accounts_accessloghead LIMIT 1), 0)
    BEGIN SELECT RAISE(ABORT,
        'the access log is append-only: DELETE refused (prune with oversight audit-log prune)');
    END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS accounts_accessevent_no_update",
    "DROP TRIGGER IF EXISTS accounts_accessevent_no_delete",
]


def chain_existing(apps, schema_editor):
    AccessEvent = apps.get_model("accounts", "AccessEvent")
    AccessLogHead = apps.get_model("accounts", "AccessLogHead")
    User = apps.get_model("accounts", "User")
    users = {u.pk: (u.username, u.role) for u in User.objects.all()}
    previous, sequence = GENESIS, 0
    for event in AccessEvent.objects.order_by("at", "pk"):
        sequence += 1
        event.sequence = sequence
        event.username, event.role = users.get(event.user_id, ("", ""))
        entry = Entry(sequence, event.at, event.user_id, event.username, event.role,
                      event.action, event.child_id, event.detail[:200], event.reason[:200],
                      event.address)
        event.previous_hash, event.hash = previous, entry_hash(entry, previous)
        event.save()
        previous = event.hash
    AccessLogHead.objects.create(pk=1, last_sequence=sequence, last_hash=previous)


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
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="accessevent",
            name="user",
            field=models.ForeignKey(
                db_constraint=False, null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+", to="accounts.user",
            ),
        ),
        migrations.AlterField(
            model_name="accessevent",
            name="at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now),
        ),
        migrations.AddField(
            model_name="accessevent",
            name="sequence",
            field=models.PositiveBigIntegerField(null=True),
        ),
        migrations.AddField(
            model_name="accessevent",
            name="username",
            field=models.CharField(blank=True, default="", help_text="As it was at the time",
                                   max_length=150),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="accessevent",
            name="role",
            field=models.CharField(blank=True, default="", help_text="As it was at the time",
                                   max_length=32),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="accessevent",
            name="previous_hash",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="accessevent",
            name="hash",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.CreateModel(
            name="AccessLogHead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("last_sequence", models.PositiveBigIntegerField(default=0)),
                ("last_hash", models.CharField(default=GENESIS, max_length=64)),
                ("pruned_through_sequence", models.PositiveBigIntegerField(default=0)),
                ("pruned_through_hash", models.CharField(default=GENESIS, max_length=64)),
                ("pruned_through_at", models.DateTimeField(blank=True, null=True)),
            ],
        ),
        migrations.RunPython(chain_existing, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="accessevent",
            name="sequence",
            field=models.PositiveBigIntegerField(unique=True),
        ),
        migrations.AlterModelOptions(
            name="accessevent",
            options={"ordering": ["-sequence"]},
        ),
        migrations.RunPython(add_triggers, drop_triggers),
    ]
