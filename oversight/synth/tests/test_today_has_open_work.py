"""The history runs up to today: nothing after it, and open work due soon and overdue on it."""

import pytest
from django.db.models import Max

from oversight.casework.models import Contact, Deadline, OversightEntry, Referral, Visit
from oversight.casework.worklists import due_soon_limit, summary_by_rule

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def test_nothing_happens_after_the_last_simulated_day(small_la):
    assert small_la.today == TODAY
    latest = [
        Contact.objects.aggregate(last=Max("received_on"))["last"],
        Referral.objects.aggregate(last=Max("decided_on"))["last"],
        Visit.objects.aggregate(last=Max("visited_on"))["last"],
        OversightEntry.objects.aggregate(last=Max("recorded_on"))["last"],
        Deadline.objects.aggregate(last=Max("met_on"))["last"],
    ]
    assert all(day <= TODAY for day in latest)


def test_on_the_last_day_there_is_work_due_soon_and_work_overdue(small_la):
    by_rule = summary_by_rule(TODAY)
    assert sum(summary.overdue for summary in by_rule.values()) > 0
    assert sum(summary.due_soon for summary in by_rule.values()) > 20
    for rule in ("cp-visit", "cin-visit"):
        assert by_rule[rule].due_soon > 0, rule


def test_work_is_due_beyond_the_last_day_too(small_la):
    later = Deadline.objects.filter(
        met_on__isnull=True, lapsed_on__isnull=True, due_on__gt=due_soon_limit(TODAY)
    )
    assert later.count() > 20
