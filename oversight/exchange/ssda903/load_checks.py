"""What stops a child of an SSDA903 return from being imported, found before anything is
recorded.

A child is held back, with the reason (rule, field, value, file, line), when a value of
theirs could not be read or a row of theirs has the wrong number of values (the reader's
findings), when the header has the child twice or not at all, when a value the records
need is missing or is not one of the DfE's codes, or when two of their episodes start on
the same day (the records could not tell them apart). Where the DfE has a rule for the
problem its code is given; otherwise ``format``, ``once``, ``sequence``. Problems the
casework services find while recording are added by the importer (``records``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from oversight.codes import is_valid
from oversight.exchange.importing import Problem
from oversight.exchange.sex import RETURNED_SEX_CODES
from oversight.exchange.ssda903.load_file import FiledChild, Row
from oversight.exchange.ssda903.read import FORMAT, Return903
from oversight.exchange.ssda903.spec import ID

# Sex as 2025/26 returns give it, and as earlier returns did.
SEX_CODES = (*RETURNED_SEX_CODES, "1", "2")
# Fields the records cannot do without, with the DfE's rule for each.
REQUIRED = {
    "header": {"SEX": "101", "DOB": "102", "ETHNIC": "103"},
    "episodes": {"DECOM": "141", "RNE": "143", "LS": "144", "PLACE": "146"},
    "reviews": {"REVIEW": "166", "REVIEW_CODE": "167"},
    "missing": {"MIS_START": "564"},
}
# Coded fields the records keep: the records' code set, and the DfE's rule for a bad code.
# The records' code sets are checked, not the year's: a return of an earlier year may use
# codes since retired, and the records may not know a code new this year.
CODED = {
    "header": {"ETHNIC": ("ethnicity", "103")},
    "episodes": {"RNE": ("reason_new_episode", "143"), "LS": ("legal_status", "144"),
                 "PLACE": ("placement_type", "146"),
                 "PLACE_PROVIDER": ("placement_provider", "178"),
                 "REC": ("reason_episode_ceased", "149")},
    "reviews": {"REVIEW_CODE": ("review_participation", "167")},
    "missing": {"MISSING": ("missing_type", "1006")},
    "oc3": {"IN_TOUCH": ("care_leaver_in_touch", "131"), "ACTIV": ("care_leaver_activity", "132"),
            "ACCOM": ("care_leaver_accommodation", "133")},
}  # fmt: skip
# The DfE's rule for a child in a file who is not in the header.
NOT_IN_HEADER = {
    "ad1": "INT01", "placed_for_adoption": "INT02", "episodes": "INT03", "missing": "INT04",
    "oc2": "INT05", "oc3": "INT06", "previous_permanence": "INT07", "reviews": "INT08",
    "uasc": "INT09", "social_worker_episodes": "INT",
}  # fmt: skip


def problems_by_child(data: Return903, children: list[FiledChild]) -> dict[int, list[Problem]]:
    """Each child (by position) that cannot be imported, with every reason."""
    found: dict[int, list[Problem]] = {}
    for position, problem in _all_problems(data, children):
        found.setdefault(position, []).append(problem)
    return found


def _all_problems(data: Return903, children: list[FiledChild]) -> Iterator[tuple[int, Problem]]:
    at = {(row["file"], row["line"]): child.position
          for child in children for rows in child.rows.values() for row in rows}  # fmt: skip
    yield from _read_problems(data, children, at)
    unreadable = {(row["file"], row["line"], row["field"])
                  for row in data.unreadable.iter_rows(named=True)}  # fmt: skip
    for child in children:
        for problem in child_problems(child, unreadable):
            yield child.position, problem


def _read_problems(data: Return903, children: list[FiledChild],
                   at: dict[tuple[str, int], int]) -> Iterator[tuple[int, Problem]]:  # fmt: skip
    from oversight.exchange.ssda903.rules.book import COVERS

    for row in data.unreadable.iter_rows(named=True):
        position = at.get((row["file"], row["line"]))
        if position is not None:
            rule = COVERS.get((row["table"], row["field"]), FORMAT)
            why = "cannot be read as a date or a number"
            yield position, Problem(row[ID], row["line"], rule, row["field"], row["value"], why,
                                    row["file"])  # fmt: skip
    for finding in data.problems:
        position = at.get((finding.file or "", finding.line or 0))
        if position is not None:
            name, value = finding.fields[0] if finding.fields else ("", "")
            yield position, Problem(children[position].child_id, finding.line, FORMAT, name,
                                    value, finding.message, finding.file)  # fmt: skip


def child_problems(
    child: FiledChild, unreadable: set[tuple[str, int, str]] | None = None
) -> Iterator[Problem]:
    checks = _Checks(child.child_id, unreadable or set())
    if child.child_id is None:
        row = child.first_row
        checks.add(row, "required", ID, None, "is missing: the row belongs to no child")
        return iter(checks.found)
    headers = child.table("header")
    if len(headers) > 1:
        for row in headers:
            checks.add(row, "once", ID, child.child_id, "the header has this child more than "
                       "once: none of their rows is imported")  # fmt: skip
    if not headers:
        for name, rows in child.rows.items():
            checks.add(rows[0], NOT_IN_HEADER[name], ID, child.child_id,
                       "this child is not in the header")  # fmt: skip
    for name in ("header", "episodes", "reviews", "missing"):
        for row in child.table(name):
            checks.row(row, name)
    for row in child.table("oc3"):
        checks.oc3(row)
    _same_day_episodes(checks, child)
    return iter(checks.found)


def _same_day_episodes(checks: _Checks, child: FiledChild) -> None:
    starts = Counter(row["DECOM"] for row in child.table("episodes") if row["DECOM"])
    for row in child.table("episodes"):
        if row["DECOM"] and starts[row["DECOM"]] > 1:
            checks.add(row, "sequence", "DECOM", row["DECOM"], "another episode of this child "
                       "starts on the same day: the records cannot tell them apart")  # fmt: skip


class _Checks:
    """Collects one child's problems."""

    def __init__(self, child_id: str | None, unreadable: set[tuple[str, int, str]]) -> None:
        self.child_id = child_id
        self.unreadable = unreadable
        self.found: list[Problem] = []

    def add(self, row: Row, rule: str, name: str, value: object, message: str) -> None:
        shown = "" if value is None else str(value)
        self.found.append(Problem(self.child_id, row.get("line"), rule, name, shown, message,
                                  row.get("file")))  # fmt: skip

    def given(self, row: Row, name: str) -> bool:
        """Given, or given but unreadable (which the reader's finding reports)."""
        return row.get(name) is not None or (row["file"], row["line"], name) in self.unreadable

    def row(self, row: Row, table: str) -> None:
        for name, rule in REQUIRED.get(table, {}).items():
            if not self.given(row, name):
                self.add(row, rule, name, None, "is missing")
        for name, (code_set, rule) in CODED.get(table, {}).items():
            value = row.get(name)
            if value is not None and not is_valid(code_set, value):
                self.add(row, rule, name, value, f"is not a {code_set.replace('_', ' ')} code "
                         "the records know")  # fmt: skip
        if table == "header" and row["SEX"] is not None and row["SEX"] not in SEX_CODES:
            self.add(row, "101", "SEX", row["SEX"], "is not M, F or U (nor 1 or 2)")
        if table == "episodes":
            ended = self.given(row, "DEC")
            if ended != (row["REC"] is not None):
                why = "an episode ends with both a date and a reason, or with neither"
                self.add(row, "148", "REC" if ended else "DEC", None, why)

    def oc3(self, row: Row) -> None:
        self.row(row, "oc3")
        if row.get("IN_TOUCH") is None and (row.get("ACTIV") or row.get("ACCOM")):
            self.add(row, "131", "IN_TOUCH", None,
                     "is missing, with the activity or accommodation given")  # fmt: skip
