"""Fixtures for every app's tests."""

import pytest


def _transactional(request: pytest.FixtureRequest) -> bool:
    marker = request.node.get_closest_marker("django_db")
    wanted = {"transactional_db", "live_server"} & set(request.fixturenames)
    return bool(wanted) or bool(marker and marker.kwargs.get("transaction"))


@pytest.fixture(autouse=True)
def access_log_emptied_before_flush(request):
    """A test that commits ends by flushing the database, which on SQLite is DELETE, and
    the access log's trigger refuses that; prune the whole log first, the sanctioned way."""
    if not _transactional(request):
        yield
        return
    request.getfixturevalue("_django_db_helper")
    yield
    from django.db import models
    from django.db.models import F

    from oversight.accounts.models import AccessEvent, AccessLogHead, ListedChild

    AccessLogHead.objects.update(pruned_through_sequence=F("last_sequence"))
    models.QuerySet.delete(ListedChild.objects.all())
    models.QuerySet.delete(AccessEvent.objects.all())
