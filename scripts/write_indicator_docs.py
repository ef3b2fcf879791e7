"""Rewrite the generated part of docs/indicators.md from the indicator SQL files."""

from pathlib import Path

from oversight.performance.document import with_catalogue

DOC = Path(__file__).resolve().parents[1] / "docs" / "indicators.md"

if __name__ == "__main__":
    DOC.write_text(with_catalogue(DOC.read_text() if DOC.exists() else ""))
    print(f"Wrote {DOC.name}")
