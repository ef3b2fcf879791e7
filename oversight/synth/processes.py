"""Recording children in more than one process, on machines with more than one core.

Each worker process records whole children through the casework services in a
*detached* batch (no database: records are numbered -1, -2, ...) and sends back plain
rows; the parent inserts them in order, giving them their real ids. Chunks come back in
order, so the records and their ids are the same whatever the number of processes.

Workers are forked: they inherit the planned journeys and the workforce rather than
receiving them, and the database connection they also inherit is made unusable (but
kept open: closing it in a child would end the parent's session). A worker must not use
Polars: its thread pool, inherited from a parent that used it, can hang the child; what
Polars reads for the workers (``places.area``) is read in the parent before they fork.
"""

import multiprocessing
import os
from collections.abc import Callable, Iterator
from typing import Any

from django.db import connections

Job = Callable[[range], Any]

_job: Job | None = None  # set in the parent just before the workers fork
_inherited: list[object] = []  # the parent's connections, kept alive in a worker


def default_processes() -> int:
    return min(2, os.cpu_count() or 1)


def run_in_order(job: Job, chunks: list[range], processes: int) -> Iterator[Any]:
    """``job(chunk)`` for every chunk, in order, in up to ``processes`` processes."""
    if processes <= 1 or len(chunks) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(job, chunks)
        return
    global _job
    _job = job
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(processes, initializer=_no_database) as pool:
            yield from pool.imap(_run, chunks)
    finally:
        _job = None


def _run(chunk: range) -> Any:
    assert _job is not None
    return _job(chunk)


def _no_database() -> None:
    """A worker must not touch the parent's database connection."""
    for connection in connections.all(initialized_only=True):
        _inherited.append(connection.connection)
        connection.connection = None
        connection.ensure_connection = _refuse  # type: ignore[method-assign]


def _refuse() -> None:
    raise RuntimeError("a synthetic-data worker process must not use the database")
