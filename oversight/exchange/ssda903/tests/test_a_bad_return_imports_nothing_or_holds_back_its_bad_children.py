"""A return with children that cannot be imported imports nothing, and says who and why
(file, line, field, value, rule); with quarantine it holds back exactly those children
and imports the rest."""

import pytest

from oversight.casework.models import CareEpisode, Child
from oversight.exchange.importing import Problem
from oversight.exchange.ssda903.load import ReturnNotImported, load_903
from oversight.exchange.ssda903.read import Unreadable903
from oversight.exchange.ssda903.tests.builders import child, episode, write

pytestmark = pytest.mark.django_db


def imported(tmp_path, *children, quarantine=False):
    return load_903([write(tmp_path / "return", *children)], quarantine=quarantine)


def refused(tmp_path, *children) -> dict[str, list[Problem]]:
    with pytest.raises(ReturnNotImported) as raised:
        imported(tmp_path, *children)
    assert not Child.objects.exists() and not CareEpisode.objects.exists()
    return raised.value.held_back


def only(held_back: dict[str, list[Problem]]) -> tuple:
    [(child_id, [problem])] = held_back.items()
    return child_id, problem.file, problem.line, problem.field, problem.value, problem.rule


def test_a_code_the_records_do_not_know_stops_everything(tmp_path):
    held_back = refused(tmp_path, child("C1"), child("BAD", ETHNIC="XXXX"))
    assert only(held_back) == ("BAD", "header.csv", 3, "ETHNIC", "XXXX", "103")
    assert "nothing was imported: 1 child cannot be" in str(ReturnNotImported(held_back, 1))


def test_with_quarantine_the_bad_child_is_held_back_and_the_rest_imported(tmp_path):
    summary = imported(tmp_path, child("C1"), child("BAD", ETHNIC="XXXX"), quarantine=True)
    assert list(Child.objects.values_list("la_child_id", flat=True)) == ["C1"]
    assert only(summary.held_back) == ("BAD", "header.csv", 3, "ETHNIC", "XXXX", "103")
    assert (summary.children_loaded, summary.children_held_back) == (1, 1)


def test_a_date_that_cannot_be_read_holds_the_child_back(tmp_path):
    bad = child("BAD", episodes=[episode(DECOM="31/02/2025")])
    assert only(refused(tmp_path, child("C1"), bad)) == (
        "BAD", "episodes.csv", 3, "DECOM", "31/02/2025", "141"
    )  # fmt: skip


def test_an_end_before_the_start_is_refused_by_the_records(tmp_path):
    bad = child("BAD", episodes=[episode(DEC="01/05/2025", REC="E4A")])
    held_back = refused(tmp_path, child("C1"), bad)
    assert only(held_back) == ("BAD", "episodes.csv", 3, "DEC", "01/05/2025", "records")
    assert "before the start of the episode" in held_back["BAD"][0].message
    summary = imported(tmp_path, child("C1"), bad, quarantine=True)
    assert list(Child.objects.values_list("la_child_id", flat=True)) == ["C1"]
    assert list(summary.held_back) == ["BAD"]


def test_a_placement_type_that_is_no_dfe_code_is_held_back(tmp_path):
    unknown = child("K", episodes=[episode(PLACE="Z9", PLACE_PROVIDER="PR4")])
    assert only(refused(tmp_path, unknown)) == ("K", "episodes.csv", 2, "PLACE", "Z9", "146")


def test_a_child_missing_from_the_header_is_held_back_with_each_file(tmp_path):
    orphan = child("ORPHAN")
    orphan["header"] = []
    held_back = refused(tmp_path, child("C1"), orphan)
    assert [(p.file, p.rule) for p in held_back["ORPHAN"]] == [
        ("episodes.csv", "INT03"), ("reviews.csv", "INT08"),
        ("previous_permanence.csv", "INT07"), ("social_worker_episodes.csv", "INT"),
    ]  # fmt: skip


def test_a_row_with_no_child_id_is_held_back_on_its_own(tmp_path):
    c1 = child("C1", episodes=[episode(), episode(CHILD=None, DECOM="01/06/2025", RNE="P")])
    summary = imported(tmp_path, c1, quarantine=True)
    assert list(summary.held_back) == ["(no CHILD, episodes.csv line 3)"]
    assert CareEpisode.objects.get().placements.count() == 1


def test_two_episodes_on_one_day_cannot_be_told_apart(tmp_path):
    twice = child("T", episodes=[episode(), episode(PLACE="U6")])
    held_back = refused(tmp_path, twice)
    assert [(p.line, p.rule, p.field) for p in held_back["T"]] == [
        (2, "sequence", "DECOM"), (3, "sequence", "DECOM")
    ]  # fmt: skip


def test_a_file_that_is_no_table_of_the_return_stops_everything(tmp_path):
    folder = write(tmp_path / "return", child("C1"))
    (folder / "notes.csv").write_text("NAME,NOTE\nC1,moved school\n")
    with pytest.raises(Unreadable903, match="notes.csv: its columns"):
        load_903([folder])
    assert not Child.objects.exists()


def test_a_column_the_table_lacks_or_does_not_have_is_said_in_the_notes(tmp_path):
    from oversight.exchange.ssda903.tests.builders import csv_text

    folder = write(tmp_path / "return", child("C1"))
    columns = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
               "CARER"]  # fmt: skip
    row = episode(CHILD="C1", CARER="Mrs Smith")
    (folder / "episodes.csv").write_text(csv_text("episodes", [row], columns))
    summary = load_903([folder])
    assert CareEpisode.objects.get().placements.get().placement_type == "U1"
    notes = {why: summary.notes.examples[(name, why)] for name, why in summary.notes.counts}
    assert notes["the episodes file has a column CARER that is not part of the table: it was "
                 "not read"] == "episodes.csv"  # fmt: skip
    assert notes["the episodes file has no URN column: it is read as blank"] == "episodes.csv"
