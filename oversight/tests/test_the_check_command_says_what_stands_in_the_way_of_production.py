"""``oversight check`` reads the production environment and says, in words, what must be put
right before going live; with everything in place (and a worker running) it says so and
exits 0. Each case runs the real command in a process of its own, as an operator would."""

import secrets
import subprocess

import pytest

from oversight.jobs.testing import (
    LiveDatabase,
    kill,
    live_database,
    oversight_command,
    start,
    wait_for,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def live(transactional_db, tmp_path) -> LiveDatabase:
    """The test database on PostgreSQL (committed to, emptied after); a file on SQLite."""
    return live_database(tmp_path, OVERSIGHT_STATIC_ROOT=str(tmp_path / "static"))


def production(live: LiveDatabase) -> dict[str, str]:
    return live.env | {
        "OVERSIGHT_SECRET_KEY": secrets.token_urlsafe(50),
        "OVERSIGHT_HTTPS": "true",
        "OVERSIGHT_ALLOWED_HOSTS": "oversight.example.gov.uk",
        "OVERSIGHT_TASKS": "database",
    }


def oversight(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(oversight_command(*arguments), env=env, capture_output=True,
                          text=True, timeout=300, check=False)  # fmt: skip


def findings(done: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """Each topic's line, by topic."""
    lines = [line.split(None, 1) for line in done.stdout.splitlines() if ": " in line]
    return {rest.split(": ", 1)[0]: f"{verdict} {rest}" for verdict, rest in lines}


def test_a_demo_set_up_is_not_ready_and_the_check_says_why(live):
    done = oversight(live.env, "check")
    assert done.returncode == 1
    said = findings(done)
    assert said["secret key"].startswith("PROBLEM secret key: OVERSIGHT_SECRET_KEY is not set")
    assert said["static files"].startswith("PROBLEM static files: the static files have not "
                                           "been collected")  # fmt: skip
    assert said["tasks"].startswith("PROBLEM tasks: OVERSIGHT_TASKS is immediate")
    if live.sqlite_file is not None:  # a new file; the PostgreSQL test database is migrated
        assert said["migrations"].startswith("PROBLEM migrations: ")
        assert "not applied (" in said["migrations"]
        assert said["migrations"].endswith("run `oversight migrate`")
    assert "problems." in done.stdout.splitlines()[-1]


def test_everything_in_place_is_ready_once_a_worker_runs(live, tmp_path):
    env = production(live)
    for step in ("migrate", "collectstatic"):
        assert oversight(env, step).returncode == 0
    without = oversight(env, "check")
    assert (without.returncode, findings(without)["workers"].split(":")[:2]) == (
        1, ["PROBLEM workers", " no worker is running"]
    )  # fmt: skip
    worker = start(oversight_command("worker"), env, tmp_path / "worker.log")
    try:
        running = "SELECT COUNT(*) FROM jobs_workerseen WHERE stopped_at IS NULL"
        wait_for("the worker to start", lambda: live.rows(running)[0][0] == 1)
        done = oversight(env, "check")
    finally:
        kill(worker)
    assert done.returncode == 0, done.stdout + done.stderr
    said = findings(done)
    assert said["workers"].startswith("ok workers: 1 running: ")
    assert said["static files"].startswith("ok static files: collected in ")
    assert done.stdout.splitlines()[-1] == "Ready for production."
