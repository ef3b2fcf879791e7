"""An import that fails part of the way through (not a bad child: the machine, a bug) leaves
nothing of the file behind, with or without quarantine."""

import io

import pytest
from django.apps import apps

from oversight.casework import services
from oversight.casework.services.bulk import Table
from oversight.exchange.cin_census.load import load_cin
from oversight.exchange.cin_census.tests import builders, records

pytestmark = pytest.mark.django_db


class DiskFull(Exception):
    pass


def failing_on_the_third_child(monkeypatch) -> None:
    real = services.complete_assessment
    calls = []

    def complete_assessment(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise DiskFull("no space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(services, "complete_assessment", complete_assessment)


def row_counts() -> dict[str, int]:
    return {
        m._meta.model_name: m.objects.count() for m in apps.get_app_config("casework").get_models()
    }


@pytest.mark.parametrize("quarantine", [False, True])
def test_a_failure_half_way_through_leaves_nothing_of_the_file(monkeypatch, quarantine):
    records.assessed_then_protected()  # already held: must stay exactly as it is
    before = row_counts()
    xml = builders.census_xml(*(builders.child(f"C{n}") for n in range(1, 6)))
    failing_on_the_third_child(monkeypatch)
    with pytest.raises(DiskFull):
        load_cin(io.BytesIO(xml), quarantine=quarantine)
    assert row_counts() == before


@pytest.mark.parametrize("quarantine", [False, True])
def test_a_failure_while_the_rows_go_in_takes_back_those_already_in(monkeypatch, quarantine):
    records.assessed_then_protected()
    before = row_counts()
    xml = builders.census_xml(*(builders.child(f"C{n}") for n in range(1, 6)))
    real = Table.insert
    inserted = []

    def insert(table, rows):
        if table.model._meta.model_name == "assessment":
            raise DiskFull("no space left on device")
        inserted.append(table.model._meta.model_name)
        return real(table, rows)

    monkeypatch.setattr(Table, "insert", insert)
    with pytest.raises(DiskFull):
        load_cin(io.BytesIO(xml), quarantine=quarantine)
    assert inserted[:2] == ["child", "referral"]  # these were in when it failed
    assert row_counts() == before
