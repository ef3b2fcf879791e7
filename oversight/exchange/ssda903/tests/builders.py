"""Small SSDA903 returns for tests, built from keyword arguments, read by the real reader.

``child()`` gives a boy who passes the rules: born 15/06/2012, looked after since
10/05/2025 in foster care in Reading, where he lives (one open episode), with a review,
his previous permanence (none) and a social worker. Tests change only what matters:

    data = return903(child("C1", episodes=[episode(DEC="01/06/2025", REC="E11")]))
    assert ids(findings("148", data)) == ["C1"]

Values are written as text, exactly as given; ``None`` writes a blank.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path
from typing import Any

from oversight.exchange.ssda903.read import Return903, read_903
from oversight.exchange.ssda903.spec import TABLES, CollectionYear
from oversight.exchange.validation import Finding

YEAR = CollectionYear.from_label("2025-26")
READING = "E06000038"  # the LA the default child's postcodes are in
Child = dict[str, list[dict[str, Any]]]


def episode(**fields: Any) -> dict[str, Any]:
    return {"DECOM": "10/05/2025", "RNE": "S", "LS": "C2", "CIN": "N1", "PLACE": "U1",
            "PLACE_PROVIDER": "PR1", "DEC": None, "REC": None, "REASON_PLACE_CHANGE": None,
            "HOME_POST": "RG1 1AA", "PL_POST": "RG30 1AA", "URN": "SC123456"} | fields  # fmt: skip


def review(**fields: Any) -> dict[str, Any]:
    return {"REVIEW": "05/06/2025", "REVIEW_CODE": "PN1"} | fields


def social_worker(**fields: Any) -> dict[str, Any]:
    return {"SW_ID": "SW12345", "SW_DECOM": "10/05/2025", "SW_DEC": None,
            "SW_REASON": "FCONTA"} | fields  # fmt: skip


def previous_permanence(**fields: Any) -> dict[str, Any]:
    return {"PREV_PERM": "Z1", "LA_PERM": None, "DATE_PERM": None} | fields


def missing(**fields: Any) -> dict[str, Any]:
    return {"MISSING": "M", "MIS_START": "01/07/2025", "MIS_END": "03/07/2025"} | fields


def uasc(**fields: Any) -> dict[str, Any]:
    return {"SEX": "M", "DUC": None} | fields


def oc2(**fields: Any) -> dict[str, Any]:
    """A full OC2 record for the default boy (13 at 31 March 2026): an SDQ score, conviction
    (10 or over), no health promotion (5 or over), no substance misuse."""
    return {"SDQ_SCORE": "12", "SDQ_REASON": None, "CONVICTED": "0", "HEALTH_CHECK": None,
            "IMMUNISATIONS": "1", "TEETH_CHECK": "1", "HEALTH_ASSESSMENT": "1",
            "SUBSTANCE_MISUSE": "0", "INTERVENTION_RECEIVED": None,
            "INTERVENTION_OFFERED": None} | fields  # fmt: skip


def oc3(**fields: Any) -> dict[str, Any]:
    """A care leaver in touch, in full-time education, in suitable lodgings."""
    return {"IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "B1"} | fields


def child(
    CHILD: str = "C1",  # noqa: N803  (the return's own column name)
    episodes: list[dict[str, Any]] | None = None,
    reviews: list[dict[str, Any]] | None = None,
    social_workers: list[dict[str, Any]] | None = None,
    permanence: list[dict[str, Any]] | None = None,
    **others: Any,
) -> Child:
    """A child's rows in every table; ``others`` are header fields or lists of rows by table."""
    tables = {name: others.pop(name) for name in list(others) if name in TABLES}
    header = {"CHILD": CHILD, "SEX": "M", "DOB": "15/06/2012", "ETHNIC": "WBRI",
              "UPN": "A201000000017", "MOTHER": None, "MC_DOB": None} | others  # fmt: skip
    rows: Child = {
        "header": [header],
        "episodes": [episode()] if episodes is None else episodes,
        "reviews": [review()] if reviews is None else reviews,
        "social_worker_episodes": [social_worker()] if social_workers is None else social_workers,
        "previous_permanence": [previous_permanence()] if permanence is None else permanence,
    }
    rows |= tables
    for name, table_rows in rows.items():
        rows[name] = [dict(row) for row in table_rows]  # a list of rows may serve two children
        for row in rows[name]:
            row.setdefault("CHILD", CHILD)
            if "DOB" in TABLES[name]:
                row.setdefault("DOB", header["DOB"])
    return rows


def csv_text(name: str, rows: list[dict[str, Any]], columns: list[str] | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = columns or list(TABLES[name])
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else str(row[c]) for c in columns])
    return out.getvalue()


def files(*children: Child) -> dict[str, str]:
    """Each table's CSV text, by file name (every table, empty ones with a header row)."""
    children = children or (child(),)
    return {
        f"{name}.csv": csv_text(name, [row for c in children for row in c.get(name, [])])
        for name in TABLES
    }


def write(folder: Path, *children: Child) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files(*children).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def return903(
    *children: Child, last_year: list[Child] | None = None, la: str | None = READING
) -> Return903:
    """The tables the reader makes of a return with these children (and last year's), from
    the LA ``la`` (Reading, where the default child lives and is placed)."""
    with tempfile.TemporaryDirectory() as folder:
        this = write(Path(folder) / "this", *children)
        last = [write(Path(folder) / "last", *last_year)] if last_year is not None else []
        return read_903([this], YEAR, last, la)


def findings(code: str, data: Return903) -> list[Finding]:
    from oversight.exchange.ssda903.rules import RULES

    return RULES.check(RULES.rules[code], data.lazy())


def ids(found: list[Finding]) -> list[str]:
    """The child ids of the findings, sorted, one per finding."""
    return sorted(f.child_id or "" for f in found)


def broken_by(code: str, *children: Child, last_year: list[Child] | None = None) -> list[str]:
    """The ids of the children the rule ``code`` reports, one per finding, sorted."""
    return ids(findings(code, return903(*children, last_year=last_year)))


def girl(CHILD: str = "G1", **fields: Any) -> Child:  # noqa: N803
    """A girl looked after, not a mother."""
    return child(CHILD, **({"SEX": "F", "MOTHER": "0", "UPN": "A201000000025"} | fields))
