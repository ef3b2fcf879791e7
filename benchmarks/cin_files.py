"""CIN census files for benchmarks: a synthetic LA's return, scaled to a number of children.

Scaling repeats the source's children in order, giving each repeat fresh ids (the
LAchildID gets a suffix, the UPN a new serial with its check letter), so that a file of
50,000 children is 50,000 different children with the same shape of records.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree


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
        for n in range(size):
            file.write(_renamed(children[n % len(children)], n // len(children)))
            file.write(b"\n")
        file.write(b"</Children></Message>\n")
    return out


def synthetic_census(folder: Path) -> Path:
    raise SystemExit("give --source FILE.xml (a synthetic LA census comes with the writer)")
