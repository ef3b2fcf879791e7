"""A worker killed (SIGKILL) in the middle of an import leaves none of the file in the
records; the import is queued again and the next worker completes it. A job whose worker
is lost every time is given up after three tries, saying why.

Real processes throughout: the ``oversight`` command queues the import, real workers run
it, and each is stopped inside the import's transaction, after its first rows are
written (``oversight.jobs.testing``), then killed there. The records are read straight
from the database the processes share.
"""

import subprocess

import pytest

from oversight.exchange.cin_census.tests.builders import census_xml, child
from oversight.jobs.testing import (
    LiveDatabase,
    casework_rows,
    kill,
    live_database,
    oversight_command,
    paused_command,
    start,
    wait_for,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
]
CHILDREN = 300


@pytest.fixture
def live(transactional_db, tmp_path) -> LiveDatabase:
    """The test database on PostgreSQL (committed to, emptied after); a file on SQLite."""
    return live_database(tmp_path, OVERSIGHT_TASKS="database",
                         OVERSIGHT_SNAPSHOT=str(tmp_path / "s.duckdb"))  # fmt: skip


@pytest.fixture
def queued(live, tmp_path) -> str:
    """A census of 300 children, queued for a worker by the command line."""
    census = tmp_path / "census.xml"
    census.write_bytes(census_xml(*(child(f"K{n}") for n in range(CHILDREN))))
    done = run(live, "import", "cin-census", str(census), "--background")
    return done.stdout.split()[2].rstrip(":")


def run(live: LiveDatabase, *arguments: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(oversight_command(*arguments), env=live.env, capture_output=True,
                          text=True, timeout=300, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def killed_mid_import(live: LiveDatabase, tmp_path, attempt: int) -> None:
    """Start a worker that stops inside the import's transaction, and kill it there."""
    mark = tmp_path / f"paused-{attempt}"
    worker = start(paused_command("casework_child", mark, "worker"), live.env,
                   tmp_path / "worker.log")  # fmt: skip
    try:
        wait_for("the worker to be inside the import", mark.exists)
        assert live.count("casework_child") == 0  # written, but not committed
    finally:
        kill(worker)


def test_a_worker_killed_mid_import_leaves_nothing_and_the_next_completes_it(
    live, queued, tmp_path
):
    killed_mid_import(live, tmp_path, 1)
    assert set(casework_rows(live).values()) == {0}
    assert live.job(queued)[:2] == ("running", 1)  # as the killed worker left it

    recovery = run(live, "worker", "--once")
    assert "Import a CIN census return: its worker was lost; queued again" in recovery.stdout
    status, attempts, done, total, error = live.job(queued)
    assert (status, attempts, done, total, error) == ("done", 2, CHILDREN, CHILDREN, "")
    assert live.count("casework_child") == CHILDREN


def test_an_import_whose_worker_is_lost_three_times_is_given_up_saying_why(live, queued, tmp_path):
    for attempt in (1, 2, 3):
        killed_mid_import(live, tmp_path, attempt)
    recovery = run(live, "worker", "--once")
    assert "its worker was lost; given up after 3 tries" in recovery.stdout
    status, attempts, *_, error = live.job(queued)
    assert (status, attempts) == ("failed", 3)
    assert error.startswith("The worker running this job stopped 3 times")
    assert set(casework_rows(live).values()) == {0}
