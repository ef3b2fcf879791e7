"""Escalations through the pages: raised by an IRO, on the team's worklist, answered, resolved.

Dan (team 1, allocated to Sam) has been on a child protection plan since 3 February 2025,
so Ira the IRO chairs his conferences and may see his record. Today is Wednesday
12 March 2025 (``conftest``): a response is due five working days on, 19 March.
"""

from datetime import date

import pytest
from django.urls import reverse

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.casework import services
from oversight.casework.models import Child
from oversight.quality.models import Escalation
from oversight.quality.summaries import escalation_summary
from oversight.web.tests.conftest import person, register
from oversight.web.tests.helpers import text


@pytest.fixture
def iro(db) -> User:
    return person("ira", Role.IRO)


@pytest.fixture
def dan(team, worker) -> Child:
    child = register("D400", "Dan", "Hughes", date(2018, 5, 5), sex="1")
    services.allocate(child, team, worker, date(2025, 1, 6))
    services.start_plan(child, kind="cp", start_on=date(2025, 2, 3), category_of_abuse="NEG")
    return child


def raise_one(client, child: Child, manager: User) -> Escalation:
    url = reverse("web:raise-escalation", kwargs={"pk": child.pk})
    form = {"raised_to": manager.pk, "about": "drift", "concern": "No core group since January."}
    response = client.post(url, form)
    assert response.status_code == 302, text(response)
    return Escalation.objects.get()


def page(escalation: Escalation, action: str = "") -> str:
    name = f"web:escalation-{action}" if action else "web:escalation"
    return reverse(name, kwargs={"escalation": escalation.pk})


def test_an_iro_raises_from_the_childs_record(signed_in, iro, dan, manager):
    client = signed_in(iro)
    child_page = client.get(reverse("web:child", kwargs={"pk": dan.pk})).content.decode()
    assert reverse("web:raise-escalation", kwargs={"pk": dan.pk}) in child_page
    escalation = raise_one(client, dan, manager)
    assert (escalation.raised_by, escalation.raised_to, escalation.about) == (iro, manager, "drift")
    assert "Response due 19 March 2025" in text(client.get(page(escalation)))


def test_raise_respond_resolve_through_the_pages_with_the_worklist_between(
    signed_in, client, iro, dan, manager
):
    escalation = raise_one(signed_in(iro), dan, manager)
    work = text(signed_in(manager).get(reverse("web:my-work")))
    assert "Response to an escalation by a CP chair or IRO" in work
    assert page(escalation) in client.get(reverse("web:my-work")).content.decode()

    response = client.post(page(escalation, "respond"), {"response": "Core group on 14 March.",
                                                          "version": "1"})  # fmt: skip
    assert response.status_code == 302
    assert "Response to an escalation" not in text(client.get(reverse("web:my-work")))

    client = signed_in(iro)
    listed = text(client.get(reverse("web:escalations")))
    assert "Dan Hughes" in listed and "Answered" in listed
    response = client.post(page(escalation, "resolve"), {"resolution": "Core group held.",
                                                         "version": "2"})  # fmt: skip
    assert response.status_code == 302
    escalation.refresh_from_db()
    assert escalation.resolved_on == date(2025, 3, 12) and not escalation.is_open
    assert "Resolved" in text(client.get(reverse("web:escalations")))


def test_a_response_to_a_changed_escalation_is_refused_until_reloaded(signed_in, iro, dan, manager):
    escalation = raise_one(signed_in(iro), dan, manager)
    Escalation.objects.filter(pk=escalation.pk).update(version=5)
    response = signed_in(manager).post(page(escalation, "respond"),
                                       {"response": "Done.", "version": "1"})  # fmt: skip
    assert "This record changed since you opened it" in text(response)


def test_each_reader_lists_their_own_escalations(signed_in, iro, dan, manager, senior_leader):
    raise_one(signed_in(iro), dan, manager)
    other_manager = person("tess", Role.TEAM_MANAGER)
    assert "Dan Hughes" in text(signed_in(manager).get(reverse("web:escalations")))
    assert "Dan Hughes" in text(signed_in(senior_leader).get(reverse("web:escalations")))
    assert "You have no escalations" in text(
        signed_in(other_manager).get(reverse("web:escalations"))
    )
    assert signed_in(other_manager).get(page(Escalation.objects.get())).status_code == 404


def test_the_summary_counts_open_ones_and_the_median_days_by_hand(iro, dan, aisha, manager):
    """Two about drift: one answered in 2 days and resolved in 6, one answered in 4, open."""
    from oversight.quality.services import raise_escalation, resolve, respond

    first = raise_escalation(dan, iro, manager, "drift", "x", date(2025, 3, 3))
    respond(first, manager, "y", date(2025, 3, 5))
    resolve(first, iro, "z", date(2025, 3, 9))
    second = raise_escalation(dan, iro, manager, "drift", "x", date(2025, 3, 6))
    respond(second, manager, "y", date(2025, 3, 10))
    summary = escalation_summary()
    assert summary.overall.open == 1
    assert (summary.overall.days_to_response, summary.overall.days_to_resolution) == (3, 6)
    assert [(f.name, f.raised) for f in summary.by_team] == [("Safeguarding 1", 2)]
    assert [f.name for f in summary.by_about] == ["Drift and delay"]


@pytest.mark.parametrize("outsider", ["worker", "administrator"])
def test_practitioners_and_administrators_are_refused(request, signed_in, iro, dan, manager,
                                                      outsider):  # fmt: skip
    escalation = raise_one(signed_in(iro), dan, manager)
    client = signed_in(request.getfixturevalue(outsider))
    for url in [reverse("web:escalations"), page(escalation), page(escalation, "respond"),
                reverse("web:raise-escalation", kwargs={"pk": dan.pk})]:  # fmt: skip
        assert client.get(url).status_code == 403, url


def test_only_an_iro_opens_the_form_to_raise_one(signed_in, manager, dan):
    url = reverse("web:raise-escalation", kwargs={"pk": dan.pk})
    assert signed_in(manager).get(url).status_code == 403


def test_opening_an_escalation_that_names_the_child_is_a_view_of_their_record(
    signed_in, iro, dan, manager
):
    from oversight.accounts.models import AccessEvent

    escalation = raise_one(signed_in(iro), dan, manager)
    signed_in(manager).get(page(escalation))
    viewed = AccessEvent.objects.filter(action="view-child", username=manager.username)
    assert [(e.child_id, e.detail) for e in viewed] == [(dan.pk, f"escalation {escalation.pk}")]
