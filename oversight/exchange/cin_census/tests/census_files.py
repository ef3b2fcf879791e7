"""Writing a census from the test records, and reading elements back, for the tests."""

from __future__ import annotations

import io
from datetime import datetime

from lxml import etree

from oversight.exchange.cin_census.write import WriteSummary, write_cin

PRODUCED_AT = datetime(2026, 4, 10, 9, 0)
COMPACT = etree.XMLParser(remove_blank_text=True)


def written(year: str = "2025-26", la_code: str | None = "870") -> tuple[bytes, WriteSummary]:
    out = io.BytesIO()
    summary = write_cin(out, year, la_code=la_code, produced_at=PRODUCED_AT)
    return out.getvalue(), summary


def written_root() -> etree._Element:
    return etree.fromstring(written()[0], COMPACT)


def compact(xml: str) -> bytes:
    """Hand-written XML as the writer would give it, whitespace between elements aside."""
    return etree.tostring(etree.fromstring(xml, COMPACT))


def child_in(root: etree._Element, la_child_id: str) -> etree._Element:
    for child in root.iter("Child"):
        if child.findtext("ChildIdentifiers/LAchildID") == la_child_id:
            return child
    raise AssertionError(f"{la_child_id} is not in the return")


def returned_ids(root: etree._Element) -> list[str]:
    return [child.findtext("ChildIdentifiers/LAchildID") or "" for child in root.iter("Child")]
