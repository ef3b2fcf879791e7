"""Importing a workbook whose facts the records already hold matches them: nothing is
added, changed or counted as a change, whether they came from the same workbook or were
recorded in the first place."""

import io

import pytest
from django.apps import apps
from django.db.models import Sum

from oversight.exchange.annex_a.load import Loaded, load
from oversight.exchange.annex_a.read import read_workbook
from oversight.exchange.annex_a.tests.journeys import exported
from oversight.exchange.annex_a.tests.test_a_round_trip_keeps_the_facts_the_lists_carry import (
    a_year_of_work,
    import_into_empty_records,
)
from oversight.performance.changes import changes_so_far
from oversight.web.uploads import open_workbook

pytestmark = pytest.mark.django_db


def records() -> dict[str, tuple[int, int]]:
    """Each casework table's rows, and the sum of their versions (every update bumps one)."""
    found = {}
    for model in apps.get_app_config("casework").get_models():
        rows = model.objects.all()
        versions = rows.aggregate(v=Sum("version"))["v"] if hasattr(model, "version") else 0
        found[model.__name__] = (rows.count(), versions or 0)
    return found


def again(workbook: bytes) -> Loaded:
    return load(read_workbook(open_workbook(io.BytesIO(workbook)), "annex-a.xlsx"))


def test_a_second_import_of_the_same_workbook_adds_and_changes_nothing():
    a_year_of_work()
    workbook = exported()
    import_into_empty_records(workbook)
    before, changes = records(), changes_so_far()
    loaded = again(workbook)
    assert sum(loaded.added.values()) == 0 and loaded.problems == []
    assert loaded.matched["child"] == 10
    assert records() == before and changes_so_far() == changes


def test_importing_a_workbook_of_the_records_matches_what_they_hold():
    a_year_of_work()
    before = records()
    loaded = again(exported())
    assert dict(loaded.added) == {}
    assert records() == before
