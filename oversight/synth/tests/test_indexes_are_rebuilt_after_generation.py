from django.db import connection

from oversight.casework.models import Deadline


def test_the_worklist_indexes_are_in_place_after_generating(small_la, django_db_blocker):
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Deadline._meta.db_table)
    names = {name for name, spec in constraints.items() if spec["index"]}
    assert {index.name for index in Deadline._meta.indexes} <= names
