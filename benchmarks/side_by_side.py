"""Running our validator and a reference validator on the same file, and comparing them.

Each tool runs in its own process from the file on disk to its findings, and prints one
JSON line: ``seconds`` inside the process (imports excluded), ``cpu`` (the processor
time it used meanwhile, every thread's: on a busy machine the fairer measure of work),
``peak_mb`` (its maximum resident memory), ``pairs`` (each finding as rule and child)
and ``rules`` (the codes it implements). The whole process's wall time is measured from outside.

Each tool is run ``runs`` times, the two in turn (ours, theirs, ours, ...), so that what
else the machine is doing falls on both alike; each tool's fastest run is kept, as
``timeit`` keeps the fastest, with the range of its times beside it. On a shared machine
a run of a twentieth of a second can come out a fifth slower for no reason of its own.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path


def run(python: str, driver: str, *paths: Path) -> dict:
    started = time.perf_counter()
    done = subprocess.run(
        [python, "-c", driver, *map(str, paths)], capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{python} failed on {paths[0].name}:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    result["pairs"] = {tuple(p) for p in result["pairs"]}
    return result


def in_turn(
    ours: tuple[str, str], theirs: tuple[str, str] | None, paths: tuple[Path, ...], runs: int
) -> tuple[dict, dict | None]:
    """Each tool's fastest of ``runs`` runs on ``paths``, the two run in turn; ``theirs``
    is ``None`` when the reference is not to be run."""
    mine: list[dict] = []
    other: list[dict] = []
    for _ in range(runs):
        mine.append(run(*ours, *paths))
        if theirs is not None:
            other.append(run(*theirs, *paths))
    return fastest(mine), fastest(other) if other else None


def fastest(results: list[dict]) -> dict:
    best = min(results, key=lambda result: result["seconds"])
    times = [result["seconds"] for result in results]
    return best | {"runs": len(results), "slowest": max(times)}


def spread(count: int, size: int) -> list[tuple[int, int]]:
    """The (child, repeat) pairs of a file of ``size`` children made from ``count``: every
    child repeated as often as fits whole, then the rest chosen evenly across the source.

    Taking the first children instead would give a small file the shape of the source's
    start, not of the whole: a return lists first the children whose cases opened longest
    ago, who carry fewer assessments in the year than the rest.
    """
    whole, rest = divmod(size, count)
    pairs = [(n, repeat) for repeat in range(whole) for n in range(count)]
    return pairs + [(n * count // rest, whole) for n in range(rest)]


def code_order(code: str) -> tuple[int, str]:
    digits = "".join(ch for ch in code if ch.isdigit())
    return (int(digits or 0), code)


def compare(ours: dict, theirs: dict) -> list[str]:
    """Rules both tools implement whose findings differ, with the children only one found."""
    shared = sorted(set(ours["rules"]) & set(theirs["rules"]), key=code_order)
    lines = []
    for rule in shared:
        mine = {c for r, c in ours["pairs"] if r == rule}
        other = {c for r, c in theirs["pairs"] if r == rule}
        if mine != other:
            only_ours, only_theirs = sorted(mine - other), sorted(other - mine)
            lines.append(
                f"  {rule:>6}: ours {len(mine):>6}, theirs {len(other):>6}; only ours "
                f"{len(only_ours)} {only_ours[:3]}; "
                f"only theirs {len(only_theirs)} {only_theirs[:3]}"
            )
    agreeing = len(shared) - len(lines)
    return [f"  {agreeing} of {len(shared)} rules both implement agree child by child", *lines]


def measured(name: str, result: dict) -> str:
    runs = result.get("runs", 1)
    spread = f" (fastest of {runs}, slowest {_seconds(result['slowest'])})" if runs > 1 else ""
    return (
        f"  {name:<22}{_seconds(result['seconds']):>8} s in process{spread}, "
        f"{result['cpu']:.3f} s of CPU, {result['wall']:.2f} s whole process, "
        f"peak {result['peak_mb']:.0f} MB, {len(result['pairs']):,} findings"
    )


def _seconds(value: float) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def ratios(ours: dict, theirs: dict) -> str:
    return (
        f"  ratio: {theirs['seconds'] / ours['seconds']:.0f}x faster in process "
        f"({theirs['cpu'] / ours['cpu']:.0f}x in CPU time), "
        f"{theirs['wall'] / ours['wall']:.0f}x whole process; memory "
        f"{ours['peak_mb'] / theirs['peak_mb']:.2f} of theirs"
    )
