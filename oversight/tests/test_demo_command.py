"""`oversight demo` and `oversight serve`, run as a newcomer runs them, in a subprocess."""

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

TODAY = "2026-11-26"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)  # these commands use their own SQLite file
    return env


def _oversight(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "oversight.cli", *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> tuple[Path, str]:
    db = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    result = _oversight("demo", "--size", "small", "--no-serve", "--db", str(db), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    return db, result.stdout


def test_the_demo_prints_one_sign_in_per_role_and_the_problem_teams(demo_db):
    _, out = demo_db
    for username in [
        "worker",
        "manager",
        "service-manager",
        "director",
        "auditor",
        "analyst",
        "iro",
        "inspector",
        "admin",
    ]:
        assert re.search(rf"^\s+{username}\s+\S{{12,}}\s", out, re.MULTILINE), username
    for problem in [
        "slow-front-door",
        "missed-cp-visits",
        "absent-oversight",
        "views-not-recorded",
        "drifting-cin-plans",
    ]:
        assert f"problem {problem}:" in out


def test_running_the_demo_again_keeps_the_data_and_gives_new_passwords(demo_db):
    db, first = demo_db
    result = _oversight("demo", "--size", "small", "--no-serve", "--db", str(db), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert "already holds a synthetic LA" in result.stdout
    password = re.compile(r"^\s+worker\s+(\S+)", re.MULTILINE)
    assert password.search(first).group(1) != password.search(result.stdout).group(1)


def test_a_fresh_demo_starts_again_though_the_access_log_refuses_deletions(tmp_path):
    db = tmp_path / "demo.sqlite3"
    args = ("demo", "--size", "small", "--no-serve", "--db", str(db), "--today", TODAY)
    assert _oversight(*args).returncode == 0
    # Writing a return is in the access log, whose rows no DELETE removes.
    written = _oversight("export", "ssda903", "--db", str(db), str(tmp_path / "return"))
    assert written.returncode == 0, written.stderr
    assert _access_events(db, "export") > 0
    again = _oversight(*args, "--fresh")
    assert again.returncode == 0, again.stderr
    assert "already holds" not in again.stdout
    assert _access_events(db, "export") == 0


def _access_events(db: Path, action: str = "") -> int:
    with sqlite3.connect(db) as connection:
        [[count]] = connection.execute(
            "SELECT count(*) FROM accounts_accessevent WHERE action LIKE ?", (f"%{action}%",)
        )
    return int(count)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback only)
        return response.status, response.read().decode()


def test_the_server_serves_the_sign_in_page_and_govuk_styles(demo_db):
    db, _ = demo_db
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "oversight.cli", "serve", "--db", str(db), "--port", str(port)],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        status, page = _wait_for(f"http://127.0.0.1:{port}/sign-in/")
        assert status == 200 and "Sign in" in page
        stylesheet = re.search(r'href="([^"]+govuk-frontend[^"]*\.css)"', page).group(1)
        assert _get(f"http://127.0.0.1:{port}{stylesheet}")[0] == 200
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for(url: str) -> tuple[int, str]:
    deadline = time.monotonic() + 30
    while True:
        try:
            return _get(url)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
