"""A child's previous permanence, recorded when their care begins (the option; for an
order, the LA that arranged it and its date, in part when only the month or year is
known), is written in the return of the year care began, imported back onto the episode
that began the period of care, and checked as the DfE's rules check it."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import CareEpisode
from oversight.exchange.ssda903.care import permanence_date, read_permanence_date
from oversight.exchange.ssda903.load import load_903
from oversight.exchange.ssda903.load_permanence import NO_PERIOD
from oversight.exchange.ssda903.tests import care_records
from oversight.exchange.ssda903.tests.builders import child, episode, previous_permanence, write
from oversight.exchange.ssda903.tests.return_files import lines, written

pytestmark = pytest.mark.django_db


def started_in_the_year() -> CareEpisode:
    """S8 starts to be looked after on 2 June 2025 (born 9 February 2016)."""
    s8 = care_records.child("S8", "1", date(2016, 2, 9), "WOTH")
    care_records.referred(s8, date(2025, 5, 28), "N4")
    episode, _placement, _plan = services.start_care_episode(
        s8, started_on=date(2025, 6, 2), legal_status="C1", placement_type="U6", provider="PR1"
    )
    return episode


# Recording


def test_an_order_is_recorded_with_its_la_and_a_date_known_in_part():
    episode = started_in_the_year()
    services.record_previous_permanence(
        episode, option="P2", la_code="352", on=date(2019, 5, 1), known="month"
    )
    episode.refresh_from_db()
    assert (episode.previous_permanence, episode.previous_permanence_la,
            episode.previous_permanence_on, episode.previous_permanence_known) == (
        "P2", "352", date(2019, 5, 1), "month",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"option": "P9"}, "option"),
        ({"option": "Z1", "la_code": "352"}, "la_code"),  # 635: none, so no order details
        ({"option": "P1", "la_code": "999"}, None),  # an LA not known
        ({"option": "P1", "la_code": "123"}, "la_code"),  # 633
        ({"option": "P1", "on": date(2025, 6, 2)}, "on"),  # 632: before care began
        ({"option": "P1", "on": date(2025, 6, 1), "known": "week"}, "known"),
    ],
)
def test_what_the_dfes_rules_refuse_is_refused_and_nothing_saved(given, field):
    episode = started_in_the_year()
    if field is None:
        services.record_previous_permanence(episode, **given)
        return
    with pytest.raises(services.CaseworkError) as refused:
        services.record_previous_permanence(episode, **given)
    assert refused.value.field == field
    assert CareEpisode.objects.get(pk=episode.pk).previous_permanence == ""


# Writing


def test_the_return_gives_what_was_recorded_with_zz_for_what_is_not_known(tmp_path):
    episode = started_in_the_year()
    services.record_previous_permanence(
        episode, option="P3", la_code="352", on=date(2019, 1, 1), known="year"
    )
    written(tmp_path)
    assert lines(tmp_path, "previous_permanence") == ["S8,09/02/2016,P3,352,ZZ/ZZ/2019"]


def test_what_was_recorded_comes_before_what_an_earlier_period_ended_in(tmp_path):
    p6 = care_records.adopted_then_back_in_care()  # adopted in 2021: P1 from the records
    latest = p6.care_episodes.order_by("-started_on").first()
    services.record_previous_permanence(latest, option="P1", la_code="940",
                                        on=date(2021, 6, 30))  # fmt: skip
    written(tmp_path)
    assert lines(tmp_path, "previous_permanence") == ["P6,09/02/2016,P1,940,30/06/2021"]


def test_the_dates_written_are_read_back_as_they_were():
    for on, known, text in [(date(2019, 5, 17), "day", "17/05/2019"),
                            (date(2019, 5, 1), "month", "ZZ/05/2019"),
                            (date(2019, 1, 1), "year", "ZZ/ZZ/2019")]:  # fmt: skip
        assert permanence_date(on, known) == text
        assert read_permanence_date(text) == (on, known)
        assert read_permanence_date(text.lower()) == (on, known)
    assert read_permanence_date("31/02/2019") is None and read_permanence_date("2019") is None


# Importing


def test_the_row_is_kept_on_the_episode_that_began_care_and_again_changes_nothing(tmp_path):
    row = previous_permanence(PREV_PERM="P2", LA_PERM="352", DATE_PERM="ZZ/05/2019")
    return_ = write(tmp_path / "return", child("C1", permanence=[row]))
    summary = load_903([return_])
    held = CareEpisode.objects.get()
    assert (held.previous_permanence, held.previous_permanence_la,
            held.previous_permanence_on, held.previous_permanence_known) == (
        "P2", "352", date(2019, 5, 1), "month",
    )  # fmt: skip
    assert summary.created["previous_permanence"] == 1
    assert load_903([return_]).changed_nothing


def test_a_row_for_a_child_whose_care_did_not_begin_in_the_return_is_noted(tmp_path):
    moved_only = [episode(RNE="P", DECOM="10/05/2025")]
    summary = load_903([write(tmp_path / "return", child("C1", episodes=moved_only))])
    assert CareEpisode.objects.get().previous_permanence == ""
    assert summary.notes.counts[("PREV_PERM", NO_PERIOD)] == 1
