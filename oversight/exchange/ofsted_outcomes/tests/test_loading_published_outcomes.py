"""Loading the published outcomes into the records: all at once, and idempotent."""

import pytest

from oversight.exchange.ofsted_outcomes import spec
from oversight.exchange.ofsted_outcomes.load import PUBLISHED_REASON, load
from oversight.exchange.ofsted_outcomes.read import read
from oversight.exchange.ofsted_outcomes.tests.conftest import history_row
from oversight.inspection.models import Inspection, Judgement, LocalAuthority

pytestmark = pytest.mark.django_db


def test_loading_the_shipped_outcomes_twice_changes_nothing_the_second_time():
    first = load(read())
    assert first.authorities == {"added": 156}
    assert first.inspections == {"added": 494}
    assert Judgement.objects.count() == first.judgements == 2373
    again = load(read())
    assert again.authorities == {"unchanged": 156}
    assert again.inspections == {"unchanged": 494}
    assert Inspection.objects.count() == 494


def test_a_published_departure_is_loaded_with_its_reason():
    load(read())
    herefordshire = Inspection.objects.get(la__code="E06000019", published="2018-07-23")
    assert herefordshire.overall_reason == PUBLISHED_REASON
    assert herefordshire.overall_departure() is not None


def test_a_corrected_grade_replaces_the_one_held(published):
    load(read(published(history=[history_row()])))
    loaded = load(read(published(history=[history_row(in_care_grade="outstanding")])))
    assert loaded.inspections == {"changed": 1}
    assert Inspection.objects.get().grades()["in-care"] == "outstanding"


def test_a_load_that_fails_part_way_leaves_nothing_behind(published, monkeypatch):
    reading = read(
        published(history=[history_row(), history_row(inspection_link="https://example.org/2")])
    )
    reading.inspections[1].judgements["overall"] = "adequate"  # not on the ILACS scale
    with pytest.raises(ValueError, match="not a grade"):
        load(reading)
    assert not LocalAuthority.objects.exists() and not Inspection.objects.exists()


def test_the_lookup_gives_regions_and_reorganisations():
    load(read())
    cumbria = LocalAuthority.objects.get(code="E10000006")
    assert str(cumbria.abolished) == "2023-04-01" and cumbria.region_name == "North West"
    assert LocalAuthority.objects.get(code="E06000063").established.isoformat() == "2023-04-01"
    assert spec.REGIONS[LocalAuthority.objects.get(code="E06000038").region_name] == "SE"
