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
from typing import Any, ParamSpec, TypeVar

from django.db import models, transaction

from oversight.casework.models import Allocation, Child, Deadline
from oversight.casework.services.bulk import INSERT_ORDER, Row, reset_sequences, table
from oversight.casework.signals import announce_change

P = ParamSpec("P")
R = TypeVar("R")


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
    run alone); ids continue from the highest id in each table. A *detached* batch
    never touches the database (it may run in another process): it numbers its records
    -1, -2, ... and hands its rows to ``bulk.Renumbering`` to insert.
    """

    def __init__(self, detached: bool = False) -> None:
        self.detached = detached
        self.pending: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        self.updated: dict[int, models.Model] = {}
        self.first_ids: dict[type[models.Model], int] = {}
        self.next_ids: dict[type[models.Model], int] = {}
        self.deadlines: dict[int, list[Deadline]] = defaultdict(list)
        self.allocations: dict[int, Allocation] = {}
        self.looked_up: set[int] = set()  # children whose stored open deadlines are loaded
        self.allocations_looked_up: set[int] = set()

    def _next_id(self, model: type[models.Model]) -> int:
        if model not in self.next_ids:
            if self.detached:
                self.first_ids[model] = self.next_ids[model] = -1
            else:
                top = model.objects.aggregate(top=models.Max("pk"))["top"] or 0
                self.first_ids[model] = self.next_ids[model] = top + 1
        value = self.next_ids[model]
        self.next_ids[model] = value - 1 if self.detached else value + 1
        return value

    def add(self, obj: models.Model) -> models.Model:
        obj.id = self._next_id(type(obj))
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
        if self.detached:
            return obj.id is not None and obj.id < 0
        first = self.first_ids.get(type(obj))
        return first is not None and obj.id is not None and obj.id >= first

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
        if self.detached:
            if child_id >= 0:
                raise RuntimeError("a detached batch records only children it created")
            return True
        first = self.first_ids.get(Child)
        return first is not None and child_id >= first

    def current_allocation(self, child_id: int) -> Allocation | None:
        # Ask the database once per stored child, even when it holds no open allocation.
        if child_id not in self.allocations_looked_up and not self._created_here(child_id):
            self.allocations_looked_up.add(child_id)
            stored = ImmediateWriter().current_allocation(child_id)
            if stored is not None:
                self.allocations[child_id] = stored
        return self.allocations.get(child_id)

    def flush(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for model, objs in self._in_insert_order():
            spec = table(model)
            spec.insert(spec.rows(objs))
            counts[model._meta.model_name] = len(objs)
        self._save_updates()
        reset_sequences(list(self.pending))
        self.pending.clear()
        self.first_ids.clear()
        self.next_ids.clear()
        return counts

    def export(self) -> dict[str, list[Row]]:
        """A detached batch's rows by model name, for ``Renumbering.insert``."""
        if self.updated:
            raise RuntimeError("a detached batch cannot change stored records")
        return {
            model._meta.model_name: table(model).rows(objs)
            for model, objs in self._in_insert_order()
        }

    def _in_insert_order(self) -> list[tuple[type[models.Model], list[models.Model]]]:
        by_name = {model._meta.model_name: model for model in self.pending}
        unknown = sorted(set(by_name) - set(INSERT_ORDER))
        if unknown:  # never dropped silently: a new model must be given its place
            raise RuntimeError(f"a batch cannot insert {', '.join(unknown)}: add it to "
                               "bulk.INSERT_ORDER")  # fmt: skip
        return [(by_name[n], self.pending[by_name[n]]) for n in INSERT_ORDER if n in by_name]

    def _save_updates(self) -> None:
        by_model: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        for obj in self.updated.values():
            by_model[type(obj)].append(obj)
        for model, objs in by_model.items():
            fields = [f.name for f in model._meta.concrete_fields if not f.primary_key]
            model.objects.bulk_update(objs, fields, batch_size=1000)
        self.updated.clear()


_current: ContextVar[Any] = ContextVar("casework_writer", default=None)


M = TypeVar("M", bound=models.Model)


def held(model: type[M], matches: Callable[[M], bool], stored: "models.QuerySet[M]") -> list[M]:
    """The records of ``model`` a service must see: those the current batch holds that
    ``matches``, and those ``stored`` (none from a detached batch, which reads nothing)."""
    current = writer()
    if not isinstance(current, BatchWriter):
        return list(stored)
    pending = [record for record in current.pending.get(model, []) if matches(record)]
    return pending if current.detached else pending + list(stored)


def writer() -> ImmediateWriter | BatchWriter:
    return _current.get() or ImmediateWriter()


@contextmanager
def detached_batch() -> Iterator[BatchWriter]:
    """Record through the services with no database at all; ``export()`` gives the rows."""
    batch_writer = BatchWriter(detached=True)
    token = _current.set(batch_writer)
    try:
        yield batch_writer
    finally:
        _current.reset(token)


@contextmanager
def batch() -> Iterator[BatchWriter]:
    """Record many events through the services and insert them together, atomically."""
    batch_writer = BatchWriter()
    token = _current.set(batch_writer)
    try:
        with transaction.atomic():
            yield batch_writer
            batch_writer.flush()
            announce_change()
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
            result = service(*args, **kwargs)
            announce_change()
            return result

    return in_one_transaction
