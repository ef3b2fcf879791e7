import pytest

from oversight.casework.models import Child
from oversight.synth.processes import run_in_order


def _count_children(chunk: range) -> int:
    return Child.objects.count()


def _square(chunk: range) -> list[int]:
    return [n * n for n in chunk]


def test_chunks_come_back_in_order_from_two_processes():
    chunks = [range(0, 3), range(3, 5), range(5, 9)]
    assert list(run_in_order(_square, chunks, processes=2)) == [
        [0, 1, 4],
        [9, 16],
        [25, 36, 49, 64],
    ]


@pytest.mark.django_db
def test_a_worker_process_that_reaches_for_the_database_is_stopped():
    before = Child.objects.count()  # the parent's connection is open when the workers fork
    with pytest.raises(RuntimeError, match="must not use the database"):
        list(run_in_order(_count_children, [range(0, 1), range(1, 2)], processes=2))
    assert Child.objects.count() == before  # and the parent's connection still works
