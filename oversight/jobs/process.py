"""The worker process: run queued tasks, and keep the house while doing so.

The tasks themselves are run by django-tasks' database worker (``db_worker``), one at a
time, in this process's main thread. Beside it a housekeeping thread, with a database
connection of its own, says every ``BEAT_SECONDS`` that this worker is alive, queues
again the tasks of workers that were lost, and, every ``OVERSIGHT_REFRESH_SECONDS``,
queues an indicator refresh when the records have changed since the last one (what the
worker did alone before there were tasks). Run several workers, on one machine or many:
a task is claimed by one of them only, and only one refresh is ever queued at a time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections, connections

from oversight.exchange.validation_runs.runs import delete_expired
from oversight.jobs import starting, workers

Say = Callable[[str], None]


def run_worker(once: bool, say: Say) -> None:
    """Run tasks until stopped (SIGTERM or Ctrl+C finish the current task first);
    with ``once``, run what is queued and stop."""
    worker_id = workers.new_worker_id()
    workers.register(worker_id)
    say(f"Worker {worker_id} started.")
    housekeeping = Housekeeping(worker_id, settings.OVERSIGHT_REFRESH_SECONDS, say)
    try:
        housekeeping.once()
        if not once:
            housekeeping.start()
        call_command("db_worker", worker_id=worker_id, batch=once, reload=False,
                     startup_delay=not once, interval=1, verbosity=1)  # fmt: skip
    finally:
        housekeeping.stop()
        workers.stopped(worker_id)
        say(f"Worker {worker_id} stopped.")


class Housekeeping:
    """Saying this worker is alive, reaping lost tasks, queueing refreshes: in a thread."""

    def __init__(self, worker_id: str, refresh_every: int, say: Say) -> None:
        self.worker_id, self.refresh_every, self.say = worker_id, refresh_every, say
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._keep, daemon=True)
        self.refreshed_at = time.monotonic()

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        if self.thread.is_alive():
            self.thread.join(timeout=workers.BEAT_SECONDS * 2)

    def once(self, look_for_changes: bool = True) -> None:
        """One round: alive, lost tasks, lost jobs, and a refresh if the records changed."""
        workers.beat(self.worker_id)
        for reaped in workers.reap():
            self.say(str(reaped))
        if lost := workers.release_lost_jobs():
            self.say(f"{lost} jobs had lost their tasks: marked as failed.")
        if look_for_changes:  # and, as seldom, forget what is past keeping
            self.refreshed_at = time.monotonic()
            self._refresh_if_behind()
            workers.forget_old()
            delete_expired()  # validation runs past their days, opened or not

    def _keep(self) -> None:
        while not self.stopping.wait(workers.BEAT_SECONDS):
            try:
                close_old_connections()
                self.once(time.monotonic() - self.refreshed_at >= self.refresh_every)
            except Exception as error:  # noqa: BLE001 - the worker must outlive a bad round
                self.say(f"Housekeeping failed, trying again: {type(error).__name__}: {error}")
        connections.close_all()  # this thread's own

    def _refresh_if_behind(self) -> None:
        from oversight.performance.refresh import is_behind, latest_refresh

        if is_behind(latest_refresh()) and starting.refresh_indicators() is not None:
            self.say("The records changed: indicator refresh queued.")
