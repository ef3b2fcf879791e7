"""The production server answers a newcomer while many browsers hold their connections open.

Browsers, and a proxy in front, keep a connection open between requests. granian counts an
open connection against its backpressure limit even while it carries no request, so a
limit near the number of threads left the next visitor with no answer at all until
someone else's connection closed (the load test found four of twenty users waiting ten
minutes for the sign-in page). The threads already bound how many requests run at once.

A real server (``oversight serve --production``, two processes) on loopback.
"""

import http.client
import socket
import subprocess

import pytest

from oversight.cli.production import THREADS
from oversight.jobs.testing import kill, live_database, oversight_command, start, wait_for

pytestmark = pytest.mark.django_db(transaction=True)
WORKERS = 2
HELD_OPEN = WORKERS * THREADS * 3  # more connections than threads, several times over
PATIENCE = 30  # seconds: the sign-in page takes milliseconds; a refused newcomer waits forever


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _ask(port: int) -> http.client.HTTPConnection:
    """A connection that has fetched the sign-in page and stays open, as a browser's does."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=PATIENCE)
    connection.request("GET", "/sign-in/")
    answer = connection.getresponse()
    answer.read()
    assert answer.status == 200
    return connection


def _answers(port: int) -> bool:
    try:
        _ask(port).close()
    except OSError:
        return False
    return True


@pytest.fixture
def server(transactional_db, tmp_path):
    """The production server on a migrated database with its static files collected."""
    live = live_database(tmp_path, OVERSIGHT_STATIC_ROOT=str(tmp_path / "static"))
    for step in (oversight_command("migrate"), oversight_command("collectstatic")):
        done = subprocess.run(step, env=live.env, capture_output=True, text=True, timeout=300,
                              check=False)  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
    port = _free_port()
    command = oversight_command("serve", "--production", "--port", str(port),
                                "--workers", str(WORKERS))  # fmt: skip
    process = start(command, live.env, tmp_path / "server.log")
    try:
        wait_for("the server to answer", lambda: _answers(port))
        yield port
    finally:
        kill(process)


def test_a_newcomer_is_answered_while_many_others_hold_their_connections_open(server):
    held = []
    try:
        for _ in range(HELD_OPEN):
            held.append(_ask(server))
        newcomer = _ask(server)
        newcomer.close()
    finally:
        for connection in held:
            connection.close()
    assert len(held) == HELD_OPEN
