"""A census export that fails part of the way through leaves no half-written return."""

import pytest

from oversight.exchange.cin_census import write
from oversight.exchange.cin_census.tests import records

pytestmark = pytest.mark.django_db


def test_a_failure_after_some_children_leaves_neither_the_file_nor_a_part_of_it(
    tmp_path, monkeypatch
):
    records.in_year_children()
    real, written = write.child_element, []

    def child_element(child):
        if written:
            raise OSError("no space left on device")
        written.append(child.la_child_id)
        return real(child)

    monkeypatch.setattr(write, "child_element", child_element)
    with pytest.raises(OSError, match="no space left"):
        write.write_cin(tmp_path / "cin.xml", "2025-26", la_code="870")
    assert written == ["A1"]
    assert list(tmp_path.iterdir()) == []


def test_a_failed_export_leaves_an_earlier_return_of_the_same_name_as_it_was(tmp_path, monkeypatch):
    records.in_year_children()
    earlier = tmp_path / "cin.xml"
    earlier.write_bytes(b"<Message/>")
    monkeypatch.setattr(write, "child_element", lambda child: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        write.write_cin(earlier, "2025-26", la_code="870")
    assert earlier.read_bytes() == b"<Message/>"
    assert list(tmp_path.iterdir()) == [earlier]
