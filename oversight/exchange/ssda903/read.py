"""Read an SSDA903 return (a folder or a list of CSV files) into one Polars table per file kind.

Each file is told by its header row, never by its name. A file whose header matches no
table, a column a table lacks, and a column the table does not have are each reported;
nothing is dropped silently. Values are read as text first, then typed: a value that is not
of its column's type (a date that is not dd/mm/YYYY, a number that is not a whole number)
is kept out of its typed column and listed in ``unreadable`` with its file, line, child,
column and value, so that it is reported, never turned silently into a blank. Every table
carries ``line`` (its line in the file, the header being line 1) and ``file``.

The data are read with Polars' CSV reader; one quick pass with the standard library first
checks the shape of each row, because Polars pads a short row and refuses a long one
without saying where, and so that lines are right when a quoted value spans lines.
"""

from __future__ import annotations

import csv
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

import polars as pl

from oversight.exchange.ssda903.spec import (
    DATE,
    ID,
    NUMBER,
    TABLES,
    TITLES,
    CollectionYear,
)
from oversight.exchange.validation import ERROR, QUERY, Finding
from oversight.exchange.validation.rulebook import collected

T = TypeVar("T")
Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)
READING_THREADS = 4
FORMAT = "format"
DATE_PATTERN = r"^[0-9]{2}/[0-9]{2}/[0-9]{4}$"
WHY = {DATE: "is not a date (dd/mm/YYYY)", NUMBER: "is not a whole number"}
UNREADABLE_SCHEMA = {
    "table": pl.String, ID: pl.String, "line": pl.Int64, "file": pl.String,
    "field": pl.String, "value": pl.String,
}  # fmt: skip


class Unreadable903(ValueError):
    """Nothing could be read as an SSDA903 return; nothing in it was checked."""


class MissingTable(LookupError):
    """A rule needs a file the return does not include, so it cannot be checked."""


@dataclass
class Return903(Generic[Frame]):
    """One SSDA903 return as tables, with the collection year and, if given, last year's.

    As read, the tables are data frames; the rules take them as lazy queries (``lazy``)."""

    year: CollectionYear
    tables: dict[str, Frame]
    unreadable: Frame
    problems: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    previous: Return903[Frame] | None = None
    # The GSS code of the LA the return is from: whether a placement is inside it.
    la: str | None = None
    # Tables derived from the return that several rules share (``derive``).
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    # A table is derived by the first rule that asks; should rules ever be made in several
    # threads at once, the others asking for it wait.
    deriving: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)

    def derive(self, name: str, compute: Callable[[Return903[Frame]], T]) -> T:
        """``compute(self)``, computed once for this return however many rules ask. A lazy
        query is run then, so that the rules using it share its rows, not its steps.

        A computation that raises is not kept: each rule that asks raises in its turn."""
        with self.deriving:
            if name not in self.derived:
                computed: Any = compute(self)
                if isinstance(computed, pl.LazyFrame):
                    computed = collected(computed).lazy()
                self.derived[name] = computed
            return self.derived[name]  # type: ignore[no-any-return]

    def lazy(self: Return903[pl.DataFrame]) -> Return903[pl.LazyFrame]:
        """The same return (and last year's), each table a lazy query over the one read."""
        previous = None if self.previous is None else self.previous.lazy()
        return replace(  # type: ignore[return-value]
            self,
            tables={name: table.lazy() for name, table in self.tables.items()},
            unreadable=self.unreadable.lazy(),
            previous=previous,
            derived={},
            deriving=threading.RLock(),
        )

    def table(self, name: str) -> pl.DataFrame:
        if name not in self.tables:
            raise MissingTable(f"no {TITLES[name]} file was given")
        return self.tables[name]

    header = property(lambda self: self.table("header"))
    episodes = property(lambda self: self.table("episodes"))
    reviews = property(lambda self: self.table("reviews"))
    uasc = property(lambda self: self.table("uasc"))
    oc2 = property(lambda self: self.table("oc2"))
    oc3 = property(lambda self: self.table("oc3"))
    ad1 = property(lambda self: self.table("ad1"))
    placed_for_adoption = property(lambda self: self.table("placed_for_adoption"))
    previous_permanence = property(lambda self: self.table("previous_permanence"))
    missing = property(lambda self: self.table("missing"))
    social_worker_episodes = property(lambda self: self.table("social_worker_episodes"))

    def last_year(self) -> Return903[Frame]:
        if self.previous is None:
            raise MissingTable("last year's return was not given (--previous)")
        return self.previous

    def format_findings(self, skip: Iterable[tuple[str, str]] = ()) -> list[Finding]:
        """Each unreadable value as a finding, except those of the (table, column)s in ``skip``."""
        skipped = set(skip)
        kind = QUERY if self.is_last_year else ERROR
        found = []
        for row in self.unreadable.iter_rows(named=True):
            if (row["table"], row["field"]) in skipped:
                continue
            why = WHY[TABLES[row["table"]][row["field"]]]
            message = f"{self.prefix}{row['field']} {why}"
            found.append(Finding(FORMAT, kind, message, row[ID], ((row["field"], row["value"]),),
                                 row["line"], row["file"]))  # fmt: skip
        return found

    @property
    def is_last_year(self) -> bool:
        return False

    @property
    def prefix(self) -> str:
        return ""


class LastYear903(Return903):
    """Last year's return, read to compare with: its own problems are queries, not errors."""

    @property
    def is_last_year(self) -> bool:
        return True

    @property
    def prefix(self) -> str:
        return "In last year's return: "


def csv_files(paths: Iterable[str | Path]) -> list[Path]:
    """The CSV files named, a folder standing for every ``.csv`` file in it."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv")
        elif path.is_file():
            found.append(path)
        else:
            raise Unreadable903(f"{path}: no such file or folder")
    if not found:
        raise Unreadable903("no CSV files were found in " + ", ".join(str(p) for p in paths))
    return found


def table_of(columns: list[str]) -> str | None:
    """The table whose columns are most like these, if any is like them at all."""

    def likeness(name: str) -> float:
        expected = set(TABLES[name])
        return len(expected & set(columns)) / len(expected | set(columns))

    best = max(TABLES, key=likeness)
    # Below one half, too few of the file's columns are the table's to call it that table.
    return best if likeness(best) >= 0.5 and ID in columns else None


class _FileReader:
    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.name = path.name
        self.kind = kind  # ERROR for this year, QUERY for last year's files
        self.prefix = "" if kind == ERROR else "In last year's return: "
        self.problems: list[Finding] = []

    def problem(self, message: str, line: int | None = None, child: str | None = None,
                fields: tuple[tuple[str, str], ...] = ()) -> None:  # fmt: skip
        self.problems.append(
            Finding(FORMAT, self.kind, self.prefix + message, child, fields, line, self.name)
        )

    def read(self) -> tuple[str, pl.DataFrame, pl.DataFrame] | None:
        columns, lines = self.shape()
        name = table_of(columns)
        if name is None:
            self.problem("this file matches no SSDA903 table, so it was not read: its columns are "
                         + ", ".join(columns))  # fmt: skip
            return None
        spec = TABLES[name]
        for missing in (c for c in spec if c not in columns):
            self.problem(f"the {TITLES[name]} file has no {missing} column: it is read as blank")
        for unknown in (c for c in columns if c not in spec):
            self.problem(f"the {TITLES[name]} file has a column {unknown} that is not part of "
                         "the table: it was not read")  # fmt: skip
        raw = self.raw(columns, lines).select(
            ID, "line", pl.lit(self.name).alias("file"),
            *(c if c in columns else pl.lit(None, pl.String).alias(c) for c in spec if c != ID),
        )  # fmt: skip
        return name, *typed(name, raw.collect(engine="in-memory"))

    def shape(self) -> tuple[list[str], list[int] | None]:
        """The header, and each record's first line when a quoted value spans lines."""
        try:
            with self.path.open(encoding="utf-8-sig", newline="") as text:
                records = csv.reader(text)
                header = [c.strip().upper() for c in next(records, [])]
                if not any(header):
                    raise Unreadable903(f"{self.name}: the file is empty, with no header row")
                if len(set(header)) < len(header):
                    raise Unreadable903(f"{self.name}: the header row names a column twice")
                return header, self.records(records, header)
        except UnicodeDecodeError as error:
            raise Unreadable903(f"{self.name}: not UTF-8 text ({error.reason} at byte "
                                f"{error.start}): save it as UTF-8 CSV") from None  # fmt: skip
        except csv.Error as error:
            raise Unreadable903(f"{self.name}: not a readable CSV file: {error}") from None
        except OSError as error:
            raise Unreadable903(f"{self.name}: cannot be opened: {error.strerror}") from None

    def records(self, records: Any, header: list[str]) -> list[int] | None:
        starts: list[int] = []
        spans = False
        end = records.line_num
        for record in records:
            start, end = end + 1, records.line_num
            spans = spans or end != start
            starts.append(start)
            if record and len(record) != len(header):
                self.wrong_width(record, header, start)
        return starts if spans else None

    def wrong_width(self, record: list[str], header: list[str], line: int) -> None:
        child = record[0].strip() or None
        if len(record) < len(header):
            self.problem(f"this row has {len(record)} values where the header has {len(header)}:"
                         " the missing ones at the end are read as blank", line, child)  # fmt: skip
        else:
            extra = tuple((f"value {i + 1}", v) for i, v in enumerate(record) if i >= len(header))
            self.problem(f"this row has {len(record)} values where the header has {len(header)}:"
                         " the extra ones were not read", line, child, extra)  # fmt: skip

    def raw(self, columns: list[str], lines: list[int] | None) -> pl.LazyFrame:
        """The file's rows as text, each with its line, blank lines left out: a plan, for
        the caller to finish and run in one pass (each pass of Polars has a fixed cost)."""
        scan = pl.scan_csv(self.path, infer_schema=False, new_columns=columns,
                           truncate_ragged_lines=True, encoding="utf8")  # fmt: skip
        try:
            frame = scan.with_row_index("_record").collect(engine="streaming")
        except pl.exceptions.PolarsError as error:
            reason = str(error).splitlines()[0]
            raise Unreadable903(f"{self.name}: not a readable CSV file: {reason}") from None
        if lines is None:
            line = (pl.col("_record") + 2).cast(pl.Int64)
        elif len(lines) == frame.height:
            line = pl.lit(pl.Series(lines, dtype=pl.Int64))
        else:
            raise Unreadable903(
                f"{self.name}: its rows could not be told apart (a quote not closed?)"
            )
        return (
            frame.lazy()
            .select(line.alias("line"), pl.col(columns).str.strip_chars().replace("", None))
            # A blank line holds nothing; every other row is kept, however incomplete.
            .filter(pl.any_horizontal(pl.col(columns).is_not_null()))
        )


def typed(name: str, raw: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The table with each column of its type, and the values that were not of that type."""
    casts = {}
    for column, kind in TABLES[name].items():
        if kind == DATE:
            wellformed = pl.col(column).str.contains(DATE_PATTERN)
            value = pl.when(wellformed).then(pl.col(column).str.to_date("%d/%m/%Y", strict=False))
        elif kind == NUMBER:
            value = pl.col(column).cast(pl.Int64, strict=False)
        else:
            continue
        casts[column] = value
    if not casts:
        return raw, pl.DataFrame(schema=UNREADABLE_SCHEMA)
    frame = raw.with_columns(value.alias(column) for column, value in casts.items())
    # Each value given but not of its column's type, found for every column in one pass:
    # the column's values kept only where the typed value is missing, then one row each.
    untyped = [
        pl.when(pl.col(column).is_not_null() & value.is_null()).then(pl.col(column)).alias(column)
        for column, value in casts.items()
    ]
    problems = (
        raw.lazy()
        .select(ID, "line", "file", *untyped)
        .unpivot(index=[ID, "line", "file"], variable_name="field", value_name="value")
        .filter(pl.col("value").is_not_null())
        .select(pl.lit(name).alias("table"), ID, "line", "file", "field", "value")
        .collect(engine="in-memory")
    )
    return frame, problems


def read_903(paths: Iterable[str | Path], year: CollectionYear,
             previous: Iterable[str | Path] = (), la: str | None = None
             ) -> Return903[pl.DataFrame]:  # fmt: skip
    """Read this year's files and, if given, last year's, both from the LA whose GSS code is
    ``la`` (if known); ``Unreadable903`` if nothing can be read."""
    this_year = _read(list(paths), year, Return903, ERROR)
    this_year.la = la
    previous = list(previous)
    if previous:
        this_year.previous = _read(previous, year.previous, LastYear903, QUERY)
        this_year.previous.la = la
        this_year.problems += this_year.previous.problems
    return this_year


def _read(paths: list[str | Path], year: CollectionYear, kind: type[Return903],
          level: str) -> Return903:  # fmt: skip
    parts: dict[str, list[pl.DataFrame]] = {}
    bad, problems, files = [], [], []
    readers = [_FileReader(path, level) for path in csv_files(paths)]
    # The files are read side by side (Polars lets go of Python's lock while it reads),
    # and taken in the order given: the first that cannot be read is the one reported.
    with ThreadPoolExecutor(READING_THREADS, thread_name_prefix="read903") as pool:
        results = list(pool.map(_FileReader.read, readers))
    for reader, read in zip(readers, results, strict=True):
        problems += reader.problems
        files.append(reader.name)
        if read is not None:
            name, frame, unread = read
            parts.setdefault(name, []).append(frame)
            bad.append(unread)
    if not parts:
        raise Unreadable903(
            "no file is an SSDA903 table: " + "; ".join(f.message for f in problems)
        )
    tables = {name: pl.concat(frames) for name, frames in parts.items()}
    unread = pl.concat(bad) if bad else pl.DataFrame(schema=UNREADABLE_SCHEMA)
    return kind(year, tables, unread, problems, files)
