"""What a load test run measured, printed: locust's statistics, and where the server's time went.

Client side (locust's CSV files): throughput, and p50/p95/p99 for each page of each
journey and overall, with every failure. Server side (the lines ``load_server`` wrote):
for each page the median time in Django, its database queries, and the share of all
request time spent appending to the access log and waiting for its chain head. Database
side (``DatabaseSampler``): how often the server's sessions were busy, and how often they
waited for a lock.
"""

import csv
import json
import os
import resource
import statistics
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

# The pages of each journey, as load_journeys names its requests.
JOURNEYS = {
    "worklist": ("worklist: practitioner", "worklist: team manager", "worklist: teams"),
    "child's record": ("child record",),
    "dashboard": ("dashboard",),
    "recording a visit": ("visit: form", "visit: save"),
    "signing in (once a user)": ("sign in: page", "sign in: password", "sign in: code"),
}


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as source:
        return list(csv.DictReader(source))


def _ms(value: str) -> str:
    return "-" if value in ("", "N/A") else f"{float(value):,.0f}"


def client_side(prefix: Path, seconds: float) -> list[str]:
    """Throughput and percentiles per page, per journey, overall; then every failure."""
    stats = {row["Name"]: row for row in _rows(Path(f"{prefix}_stats.csv"))}
    total = stats.get("Aggregated")
    if total is None:
        return ["locust wrote no statistics: see its log"]
    requests, failed = int(total["Request Count"]), int(total["Failure Count"])
    lines = [
        f"Throughput: {requests:,} requests in {seconds:.0f} s = {requests / seconds:.1f} "
        f"requests/s; {failed:,} failed ({100 * failed / max(requests, 1):.2f} %)",
        "",
        "Response times seen by the users (ms; locust rounds above 100 ms to 2 figures):",
        f"  {'journey / page':<34} {'requests':>9} {'failed':>7} "
        f"{'p50':>7} {'p95':>7} {'p99':>7} {'max':>7}",
    ]
    for journey, pages in JOURNEYS.items():
        lines.append(f"  {journey}")
        lines += [_stat_line(f"  {page}", stats[page]) for page in pages if page in stats]
    lines.append(_stat_line("overall", total))
    return lines + [""] + _failures(prefix)


def _stat_line(name: str, row: dict[str, str]) -> str:
    return (
        f"  {name:<34} {int(row['Request Count']):>9,} {int(row['Failure Count']):>7,} "
        f"{_ms(row['50%']):>7} {_ms(row['95%']):>7} {_ms(row['99%']):>7} "
        f"{_ms(row['Max Response Time']):>7}"
    )


def _failures(prefix: Path) -> list[str]:
    failures = _rows(Path(f"{prefix}_failures.csv"))
    errors = _rows(Path(f"{prefix}_exceptions.csv"))
    if not failures and not errors:
        return ["Errors: none"]
    lines = ["Errors:"]
    lines += [f"  {f['Occurrences']:>6} x {f['Method']} {f['Name']}: {f['Error'][:160]}"
              for f in failures]  # fmt: skip
    lines += [f"  {e['Count']:>6} x in the load test itself: {e['Message'][:160]}" for e in errors]
    return lines


def _server_lines(folder: Path) -> list[dict]:
    lines = []
    for path in sorted(folder.glob("server-*.jsonl")):
        with path.open(encoding="utf-8") as source:
            lines += [json.loads(line) for line in source if line.strip()]
    return lines


def _p(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def server_side(folder: Path) -> list[str]:
    """Per page: time in Django, queries, and the access log's share of it."""
    lines = _server_lines(folder)
    if not lines:
        return ["The server wrote no timings."]
    by_page: dict[str, list[dict]] = defaultdict(list)
    for line in lines:
        by_page[f"{line['method']} {line['page']}"].append(line)
    out = [
        "Inside the server, per page (ms, medians unless marked; log = appending to the "
        "access log, head = waiting for its chain head):",
        f"  {'page':<34} {'requests':>9} {'p50':>7} {'p95':>7} {'queries':>8} "
        f"{'in db':>7} {'log':>6} {'head':>6} {'5xx':>5}",
    ]
    for page, found in sorted(by_page.items(), key=lambda item: -len(item[1])):
        out.append(_server_line(page, found))
    return out + [""] + _access_log_share(lines)


def _server_line(page: str, found: list[dict]) -> str:
    ms = [line["ms"] for line in found]
    errors = sum(line["status"] >= 500 for line in found)

    def median(key: str) -> float:
        return statistics.median(line[key] for line in found)

    return (
        f"  {page:<34} {len(found):>9,} {statistics.median(ms):>7.0f} {_p(ms, 0.95):>7.0f} "
        f"{median('queries'):>8.0f} {median('db_ms'):>7.1f} {median('append_ms'):>6.1f} "
        f"{median('head_wait_ms'):>6.1f} {errors:>5}"
    )


def _access_log_share(lines: list[dict]) -> list[str]:
    total = sum(line["ms"] for line in lines)
    logged = [line for line in lines if line["append_ms"] > 0]
    append = sum(line["append_ms"] for line in logged)
    wait = sum(line["head_wait_ms"] for line in logged)
    in_logged = sum(line["ms"] for line in logged)
    return [
        f"Access log: {len(logged):,} of {len(lines):,} requests appended an entry; appending "
        f"took {100 * append / max(total, 1e-9):.1f} % of all server time "
        f"({100 * append / max(in_logged, 1e-9):.1f} % of the logged pages' time), "
        f"waiting for the chain head {100 * wait / max(total, 1e-9):.1f} %; "
        f"p95 of one append {_p([line['append_ms'] for line in logged], 0.95):.1f} ms"
        if logged
        else "Access log: no request appended an entry."
    ]


def server_errors(folder: Path, most: int = 3) -> list[str]:
    """The first few tracebacks the server caught, if any."""
    found = []
    for path in sorted(folder.glob("errors-*.log")):
        found += [block for block in path.read_text().split("--- ") if block.strip()]
    if not found:
        return ["Server errors: none"]
    lines = [f"Server errors: {len(found)} tracebacks; the last lines of the first {most}:"]
    for block in found[:most]:
        lines += ["  " + line for line in block.strip().splitlines()[-3:]]
    return lines


class DatabaseSampler(threading.Thread):
    """Looks at the load database's sessions every quarter second while the load runs,
    and at the processor time their server processes have used."""

    def __init__(self, url: str, name: str) -> None:
        super().__init__(daemon=True)
        self.url, self.name = url, name
        self.samples: list[list[tuple[str, str, str]]] = []
        self.backend_seconds: dict[int, float] = {}
        self.stopping = threading.Event()

    def run(self) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as db:
            while not self.stopping.wait(0.25):
                rows = db.execute(
                    "SELECT coalesce(state, ''), coalesce(wait_event_type, ''), query, pid "
                    "FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                    [self.name],
                ).fetchall()
                self.samples.append([row[:3] for row in rows])
                for *_, pid in rows:
                    self.backend_seconds[pid] = cpu_seconds(pid) or self.backend_seconds.get(pid, 0)

    def database_cpu(self) -> float:
        """Processor seconds the database's sessions used (those that outlived a look)."""
        return sum(self.backend_seconds.values())

    def stop(self) -> None:
        self.stopping.set()
        if self.ident is not None:  # started
            self.join(timeout=5)

    def summary(self) -> list[str]:
        if not self.samples:
            return ["Database sessions: no samples."]
        busy = [row for rows in self.samples for row in rows if _busy(row)]
        locked = [row for row in busy if row[1] == "Lock"]
        on_head = [row for row in locked if "accessloghead" in row[2]]
        in_log = [row for row in busy if _about_access_log(row[2])]
        count = len(self.samples)
        return [
            f"Database sessions ({count:,} looks, every 0.25 s): on average "
            f"{len(busy) / count:.2f} busy in a query or a transaction; of the busy, "
            f"{_share(in_log, busy)} on the access log, {_share(locked, busy)} waiting for a "
            f"lock ({_share(on_head, busy)} for the chain head)"
        ]


def cpu_seconds(pid: int) -> float:
    """User and system processor time of a process so far, from /proc (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """Processor seconds spent on anything but idling, by every process on the machine."""
    user, nice, system, _idle, _iowait, irq, softirq, steal = (
        int(value) for value in Path("/proc/stat").read_text().split()[1:9]
    )
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """Processor time of a process and all its descendants still running (granian's workers)."""
    children: dict[int, list[int]] = defaultdict(list)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children[parent].append(int(stat.parent.name))
    family, total = [pid], 0.0
    while family:
        member = family.pop()
        total += cpu_seconds(member)
        family += children.get(member, [])
    return total


class CpuMeter:
    """Who used the processors while the journeys ran: the server, locust, the database."""

    def start(self, server_pid: int) -> None:
        self.started = time_now()
        self.busy = machine_busy_seconds()
        self.server = tree_cpu_seconds(server_pid)
        self.children = _waited_children_seconds()

    def stop(self, server_pid: int) -> None:
        self.seconds = time_now() - self.started
        self.busy = machine_busy_seconds() - self.busy
        self.server = tree_cpu_seconds(server_pid) - self.server
        self.locust = _waited_children_seconds() - self.children  # the only child reaped

    def summary(self, database: float) -> str:
        cores = lambda used: f"{used / self.seconds:.2f}"  # noqa: E731
        others = max(self.busy - self.server - self.locust - database, 0.0)
        return (
            f"Processors, cores busy on average over the run: server {cores(self.server)}, "
            f"PostgreSQL {cores(database)}, locust {cores(self.locust)}, everything else on "
            f"the machine {cores(others)}; {cores(self.busy)} of {os.cpu_count()} in all"
        )


def _waited_children_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def time_now() -> float:
    return time.monotonic()


def _busy(row: tuple[str, str, str]) -> bool:
    return row[0] in ("active", "idle in transaction")


def _about_access_log(query: str) -> bool:
    return any(table in query for table in ("accessloghead", "accessevent", "listedchild"))


def _share(part: Iterable, whole: list) -> str:
    return f"{100 * len(list(part)) / max(len(whole), 1):.1f} %"


def wait_until(check, seconds: float) -> bool:  # noqa: ANN001 - a callable returning bool
    """Call ``check`` until it is true or ``seconds`` pass."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.5)
    return False
