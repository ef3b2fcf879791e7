"""Read Ofsted's published outcomes into plain records, reporting every value not loaded.

Nothing is guessed: a grade the source could not read, a grade for a judgement the
framework of the day did not have, a value the source lists as wrongly extracted, and a
report whose framework cannot be told are each reported with the file, row, field and
value, and left out. An inspection whose grades are unreadable is still loaded (with its
dates and link), because it supersedes the inspections before it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path, PurePosixPath

from oversight.exchange.ofsted_outcomes import spec
from oversight.inspection.frameworks import Framework, framework, framework_for


class OutcomesUnreadable(ValueError):
    """A file that cannot be read at all: nothing is loaded."""


@dataclass(frozen=True)
class Problem:
    file: str
    row: int  # the line in the file, the header being line 1
    field: str
    value: str
    reason: str
    row_rejected: bool = False

    def __str__(self) -> str:
        what = "row not loaded" if self.row_rejected else f"{self.field} not loaded"
        return f"{self.file} row {self.row}: {what} ({self.field}={self.value!r}): {self.reason}"


@dataclass(frozen=True)
class PublishedAuthority:
    urn: str
    code: str
    old_code: str
    name: str
    region_code: str
    region_name: str
    established: date | None
    abolished: date | None
    source: str


@dataclass
class PublishedInspection:
    urn: str
    la_name: str
    framework: str
    kind: str
    published: date | None
    started: date | None = None
    ended: date | None = None
    report_url: str = ""
    lead_inspector: str = ""
    judgements: dict[str, str] = field(default_factory=dict)
    source_ref: str = ""

    @property
    def departure(self) -> str | None:
        return framework(self.framework).overall_departure(self.judgements)


@dataclass
class Reading:
    authorities: list[PublishedAuthority] = field(default_factory=list)
    inspections: list[PublishedInspection] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def rejected_rows(self) -> list[Problem]:
        return [p for p in self.problems if p.row_rejected]


def read(folder: Path = spec.DATA) -> Reading:
    """Read the lookup, the history and the parsed SIF grades from ``folder``."""
    reading = Reading()
    lookup = list(_rows(folder, spec.LOOKUP, spec.LOOKUP_COLUMNS))
    history = list(_rows(folder, spec.HISTORY, spec.HISTORY_COLUMNS))
    sif = list(_rows(folder, spec.SIF_GRADES, spec.SIF_COLUMNS))
    reading.rows = {spec.LOOKUP: len(lookup), spec.HISTORY: len(history), spec.SIF_GRADES: len(sif)}
    reading.authorities = [_authority(line, row) for line, row in lookup]
    known = {authority.urn for authority in reading.authorities}
    sif_by_report = _sif_by_report(sif, reading)
    seen: set[str] = set()
    for line, row in history:
        inspection = _inspection(line, row, known, sif_by_report, reading)
        if inspection is None:
            continue
        if inspection.report_url in seen:
            reading.problems.append(
                _reject(spec.HISTORY, line, "inspection_link", row, "the same report appears twice")
            )
            continue
        seen.add(inspection.report_url)
        reading.inspections.append(inspection)
    for (urn, name), (line, _) in sif_by_report.items():
        reading.problems.append(
            Problem(
                spec.SIF_GRADES,
                line,
                "pdf_path_in_JT-39_repo",
                name,
                f"no report of LA {urn} of that name in the history",
                True,
            )
        )
    return reading


def _rows(
    folder: Path, name: str, columns: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    path = folder / name
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise OutcomesUnreadable(
            f"{name}: cannot open ({error.strerror}); is the folder right?"
        ) from None
    with handle:
        try:
            reader = csv.DictReader(handle)
            missing = [column for column in columns if column not in (reader.fieldnames or [])]
            if missing:
                raise OutcomesUnreadable(
                    f"{name}: missing column(s) {', '.join(missing)}; is this the right file?"
                )
            for number, row in enumerate(reader, start=2):
                yield number, {key: (value or "").strip() for key, value in row.items() if key}
        except (UnicodeDecodeError, csv.Error) as error:
            raise OutcomesUnreadable(f"{name}: not readable as UTF-8 CSV ({error})") from None


def _authority(line: int, row: dict[str, str]) -> PublishedAuthority:
    code = row["la_code_new"]
    region = row["region_name"]
    return PublishedAuthority(
        urn=row["urn"],
        code=code,
        old_code=row["la_code"],
        name=row["local_authority_ons_name"],
        region_code=spec.REGIONS.get(region, ""),
        region_name=region,
        established=spec.ESTABLISHED.get(code),
        abolished=spec.ABOLISHED.get(code),
        source=f"{spec.LOOKUP} row {line}",
    )


def _sif_by_report(
    rows: list[tuple[int, dict[str, str]]], reading: Reading
) -> dict[tuple[str, str], tuple[int, dict[str, str]]]:
    found: dict[tuple[str, str], tuple[int, dict[str, str]]] = {}
    for line, row in rows:
        key = (row["urn"], PurePosixPath(row["pdf_path_in_JT-39_repo"]).name)
        if key in found:
            reading.problems.append(
                Problem(
                    spec.SIF_GRADES,
                    line,
                    "pdf_path_in_JT-39_repo",
                    key[1],
                    "the same report appears twice",
                    True,
                )
            )
        else:
            found[key] = (line, row)
    return found


def _reject(file: str, line: int, column: str, row: dict[str, str], reason: str) -> Problem:
    return Problem(file, line, column, row.get(column, ""), reason, row_rejected=True)


def _inspection(
    line: int,
    row: dict[str, str],
    known: set[str],
    sif_by_report: dict[tuple[str, str], tuple[int, dict[str, str]]],
    reading: Reading,
) -> PublishedInspection | None:
    problems = reading.problems
    if row["urn"] not in known:
        problems.append(
            _reject(spec.HISTORY, line, "urn", row, "no LA with this URN in the lookup")
        )
        return None
    name = row["local_authority"]
    value = _Values(spec.HISTORY, line, row, name, problems)
    published = value.day("publication_date")
    started, ended = value.day("inspection_start_date"), value.day("inspection_end_date")
    sif = sif_by_report.pop((row["urn"], row["pdf_filename"]), None)
    when = started or published
    if when is None:
        problems.append(
            _reject(
                spec.HISTORY,
                line,
                "publication_date",
                row,
                "no readable date, so it cannot be placed in time",
            )
        )
        return None
    held = framework("sif") if sif else _framework_at(when, exact=started is not None)
    if isinstance(held, str):
        problems.append(_reject(spec.HISTORY, line, "inspection_start_date", row, held))
        return None
    inspection = PublishedInspection(
        urn=row["urn"],
        la_name=name,
        framework=held.key,
        kind=_kind(held, value),
        published=published,
        started=started,
        ended=ended,
        report_url=row["inspection_link"],
        lead_inspector=value.text("inspector_name"),
        source_ref=f"{spec.HISTORY} row {line}",
    )
    if held.key.startswith("ilacs"):
        inspection.judgements = value.grades(spec.HISTORY_AREAS, held)
    elif sif:
        sif_line, sif_row = sif
        inspection.judgements = _Values(spec.SIF_GRADES, sif_line, sif_row, name, problems).grades(
            spec.SIF_AREAS, held
        )
        inspection.source_ref += f"; grades from {spec.SIF_GRADES} row {sif_line}"
    else:
        problems.append(
            Problem(
                spec.HISTORY,
                line,
                "grades",
                "data_unreadable",
                f"no grades: unreadable in the source for a {held.name} report",
            )
        )
    return inspection


def _framework_at(day: date, exact: bool) -> Framework | str:
    try:
        held = framework_for("standard", day)
    except ValueError as error:
        return str(error)
    if not exact:
        earlier = framework_for("standard", day - timedelta(days=spec.PUBLICATION_LAG_DAYS))
        if earlier.key != held.key:
            return (
                f"no inspection dates and published within {spec.PUBLICATION_LAG_DAYS} days of "
                "the change "
                f"from the {earlier.name} to the {held.name}, so the framework cannot be told"
            )
    return held


def _kind(held: Framework, value: _Values) -> str:
    if not held.key.startswith("ilacs"):
        return "standard"  # the earlier frameworks had one kind of full inspection
    raw = value.text("inspection_framework")
    return spec.KINDS.get(raw, "graded")


@dataclass
class _Values:
    """The values of one source row, reporting each one that cannot be loaded."""

    file: str
    line: int
    row: dict[str, str]
    la: str
    problems: list[Problem]

    def _problem(self, column: str, reason: str) -> None:
        self.problems.append(
            Problem(self.file, self.line, column, self.row.get(column, ""), reason)
        )

    def text(self, column: str) -> str:
        if (self.la, column) in spec.KNOWN_ERRORS:
            if self.row[column]:
                self._problem(column, spec.KNOWN_ERRORS[(self.la, column)])
            return ""
        return self.row[column]

    def day(self, column: str) -> date | None:
        raw = self.text(column)
        if raw in spec.UNREADABLE:
            return None
        for pattern in ("%d/%m/%Y", "%d/%m/%y"):
            try:
                return datetime.strptime(raw, pattern).date()
            except ValueError:
                continue
        self._problem(column, "not a date in the form dd/mm/yyyy or dd/mm/yy")
        return None

    def grades(self, columns: dict[str, str], held: Framework) -> dict[str, str]:
        found: dict[str, str] = {}
        for column, area in columns.items():
            grade = self._grade(column, area, held)
            if grade is not None:
                found[area] = grade
        return found

    def _grade(self, column: str, area: str, held: Framework) -> str | None:
        raw = self.text(column).lower()
        exists = area in held.area_names
        if (self.la, column) in spec.KNOWN_ERRORS:
            return None
        if raw == spec.NOT_A_JUDGEMENT_THEN or raw == spec.NO_OVERALL_AFTER_REFORM:
            if exists:
                self._problem(
                    column,
                    f"the source says there was no such judgement, but the {held.name} had one",
                )
            return None
        if raw in spec.UNREADABLE:
            if exists and held.area(area).sub_judgement:
                self._problem(
                    column, "not given in the source (sub-judgements were not always parsed)"
                )
            elif exists:
                self._problem(column, "unreadable in the source (a failed extraction)")
            return None
        if raw not in spec.GRADES:
            self._problem(
                column, "not one of the grades outstanding, good, requires improvement, inadequate"
            )
            return None
        if not exists:
            self._problem(column, f"the {held.name} had no such judgement")
            return None
        return spec.GRADES[raw]
