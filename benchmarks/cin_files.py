"""CIN census files for benchmarks: a synthetic LA's return, scaled to a number of children.

Scaling repeats the source's children in order, giving each repeat a fresh LAchildID
(a suffix); a file smaller than the source takes children spread evenly across it. So a
file of 50,000 children is 50,000 different children with the shape of the source's.
(The records hold no UPNs, so the synthetic return has none to repeat.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lxml import etree

from benchmarks.side_by_side import spread


def _children(source: Path) -> tuple[bytes, list[bytes]]:
    tree = etree.parse(str(source), etree.XMLParser(resolve_entities=False, no_network=True))
    root = tree.getroot()
    header = root.find("{*}Header")
    children = root.find("{*}Children")
    head = etree.tostring(header) if header is not None else b""
    return head, [etree.tostring(child) for child in children]


def _renamed(child: bytes, repeat: int) -> bytes:
    if repeat == 0:
        return child
    element = etree.fromstring(child)
    for node in element.iter("{*}LAchildID"):
        node.text = f"{(node.text or '')[:14]}R{repeat}"
    return etree.tostring(element)


def scaled_census(source: Path, size: int, out: Path) -> Path:
    """Write a census of ``size`` children made by repeating the children of ``source``."""
    head, children = _children(source)
    if not children:
        raise SystemExit(f"{source} has no children to repeat")
    with out.open("wb") as file:
        file.write(b"<?xml version='1.0' encoding='utf-8'?>\n<Message>")
        file.write(head)
        file.write(b"<Children>")
        for n, repeat in spread(len(children), size):
            file.write(_renamed(children[n], repeat))
            file.write(b"\n")
        file.write(b"</Children></Message>\n")
    return out


def synthetic_census(folder: Path) -> Path:
    """The 2025-26 census return of a synthetic medium LA, written by another process.

    Generating the LA takes a few hundred MB; done here, the benchmark's own process
    would be that large, and the tools it starts would inherit that as their peak memory.
    """
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.cin_files", str(folder)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"the synthetic census could not be written:\n{done.stderr[-3000:]}")
    return Path(done.stdout.strip().splitlines()[-1])


def write_synthetic_census(folder: Path, size: str = "medium", seed: int = 1) -> Path:
    """Generate a synthetic LA into a database in ``folder`` and write its 2025-26 census."""
    from datetime import date

    from benchmarks.generation import _setup

    _setup(folder / "census-source.sqlite3")
    from django.core.management import call_command

    from oversight.exchange.cin_census.write import write_cin
    from oversight.synth import PROBLEMS, generate

    call_command("migrate", verbosity=0)
    # Generated to mid-May 2026, so that the census year to 31 March 2026 is complete.
    generate(size=size, seed=seed, problems=tuple(PROBLEMS), today=date(2026, 5, 15))
    out = folder / f"cin_{size}_la.xml"
    write_cin(out, "2025-26", la_code="870")
    return out


if __name__ == "__main__":
    print(write_synthetic_census(Path(sys.argv[1])))
