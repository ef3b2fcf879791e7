"""The Ofsted outcomes reader and loader, fuzzed (hypothesis).

Whatever is in the three files, reading either refuses cleanly (``OutcomesUnreadable``)
or gives a reading whose problems explain every history row it did not take; and
loading a reading either commits all of it or leaves the database as it was.
"""

import csv
import tempfile
from pathlib import Path

import pytest
from django.apps import apps
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oversight.exchange.ofsted_outcomes import spec
from oversight.exchange.ofsted_outcomes.load import load
from oversight.exchange.ofsted_outcomes.read import OutcomesUnreadable, Reading, read
from oversight.exchange.ofsted_outcomes.tests.conftest import LA_ROWS, history_row, sif_row

FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Values that look like the real ones, their near misses, and anything at all.
PLAUSIBLE = st.sampled_from([
    "", "80001", "80002", "99999", "E06000038", "E10000006", "good", "outstanding",
    "inadequate", "requires improvement", "Requires Improvement", "n/a", "standard", "short",
    "SIF", "ILACS", "focused visit", "02/05/25", "03/03/2025", "14/03/2025", "2025-03-14",
    "31/02/2025", "00/00/0000", "1/1/1900", "https://example.org/report/1",
    "https://example.org/report/2", "export_data/80001_reading/old report.pdf", "report 1.pdf",
])  # fmt: skip
VALUE = st.one_of(PLAUSIBLE, st.text(max_size=30))


def mutated(row: dict[str, str]) -> st.SearchStrategy[dict[str, str]]:
    changes = st.dictionaries(st.sampled_from(sorted(row)), VALUE, max_size=len(row))
    return changes.map(lambda change: row | change)


FILES = st.fixed_dictionaries({
    spec.LOOKUP: st.lists(st.one_of(*(mutated(r) for r in LA_ROWS)), max_size=4),
    spec.HISTORY: st.lists(mutated(history_row()), max_size=6),
    spec.SIF_GRADES: st.lists(mutated(sif_row()), max_size=3),
})  # fmt: skip
COLUMNS = {spec.LOOKUP: spec.LOOKUP_COLUMNS, spec.HISTORY: spec.HISTORY_COLUMNS,
           spec.SIF_GRADES: spec.SIF_COLUMNS}  # fmt: skip
CASES = {"read": 0, "unreadable": 0, "loaded": 0, "refused": 0}


def written(folder: Path, files: dict[str, list[dict[str, str]] | bytes]) -> Path:
    for name, rows in files.items():
        if isinstance(rows, bytes):
            (folder / name).write_bytes(rows)
            continue
        with (folder / name).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS[name])
            writer.writeheader()
            writer.writerows(rows)
    return folder


def reading_of(files) -> Reading | None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            reading = read(written(Path(folder), files))
        except OutcomesUnreadable:
            CASES["unreadable"] += 1
            return None
    CASES["read"] += 1
    return reading


def assert_every_row_is_taken_or_explained(reading: Reading) -> None:
    rejected = {p.row for p in reading.rejected_rows if p.file == spec.HISTORY}
    assert len(reading.inspections) + len(rejected) == reading.rows[spec.HISTORY]
    for problem in reading.problems:
        assert problem.reason and problem.row >= 2


def counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in apps.get_app_config("inspection").get_models()}


@FUZZ
@given(files=FILES)
def test_fuzzed_rows_are_taken_or_explained_never_a_crash(files):
    reading = reading_of(files)
    if reading is not None:
        assert_every_row_is_taken_or_explained(reading)


@FUZZ
@given(
    broken=st.sampled_from([spec.LOOKUP, spec.HISTORY, spec.SIF_GRADES]),
    content=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
)
def test_random_bytes_in_any_file_are_refused_cleanly_or_read(broken, content):
    files: dict = {spec.LOOKUP: LA_ROWS, spec.HISTORY: [history_row()], spec.SIF_GRADES: []}
    reading = reading_of(files | {broken: content})
    if reading is not None:
        assert_every_row_is_taken_or_explained(reading)


@pytest.mark.django_db
@FUZZ
@given(files=FILES)
def test_loading_a_fuzzed_reading_commits_all_of_it_or_nothing(files):
    reading = reading_of(files)
    if reading is None:
        return
    before = counts()
    try:
        load(reading)
    except Exception:  # noqa: BLE001 (any refusal: what matters is that nothing was written)
        CASES["refused"] += 1
        assert counts() == before, "a refused load left part of itself in the database"
    else:
        CASES["loaded"] += 1


def test_zz_report_the_fuzz_cases():
    print(f"ofsted outcomes fuzz cases: {CASES}")
