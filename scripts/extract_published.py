"""Extract the DfE's published benchmark figures into ``oversight/performance/data/``.

Usage::

    python scripts/extract_published.py [REFERENCE_DIR] [--out DIR]

REFERENCE_DIR holds ``csc-outcomes-and-enablers/`` and ``lait/`` (default:
``../shared/reference/dfe-published`` next to the repository). The script writes
``published.csv``, ``areas.csv``, ``neighbours.csv``, ``population.csv`` and ``SOURCES.md``,
sorted, so that running it twice on the same sources gives the same bytes. Which published
measure each indicator id is matched to is in ``measures.csv`` there, written by hand.

Figures are keyed by today's GSS code, found through the DfE's stable 3-digit LA number, so
North Yorkshire, Somerset and Buckinghamshire keep one series across their code changes;
authorities that no longer exist (Cumbria, Northamptonshire, pre-2019 Dorset) are left out.
Withheld cells (c, k, low, u, x, z, and LAIT's "-") become empty cells, never zero.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import polars as pl

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE_DIR = REPO_ROOT.parent / "shared" / "reference" / "dfe-published"
DATA_DIR = REPO_ROOT / "oversight" / "performance" / "data"
MEASURES = DATA_DIR / "measures.csv"
EES, LAIT = "csc-outcomes-and-enablers", "lait"
C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
LAIT_DATA, LAIT_NEIGHBOURS = "bds_long_0.parquet", "sn_may_2025.xlsx"
NEIGHBOURS = "sn_model_2025_wide.csv"
POPULATION = "ons_mid-year_population_estimates_2012_to_2024.csv"
ENGLAND, LONDON = "E92000001", "E12000007"
YEARS_KEPT = 5
PUBLISHED_COLUMNS = (
    "indicator", "year", "period", "level", "code", "name", "value", "numerator", "denominator",
    "source",
)  # fmt: skip
PERIODS = {
    "year": "year to 31 March {}", "march": "at 31 March {}", "sept": "at 30 September {}",
    "sept-year": "year to 30 September {}",
}  # fmt: skip
JOINT = " (one joint return for LAs 314 and 318)"
Row = dict[str, str]
LOCAL_ONLY = (
    "contacts, contact-conversion, referral-decision-timely, referral-consistency,"
    " contacts-repeat-after-nfa, cp-visits-on-time, cin-visits-on-time, seen-alone,"
    " views-recorded, oversight-in-policy, cla-reviews-on-time, cla-visits-on-time,"
    " return-interviews-72h, pathway-reviews-on-time, cin-plans-over-12-months,"
    " care-leavers-in-touch-17-18,"
    " care-leavers-in-touch-19-21 (see care-leavers-not-in-touch-19-21)"
)


@dataclass(frozen=True)
class Measure:
    """One of our indicator ids and the published figure it is matched to (a row of
    ``measures.csv``, written by hand, which also says how the definitions differ)."""

    indicator: str
    period: str  # a key of PERIODS
    file: str  # a CSV in csc-outcomes-and-enablers/, or LAIT's parquet
    value: str  # the CSV column, or LAIT's "Short Desc"
    numerator: str
    denominator: str
    rows: str  # "column=value; ..." picks the CSV rows
    denominator_rows: str  # the same, for the row holding the denominator when it differs
    meaning: str

    @property
    def source(self) -> str:
        rows = "; ".join(value for _, value in where(self.rows))
        return f"{self.file}: {self.value}" + (f" [{rows}]" if rows else "")


def where(rows: str) -> list[tuple[str, str]]:
    parts = (part.partition("=") for part in rows.split("; ") if part)
    return [(column, value) for column, _, value in parts]


def read_measures() -> list[Measure]:
    with MEASURES.open(newline="", encoding="utf-8") as file:
        return [Measure(**row) for row in csv.DictReader(file)]


def published_number(text: object) -> str:
    """The published number as plain text; a symbol for a withheld figure becomes empty."""
    try:
        number = round(float(str(text)), 6)  # LAIT stores 17.9 as 17.899999999999999
    except ValueError:
        return ""
    if not math.isfinite(number):
        return ""
    return str(int(number)) if number.is_integer() else repr(number)


def read_ees(reference: Path, name: str) -> pl.DataFrame:
    frame = pl.read_csv(reference / EES / name, infer_schema=False)
    return frame.rename({column: column.lstrip("\ufeff") for column in frame.columns})


def read_areas(reference: Path) -> list[Row]:
    """England, the nine regions and every LA in the latest year of table C1."""
    c1 = read_ees(reference, C1)
    latest = c1.filter(pl.col("time_period") == c1["time_period"].max())
    level = pl.col("geographic_level")
    areas = [dict(code=ENGLAND, old_la_code="", name="England", level="national")]
    regions = {
        row["region_code"]: row["region_name"]
        for row in latest.filter(level == "Regional").iter_rows(named=True)
        if row["region_code"].startswith("E12")  # not Inner and Outer London (E13)
    }
    for code, name in sorted(regions.items()):
        areas.append(dict(code=code, old_la_code="", name=name, level="regional"))
    for row in latest.filter(level == "Local authority").sort("new_la_code").iter_rows(named=True):
        region = row["region_code"] if row["region_code"] in regions else LONDON
        areas.append(
            dict(code=row["new_la_code"], old_la_code=row["old_la_code"], name=row["la_name"],
                level="la", region_code=region, region_name=regions[region])
        )  # fmt: skip
    return areas


def by_old_code(areas: list[Row]) -> dict[str, str]:
    return {area["old_la_code"]: area["code"] for area in areas if area["old_la_code"]}


def with_codes(frame: pl.DataFrame, areas: list[Row]) -> pl.DataFrame:
    """Give each EES row today's GSS code; a joint return (``314 / 318``) counts for each LA."""
    level, old = pl.col("geographic_level"), pl.col("old_la_code").fill_null("")
    code = (
        pl.when(level == "National").then(pl.col("country_code"))
        .when(level == "Regional").then(pl.col("region_code"))
        .otherwise(pl.col("old").replace_strict(by_old_code(areas), default=None))
    )  # fmt: skip
    joint = old.str.contains(" / ").alias("joint")
    return (
        frame.with_columns(old.str.split(" / ").alias("old"), joint)
        .explode("old")
        .with_columns(code.alias("code"), pl.col("time_period").cast(pl.Int64).alias("year"))
        .filter(pl.col("code").is_in([area["code"] for area in areas]))
    )


def ees_figures(reference: Path, measure: Measure, areas: list[Row]) -> pl.DataFrame:
    frame = with_codes(read_ees(reference, measure.file), areas)

    def pick(rows: list[tuple[str, str]]) -> pl.DataFrame:
        return frame.filter(pl.lit(True), *[pl.col(column) == value for column, value in rows])

    figures = pick(where(measure.rows)).select("year", "code", "joint", *figure_columns(measure))
    if not measure.denominator_rows:
        return figures
    rows = {**dict(where(measure.rows)), **dict(where(measure.denominator_rows))}
    totals = pick(list(rows.items())).select(
        "year", "code", pl.col(measure.denominator).alias("denominator")
    )
    return figures.drop("denominator").join(totals, on=["year", "code"], how="left")


def figure_columns(measure: Measure) -> list[pl.Expr]:
    names = {"value": measure.value, "numerator": measure.numerator}
    names["denominator"] = measure.denominator
    return [(pl.col(name) if name else pl.lit("")).alias(key) for key, name in names.items()]


def lait_codes(lait: pl.DataFrame, areas: list[Row]) -> dict[int, str]:
    """LAIT numbers LAs by their DfE 3-digit code, and England and the regions from 970 up."""
    by_old = by_old_code(areas)
    by_name = {area["name"].casefold(): area["code"] for area in areas if not area["old_la_code"]}
    codes = {}
    for number, name in lait.select("LA Number", "LA and Regions").unique().iter_rows():
        code = by_old.get(str(int(number))) or by_name.get(name.casefold())
        if code:
            codes[int(number)] = code
    missing = {area["code"] for area in areas} - set(codes.values())
    assert not missing, f"LAIT has no figures for {sorted(missing)}"
    return codes


def lait_figures(lait: pl.DataFrame, measure: Measure, codes: dict[int, str]) -> pl.DataFrame:
    names = [measure.value, measure.numerator, measure.denominator]
    wide = lait.filter(pl.col("Short Desc").is_in(names)).pivot(
        on="Short Desc", index=["Years", "LA Number"], values="Values"
    )
    return wide.select(
        pl.col("Years").cast(pl.Int64).alias("year"),
        pl.col("LA Number").cast(pl.Int64).replace_strict(codes, default=None).alias("code"),
        pl.lit(False).alias("joint"),
        *figure_columns(measure),
    ).filter(pl.col("code").is_not_null())


def published_rows(reference: Path, areas: list[Row]) -> list[list[str]]:
    lait = pl.read_parquet(reference / LAIT / LAIT_DATA)
    codes = lait_codes(lait, areas)
    by_code = {area["code"]: area for area in areas}
    rows = []
    for measure in read_measures():
        if measure.file == LAIT_DATA:
            figures = lait_figures(lait, measure, codes)
        else:
            figures = ees_figures(reference, measure, areas)
        kept = sorted(set(figures["year"]))[-YEARS_KEPT:]
        for row in figures.filter(pl.col("year").is_in(kept)).iter_rows(named=True):
            area, year = by_code[row["code"]], row["year"]
            numbers = [published_number(row[key]) for key in ("value", "numerator", "denominator")]
            source = measure.source + (JOINT if row["joint"] else "")
            period = PERIODS[measure.period].format(year)
            rows.append([measure.indicator, str(year), period, area["level"], area["code"],
                         area["name"], *numbers, source])  # fmt: skip
    keys = {(row[0], row[4], row[1]) for row in rows}
    assert len(keys) == len(rows), "one figure per indicator, area and year"
    return sorted(rows, key=lambda row: (row[0], row[4], int(row[1])))


def neighbour_rows(reference: Path, areas: list[Row]) -> list[list[str]]:
    """Each LA's ten statistical neighbours, checked against LAIT's copy of the same model."""
    by_old = by_old_code(areas)
    groups = {
        row["old_la_code"]: [row[f"SN_{rank}"] for rank in range(1, 11)]
        for row in read_ees(reference, NEIGHBOURS).iter_rows(named=True)
    }
    assert set(groups) == set(by_old), "the neighbour model must cover exactly today's LAs"
    sheet = openpyxl.load_workbook(reference / LAIT / LAIT_NEIGHBOURS, read_only=True).active
    for row in sheet.iter_rows(min_row=4, values_only=True):
        if str(row[0]) in by_old:
            lait = [str(row[5 + 2 * rank]) for rank in range(10)]
            assert groups[str(row[0])] == lait, f"{LAIT_NEIGHBOURS} differs for LA {row[0]}"
    return [
        [by_old[old], str(rank), by_old[neighbour]]
        for old, group in sorted(groups.items(), key=lambda item: by_old[item[0]])
        for rank, neighbour in enumerate(group, start=1)
    ]


def population_rows(reference: Path, areas: list[Row]) -> list[list[str]]:
    frame = with_codes(read_ees(reference, POPULATION), areas)
    rows = frame.select("code", "year", "population_estimate").sort("code", "year").rows()
    return [[code, str(year), published_number(count)] for code, year, count in rows
            if published_number(count)]  # fmt: skip


def render_csv(header: Sequence[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def sources_markdown(reference: Path) -> str:
    commit = {
        name: (reference / name / "SOURCE_COMMIT").read_text().strip() for name in (EES, LAIT)
    }
    table = "\n".join(
        f"| `{m.indicator}` | {PERIODS[m.period].format('YYYY')} | `{m.source}`"
        f" | {m.numerator or '-'} / {m.denominator or '-'} | {m.meaning} |"
        for m in read_measures()
    )
    return SOURCES_TEMPLATE.format(
        ees=commit[EES], lait=commit[LAIT], table=table, local=LOCAL_ONLY, years=YEARS_KEPT
    )


def render_all(reference: Path) -> dict[str, str]:
    """Every generated data file's name and text, made from the reference folder."""
    areas = read_areas(reference)
    area_columns = ("code", "old_la_code", "name", "level", "region_code", "region_name")
    return {
        "published.csv": render_csv(PUBLISHED_COLUMNS, published_rows(reference, areas)),
        "areas.csv": render_csv(
            area_columns, [[area.get(column, "") for column in area_columns] for area in areas]
        ),
        "neighbours.csv": render_csv(
            ("code", "rank", "neighbour_code"), neighbour_rows(reference, areas)
        ),
        "population.csv": render_csv(
            ("code", "year", "children"), population_rows(reference, areas)
        ),
        "SOURCES.md": sources_markdown(reference),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", nargs="?", type=Path, default=DEFAULT_REFERENCE_DIR)
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="folder to write to")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in render_all(args.reference).items():
        (args.out / name).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {args.out / name} ({len(text.encode()):,} bytes)")


SOURCES_TEMPLATE = """\
# Published benchmark figures: sources

Made by `scripts/extract_published.py` from the reference copies of the DfE's published data;
do not edit by hand, re-run the script.

## Attribution

Contains public sector information licensed under the
[Open Government Licence v3.0](https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/).
Crown copyright. The statistics are the Department for Education's (children in need census,
children looked after return, children's social work workforce census, statistical neighbour
model); the child population estimates are the Office for National Statistics' mid-year
estimates as republished by the DfE. The files were taken from two DfE repositories
(code under the MIT licence, data under the OGL):

- `dfe-analytical-services/CSC_outcomes_and_enablers` at commit `{ees}`
  (`csc-outcomes-and-enablers/`: tables c1, d3, d5, children looked after, placement
  stability, care leavers, workforce, ONS population, `sn_model_2025_wide.csv`);
- `dfe-analytical-services/local-authority-interactive-tool` (LAIT) at commit `{lait}`
  (`lait/bds_long_0.parquet`, `lait/sn_may_2025.xlsx`).

## Files

- `measures.csv`, written by hand and read by the script: which published measure each of
  our indicator ids is matched to, and how their definitions differ (the table below).
- `published.csv`: one row per indicator, year and area: England, the nine regions and the
  153 LAs, the latest {years} years each measure has. `value` is as published (percentages as
  0-100, rates per 10,000 children aged 0-17); `numerator` and `denominator` only where the
  same publication gives them; `source` is the file and column (or LAIT measure code) and,
  for the csc-outcomes-and-enablers CSVs, the rows taken. Nothing is computed.
- `areas.csv`: England, the nine regions and the LAs in the latest year of table c1
  (Cumberland, Westmorland and Furness, North and West Northamptonshire, the unitary North
  Yorkshire and Somerset). London boroughs' region is London (E12000007); the DfE's Inner
  and Outer London figures are not kept. `old_la_code` is the DfE's 3-digit LA number.
- `neighbours.csv`: each LA's ten statistical neighbours in rank order, from the DfE's 2025
  model `sn_model_2025_wide.csv`; the script checks it matches LAIT's `sn_may_2025.xlsx`
  for every current LA.
- `population.csv`: ONS mid-year estimates of children aged 0-17; `year` is the mid-year
  (30 June) of the estimate. The DfE's rates for the year to 31 March YYYY use the mid-(YYYY-1)
  estimate.

## Conventions

- `year` is the collection year: 2025 is the year to (or the day) 31 March 2025; for the
  workforce it is the 30 September census of that year.
- Withheld figures are empty, never 0: `c` confidential (small numbers), `k` and `low`
  rounding to zero, `u` low reliability, `x` not available, `z` not applicable, and LAIT's
  `-` (which does not say why). A published 0 stays 0.
- Figures are keyed by today's GSS code through the DfE's 3-digit LA number, so an LA whose
  code changed with the same boundary (North Yorkshire, Somerset, Buckinghamshire) keeps one
  series; figures for authorities that no longer exist are not kept.
- LAIT repeats the csc-outcomes-and-enablers tables: for the measures used here, 2021-2025,
  every figure both give agrees (checked when this extraction was written). LAIT shows `-`
  for every withheld cell, for a few published zeros (Isles of Scilly's second plans) and for
  the years before an LA existed (Cumberland before 2024), so those rows are empty too.

## Indicators with a published figure

| our id | period | published measure | numerator / denominator | definition and differences |
|---|---|---|---|---|
{table}

## Local only, no published figure

{local}.
"""


if __name__ == "__main__":
    main()
