"""An export that fails part of the way leaves no half return: no file of it, nothing
partial, and the files of an earlier return in the folder as they were."""

import pytest

from oversight.exchange.ssda903 import write
from oversight.exchange.ssda903.tests import care_records

pytestmark = pytest.mark.django_db


class DiskFull(Exception):
    pass


def test_a_failure_at_the_third_child_leaves_the_folder_as_it_was(monkeypatch, tmp_path):
    care_records.five_children()
    (tmp_path / "header.csv").write_text("an earlier return\n")
    real, calls = write._write_child, []

    def write_child(*args):
        calls.append(1)
        if len(calls) == 3:
            raise DiskFull("no space left on device")
        return real(*args)

    monkeypatch.setattr(write, "_write_child", write_child)
    with pytest.raises(DiskFull):
        write.write_903(tmp_path, "2025-26")
    assert [p.name for p in tmp_path.iterdir()] == ["header.csv"]
    assert (tmp_path / "header.csv").read_text() == "an earlier return\n"
