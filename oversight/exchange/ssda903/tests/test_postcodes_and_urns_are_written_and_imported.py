"""Where a child in care lives: the home postcode kept on the episode, the placement's
postcode and Ofsted URN on the placement. Written in the episodes file, imported back,
added to a matched placement that lacks them; what is not of its form is noted and not
kept, and does not hold the child back."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import CareEpisode, Placement
from oversight.exchange.importing import DIFFERENT
from oversight.exchange.ssda903.load import load_903
from oversight.exchange.ssda903.load_care import NOT_A_POSTCODE, NOT_A_URN
from oversight.exchange.ssda903.tests import care_records
from oversight.exchange.ssda903.tests.builders import child, episode, write
from oversight.exchange.ssda903.tests.return_files import lines, written

pytestmark = pytest.mark.django_db


def moved_within_the_town() -> None:
    """H1 (born 9 February 2016): in care from 2 June 2025 with foster carers of the LA's
    own fostering service; moved on 1 September 2025 to other carers of the same service,
    the same type and provider: only the postcode tells the placements apart."""
    h1 = care_records.child("H1", "1", date(2016, 2, 9), "WOTH")
    care_records.referred(h1, date(2025, 5, 28), "N4")
    episode_, placement, _plan = services.start_care_episode(
        h1, started_on=date(2025, 6, 2), legal_status="C1", placement_type="U6", provider="PR1",
        home_postcode="nf1 4ab", postcode="NF2 7CD", urn="sc900001",
    )  # fmt: skip
    services.change_placement(episode_, placement, on=date(2025, 9, 1), placement_type="U6",
                              provider="PR1", change_reason="CARPL", postcode="NF3 1EF",
                              urn="SC900001")  # fmt: skip


def test_the_postcodes_and_urn_are_written_on_each_row(tmp_path):
    moved_within_the_town()
    written(tmp_path)
    assert lines(tmp_path, "episodes") == [
        "H1,02/06/2025,S,C1,N4,U6,PR1,01/09/2025,X1,CARPL,NF1 4AB,NF2 7CD,SC900001",
        "H1,01/09/2025,P,C1,N4,U6,PR1,,,,NF1 4AB,NF3 1EF,SC900001",
    ]


def test_a_urn_for_a_placement_ofsted_does_not_register_is_refused():
    h2 = care_records.child("H2", "2", date(2014, 5, 1), "WBRI")
    with pytest.raises(services.CaseworkError) as refused:
        services.start_care_episode(h2, started_on=date(2025, 6, 2), legal_status="C2",
                                    placement_type="P1", urn="SC900001")  # fmt: skip
    assert refused.value.field == "urn" and not CareEpisode.objects.exists()


def test_they_are_imported_and_again_change_nothing(tmp_path):
    row = episode(HOME_POST="ab1 2cd", PL_POST="AB3 4EF", URN="SC123456")
    return_ = write(tmp_path / "return", child("C1", episodes=[row]))
    summary = load_903([return_])
    held = Placement.objects.select_related("episode").get()
    assert (held.episode.home_postcode, held.postcode, held.urn) == (
        "AB1 2CD", "AB3 4EF", "SC123456",
    )  # fmt: skip
    assert not {name for name, _ in summary.notes.counts} & {"HOME_POST", "PL_POST", "URN"}
    assert load_903([return_]).changed_nothing


def test_a_later_return_adds_what_the_records_lack_and_a_difference_is_noted(tmp_path):
    bare = episode(HOME_POST=None, PL_POST=None, URN=None)
    load_903([write(tmp_path / "first", child("C1", episodes=[bare]))])
    located = episode(HOME_POST="AB1 2CD", PL_POST="AB3 4EF", URN="SC123456")
    load_903([write(tmp_path / "later", child("C1", episodes=[located]))])
    held = Placement.objects.select_related("episode").get()
    assert (held.episode.home_postcode, held.postcode, held.urn) == (
        "AB1 2CD", "AB3 4EF", "SC123456",
    )  # fmt: skip
    moved = episode(HOME_POST="AB1 2CD", PL_POST="AB9 9ZZ", URN="SC123456")
    summary = load_903([write(tmp_path / "again", child("C1", episodes=[moved]))])
    assert summary.notes.counts[("PL_POST", DIFFERENT)] == 1
    assert Placement.objects.get().postcode == "AB3 4EF"


def test_what_is_not_of_its_form_is_noted_and_the_child_kept(tmp_path):
    row = episode(HOME_POST="not known", PL_POST="AB3 4EF", URN="12")
    summary = load_903([write(tmp_path / "return", child("C1", episodes=[row]))])
    assert summary.held_back == {}
    counts = summary.notes.counts
    assert counts[("HOME_POST", NOT_A_POSTCODE)] == 1 and counts[("URN", NOT_A_URN)] == 1
    held = Placement.objects.select_related("episode").get()
    assert (held.episode.home_postcode, held.postcode, held.urn) == ("", "AB3 4EF", "")
