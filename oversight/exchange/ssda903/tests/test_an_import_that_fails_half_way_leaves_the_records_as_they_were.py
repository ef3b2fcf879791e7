"""An import that fails part of the way through (not a bad child: the machine, a bug)
leaves nothing of the return behind, with or without quarantine."""

import pytest
from django.apps import apps

from oversight.casework import services
from oversight.casework.services.bulk import Table
from oversight.exchange.ssda903.load import load_903
from oversight.exchange.ssda903.tests import builders, care_records

pytestmark = pytest.mark.django_db


class DiskFull(Exception):
    pass


def row_counts() -> dict[str, int]:
    return {
        m._meta.model_name: m.objects.count() for m in apps.get_app_config("casework").get_models()
    }


def five_children(tmp_path):
    return builders.write(tmp_path / "return", *(builders.child(f"C{n}") for n in range(1, 6)))


@pytest.mark.parametrize("quarantine", [False, True])
def test_a_failure_at_the_third_child_leaves_nothing_of_the_return(monkeypatch, tmp_path,
                                                                   quarantine):  # fmt: skip
    care_records.home_under_section_20()  # already held: must stay exactly as it is
    before = row_counts()
    folder = five_children(tmp_path)
    real, calls = services.record_review, []

    def record_review(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise DiskFull("no space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(services, "record_review", record_review)
    with pytest.raises(DiskFull):
        load_903([folder], quarantine=quarantine)
    assert row_counts() == before


@pytest.mark.parametrize("quarantine", [False, True])
def test_a_failure_while_the_rows_go_in_takes_back_those_already_in(monkeypatch, tmp_path,
                                                                    quarantine):  # fmt: skip
    care_records.home_under_section_20()
    before = row_counts()
    folder = five_children(tmp_path)
    real, inserted = Table.insert, []

    def insert(table, rows):
        if table.model._meta.model_name == "review":
            raise DiskFull("no space left on device")
        inserted.append(table.model._meta.model_name)
        return real(table, rows)

    monkeypatch.setattr(Table, "insert", insert)
    with pytest.raises(DiskFull):
        load_903([folder], quarantine=quarantine)
    assert inserted[:2] == ["child", "plan"]  # these were in when it failed
    assert row_counts() == before
