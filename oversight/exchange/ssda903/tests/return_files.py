"""Writing the return from the test records, and reading its files back, for the tests."""

from __future__ import annotations

from pathlib import Path

from oversight.exchange.ssda903.spec import TABLES
from oversight.exchange.ssda903.write import WriteSummary, file_name, write_903


def written(folder: Path, year: str = "2025-26") -> WriteSummary:
    return write_903(folder, year)


def lines(folder: Path, table: str) -> list[str]:
    """The file's lines after its header row, which is checked to be the DfE's."""
    header, *rows = (folder / file_name(table)).read_text(encoding="utf-8").splitlines()
    assert header == ",".join(TABLES[table])
    return rows


def texts(folder: Path) -> dict[str, str]:
    return {table: (folder / file_name(table)).read_text(encoding="utf-8") for table in TABLES}
