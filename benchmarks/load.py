"""Load test: the main journeys by many signed-in users at once, against the real server.

Usage: uv run --group load python -m benchmarks.load [--users 20] [--minutes 10]
       [--workers N] [--threads N] [--think 1,5] [--database URL] [--fresh]

For a quick try: ``--users 4 --minutes 1``. What it does, all on this machine (loopback):

1. makes a separate PostgreSQL database (``oversight_load`` on 127.0.0.1:5432 by default;
   never ``test``, which the test suite uses), generates the medium synthetic LA into it
   once (``--fresh`` starts again) and brings the indicators up to date;
2. gives synthetic staff sign-ins: a new password and authenticator key each run;
3. serves the application with granian on 127.0.0.1 as ``oversight serve --production``
   does (its processes, threads, backpressure and access log), the project's own WSGI
   application timed from inside (``benchmarks.load_server``);
4. runs locust (``benchmarks.load_journeys``): practitioners open their worklist and
   children and record visits with the child's views through the form; team managers
   open the team's worklist, children and the performance dashboard; service managers and
   directors open the teams' counts and the dashboard;
5. prints what it ran (users, duration, data size), throughput, p50/p95/p99 for each page
   and overall, the errors, and where the server's time went (queries, the access log).

It never asserts a time: these machines are shared and noisy, and the load generator
runs on the same cores as the server and the database.
"""

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks import load_report, load_setup
from oversight.cli.production import CONNECTIONS, THREADS, default_workers

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "postgres://postgres@127.0.0.1:5432/oversight_load"
MOST_USERS = 40  # accounts to go round: 15 team managers, each signing in once
MOST_MINUTES = 30


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20, help=f"at most {MOST_USERS}")
    parser.add_argument("--minutes", type=float, default=10.0, help=f"at most {MOST_MINUTES}")
    parser.add_argument("--spawn-rate", type=float, default=2.0, help="users started a second")
    parser.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        help="server processes (default: as in production, one a core)",
    )
    parser.add_argument(
        "--threads", type=int, default=THREADS, help="threads in each (default: as in production)"
    )
    parser.add_argument("--think", default="1,5", help="seconds between a user's steps")
    parser.add_argument("--database", default=DATABASE, help="PostgreSQL on 127.0.0.1")
    parser.add_argument("--size", default="medium", choices=["small", "medium", "large"])
    parser.add_argument("--fresh", action="store_true", help="drop the database and generate")
    args = parser.parse_args()
    if not 1 <= args.users <= MOST_USERS or not 0 < args.minutes <= MOST_MINUTES:
        parser.error(f"--users 1 to {MOST_USERS}, --minutes above 0 and at most {MOST_MINUTES}")
    try:
        low, high = (float(part) for part in args.think.split(","))
        load_setup.checked_url(args.database)
    except ValueError:
        parser.error("--think takes the shortest and longest pause in seconds: 1,5")
    except load_setup.Refused as refused:
        parser.error(str(refused))
    if not 0 <= low <= high:
        parser.error("--think: the shortest pause first, neither below 0")
    return args


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _collect_static(folder: Path) -> dict[str, str]:
    """Collect the static files, as production does before serving; the server's settings."""
    env = {"OVERSIGHT_STATIC_COLLECTED": "true", "OVERSIGHT_STATIC_ROOT": str(folder / "static")}
    command = [sys.executable, "-m", "oversight.cli", "collectstatic"]
    subprocess.run(command, cwd=ROOT, env=os.environ | env, check=True, capture_output=True,
                   timeout=300)  # fmt: skip
    return env


def _serve(args: argparse.Namespace, port: int, folder: Path) -> subprocess.Popen:
    """granian on loopback, set as ``oversight serve --production`` sets it, each process
    timing its requests into ``folder``."""
    command = [
        sys.executable, "-m", "granian", "--interface", "wsgi", "--host", "127.0.0.1",
        "--port", str(port), "--workers", str(args.workers),
        "--blocking-threads", str(args.threads), "--backpressure", str(CONNECTIONS),
        "--respawn-failed-workers", "--access-log", "--no-ws", "--log-level", "warning",
        "benchmarks.load_server:application",
    ]  # fmt: skip
    env = os.environ | _collect_static(folder) | {"OVERSIGHT_LOAD_TIMINGS": str(folder)}
    log = (folder / "server.log").open("w")
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/sign-in/", timeout=5) as page:
            return page.status == 200
    except OSError:
        return False


def _stop(server: subprocess.Popen) -> None:
    """Stop granian and its workers (their own process group), by their id."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGINT)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


def _locust(args: argparse.Namespace, port: int, folder: Path) -> float:
    """Run the journeys headless for the run time; the seconds it took."""
    seconds = round(args.minutes * 60)
    command = [
        sys.executable, "-m", "locust", "-f", str(ROOT / "benchmarks" / "load_journeys.py"),
        "--headless", "--users", str(args.users), "--spawn-rate", str(args.spawn_rate),
        "--run-time", f"{seconds}s", "--host", f"http://127.0.0.1:{port}",
        "--csv", str(folder / "locust"), "--only-summary", "--stop-timeout", "30",
        "--loglevel", "WARNING", "--logfile", str(folder / "locust.log"),
    ]  # fmt: skip
    env = os.environ | {
        "OVERSIGHT_LOAD_ACCOUNTS": str(folder / "accounts.json"),
        "OVERSIGHT_LOAD_THINK": args.think,
    }
    started = time.monotonic()
    with (folder / "locust.out").open("w") as out:
        subprocess.run(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                       timeout=seconds + 120, check=False)  # fmt: skip
    return time.monotonic() - started


def _header(args: argparse.Namespace, before: load_setup.DataSize) -> list[str]:
    name = urlsplit(args.database).path.lstrip("/")
    low, high = args.think.split(",")
    return [
        f"Load test: {args.users} users for {args.minutes:g} minutes, {low}-{high} s between "
        f"a user's steps; granian, {args.workers} worker processes x {args.threads} threads, "
        f"on 127.0.0.1; PostgreSQL database {name} on 127.0.0.1",
        f"Data: the {args.size} synthetic LA: {before.words()}",
        f"Machine: {os.cpu_count()} cores shared by the server, PostgreSQL and locust (and "
        f"other work: load average {os.getloadavg()[0]:.1f} at the start): figures are noisy",
    ]


def main() -> None:
    args = _arguments()
    folder = Path(tempfile.mkdtemp(prefix="oversight-load-"))
    before = _prepare(args, folder)
    seconds, sampler, cpu = _run(args, folder)
    _report(args, before, folder, seconds, sampler, cpu)


def _prepare(args: argparse.Namespace, folder: Path) -> load_setup.DataSize:
    """The database, its data and indicators, and this run's sign-ins; the data's size."""
    load_setup.ensure_database(args.database, args.fresh)
    load_setup.use(args.database, str(folder / "snapshot.duckdb"))
    load_setup.prepare_database(args.size, print)
    accounts = load_setup.sign_ins(args.users)
    (folder / "accounts.json").write_text(json.dumps(accounts))
    return load_setup.data_size()


def _run(args: argparse.Namespace, folder: Path):  # noqa: ANN202 - three measurements
    """Serve, run the journeys while watching the database and the processors, stop."""
    port = _free_port()
    server = _serve(args, port, folder)
    sampler = load_report.DatabaseSampler(args.database, urlsplit(args.database).path[1:])
    cpu = load_report.CpuMeter()
    try:
        if not load_report.wait_until(lambda: _answers(port), 90):
            sys.exit(f"the server did not answer: see {folder / 'server.log'}")
        for old in folder.glob("server-*.jsonl"):  # the readiness check's own requests
            old.write_text("")
        print(f"Serving on 127.0.0.1:{port}; running the journeys...", flush=True)
        sampler.start()
        cpu.start(server.pid)
        seconds = _locust(args, port, folder)
        cpu.stop(server.pid)
    finally:
        sampler.stop()
        _stop(server)
    return seconds, sampler, cpu


def _report(args, before, folder: Path, seconds: float, sampler, cpu) -> None:  # noqa: ANN001
    after = load_setup.data_size()
    lines = _header(args, before) + [""]
    lines += load_report.client_side(folder / "locust", seconds) + [""]
    lines += load_report.server_errors(folder) + [""]
    lines += load_report.server_side(folder) + [""]
    lines += sampler.summary()
    lines.append(cpu.summary(sampler.database_cpu()))
    lines.append(
        f"Recorded during the run: {after.visits - before.visits:,} visits, "
        f"{after.access_log - before.access_log:,} access-log entries"
    )
    print("\n".join(lines))
    print(f"\n(locust's CSV files and logs, and the server's timings: {folder})")


if __name__ == "__main__":
    main()
