"""Restricted records: only those named see them; others may break the glass, with a reason."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from oversight.accounts.models import AccessEvent
from oversight.casework.access import child_for, visible_children
from oversight.casework.models import Alert, BreakGlass
from oversight.web.tests.helpers import text

REASON = "Police called about a risk to the child tonight; the named worker is off sick"


@pytest.fixture
def restricted(aisha, manager):
    """Aisha's record restricted to her team manager only."""
    aisha.restricted = True
    aisha.save(update_fields=["restricted"])
    aisha.restricted_to.add(manager)
    return aisha


def test_a_restricted_record_is_seen_by_the_named_user_only(restricted, manager, worker):
    assert child_for(manager, restricted.pk) == restricted
    assert restricted not in visible_children(worker)


def test_someone_in_scope_sees_that_it_is_restricted_but_not_whose_it_is(
    signed_in, restricted, worker
):
    response = signed_in(worker).get(reverse("web:child", args=[restricted.pk]))
    assert response.status_code == 403
    page = text(response)
    assert "This record is restricted" in page and "Aisha" not in page and "Khan" not in page


def test_breaking_the_glass_needs_a_reason(signed_in, restricted, worker):
    client = signed_in(worker)
    response = client.post(reverse("web:break-glass", args=[restricted.pk]), {"reason": "x"})
    assert response.status_code == 403
    assert "at least 20 characters" in text(response)
    assert not BreakGlass.objects.exists() and not Alert.objects.exists()


def test_breaking_the_glass_opens_the_record_for_an_hour_logs_the_reason_and_alerts_leaders(
    signed_in, restricted, worker, senior_leader
):
    client = signed_in(worker)
    response = client.post(reverse("web:break-glass", args=[restricted.pk]), {"reason": REASON})
    assert response.status_code == 302
    assert "Aisha" in text(client.get(reverse("web:child", args=[restricted.pk])))
    logged = AccessEvent.objects.get(action="break-glass")
    assert (logged.user, logged.child_id, logged.reason) == (worker, restricted.pk, REASON[:200])
    alert = Alert.objects.get()
    assert alert.recipient == senior_leader and alert.break_glass.reason == REASON
    later = datetime(2025, 3, 12, 11, 1, tzinfo=ZoneInfo("Europe/London"))
    with time_machine.travel(later, tick=False):
        assert restricted not in visible_children(worker)


def test_a_senior_leader_sees_the_alert_on_my_work_and_marks_it_seen(
    signed_in, restricted, worker, senior_leader, client
):
    signed_in(worker).post(reverse("web:break-glass", args=[restricted.pk]), {"reason": REASON})
    leader = signed_in(senior_leader)
    page = text(leader.get(reverse("web:my-work")))
    assert "Restricted records opened (1)" in page and REASON in page and "Aisha" not in page
    assert "My work (1 alert)" in page
    leader.post(reverse("web:alert-seen", args=[Alert.objects.get().pk]))
    assert Alert.objects.get().seen_at is not None
    assert "Restricted records opened" not in text(leader.get(reverse("web:my-work")))


def test_an_administrator_cannot_break_the_glass(signed_in, restricted, administrator):
    client = signed_in(administrator)
    assert client.get(reverse("web:child", args=[restricted.pk])).status_code == 404
    url = reverse("web:break-glass", args=[restricted.pk])
    assert client.post(url, {"reason": REASON}).status_code == 404
    assert not BreakGlass.objects.exists()


def test_someone_outside_scope_cannot_break_the_glass(signed_in, restricted, other_worker):
    url = reverse("web:break-glass", args=[restricted.pk])
    assert signed_in(other_worker).post(url, {"reason": REASON}).status_code == 404
    assert not BreakGlass.objects.exists()


def test_a_grant_lasts_one_hour(restricted, worker):
    from oversight.casework.services.break_glass import break_glass

    grant = break_glass(worker, restricted.pk, REASON)
    assert grant.until - grant.at == timedelta(hours=1)
