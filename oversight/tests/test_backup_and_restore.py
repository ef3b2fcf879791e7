"""A backup restored gives back every table exactly; a bad backup file changes nothing."""

from datetime import date

import click
import pytest

from oversight.casework import services
from oversight.casework.models import Child
from oversight.casework.tests import conftest as casework
from oversight.cli.backup import backup, restore, table_digests

pytestmark = pytest.mark.django_db(transaction=True)
team, worker, make_child = casework.team, casework.worker, casework.make_child


@pytest.fixture
def records(team, worker):
    for n in range(3):
        child = make_child(la_child_id=f"B{n}", born=date(2016, 3, n + 1))
        services.allocate(child, team, worker, on=date(2025, 1, 6))
        services.start_plan(child, kind="cin", start_on=date(2025, 1, 6))


def test_a_restored_backup_gives_back_every_table_row_for_row(records, tmp_path):
    before = table_digests()
    assert before["casework_child"][0] == 3
    backup(tmp_path / "oversight.backup")
    Child.objects.filter(la_child_id="B0").delete()
    make_child(la_child_id="NEW")
    assert table_digests() != before
    restore(tmp_path / "oversight.backup")
    assert table_digests() == before


def test_a_file_that_is_not_a_backup_is_refused_and_changes_nothing(records, tmp_path, settings):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("pg_restore refuses a non-archive itself; checked on SQLite")
    before = table_digests()
    (tmp_path / "notes.txt").write_text("not a database")
    with pytest.raises(click.ClickException, match="not a SQLite backup|not an Oversight backup"):
        restore(tmp_path / "notes.txt")
    assert table_digests() == before


def test_postgresql_has_planner_statistics_again_after_a_restore(records, tmp_path):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's backup copies its statistics with the tables")
    backup(tmp_path / "oversight.backup")
    restore(tmp_path / "oversight.backup")
    with connection.cursor() as cursor:
        # Column statistics exist only once a table has been analysed since it was made.
        cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = 'casework_child'")
        assert cursor.fetchone()[0] > 0
