"""Every hand-written DfE description is used: it names a known set and one of its codes."""

import csv
from pathlib import Path

from oversight import codes

HAND_WRITTEN = Path(__file__).resolve().parents[1] / "sources" / "dfe_descriptions.csv"


def is_used(set_id: str, code: str) -> bool:
    code_set = codes.code_set(set_id)
    if code in code_set:
        return True
    # accommodation kinds: "B" describes B1 (suitable) and B2 (not suitable)
    return set_id == "care_leaver_accommodation" and f"{code}1" in code_set


def test_every_hand_written_description_belongs_to_a_code_in_a_known_set() -> None:
    with HAND_WRITTEN.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    unused = [row for row in rows if not is_used(row["code_set"], row["code"])]
    assert rows and unused == []
