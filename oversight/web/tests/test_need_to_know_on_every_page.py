from django.urls import reverse

from oversight.accounts.models import AccessEvent, User
from oversight.accounts.roles import Role
from oversight.casework.models import Referral
from oversight.web.tests.helpers import text


def test_a_worker_in_another_team_gets_not_found_on_the_childs_record(
    signed_in, other_worker, aisha
):
    response = signed_in(other_worker).get(reverse("web:child", args=[aisha.pk]))
    assert response.status_code == 404
    assert "Aisha" not in text(response)
    assert not AccessEvent.objects.filter(action="view-child").exists()


def test_people_outside_the_team_cannot_reach_the_childs_forms(
    signed_in, other_worker, other_team, ben, ben_referral
):
    other_manager = User.objects.create(username="omar", role=Role.TEAM_MANAGER, team=other_team)
    urls = [
        reverse("web:record-visit", args=[ben.pk]),
        reverse("web:record-contact", args=[ben.pk]),
        reverse("web:record-oversight", args=[ben.pk]),
        reverse("web:decide-referral", args=[ben.pk, ben_referral.pk]),
        reverse("web:decide-contact", args=[ben.pk, ben.contacts.get().pk]),
    ]
    for person in (other_worker, other_manager):
        client = signed_in(person)
        for url in urls:
            assert client.get(url).status_code in (403, 404), url
            assert client.post(url, {}).status_code in (403, 404), url
    assert signed_in(other_manager).get(urls[2]).status_code == 404
    assert not Referral.objects.get(pk=ben_referral.pk).decision


def test_a_worker_in_another_team_does_not_find_the_child_in_search(
    signed_in, other_worker, aisha, cara
):
    client = signed_in(other_worker)
    assert "No children match “Aisha”" in text(client.get(reverse("web:children"), {"q": "Aisha"}))
    assert "Khan" not in text(client.get(reverse("web:children"), {"q": "A100"}))
    assert "Lee, Cara" in text(client.get(reverse("web:children")))


def test_the_allocated_worker_finds_the_child_by_name_or_id(signed_in, worker, aisha, ben):
    client = signed_in(worker)
    by_name = text(client.get(reverse("web:children"), {"q": "aisha khan"}))
    assert "Khan, Aisha" in by_name and "Jones, Ben" not in by_name
    assert "Khan, Aisha" in text(client.get(reverse("web:children"), {"q": "a100"}))


def test_the_administrator_sees_no_children(signed_in, administrator, aisha, ben, cara):
    client = signed_in(administrator)
    assert "Your role has no access to children's records" in text(
        client.get(reverse("web:children"))
    )
    assert "no access to children's case records" in text(client.get(reverse("web:my-work")))
    assert client.get(reverse("web:child", args=[aisha.pk])).status_code == 404


def test_the_administrator_has_no_children_link(signed_in, administrator):
    page = signed_in(administrator).get(reverse("web:my-work")).content.decode()
    assert reverse("web:children") not in page


def test_an_inspector_outside_the_inspection_window_sees_no_children(signed_in, inspector, aisha):
    client = signed_in(inspector)
    assert "There are no children for you to see" in text(client.get(reverse("web:children")))
    assert client.get(reverse("web:child", args=[aisha.pk])).status_code == 404
