"""Where the casework services put what they record.

Every service records through the current writer. By default that is the
``ImmediateWriter``, which saves each record at once. ``batch()`` swaps in a
``BatchWriter`` for bulk paths (the synthetic generator, importers): the same services
run, with the same validation and due-date stamping, but records are given their ids in
memory and inserted together when the batch ends, in one transaction.
"""

from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from operator import itemgetter
from typing import Any, ParamSpec, TypeVar

from django.db import connection, models, transaction
from django.utils import timezone

from oversight.casework.models import Allocation, Child, Deadline

P = ParamSpec("P")
R = TypeVar("R")

# Models in the order their rows can be inserted (parents before children).
INSERT_ORDER = [
    "child",
    "allocation",
    "contact",
    "referral",
    "assessment",
    "strategydiscussion",
    "s47enquiry",
    "plan",
    "conference",
    "visit",
    "review",
    "careepisode",
    "placement",
    "missingepisode",
    "careleaverstatus",
    "oversightentry",
    "deadline",
]


class ImmediateWriter:
    """Saves each record as it is recorded."""

    def add(self, obj: models.Model) -> models.Model:
        obj.save(force_insert=True)
        return obj

    def update(self, obj: models.Model, *fields: str) -> None:
        if hasattr(obj, "version"):
            obj.version += 1
            fields = (*fields, "version")
        obj.save(update_fields=list(fields))

    def open_deadlines(self, child_id: int, rules: tuple[str, ...]) -> list[Deadline]:
        return list(
            Deadline.objects.filter(
                child_id=child_id, rule__in=rules, met_on__isnull=True, lapsed_on__isnull=True
            )
        )

    def current_allocation(self, child_id: int) -> Allocation | None:
        return (
            Allocation.objects.filter(child_id=child_id, end_on__isnull=True)
            .order_by("-start_on", "-id")
            .first()
        )


class BatchWriter:
    """Collects records in memory, giving each an id, and inserts them in bulk at the end.

    The batch assumes it is the only writer while it runs (the generator and importers
    run alone); ids continue from the highest id in each table.
    """

    def __init__(self) -> None:
        self.pending: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        self.updated: dict[int, models.Model] = {}
        self.first_ids: dict[type[models.Model], int] = {}
        self.next_ids: dict[type[models.Model], int] = {}
        self.deadlines: dict[int, list[Deadline]] = defaultdict(list)
        self.allocations: dict[int, Allocation] = {}
        self.looked_up: set[int] = set()  # children whose stored open deadlines are loaded

    def _next_id(self, model: type[models.Model]) -> int:
        if model not in self.next_ids:
            top = model.objects.aggregate(top=models.Max("pk"))["top"] or 0
            self.first_ids[model] = self.next_ids[model] = top + 1
        value = self.next_ids[model]
        self.next_ids[model] = value + 1
        return value

    def add(self, obj: models.Model) -> models.Model:
        obj.pk = self._next_id(type(obj))
        obj._state.adding = False  # it will be inserted in bulk; later saves are updates
        self.pending[type(obj)].append(obj)
        if isinstance(obj, Deadline):
            self.deadlines[obj.child_id].append(obj)
        elif isinstance(obj, Allocation) and obj.end_on is None:
            self.allocations[obj.child_id] = obj
        return obj

    def update(self, obj: models.Model, *fields: str) -> None:
        if hasattr(obj, "version"):
            obj.version += 1
        if not self._is_pending(obj):
            self.updated[id(obj)] = obj
        if isinstance(obj, Deadline) and not obj.is_open:
            self.deadlines[obj.child_id] = [d for d in self.deadlines[obj.child_id] if d.is_open]
        elif isinstance(obj, Allocation) and obj.end_on is not None:
            self.allocations.pop(obj.child_id, None)

    def _is_pending(self, obj: models.Model) -> bool:
        first = self.first_ids.get(type(obj))
        return first is not None and obj.pk is not None and obj.pk >= first

    def open_deadlines(self, child_id: int, rules: tuple[str, ...]) -> list[Deadline]:
        if child_id not in self.looked_up:
            self.looked_up.add(child_id)
            if not self._created_here(child_id):
                self.deadlines[child_id].extend(
                    Deadline.objects.filter(
                        child_id=child_id, met_on__isnull=True, lapsed_on__isnull=True
                    )
                )
        return [d for d in self.deadlines.get(child_id, ()) if d.rule in rules and d.is_open]

    def _created_here(self, child_id: int) -> bool:
        """Children created in this batch have nothing stored yet: skip the query."""
        first = self.first_ids.get(Child)
        return first is not None and child_id >= first

    def current_allocation(self, child_id: int) -> Allocation | None:
        if child_id not in self.allocations and not self._created_here(child_id):
            stored = ImmediateWriter().current_allocation(child_id)
            if stored is not None:
                self.allocations[child_id] = stored
        return self.allocations.get(child_id)

    def flush(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        by_name = {model._meta.model_name: model for model in self.pending}
        for name in INSERT_ORDER:
            model = by_name.get(name)
            if model is None:
                continue
            rows = self.pending[model]
            _insert(model, rows)
            counts[name] = len(rows)
        self._save_updates()
        _reset_sequences(list(by_name.values()))
        self.pending.clear()
        self.first_ids.clear()
        self.next_ids.clear()
        return counts

    def _save_updates(self) -> None:
        by_model: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        for obj in self.updated.values():
            by_model[type(obj)].append(obj)
        for model, objs in by_model.items():
            fields = [f.name for f in model._meta.concrete_fields if not f.primary_key]
            model.objects.bulk_update(objs, fields, batch_size=1000)
        self.updated.clear()


def _insert(model: type[models.Model], objs: list[models.Model]) -> None:
    """Insert rows with executemany: the batch's own fast path, on SQLite and PostgreSQL.

    Model ``bulk_create`` compiles SQL per chunk and prepares every value through the
    field API, which costs more than the generation itself at millions of rows. Here the
    values go to the driver as they are: both drivers take dates (Django registers the
    same ISO adapter for SQLite), and the one timestamp, ``recorded_at``, is the batch's
    own, adapted once.
    """
    fields = [f for f in model._meta.concrete_fields if f.attname != "recorded_at"]
    for field in fields:
        if not isinstance(field, _PLAIN_FIELDS):
            raise TypeError(f"{model.__name__}.{field.name} needs preparing: add it to _insert")
    stamp: tuple[object, ...] = ()
    columns = [f.column for f in fields]
    if any(f.attname == "recorded_at" for f in model._meta.concrete_fields):
        stamp = (connection.ops.adapt_datetimefield_value(timezone.now()),)
        columns.append("recorded_at")
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    values = itemgetter(*[f.attname for f in fields])
    rows = [values(obj.__dict__) + stamp for obj in objs]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 5000):
            cursor.executemany(sql, rows[start : start + 5000])


# Field types whose Python values both drivers store as Django would.
_PLAIN_FIELDS = (
    models.AutoField, models.BigAutoField, models.IntegerField, models.PositiveIntegerField,
    models.BigIntegerField, models.CharField, models.TextField, models.BooleanField,
    models.DateField, models.ForeignKey, models.OneToOneField,
)  # fmt: skip


def _reset_sequences(model_list: list[type[models.Model]]) -> None:
    """PostgreSQL sequences do not see explicit ids: move them past the inserted rows."""
    if connection.vendor != "postgresql" or not model_list:
        return
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), model_list):
            cursor.execute(sql)


_current: ContextVar[Any] = ContextVar("casework_writer", default=None)


def writer() -> ImmediateWriter | BatchWriter:
    return _current.get() or ImmediateWriter()


@contextmanager
def batch() -> Iterator[BatchWriter]:
    """Record many events through the services and insert them together, atomically."""
    batch_writer = BatchWriter()
    token = _current.set(batch_writer)
    try:
        with transaction.atomic():
            yield batch_writer
            batch_writer.flush()
    finally:
        _current.reset(token)


def recorded(service: Callable[P, R]) -> Callable[P, R]:
    """Make a service all-or-nothing: its writes commit together or not at all.

    Inside ``batch()`` the batch's own transaction already covers it.
    """

    @wraps(service)
    def in_one_transaction(*args: P.args, **kwargs: P.kwargs) -> R:
        if _current.get() is not None:
            return service(*args, **kwargs)
        with transaction.atomic():
            return service(*args, **kwargs)

    return in_one_transaction
