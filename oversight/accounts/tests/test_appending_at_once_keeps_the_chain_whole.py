"""Many requests logging at the same moment: each entry gets its own sequence and link."""

import threading

import pytest
from django.db import connection, connections

from oversight.accounts.access_log import append, verify_chain
from oversight.accounts.models import AccessEvent, AccessLogHead, User
from oversight.accounts.roles import Role

THREADS, EACH = 8, 10


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="the in-memory SQLite test database reports 'locked' at once instead of waiting: "
    "for SQLite, see the test with processes and a database file below",
)
def test_concurrent_appends_get_gapless_sequences_and_a_chain_that_verifies():
    # An empty log, no chain head yet: the first appends race to create it.
    assert not AccessEvent.objects.exists()
    AccessLogHead.objects.all().delete()
    sam = User.objects.create(username="sam", role=Role.PRACTITIONER)
    start = threading.Barrier(THREADS)
    failures: list[BaseException] = []

    def log_many(n: int) -> None:
        try:
            start.wait()
            for i in range(EACH):
                append(sam, "view-child", child_id=n * 100 + i)
        except BaseException as error:  # reported below
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=log_many, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    sequences = list(AccessEvent.objects.order_by("sequence").values_list("sequence", flat=True))
    assert sequences == list(range(1, THREADS * EACH + 1))
    assert verify_chain().checked == THREADS * EACH


APPEND_MANY = """
import django, sys
django.setup()
from oversight.accounts.access_log import append
for i in range(int(sys.argv[1])):
    append(None, "view-child", child_id=i)
"""


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite file databases only")
def test_processes_appending_to_one_sqlite_file_at_once_keep_the_chain_whole(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"OVERSIGHT_DB": str(tmp_path / "log.sqlite3"),
            "DJANGO_SETTINGS_MODULE": "oversight.config.settings"}  # fmt: skip
    oversight = [sys.executable, "-m", "oversight.cli", "audit-log", "verify"]
    subprocess.run(oversight, env=env, check=True, capture_output=True)  # migrates
    workers = [
        subprocess.Popen([sys.executable, "-c", APPEND_MANY, str(EACH)], env=env) for _ in range(4)
    ]
    assert [worker.wait(timeout=120) for worker in workers] == [0] * 4
    verified = subprocess.run(oversight, env=env, capture_output=True, text=True)
    assert f"OK: {4 * EACH} entries verified" in verified.stdout
