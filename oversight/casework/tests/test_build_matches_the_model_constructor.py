from datetime import date

import pytest
from django.apps import apps

from oversight.casework.models import Child, Deadline, Visit
from oversight.casework.models.build import build


def _attributes(obj) -> dict:
    return {k: v for k, v in obj.__dict__.items() if k != "_state"}


@pytest.mark.parametrize("model", list(apps.get_app_config("casework").get_models()))
def test_build_with_no_fields_gives_the_same_defaults_as_the_constructor(model):
    assert _attributes(build(model)) == _attributes(model())


def test_build_sets_foreign_keys_and_their_cache_as_the_constructor_does():
    child = Child(pk=7, la_child_id="C7")
    fields = dict(child=child, kind="cp", visited_on=date(2024, 1, 2), worker_id=None, seen=True)
    built, constructed = build(Visit, **fields), Visit(**fields)
    assert _attributes(built) == _attributes(constructed)
    assert built.child is child and built.child_id == 7
    assert built._state.adding and built._state.db is None


def test_build_refuses_a_field_the_model_does_not_have():
    with pytest.raises(TypeError, match="no field 'due'"):
        build(Deadline, due=date(2024, 1, 2))
