"""The background tasks: importing the DfE returns, refreshing the indicators, the reports.

Each task takes a job's id and runs its work through ``running.run``, which keeps the
job's row up to date. Each is safe to run again after a worker died part-way: an import
is one transaction (all of the file or nothing) and importing the same file again
records nothing new; a refresh stores its values in one transaction and is only read
once finished; a report is made again from the records.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks.backends.immediate import ImmediateBackend

from oversight.jobs.models import Job, JobKind
from oversight.jobs.progress import Progress
from oversight.jobs.running import JobRefused, Outcome, Work, run

# How many held-back children (or rows with problems) a summary lists one by one.
LISTED = 50


def _run(job_id: str, work: Work) -> dict[str, Any]:
    # In the process that asked (immediate backend) nobody can watch the count as it runs.
    live = not isinstance(task_backends["default"], ImmediateBackend)
    return run(job_id, work, live)


def _payload(job: Job) -> bytes:
    return bytes(job.payload or b"")


def _cin_census(job: Job, progress: Progress) -> Outcome:
    from oversight.exchange.cin_census.load import KINDS, CensusNotImported, children, load_cin
    from oversight.exchange.cin_census.read import CinUnreadable
    from oversight.exchange.importing import counted

    name = job.options.get("file", "census.xml")
    quarantine = bool(job.options.get("quarantine"))
    try:
        loaded = load_cin(io.BytesIO(_payload(job)), quarantine=quarantine, name=name,
                          progress=progress)  # fmt: skip
    except CinUnreadable as error:
        raise JobRefused(f"Cannot import: {error}") from error
    except CensusNotImported as refused:
        raise JobRefused(str(refused), {"held_back": _held_back(refused.held_back)}) from None
    made = counted(loaded.created, KINDS)
    text = (f"Imported {loaded.file}: {loaded.children_loaded:,} of "
            f"{children(loaded.children_in_file)} in the file; new records: {made}.")  # fmt: skip
    return _children_imported(text, loaded.children_in_file, loaded)


def _children_imported(text: str, in_file: int, loaded: Any) -> Outcome:
    """How an import of children (a CIN census, an SSDA903 return) ended."""
    return Outcome({
        "text": text, "children_in_file": in_file, "children_loaded": loaded.children_loaded,
        "created": dict(loaded.created), "held_back": _held_back(loaded.held_back),
        "notes": loaded.notes.lines(),
    })  # fmt: skip


def _ssda903(job: Job, progress: Progress) -> Outcome:
    from oversight.exchange.importing import counted
    from oversight.exchange.ssda903.load import KINDS, ReturnNotImported, children, load_903
    from oversight.exchange.ssda903.read import Unreadable903

    quarantine = bool(job.options.get("quarantine"))
    with tempfile.TemporaryDirectory() as folder:
        try:
            paths = _unpacked(_payload(job), Path(folder))
            loaded = load_903(paths, quarantine=quarantine, progress=progress)
        except (Unreadable903, zipfile.BadZipFile) as error:
            raise JobRefused(f"Cannot import: {error}") from error
        except ReturnNotImported as refused:
            raise JobRefused(str(refused).capitalize(),
                             {"held_back": _held_back(refused.held_back)}) from None  # fmt: skip
    made = counted(loaded.created, KINDS)
    text = (f"Imported the SSDA903 return {loaded.year}: {loaded.children_loaded:,} of "
            f"{children(loaded.children_in_return)} in it; new records: {made}.")  # fmt: skip
    return _children_imported(text, loaded.children_in_return, loaded)


def _unpacked(payload: bytes, folder: Path) -> list[Path]:
    """The return's files, written into ``folder`` under their own names (no path)."""
    paths = []
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        for member in archive.infolist():
            path = folder / Path(member.filename).name
            path.write_bytes(archive.read(member))
            paths.append(path)
    return paths


def _held_back(held_back: dict[str, list[Any]]) -> dict[str, list[str]]:
    shown = sorted(held_back.items())[:LISTED]
    return {child: [str(problem) for problem in problems] for child, problems in shown}


def _annex_a(job: Job, progress: Progress) -> Outcome:
    from oversight.exchange.annex_a.load import ImportRefused, load
    from oversight.exchange.annex_a.read import read_workbook
    from oversight.web.uploads import UnsafeUpload, open_workbook

    try:
        book = open_workbook(_payload(job))
    except UnsafeUpload as error:
        raise JobRefused(str(error)) from error
    reading = read_workbook(book, job.options.get("file", "annex-a.xlsx"))
    as_at = date.fromisoformat(job.options["as_at"]) if job.options.get("as_at") else None
    progress(0, reading.row_count)
    try:
        loaded = load(reading, quarantine=bool(job.options.get("quarantine")), as_at=as_at,
                      progress=progress.advance)  # fmt: skip
    except ImportRefused as refused:
        problems = [str(p) for p in refused.loaded.problems[:LISTED]]
        raise JobRefused(f"{refused.loaded.quarantined} rows have problems, so nothing was "
                         "imported.", {"problems": problems}) from None  # fmt: skip
    text = (f"Imported {loaded.file}: {loaded.rows:,} rows; {sum(loaded.added.values()):,} "
            f"records added, {sum(loaded.matched.values()):,} already held.")  # fmt: skip
    return Outcome({
        "text": text, "rows": loaded.rows, "added": dict(loaded.added),
        "matched": dict(loaded.matched), "problems": [str(p) for p in loaded.problems[:LISTED]],
        "not_imported": list(loaded.not_imported),
        "notes": loaded.notes.lines() + [f"Not imported: {what}" for what in loaded.not_imported],
    })  # fmt: skip


def _indicator_refresh(job: Job, progress: Progress) -> Outcome:
    from oversight.performance.catalogue import catalogue
    from oversight.performance.refresh import refresh

    done = refresh(progress=progress)
    text = (f"Refreshed {len(catalogue())} indicators as at {done.as_at:%-d %B %Y} in "
            f"{done.seconds:.1f} s.")  # fmt: skip
    return Outcome({"text": text, "as_at": done.as_at.isoformat(), "seconds": done.seconds})


def _readiness_pack(job: Job, progress: Progress) -> Outcome:
    from oversight.web.readiness import readiness_pack
    from oversight.web.report_pdf import readiness_pdf

    today = timezone.localdate()
    progress(0, 1)
    pdf = readiness_pdf(readiness_pack(today))
    progress(1, 1)
    text = f"The inspection readiness pack as at {today:%-d %B %Y} is ready to download."
    return Outcome({"text": text}, pdf, f"inspection-readiness-{today.isoformat()}")


@task()
def import_cin_census(job_id: str) -> dict[str, Any]:
    return _run(job_id, _cin_census)


@task()
def import_annex_a(job_id: str) -> dict[str, Any]:
    return _run(job_id, _annex_a)


@task()
def import_ssda903(job_id: str) -> dict[str, Any]:
    return _run(job_id, _ssda903)


@task()
def refresh_indicators(job_id: str) -> dict[str, Any]:
    return _run(job_id, _indicator_refresh)


@task()
def make_readiness_pack(job_id: str) -> dict[str, Any]:
    return _run(job_id, _readiness_pack)


TASK_FOR = {
    JobKind.CIN_CENSUS_IMPORT: import_cin_census,
    JobKind.ANNEX_A_IMPORT: import_annex_a,
    JobKind.SSDA903_IMPORT: import_ssda903,
    JobKind.INDICATOR_REFRESH: refresh_indicators,
    JobKind.READINESS_PACK: make_readiness_pack,
}
