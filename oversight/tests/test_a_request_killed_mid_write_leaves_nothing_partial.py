"""The production server killed (SIGKILL) in the middle of recording a visit leaves nothing
of the visit: the request's writes are one transaction. Started again, it records the
visit once.

A real server (``oversight serve --production``: granian, two processes) on loopback,
signed in with a password and a security code as a person would, over HTTP. The server is
stopped inside the visit's transaction, after the visit's row is written
(``oversight.jobs.testing``), and killed there, every process of it.
"""

import contextlib
import http.cookiejar
import re
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from datetime import date

import pytest

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
from oversight.tests import live_world
from oversight.web.tests.helpers import visit_form

pytestmark = pytest.mark.django_db(transaction=True)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def live(transactional_db, tmp_path) -> LiveDatabase:
    """The test database on PostgreSQL (committed to, emptied after); a file on SQLite."""
    return live_database(tmp_path, OVERSIGHT_STATIC_ROOT=str(tmp_path / "static"))


@pytest.fixture
def child(live) -> int:
    """Migrated, static files collected, and Sam's world made: the child's id."""
    for step in (oversight_command("migrate"), oversight_command("collectstatic"),
                 [sys.executable, "-m", "oversight.tests.live_world"]):  # fmt: skip
        done = subprocess.run(step, env=live.env, capture_output=True, text=True, timeout=300,
                              check=False)  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
    return int(done.stdout.split()[-1])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Browser:
    """Cookies and forms over HTTP, as a person's browser would send them."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        cookies = urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        self.opener = urllib.request.build_opener(cookies)

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=30) as answer:
            return answer.read().decode()

    def answers(self, path: str) -> bool:
        try:
            return bool(self.get(path))
        except OSError:
            return False

    def submit(self, path: str, fields: dict[str, str]) -> str:
        """Open the form at ``path``, then send it with ``fields``; the page it leads to."""
        token = TOKEN.search(self.get(path))
        assert token, f"no form at {path}"
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), **fields})
        request = urllib.request.Request(self.base + path, data=data.encode(), method="POST")
        with self.opener.open(request, timeout=30) as answer:
            return answer.read().decode()

    def sign_in(self) -> None:
        self.submit("/sign-in/", {"username": live_world.USERNAME,
                                  "password": live_world.PASSWORD})  # fmt: skip
        page = self.submit("/sign-in/code/", {"code": live_world.security_code()})
        assert "Sign out" in page, page[:2000]


def serve(live: LiveDatabase, port: int, tmp_path, mark) -> subprocess.Popen[bytes]:
    arguments = ("serve", "--production", "--port", str(port), "--workers", "2")
    server = start(paused_command("casework_visit", mark, *arguments), live.env,
                   tmp_path / "server.log")  # fmt: skip
    wait_for("the server to answer", lambda: Browser(port).answers("/sign-in/"))
    return server


def record_a_visit(browser: Browser, child: int) -> None:
    browser.submit(f"/children/{child}/visits/new/", visit_form(date.today()))


def test_a_visit_killed_mid_write_leaves_nothing_and_is_recorded_once_after(live, child, tmp_path):
    port, mark = free_port(), tmp_path / "paused"
    server = serve(live, port, tmp_path, mark)
    browser = Browser(port)
    try:
        browser.sign_in()
        before = casework_rows(live)
        sending = threading.Thread(target=_send_and_lose_the_answer, args=(browser, child))
        sending.start()
        wait_for("the server to be inside the visit's transaction", mark.exists)
    finally:
        kill(server)
    sending.join(timeout=60)
    assert casework_rows(live) == before  # no visit, no deadline met or opened: nothing

    server = serve(live, port, tmp_path, mark)  # the mark is there: no pause this time
    try:
        record_a_visit(browser, child)  # the session outlived the server: it is in the database
    finally:
        kill(server)
    assert live.count("casework_visit") == 1


def _send_and_lose_the_answer(browser: Browser, child: int) -> None:
    # The server dies with the request: no answer comes.
    with contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError):
        record_a_visit(browser, child)
