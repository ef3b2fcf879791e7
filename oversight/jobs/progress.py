"""How far a job has got, written where a page polling it can see it while it runs.

An import runs in one transaction, and nothing it writes is visible before it commits;
so a worker writes the count from a thread of its own, which Django gives a database
connection of its own, outside that transaction. Writes are at most a few a second, and
best effort: on SQLite, which has one writer at a time, the count waits while an import
holds the write lock, and a write that cannot get it is skipped (the next one catches up).

When the task runs in the process that asked for it (the immediate backend) nobody can
poll it while it runs, so the count is only kept, and written with the outcome.
"""

from __future__ import annotations

import threading
from types import TracebackType

from django.db import DatabaseError, connection

from oversight.jobs.models import Job

EVERY_SECONDS = 0.5


class Progress:
    """Counts done of total; ``LiveProgress`` also writes them as they change."""

    def __init__(self, job_id: str) -> None:
        self.job_id = job_id
        self.done, self.total = 0, 0

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def advance(self, by: int) -> None:
        """Count ``by`` more done, for work that counts steps rather than a position."""
        self(self.done + by, self.total)

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None


class LiveProgress(Progress):
    """Writes the count from its own thread (and connection) while the job runs."""

    def __init__(self, job_id: str, every: float = EVERY_SECONDS) -> None:
        super().__init__(job_id)
        self.every = every
        self.changed = threading.Event()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._write_while_running, daemon=True)
        self.written = (0, 0)

    def __call__(self, done: int, total: int) -> None:
        super().__call__(done, total)
        self.changed.set()

    def __enter__(self) -> LiveProgress:
        self.thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stopping.set()
        self.changed.set()
        self.thread.join()

    def _write_while_running(self) -> None:
        try:
            while not self.stopping.is_set():
                self.changed.wait()
                self.changed.clear()
                self._write()
                self.stopping.wait(self.every)
        finally:
            connection.close()  # this thread's own connection

    def _write(self) -> None:
        now = (self.done, self.total)
        if now == self.written:
            return
        try:
            Job.objects.filter(pk=self.job_id).update(done=now[0], total=now[1])
            self.written = now
        except DatabaseError:
            pass  # the database is busy with the job itself: the next count catches up
