from django.urls import reverse

from oversight.accounts.models import AccessEvent


def test_viewing_a_childs_record_writes_an_access_event(signed_in, worker, aisha):
    signed_in(worker).get(reverse("web:child", args=[aisha.pk]), REMOTE_ADDR="10.1.2.3")
    event = AccessEvent.objects.get(action="view-child")
    assert (event.user, event.child_id, event.address) == (worker, aisha.pk, "10.1.2.3")


def test_every_view_is_logged_not_just_the_first(signed_in, worker, aisha):
    client = signed_in(worker)
    client.get(reverse("web:child", args=[aisha.pk]))
    client.get(reverse("web:child", args=[aisha.pk]))
    assert AccessEvent.objects.filter(action="view-child", child_id=aisha.pk).count() == 2


def test_listing_children_writes_an_access_event_with_the_search(signed_in, worker, aisha):
    signed_in(worker).get(reverse("web:children"), {"q": "Khan"})
    event = AccessEvent.objects.get(action="list-children")
    assert event.user == worker
    assert event.detail == "search 'Khan', page 1"


def test_a_worklist_that_names_children_is_logged_as_a_list(signed_in, worker, manager):
    signed_in(worker).get(reverse("web:my-work"))
    signed_in(manager).get(reverse("web:team", args=[manager.team_id]))
    logged = AccessEvent.objects.filter(action="list-children").order_by("id")
    assert [(e.user, e.detail) for e in logged] == [
        (worker, "my work: own and team worklist"),
        (manager, f"team page: {manager.team.name}"),
    ]
