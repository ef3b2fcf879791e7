"""``oversight export ssda903`` and ``oversight import ssda903`` on the command line."""

import pytest
from click.testing import CliRunner

from oversight.accounts.models import AccessEvent
from oversight.casework.models import Child
from oversight.cli import main
from oversight.exchange.ssda903.tests import builders, care_records

pytestmark = pytest.mark.django_db


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_the_export_writes_every_table_and_logs_the_children_it_contains(tmp_path):
    children = care_records.five_children()
    result = run("export", "ssda903", "--year", "2025-26", str(tmp_path / "903"))
    assert result.exit_code == 0, result.output
    assert "Wrote the SSDA903 2025-26 to" in result.stdout
    assert "5 children; rows: episodes 6, header 5, missing 2, oc2 1, oc3 1" in result.stdout
    assert "Writing children" in result.stderr
    assert len(list((tmp_path / "903").glob("*.csv"))) == 11
    event = AccessEvent.objects.get(action="export")
    assert (
        event.detail.startswith("cli: SSDA903 2025-26 written to")
        and "(5 children)" in event.detail
    )
    assert set(event.listed.values_list("child_id", flat=True)) == {c.pk for c in children}


def test_the_export_refuses_a_year_that_is_not_one(tmp_path):
    result = run("export", "ssda903", "--year", "2025", str(tmp_path / "903"))
    assert result.exit_code == 2
    assert "give it as 2025-26" in result.output


def test_an_import_summarises_what_it_loaded_and_what_it_did_not_keep(tmp_path):
    folder = builders.write(tmp_path / "in", builders.child("C1"), builders.girl("G1"))
    result = run("import", "ssda903", str(folder))
    assert result.exit_code == 0, result.output
    assert "Importing children" in result.stderr
    assert (
        "2 of 2 children in the return; new records: 2 children, 2 care episodes" in result.stdout
    )
    assert "not kept as given: UPN (2, e.g. child C1, header.csv line 2)" in result.stdout
    again = run("import", "ssda903", *(str(p) for p in sorted(folder.glob("*.csv"))))
    assert again.exit_code == 0
    assert "nothing changed" in again.stdout


def test_one_of_a_kind_is_counted_in_the_singular(tmp_path):
    result = run("import", "ssda903", str(builders.write(tmp_path / "in", builders.child("C1"))))
    assert "new records: 1 child, 1 care episode, 1 placement," in result.stdout
    assert "0 decisions to place for adoption" in result.stdout


def test_an_import_with_bad_children_imports_nothing_and_lists_them(tmp_path):
    bad = builders.child("BAD", ETHNIC="XXXX")
    folder = builders.write(tmp_path / "in", builders.child("C1"), bad)
    result = run("import", "ssda903", str(folder))
    assert result.exit_code == 1
    assert "nothing was imported: 1 child cannot be" in result.stderr
    assert "BAD (header.csv line 3): rule 103, ETHNIC='XXXX'" in result.stderr
    assert not Child.objects.exists()


def test_an_import_with_quarantine_holds_them_back_and_loads_the_rest(tmp_path):
    bad = builders.child("BAD", ETHNIC="XXXX")
    folder = builders.write(tmp_path / "in", builders.child("C1"), bad)
    result = run("import", "ssda903", str(folder), "--quarantine")
    assert result.exit_code == 1
    assert "1 of 2 children in the return" in result.stdout
    assert "Held back 1 child (nothing of theirs was loaded)" in result.stdout
    assert list(Child.objects.values_list("la_child_id", flat=True)) == ["C1"]


def test_an_import_of_files_that_are_not_a_return_says_why(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("NAME,NOTE\nC1,moved\n")
    result = run("import", "ssda903", str(path))
    assert result.exit_code == 2
    assert "Cannot import: in.csv: its columns" in result.stderr


def test_in_the_background_the_files_are_queued_as_one_job_for_a_worker(
    tmp_path, settings, django_capture_on_commit_callbacks
):
    from oversight.jobs.models import Job, JobKind

    folder = builders.write(tmp_path / "in", builders.child("C1"))
    assert run("import", "ssda903", str(folder), "--background").exit_code == 2  # no workers
    settings.OVERSIGHT_TASKS = "database"
    with django_capture_on_commit_callbacks(execute=True):
        result = run("import", "ssda903", str(folder), "--quarantine", "--background")
    assert result.exit_code == 0, result.output
    job = Job.objects.get()
    assert f"Queued job {job.pk}" in result.stdout
    assert (job.kind, job.options["quarantine"], len(job.options["files"])) == (
        JobKind.SSDA903_IMPORT, True, 11,
    )  # fmt: skip
