"""A validation report as a table for people, as JSON, or as CSV."""

from __future__ import annotations

import csv
import io
import json

from oversight.exchange.validation.findings import Finding, Report

CSV_COLUMNS = ["rule", "kind", "child_id", "file", "line", "fields", "message"]


def fields_text(finding: Finding) -> str:
    return "; ".join(f"{name}={value}" for name, value in finding.fields)


def as_json(report: Report) -> str:
    """A JSON list with each finding on a line of its own: as easy to read and to search
    line by line as an indented list, and a tenth of its memory to make (each finding is
    made by the standard library's C encoder, which an indented list cannot use)."""
    if not report.findings:
        return "[]"
    lines = ",\n".join(json.dumps(f.as_dict(), default=str) for f in report.findings)
    return f"[\n{lines}\n]"


def as_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in report.findings:
        writer.writerow(
            [
                f.rule,
                f.kind,
                f.child_id or "",
                f.file or "",
                f.line or "",
                fields_text(f),
                f.message,
            ]
        )
    return out.getvalue()


def as_table(report: Report) -> str:
    lines = []
    for f in report.findings:
        where = f"{f.file}:{f.line}" if f.line else (f.file or "")
        child = f"child {f.child_id}" if f.child_id else "whole return"
        values = f" [{fields_text(f)}]" if f.fields else ""
        lines.append(f"{f.rule:>6} {f.kind:<11} {child:<28} {where}  {f.message}{values}")
    lines.append(summary(report))
    return "\n".join(lines)


def summary(report: Report) -> str:
    failed = (
        f", {len(report.failures)} rules NOT CHECKED (they failed to run)"
        if report.failures
        else ""
    )
    return (
        f"{len(report.errors)} errors, {len(report.queries)} queries from {report.rules_run} rules"
        f"{failed}"
    )


FORMATS = {"table": as_table, "json": as_json, "csv": as_csv}
