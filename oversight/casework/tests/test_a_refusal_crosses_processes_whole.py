"""A service's refusal raised in a worker process of the generator reaches the parent
whole: before, unpickling it failed, and the pool waited for ever."""

import pickle

from oversight.casework.services import CaseworkError


def test_a_refusal_pickles_with_its_field_and_message():
    refusal = CaseworkError("decided_on", "the decision still stands")
    again = pickle.loads(pickle.dumps(refusal))
    assert (type(again), again.field, again.message, str(again)) == (
        CaseworkError, "decided_on", "the decision still stands",
        "decided_on: the decision still stands",
    )  # fmt: skip
