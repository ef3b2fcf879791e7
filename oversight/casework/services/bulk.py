"""How a batch's records reach the database: rows, inserts, and renumbering.

A batch turns its records into plain rows and inserts them with ``executemany`` (model
``bulk_create`` prepares every value through the field API, which costs more than the
generation itself at millions of rows). Both drivers take the values as they are: dates
go through the same ISO adapter Django registers for SQLite, and the one timestamp,
``recorded_at``, is the batch's own, adapted once.

A *detached* batch (one recorded in another process, with no database) numbers its
records -1, -2, ...; ``Renumbering`` gives them their real ids when they are inserted,
in the keys that point at them and in deadline subjects too.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models
from django.utils import timezone

from oversight.casework.signals import announce_change

# Models in the order their rows can be inserted (parents before children).
INSERT_ORDER = [
    "child", "allocation", "contact", "referral", "earlyhelpepisode", "riskflag", "assessment",
    "strategydiscussion",
    "s47enquiry", "plan", "permanenceplan", "conference", "visit", "review", "careepisode",
    "placement", "missingepisode", "careleaverstatus", "yearoutcomes", "healthcheck",
    "adopterhousehold", "adopter", "adoptiondecision", "oversightentry", "deadline",
]  # fmt: skip

# What a deadline's subject ("referral:12") names, by its prefix.
SUBJECT_MODELS = {
    "referral": "referral", "assessment": "assessment", "s47": "s47enquiry", "plan": "plan",
    "visit": "visit", "review": "review", "oversight": "oversightentry",
    "episode": "careepisode", "placement": "placement", "missing": "missingepisode",
    "health": "healthcheck",
}  # fmt: skip

# Field types whose Python values both drivers store as Django would.
PLAIN_FIELDS = (
    models.AutoField, models.BigAutoField, models.IntegerField, models.PositiveIntegerField,
    models.BigIntegerField, models.CharField, models.TextField, models.BooleanField,
    models.DateField, models.ForeignKey, models.OneToOneField,
)  # fmt: skip

Row = tuple[Any, ...]


@dataclass(frozen=True)
class Table:
    """One model's insert statement and where its ids and keys sit in a row."""

    model: type[models.Model]
    columns: tuple[str, ...]
    values: Any  # itemgetter over the record's attributes
    stamped: bool  # recorded_at is appended to every row
    keys: tuple[tuple[int, str], ...]  # (position, name of the model it points at)
    subject: int | None  # position of a deadline's subject

    @property
    def sql(self) -> str:
        quote = connection.ops.quote_name
        names = ", ".join(quote(c) for c in self.columns)
        marks = ", ".join(["%s"] * len(self.columns))
        return f"INSERT INTO {quote(self.model._meta.db_table)} ({names}) VALUES ({marks})"

    def rows(self, objs: list[models.Model]) -> list[Row]:
        stamp: Row = ()
        if self.stamped:
            stamp = (connection.ops.adapt_datetimefield_value(timezone.now()),)
        values = self.values
        return [values(obj.__dict__) + stamp for obj in objs]

    def insert(self, rows: list[Row]) -> None:
        if connection.vendor == "postgresql":
            self._copy(rows)
            return
        sql = self.sql
        with connection.cursor() as cursor:
            for start in range(0, len(rows), 5000):
                cursor.executemany(sql, rows[start : start + 5000])

    def _copy(self, rows: list[Row]) -> None:
        """PostgreSQL loads rows with COPY, several times faster than INSERT."""
        quote = connection.ops.quote_name
        names = ", ".join(quote(c) for c in self.columns)
        statement = f"COPY {quote(self.model._meta.db_table)} ({names}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)


@cache
def table(model: type[models.Model]) -> Table:
    fields = [f for f in model._meta.concrete_fields if f.attname != "recorded_at"]
    for field in fields:
        if not isinstance(field, PLAIN_FIELDS):
            raise TypeError(f"{model.__name__}.{field.name} needs preparing before insert")
    stamped = len(fields) < len(model._meta.concrete_fields)
    keys = tuple(
        (i, f.related_model._meta.model_name)
        for i, f in enumerate(fields)
        if f.is_relation and f.related_model._meta.model_name in INSERT_ORDER
    )
    names = [f.attname for f in fields]
    return Table(
        model=model,
        columns=(*[f.column for f in fields], *(["recorded_at"] if stamped else [])),
        values=itemgetter(*names),
        stamped=stamped,
        keys=((names.index("id"), model._meta.model_name), *keys),
        subject=names.index("subject") if "subject" in names else None,
    )


def model_named(name: str) -> type[models.Model]:
    return apps.get_model("casework", name)


class Renumbering:
    """Real ids for the records of detached batches, continuing each table's ids."""

    def __init__(self) -> None:
        self.next_ids: dict[str, int] = {}
        self.offsets: dict[str, int] = {}

    def insert(self, exported: dict[str, list[Row]]) -> None:
        """Insert one detached batch's rows (negative ids), in order, with real ids."""
        for name in INSERT_ORDER:
            if name in exported:
                self._reserve(name, len(exported[name]))
        for name in INSERT_ORDER:
            if name in exported:
                spec = table(model_named(name))
                spec.insert([self._renumber(spec, row) for row in exported[name]])
        announce_change()

    def _reserve(self, name: str, count: int) -> None:
        if name not in self.next_ids:
            top = model_named(name).objects.aggregate(top=models.Max("pk"))["top"] or 0
            self.next_ids[name] = top + 1
        # Local id -k becomes offset + k.
        self.offsets[name] = self.next_ids[name] - 1
        self.next_ids[name] += count

    def _renumber(self, spec: Table, row: Row) -> Row:
        values = list(row)
        offsets = self.offsets
        for position, target in spec.keys:
            value = values[position]
            if value is not None and value < 0:
                values[position] = offsets[target] - value
        if spec.subject is not None and ":-" in values[spec.subject]:
            kind, local = values[spec.subject].split(":")
            values[spec.subject] = f"{kind}:{offsets[SUBJECT_MODELS[kind]] - int(local)}"
        return tuple(values)


def reset_sequences(model_list: list[type[models.Model]]) -> None:
    """PostgreSQL sequences do not see explicit ids: move them past the inserted rows."""
    if connection.vendor != "postgresql" or not model_list:
        return
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), model_list):
            cursor.execute(sql)


@contextmanager
def indexes_deferred(model_list: list[type[models.Model]]) -> Iterator[None]:
    """Load a large batch into empty tables faster: drop their plain (non-unique) indexes,
    and build them again, from their own definitions, when the load ends.

    Unique indexes and primary keys stay, so integrity is checked as rows arrive.
    """
    definitions = [d for model in model_list for d in _plain_indexes(model._meta.db_table)]
    with connection.cursor() as cursor:
        for name, _ in definitions:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for _, sql in definitions:
                cursor.execute(sql)
        analyze(model_list)


def analyze(model_list: list[type[models.Model]]) -> None:
    """Give PostgreSQL's planner statistics for tables a bulk load has just filled.

    Until autovacuum gets round to them (minutes later, or never where it is off) the
    planner believes the tables are as they were, empty, and chose sequential scans and
    nested loops that made a worklist twenty times slower. SQLite plans well without them.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in model_list:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _plain_indexes(db_table: str) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of each non-unique index on a table."""
    if connection.vendor == "sqlite":
        query = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s"
    elif connection.vendor == "postgresql":
        query = "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s"
    else:
        return []
    with connection.cursor() as cursor:
        cursor.execute(query, [db_table])
        found = cursor.fetchall()
    return sorted((name, sql) for name, sql in found if sql and sql.startswith("CREATE INDEX"))
