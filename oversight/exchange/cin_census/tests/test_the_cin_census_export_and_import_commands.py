"""``oversight export cin-census`` and ``oversight import cin-census`` on the command line."""

import pytest
from click.testing import CliRunner

from oversight.accounts.models import AccessEvent
from oversight.casework.models import Child
from oversight.cli import main
from oversight.exchange.cin_census.tests import builders, records

pytestmark = pytest.mark.django_db


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_the_export_writes_the_return_and_logs_the_children_it_contains(tmp_path):
    children = records.in_year_children()
    out = tmp_path / "cin.xml"
    result = run("export", "cin-census", "--year", "2025-26", "--la", "870", str(out))
    assert result.exit_code == 0, result.output
    assert "Wrote the CIN census 2025-26 for LA 870" in result.output
    assert "4 children, 4 episodes, 3 assessments" in result.output
    assert out.read_bytes().count(b"<Child>") == 4
    event = AccessEvent.objects.get(action="export")
    assert event.detail == "cli: CIN census 2025-26 written to cin.xml (4 children)"
    assert set(event.listed.values_list("child_id", flat=True)) == {c.pk for c in children}


def test_the_export_refuses_a_year_that_is_not_one(tmp_path):
    result = run("export", "cin-census", "--year", "2025", "--la", "870", str(tmp_path / "x"))
    assert result.exit_code == 2
    assert "give it as 2025-26" in result.output


def test_an_import_summarises_what_it_loaded(tmp_path):
    path = tmp_path / "in.xml"
    unexplained = {"UPN": None, "UPNunknown": "UN5"}
    path.write_bytes(builders.census_xml(builders.child("C1", **unexplained),
                                         builders.child("C2", **unexplained)))  # fmt: skip
    result = run("import", "cin-census", str(path))
    assert result.exit_code == 0, result.output
    assert "Importing children" in result.stderr
    assert "2 of 2 children in the file; new records: 2 children, 2 CIN episodes" in result.stdout
    assert "not kept as given: UPNunknown (2, e.g. child C1, line" in result.stdout
    assert Child.objects.count() == 2


def test_an_import_with_bad_children_imports_nothing_and_lists_them(tmp_path):
    path = tmp_path / "in.xml"
    bad = builders.child("BAD", Ethnicity="XXXX")
    path.write_bytes(builders.census_xml(builders.child("C1"), bad))
    result = run("import", "cin-census", str(path))
    assert result.exit_code == 1
    assert "nothing was imported: 1 child cannot be" in result.stderr
    assert "BAD (line" in result.stderr and "rule 4220, Ethnicity='XXXX'" in result.stderr
    assert not Child.objects.exists()


def test_an_import_with_quarantine_holds_them_back_and_loads_the_rest(tmp_path):
    path = tmp_path / "in.xml"
    bad = builders.child("BAD", Ethnicity="XXXX")
    path.write_bytes(builders.census_xml(builders.child("C1"), bad))
    result = run("import", "cin-census", str(path), "--quarantine")
    assert result.exit_code == 1
    assert "1 of 2 children in the file" in result.stdout
    assert "Held back 1 child (nothing of theirs was loaded)" in result.stdout
    assert list(Child.objects.values_list("la_child_id", flat=True)) == ["C1"]


def test_an_import_of_a_file_that_is_not_a_census_says_why(tmp_path):
    path = tmp_path / "in.xml"
    path.write_text("<a>")
    result = run("import", "cin-census", str(path))
    assert result.exit_code == 2
    assert "Cannot import: in.xml: line" in result.stderr
