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


class _Reader:
    def __init__(self, name: str, period: CensusPeriod) -> None:
        self.name = name
        self.period = period
        self.header: dict[str, Any] = {}
        # Each table's rows, each the dict of its values as read (not changed after).
        self.rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
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
        values: dict[str, Any] = {"child": child, "line": element.sourceline}
        ids = {"child": child}
        episodes = []
        for part in element:
            name = _LOCAL_NAMES.get(part.tag) or _new_local(part)
            if name == "CINdetails":
                episodes.append(part)
            elif name == "ChildIdentifiers":
                self.fields_of(part, "children", values, None)
            elif name == "ChildCharacteristics":
                self.read_characteristics(part, values, ids)
            else:
                self.unknown(values.get("LAchildID"), part)
        ids["LAchildID"] = values.get("LAchildID")
        self.rows["children"].append(values)
        for episode, part in enumerate(episodes):
            self.read_episode(part, {**ids, "episode": episode})

    def read_characteristics(
        self, element: etree._Element, values: dict[str, Any], ids: dict[str, Any]
    ) -> None:
        for part in element:
            name = _LOCAL_NAMES.get(part.tag) or _new_local(part)
            if name == "Ethnicity":
                values[name] = _text(part)
            elif name == "Disabilities":
                disabilities = self.rows["disabilities"]
                for disability in part:
                    disabilities.append(
                        {**ids, "LAchildID": values.get("LAchildID"), "line": disability.sourceline,
                         "Disability": _text(disability)}
                    )  # fmt: skip
            else:
                self.unknown(values.get("LAchildID"), part)

    def read_episode(self, element: etree._Element, ids: dict[str, Any]) -> None:
        values = {**ids, "line": element.sourceline}
        fields = FIELDS["episodes"]
        groups: defaultdict[str, int] = defaultdict(int)  # each group's place in the episode
        for part in element:
            name = _LOCAL_NAMES.get(part.tag) or _new_local(part)
            if name in fields:
                text = part.text
                values[name] = (text.strip() or None) if text is not None else None
                continue
            place = groups[name]
            groups[name] += 1
            if name == "Assessments":
                self.read_assessment(part, {**ids, "assessment": place})
            elif name == "CINPlanDates":
                self.read_part("cin_plans", part, {**ids, "cin_plan": place})
            elif name == "Section47":
                self.read_part("section47", part, {**ids, "s47": place})
            elif name == "ChildProtectionPlans":
                self.read_plan(part, {**ids, "cp_plan": place})
            elif name == "PreProceedingsandFGDM":
                self.read_part("pre_proceedings", part, ids)
            else:
                self.unknown(ids["LAchildID"], part)
        self.rows["episodes"].append(values)

    def read_part(self, table: str, element: etree._Element, ids: dict[str, Any]) -> None:
        values = {**ids, "line": element.sourceline}
        self.fields_of(element, table, values, ids["LAchildID"])
        self.rows[table].append(values)

    def read_assessment(self, element: etree._Element, ids: dict[str, Any]) -> None:
        self.read_part("assessments", element, ids)
        factors = self.rows["factors"]
        for group in element.iterchildren("{*}FactorsIdentifiedAtAssessment"):
            for factor in group:
                factors.append(
                    {**ids, "line": factor.sourceline, "AssessmentFactors": _text(factor)}
                )

    def read_plan(self, element: etree._Element, ids: dict[str, Any]) -> None:
        self.read_part("cp_plans", element, ids)
        reviews = self.rows["reviews"]
        for group in element.iterchildren("{*}Reviews"):
            for review in group:
                reviews.append({**ids, "line": review.sourceline, "CPPreviewDate": _text(review)})
            if len(group) == 0:  # an empty group is a review record with no date (8842Q)
                reviews.append({**ids, "line": group.sourceline})

    def fields_of(
        self, element: etree._Element, table: str, values: dict[str, Any], child_id: str | None
    ) -> None:
        """The fields of ``table`` in ``element`` into ``values``; any other element is
        reported, but for the groups read on their own (factors, reviews)."""
        fields = FIELDS[table]
        for part in element:
            name = _LOCAL_NAMES.get(part.tag) or _new_local(part)
            field = fields.get(name)
            if field is not None:
                text = part.text
                values[field] = (text.strip() or None) if text is not None else None
            elif name != GROUPS.get(table):
                self.unknown(child_id or values.get("LAchildID"), part)

    def unknown(self, child_id: str | None, element: etree._Element) -> None:
        if not isinstance(element.tag, str):
            return  # a comment or processing instruction
        self.problem(child_id, element.sourceline, _local(element), _text(element) or "",
                     "is not part of the CIN census here: it was not read")  # fmt: skip

    def frames(self) -> dict[str, pl.DataFrame]:
        """Each table typed, with its values that are missing or not of their type
        reported. Every table's typing runs in one Polars query, and its problems are
        looked for only in a table that has some."""
        raw = {table: self.raw(table) for table in TABLES}
        queries = {table: _typing(table, frame) for table, frame in raw.items()}
        typing = [query for query in queries.values() if query is not None]
        done = iter(pl.collect_all(typing, optimizations=AS_WRITTEN, engine="in-memory"))
        typed = {}
        for table, frame in raw.items():
            typed[table] = frame if queries[table] is None else next(done)
            self.report_missing(table, frame)
            self.report_untyped(table, frame, typed[table])
        return typed

    def raw(self, table: str) -> pl.DataFrame:
        """The table's rows as read, every field as text."""
        keys, fields = TABLES[table]
        names = ("LAchildID", "line", *keys, *fields)
        schema = {name: pl.Int64 for name in ("line", *keys)} | {"LAchildID": pl.String}
        return pl.from_dicts(self.rows[table], schema={n: schema.get(n, pl.String) for n in names})

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
        raise CinUnreadable(
            f"{reader.name}: line {error.lineno}: not well-formed XML: {error.msg}"
        ) from None
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
