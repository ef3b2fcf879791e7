"""Write England's bank holidays for a span of years from the ``holidays`` package.

The calendar reads this table instead of building the holidays at run time (building
them costs more than half a second, which every command and validation would pay); the
table is checked against the package by a test, and regenerated with:

    uv run python scripts/write_bank_holidays.py
"""

import csv
from pathlib import Path

import holidays

FIRST, LAST = 1990, 2045
OUT = Path(__file__).resolve().parents[1] / "oversight/timescales/data/england_bank_holidays.csv"


def main() -> None:
    found = holidays.country_holidays(
        "GB", subdiv="ENG", years=range(FIRST, LAST + 1), language="en_GB"
    )
    with OUT.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["date", "name"])
        for day, name in sorted(found.items()):
            writer.writerow([day.isoformat(), str(name)])
    print(f"wrote {len(found)} bank holidays {FIRST}-{LAST} to {OUT.name}")


if __name__ == "__main__":
    main()
