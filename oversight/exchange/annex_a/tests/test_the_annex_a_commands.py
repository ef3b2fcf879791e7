"""`oversight annex-a export` writes the workbook and says what is in it; `import` takes a
workbook in whole, refuses a bad one with its problems, or quarantines the bad rows."""

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from oversight.accounts.models import AccessEvent
from oversight.casework.models import Child, Contact
from oversight.cli import main
from oversight.exchange.annex_a.tests.journeys import child
from oversight.exchange.annex_a.tests.test_a_bad_workbook_says_where_and_imports_nothing import (
    bad_workbook,
)
from oversight.exchange.annex_a.tests.test_a_round_trip_keeps_the_facts_the_lists_carry import (
    a_year_of_work,
)

pytestmark = pytest.mark.django_db


def run(*arguments: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["annex-a", *arguments])


def test_export_writes_every_list_and_says_adoption_is_empty(tmp_path):
    a_year_of_work()
    out = tmp_path / "annex-a.xlsx"
    result = run("export", "--as-at", "2025-03-31", str(out))
    assert result.exit_code == 0, result.output
    assert "Annex A as at 31 March 2025" in result.stdout and "10 children" in result.stdout
    assert "List 10 has its columns and no rows" in result.stdout
    assert "Writing the lists" in result.stderr  # the progress bar
    assert load_workbook(out, read_only=True)["List 1"]["A2"].value == "unborn"
    assert AccessEvent.objects.filter(action="export").count() == 1


def test_import_of_a_bad_workbook_lists_its_problems_and_imports_nothing(tmp_path):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(bad_workbook())
    result = run("import", str(path))
    assert result.exit_code == 1
    assert "List 1 row 3, Gender = 'x) Alien'" in result.stderr
    assert "nothing was imported" in result.stderr
    assert not Child.objects.exists()


def test_import_with_quarantine_takes_the_good_rows_and_lists_the_rest(tmp_path):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(bad_workbook())
    result = run("import", "--quarantine", str(path))
    assert result.exit_code == 0, result.output
    assert "4 rows left out (quarantined)" in result.stdout
    assert "List 1 row 4, Date of Contact = '31st of Smarch'" in result.stdout
    assert Contact.objects.count() == 1


def test_import_refuses_a_file_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "annex-a.xlsx"
    path.write_text("Child Unique ID,Gender\n")
    result = run("import", str(path))
    assert result.exit_code == 1 and "its content is not one" in result.output


def test_a_users_export_needs_a_real_user(tmp_path):
    child("any")
    result = run("export", "--as-at", "2025-03-31", "--by", "nobody", str(tmp_path / "a.xlsx"))
    assert result.exit_code == 1 and "no active user called 'nobody'" in result.output
