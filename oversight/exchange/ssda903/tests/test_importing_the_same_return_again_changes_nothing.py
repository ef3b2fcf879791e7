"""Importing a return the records already hold records nothing and changes nothing: every
row is found in the records by child and day; a later return brings only what is new."""

from datetime import date

import pytest
from django.apps import apps

from oversight.casework.models import CareEpisode, Child
from oversight.exchange.ssda903.load import load_903
from oversight.exchange.ssda903.tests import builders, care_records
from oversight.exchange.ssda903.tests.return_files import written

pytestmark = pytest.mark.django_db


def state() -> dict[str, list[tuple]]:
    """Every casework row, each with every field (versions included)."""
    return {
        model._meta.model_name: sorted(
            tuple(str(v) for v in row) for row in model.objects.values_list()
        )
        for model in apps.get_app_config("casework").get_models()
    }


def test_a_second_import_of_the_same_files_records_nothing(tmp_path):
    folder = builders.write(tmp_path / "in", builders.child("C1"), builders.girl("G1"))
    load_903([folder])
    before = state()
    again = load_903([folder])
    assert state() == before
    assert again.changed_nothing and again.held_back == {}
    assert again.children_loaded == 2


def test_importing_a_return_into_the_records_it_came_from_changes_nothing(tmp_path):
    care_records.five_children()
    written(tmp_path)
    before = state()
    summary = load_903([tmp_path])
    assert state() == before
    assert summary.changed_nothing
    # The records hold the category of need on the referral the return took it from, and
    # each social worker episode as the allocation it was written from: nothing to note.
    assert summary.notes.counts == {}


def test_a_later_return_ends_what_the_earlier_one_left_open(tmp_path):
    open_in_may = [builders.episode()]
    ended_in_june = [builders.episode(DEC="20/06/2025", REC="E4A")]
    load_903([builders.write(tmp_path / "first", builders.child("C1", episodes=open_in_may))])
    summary = load_903(
        [builders.write(tmp_path / "later", builders.child("C1", episodes=ended_in_june))]
    )
    episode = CareEpisode.objects.get()
    assert (episode.ended_on, episode.reason_ceased) == (date(2025, 6, 20), "E4A")
    assert summary.created == {"care_episodes_ended": 1}
    assert Child.objects.count() == 1


def test_a_value_that_differs_from_the_records_is_noted_and_the_records_kept(tmp_path):
    load_903([builders.write(tmp_path / "first", builders.child("C1"))])
    other_carer = [builders.episode(PLACE="U6")]
    summary = load_903(
        [builders.write(tmp_path / "later", builders.child("C1", episodes=other_carer))]
    )
    assert CareEpisode.objects.get().placements.get().placement_type == "U1"
    assert (
        summary.notes.counts[("PLACE", "differs from the records, which are kept as they are")] == 1
    )
    assert summary.changed_nothing
