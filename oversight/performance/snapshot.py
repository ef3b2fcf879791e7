"""A columnar snapshot of the records, for computing indicators.

Indicators read a copy of the casework tables in DuckDB, not the live database: a
snapshot is built in seconds even for the largest LA, every indicator then scans
columns in parallel, and a page never waits on a long aggregate over the live tables.
The snapshot holds codes, dates and keys only; no names or free text leave the
database, so the file on disk identifies nobody by itself.

A snapshot is written to a new file and moved into place, so readers always open a
whole one. Table names are the Django model names (``referral``, ``s47enquiry``).
"""

import os
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
from django.apps import apps
from django.db import connection, models

from oversight.casework.policy import current_policy

# Casework models copied into a snapshot; ``team`` and ``user`` are added from accounts.
CASEWORK_TABLES = (
    "child", "allocation", "contact", "referral", "assessment", "strategydiscussion",
    "s47enquiry", "plan", "conference", "visit", "review", "careepisode", "placement",
    "missingepisode", "careleaverstatus", "yearoutcomes", "oversightentry", "deadline",
)  # fmt: skip

# Bookkeeping and personal fields that indicators never need.
LEFT_OUT = {"origin", "recorded_at", "recorded_by", "version", "first_name", "last_name"}

# Days from 1970-01-01 in each backend's SQL, so dates cross as integers (fast) not text.
EPOCH_DAYS = {
    "sqlite": "CAST(julianday({col}) - 2440587.5 AS INTEGER)",
    "postgresql": "({col} - DATE '1970-01-01')",
}

# Working-day ordinals cover these years; the calendar makes them once per snapshot.
CALENDAR_YEARS = range(1990, 2046)


@dataclass(frozen=True)
class SnapshotInfo:
    path: Path
    built_at: float  # time.time()
    rows: dict[str, int]
    seconds: float


def _fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in LEFT_OUT and not isinstance(f, models.TextField)
    ]


def _select(model: type[models.Model]) -> tuple[str, list[models.Field]]:
    fields = _fields(model)
    days = EPOCH_DAYS[connection.vendor]
    columns = [
        days.format(col=connection.ops.quote_name(f.column))
        if isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField)
        else connection.ops.quote_name(f.column)
        for f in fields
    ]
    sql = f"SELECT {', '.join(columns)} FROM {connection.ops.quote_name(model._meta.db_table)}"
    return sql, fields


def _dtype(field: models.Field) -> pl.DataType:
    if isinstance(field, models.BooleanField):
        return pl.Boolean()
    if isinstance(field, models.DateTimeField):
        return pl.Datetime("us")
    if isinstance(field, models.DateField):
        return pl.Int32()  # epoch days, cast to dates below
    if isinstance(field, (models.AutoField, models.IntegerField, models.ForeignKey)):
        return pl.Int64()
    return pl.String()


def read_table(model: type[models.Model]) -> pl.DataFrame:
    """One model's snapshot columns as a Polars frame, dates as dates."""
    sql, fields = _select(model)
    schema = {f.column: _dtype(f) for f in fields}
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    frame = pl.DataFrame(rows, schema=schema, orient="row")
    dates = [f.column for f in fields if _dtype(f) == pl.Int32()]
    return frame.with_columns(pl.col(c).cast(pl.Date) for c in dates)


def working_day_calendar() -> pl.DataFrame:
    """Every day of ``CALENDAR_YEARS`` with its working-day ordinal under this LA's policy.

    ``ordinal`` counts working days up to and including the day, so the working days
    from one date to another (the n-th working day after ``a`` is ``b``) are
    ``ordinal(b) - ordinal(a)``, as ``timescales.working_days_between`` counts them.
    """
    calendar = current_policy().calendar()
    first, last = date(CALENDAR_YEARS[0], 1, 1), date(CALENDAR_YEARS[-1], 12, 31)
    days = pl.date_range(first, last, "1d", eager=True)
    working = [calendar.is_working_day(d) for d in days]
    frame = pl.DataFrame({"day": days, "working": working})
    return frame.with_columns(ordinal=pl.col("working").cast(pl.Int32).cum_sum())


def _frames() -> dict[str, pl.DataFrame]:
    frames = {name: read_table(apps.get_model("casework", name)) for name in CASEWORK_TABLES}
    frames["team"] = read_table(apps.get_model("accounts", "Team"))
    user = apps.get_model("accounts", "User")
    # Who worked here and when, for the workforce's indicators: whether each was a
    # registered social worker is kept, their Social Work England number is not.
    frames["worker"] = read_table(user).select(
        "id", "team_id", "role", "is_agency", "started_on", "left_on",
        (pl.col("swe_number").fill_null("") != "").alias("registered"),
    )  # fmt: skip
    frames["calendar"] = working_day_calendar()
    return frames


class _ArrowStream:
    """A frame seen only through the Arrow C stream interface, which DuckDB reads without
    pyarrow (it would ask pyarrow to convert a Polars frame it recognised as one)."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self.frame = frame

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        return self.frame.__arrow_c_stream__(requested_schema)


def load(db: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Copy the records into ``db``; the number of rows of each table."""
    rows = {}
    for name, frame in _frames().items():
        db.register("incoming", _ArrowStream(frame))
        db.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM incoming')
        db.unregister("incoming")
        rows[name] = frame.height
    return rows


def build_snapshot(path: Path) -> SnapshotInfo:
    """Copy the records into a DuckDB file at ``path``, replacing any earlier one whole."""
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".duckdb.tmp")
    os.close(handle)
    os.unlink(temporary)  # DuckDB creates the file itself
    try:
        with duckdb.connect(temporary) as db:
            rows = load(db)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return SnapshotInfo(
        path=path, built_at=time.time(), rows=rows, seconds=time.perf_counter() - started
    )


def memory_snapshot() -> duckdb.DuckDBPyConnection:
    """A snapshot of the records as they are now, in memory (for the CLI and tests)."""
    db = duckdb.connect()
    load(db)
    return db


def open_snapshot(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a built snapshot."""
    if not path.exists():
        raise FileNotFoundError(
            f"No indicator snapshot at {path}: run `oversight indicators refresh` first."
        )
    return duckdb.connect(str(path), read_only=True)
