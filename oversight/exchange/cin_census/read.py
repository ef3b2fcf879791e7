"""Read a CIN census file, streaming, into one Polars table per part of the return.

The file is parsed element by element and each ``<Child>`` is dropped once read, so time
and memory grow with the file and no faster. Nothing is lost on the way: a value that is
not of its field's type (a date that is not YYYY-MM-DD, a flag that is not true/false/1/0)
and an element the census does not have are each reported as a ``format`` finding with
the child, the line, the field and the value, and the value is left out of its typed
column. Every review date of a plan is kept, not only the first.

The parser refuses entities, DTDs and network access (no billion laughs, no XXE).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

import polars as pl
from lxml import etree

from oversight.exchange.cin_census.spec import (
    COUNT,
    DATE,
    FLAG,
    FLAG_VALUES,
    HEADER,
    RENAMED,
    REQUIRED,
    TABLES,
    TEXT,
    CensusPeriod,
)
from oversight.exchange.validation import ERROR, Finding
from oversight.exchange.validation.rulebook import AS_WRITTEN

FORMAT = "format"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$"


class CinUnreadable(ValueError):
    """The file cannot be read as a CIN census at all; nothing in it was checked."""


Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)


@dataclass
class CinData(Generic[Frame]):
    """One CIN census return as tables, with the census year it is checked against.

    As read, the tables are data frames; the rules take them as lazy queries (``lazy``)."""

    file: str
    period: CensusPeriod
    header: dict[str, Any]
    children: Frame
    disabilities: Frame
    episodes: Frame
    assessments: Frame
    factors: Frame
    cin_plans: Frame
    section47: Frame
    cp_plans: Frame
    reviews: Frame
    pre_proceedings: Frame
    format_findings: list[Finding] = field(default_factory=list)

    @property
    def reference_date(self) -> date:
        return self.period.end

    def lazy(self: CinData[pl.DataFrame]) -> CinData[pl.LazyFrame]:
        """The same return, each table a lazy query over the one read (nothing copied)."""
        tables = {f.name: getattr(self, f.name).lazy() for f in fields(self) if f.name in TABLES}
        return replace(self, **tables)  # type: ignore[return-value]


# Each table's fields by the names they may have in the file (the child's sex has had two).
FIELDS = {
    table: {name: name for name in fields}
    | {old: new for old, new in RENAMED.items() if new in fields}
    for table, (_keys, fields) in TABLES.items()
}
# The groups within a part that are tables of their own, read apart from its fields.
GROUPS = {"assessments": "FactorsIdentifiedAtAssessment", "cp_plans": "Reviews"}

# What an element is within a part: one of the part's fields (its column, 0 or more), or:
GROUP = -1  # a group read as a table of its own (factors, reviews)
OTHER = -2  # a part within the part (an episode's assessments), or not in the census
IGNORED = -3  # not an element (a processing instruction)


class _Table:
    """One table's rows as read: each row a list of its columns' values, fields as text.

    The column an element fills is looked up by its tag, namespace and all, and learnt
    the first time the tag is met: a census has a few dozen tags, each met thousands of
    times."""

    def __init__(self, name: str) -> None:
        keys, fields = TABLES[name]
        # The children's LAchildID is both the key every table has and one of its fields.
        self.columns = tuple(dict.fromkeys(("LAchildID", "line", *keys, *fields)))
        self.no_fields = (None,) * (len(self.columns) - 2 - len(keys))
        self.group = GROUPS.get(name)
        self.named = FIELDS[name]
        self.places: dict[Any, int] = {}
        self.rows: list[list[Any]] = []

    def place(self, tag: Any) -> int:
        """The column an element of this tag fills, or what else it is (GROUP, ...)."""
        if not isinstance(tag, str):
            return IGNORED
        name = tag.rpartition("}")[2]
        field = self.named.get(name)
        if field is not None:
            place = self.columns.index(field)
        else:
            place = GROUP if name == self.group else OTHER
        if len(self.places) < LOCAL_NAMES_KEPT:  # a file of made-up names grows no further
            self.places[tag] = place
        return place

    def add(self, child_id: str | None, line: int | None, *keys: int) -> list[Any]:
        row = [child_id, line, *keys, *self.no_fields]
        self.rows.append(row)
        return row

    def frame(self) -> pl.DataFrame:
        """The rows as a table, every field as text."""
        schema = {name: pl.Int64 if name in INTEGERS else pl.String for name in self.columns}
        if not self.rows:
            return pl.DataFrame(schema=schema)
        columns = zip(*self.rows, strict=True)  # (every row has every column)
        return pl.DataFrame(
            [pl.Series(name, values, schema[name], strict=True)
             for name, values in zip(self.columns, columns, strict=True)]
        )  # fmt: skip


# The columns that are whole numbers: the line and the keys (child, episode, ...).
INTEGERS = {"line", *(key for keys, _fields in TABLES.values() for key in keys)}


class _Reader:
    def __init__(self, name: str, period: CensusPeriod) -> None:
        self.name = name
        self.period = period
        self.header: dict[str, Any] = {}
        self.tables = {table: _Table(table) for table in TABLES}
        self.ethnicity = self.tables["children"].columns.index("Ethnicity")
        self.problems: list[Finding] = []
        self.children = 0

    def problem(
        self, child_id: str | None, line: int | None, name: str, value: str, why: str
    ) -> None:
        message = f"{name} {why}"
        self.problems.append(
            Finding(FORMAT, ERROR, message, child_id, ((name, value),), line, self.name)
        )

    def read_header(self, element: etree._Element) -> None:
        for part in element.iter():
            name = _local(part)
            if name in HEADER:
                self.header[name] = _text(part)
        reference = self.header.get("ReferenceDate")
        if reference is not None:
            self.header["ReferenceDate"] = self.typed_header_date(reference, element)

    def typed_header_date(self, value: str, element: etree._Element) -> date | None:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            self.problem(
                None, element.sourceline, "ReferenceDate", value, "is not a date (YYYY-MM-DD)"
            )
            return None

    def read_child(self, element: etree._Element) -> None:
        child = self.children
        self.children += 1
        row = self.tables["children"].add(None, element.sourceline, child)
        episodes = []
        characteristics = []
        for part in element:
            name = _local(part)
            if name == "CINdetails":
                episodes.append(part)
            elif name == "ChildIdentifiers":
                self.fields_of(part, self.tables["children"], row, None)
            elif name == "ChildCharacteristics":
                characteristics.append(part)
            else:
                self.unknown(row[0], part)
        child_id = row[0]  # (read with the identifiers, wherever they are in the child)
        for part in characteristics:
            self.read_characteristics(part, row, child_id, child)
        for episode, part in enumerate(episodes):
            self.read_episode(part, child_id, child, episode)

    def read_characteristics(
        self, element: etree._Element, row: list[Any], child_id: str | None, child: int
    ) -> None:
        for part in element:
            name = _local(part)
            if name == "Ethnicity":
                row[self.ethnicity] = _text(part)
            elif name == "Disabilities":
                disabilities = self.tables["disabilities"]
                for disability in part:
                    disabilities.add(child_id, disability.sourceline, child)[-1] = _text(disability)
            else:
                self.unknown(child_id, part)

    def read_episode(
        self, element: etree._Element, child_id: str | None, child: int, episode: int
    ) -> None:
        table = self.tables["episodes"]
        row = table.add(child_id, element.sourceline, child, episode)
        places = table.places
        groups: defaultdict[str, int] = defaultdict(int)  # each group's place in the episode
        for part in element:
            tag = part.tag
            place = places.get(tag)
            if place is None:
                place = table.place(tag)
            if place >= 0:
                text = part.text
                row[place] = (text.strip() or None) if text is not None else None
                continue
            if place == IGNORED:
                continue
            name = _local(part)
            at = groups[name]
            groups[name] += 1
            if name == "Assessments":
                self.read_assessment(part, child_id, child, episode, at)
            elif name == "CINPlanDates":
                self.read_part("cin_plans", part, child_id, child, episode, at)
            elif name == "Section47":
                self.read_part("section47", part, child_id, child, episode, at)
            elif name == "ChildProtectionPlans":
                self.read_plan(part, child_id, child, episode, at)
            elif name == "PreProceedingsandFGDM":
                self.read_part("pre_proceedings", part, child_id, child, episode)
            else:
                self.unknown(child_id, part)

    def read_part(
        self, table: str, element: etree._Element, child_id: str | None, *keys: int
    ) -> list[etree._Element]:
        """The part's row; its groups read on their own (factors, reviews) are returned."""
        part = self.tables[table]
        row = part.add(child_id, element.sourceline, *keys)
        return self.fields_of(element, part, row, child_id)

    def read_assessment(self, element: etree._Element, child_id: str | None, *keys: int) -> None:
        factors = self.tables["factors"]
        for group in self.read_part("assessments", element, child_id, *keys):
            for factor in group:
                factors.add(child_id, factor.sourceline, *keys)[-1] = _text(factor)

    def read_plan(self, element: etree._Element, child_id: str | None, *keys: int) -> None:
        reviews = self.tables["reviews"]
        for group in self.read_part("cp_plans", element, child_id, *keys):
            for review in group:
                reviews.add(child_id, review.sourceline, *keys)[-1] = _text(review)
            if len(group) == 0:  # an empty group is a review record with no date (8842Q)
                reviews.add(child_id, group.sourceline, *keys)

    def fields_of(
        self, element: etree._Element, table: _Table, row: list[Any], child_id: str | None
    ) -> list[etree._Element]:
        """The fields of ``table`` in ``element`` into ``row``; any other element is
        reported, but for the groups read on their own (factors, reviews): those are
        returned."""
        places = table.places
        groups = []
        for part in element:
            tag = part.tag
            place = places.get(tag)
            if place is None:
                place = table.place(tag)
            if place >= 0:
                text = part.text
                row[place] = (text.strip() or None) if text is not None else None
            elif place == GROUP:
                groups.append(part)
            elif place == OTHER:
                self.unknown(child_id or row[0], part)
        return groups

    def unknown(self, child_id: str | None, element: etree._Element) -> None:
        if not isinstance(element.tag, str):
            return  # a comment or processing instruction
        self.problem(child_id, element.sourceline, _local(element), _text(element) or "",
                     "is not part of the CIN census here: it was not read")  # fmt: skip

    def frames(self) -> dict[str, pl.DataFrame]:
        """Each table typed, with its values that are missing or not of their type
        reported. Every table's typing runs in one Polars query, and its problems are
        looked for only in a table that has some."""
        raw = {name: table.frame() for name, table in self.tables.items()}
        queries = {table: _typing(table, frame) for table, frame in raw.items()}
        typing = [query for query in queries.values() if query is not None]
        done = iter(pl.collect_all(typing, optimizations=AS_WRITTEN, engine="in-memory"))
        typed = {}
        for table, frame in raw.items():
            typed[table] = frame if queries[table] is None else next(done)
            self.report_missing(table, frame)
            self.report_untyped(table, frame, typed[table])
        return typed

    def report_missing(self, table: str, raw: pl.DataFrame) -> None:
        for name in REQUIRED.get(table, ()):
            column = raw.get_column(name)
            if column.null_count():
                missing = raw.filter(column.is_null()).select("LAchildID", "line")
                for child_id, line in missing.iter_rows():
                    self.problem(child_id, line, name, "", REQUIRED_BUT_MISSING)

    def report_untyped(self, table: str, raw: pl.DataFrame, typed: pl.DataFrame) -> None:
        """A value given but not of its type is found by comparing the two columns."""
        for name, kind in TABLES[table][1].items():
            if kind == TEXT:
                continue
            given, read = raw.get_column(name), typed.get_column(name)
            if read.null_count() > given.null_count():  # (a count Polars keeps: no search)
                untyped = given.is_not_null() & read.is_null()
                bad = raw.filter(untyped).select("LAchildID", "line", name)
                for child_id, line, value in bad.iter_rows():
                    self.problem(child_id, line, name, value, WHY_UNTYPED[kind])


def _typing(table: str, raw: pl.DataFrame) -> pl.LazyFrame | None:
    """The query typing every field of the table that is not text, or ``None``."""
    kinds = {name: kind for name, kind in TABLES[table][1].items() if kind != TEXT}
    if not kinds:
        return None
    return raw.lazy().with_columns(_typed(name, kind) for name, kind in kinds.items())


REQUIRED_BUT_MISSING = "is required by the census and is missing"
WHY_UNTYPED = {
    DATE: "is not a date (YYYY-MM-DD)",
    FLAG: "is not true, false, 1 or 0",
    COUNT: "is not a whole number",
}


def _typed(name: str, kind: str) -> pl.Expr:
    """The column ``name`` of text as its ``kind``; null where the text is not one."""
    value = pl.col(name).str.strip_chars()
    if kind == DATE:
        wellformed = value.str.contains(DATE_PATTERN)
        typed = pl.when(wellformed).then(
            value.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)
        )
    elif kind == FLAG:
        typed = value.replace_strict(FLAG_VALUES, default=None, return_dtype=pl.Boolean)
    else:
        assert kind == COUNT
        typed = value.cast(pl.Int64, strict=False)
    return typed.alias(name)


def _local(element: etree._Element) -> str:
    """The element's name without its namespace ("" for a comment)."""
    # Called for every element of the file: the names met before are one lookup.
    name = _LOCAL_NAMES.get(element.tag)
    return name if name is not None else _new_local(element)


def _new_local(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    name = tag.rpartition("}")[2]
    if len(_LOCAL_NAMES) < LOCAL_NAMES_KEPT:
        _LOCAL_NAMES[tag] = name
    return name


# A census has a few dozen names, each met thousands of times; a file of made-up names
# does not make the memory grow past this.
LOCAL_NAMES_KEPT = 1000
_LOCAL_NAMES: dict[str, str] = {}


def _text(element: etree._Element) -> str | None:
    text = element.text
    if text is None:
        return None
    text = text.strip()
    return text or None


def _where_not_xml(error: etree.XMLSyntaxError) -> str:
    """Where the parser stopped and why, its place said once (the parser's message ends
    with it too)."""
    line, column = error.position
    why = re.sub(r", line \d+, column \d+$", "", error.msg or "")
    where = f"line {line}, column {column}: " if line > 0 else ""
    return f"{where}not well-formed XML: {why}"


def read_cin(
    source: str | Path | IO[bytes], period: CensusPeriod, name: str | None = None
) -> CinData[pl.DataFrame]:
    """Read a CIN census file; ``CinUnreadable`` (with the reason) if it is not one."""
    label = name or (str(source) if isinstance(source, (str, Path)) else "upload")
    reader = _Reader(Path(label).name, period)
    try:
        parsing = etree.iterparse(
            source, events=("end",), tag=("{*}Header", "{*}Child"), resolve_entities=False,
            no_network=True, load_dtd=False, huge_tree=False, remove_comments=True,
            remove_blank_text=True, collect_ids=False,
        )  # fmt: skip
        for _event, element in parsing:
            if _local(element) == "Header":
                reader.read_header(element)
            else:
                reader.read_child(element)
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del element.getparent()[0]
        root = _local(parsing.root) if parsing.root is not None else ""
    except etree.XMLSyntaxError as error:
        raise CinUnreadable(f"{reader.name}: {_where_not_xml(error)}") from None
    except OSError as error:
        raise CinUnreadable(f"{reader.name}: cannot be opened: {error.strerror or error}") from None
    if root != "Message" or not reader.children:
        found = f"its root element is <{root}>" if root != "Message" else "it has no <Child>"
        raise CinUnreadable(
            f"{reader.name}: not a CIN census file: {found}, "
            "where a census has <Message> with <Children><Child>"
        )
    frames = reader.frames()
    return CinData(reader.name, period, reader.header, format_findings=reader.problems, **frames)
