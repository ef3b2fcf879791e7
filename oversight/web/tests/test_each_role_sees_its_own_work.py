from datetime import date

from django.urls import reverse

from oversight.accounts.roles import Role
from oversight.casework import services
from oversight.web.tests.conftest import person, register
from oversight.web.tests.helpers import text


def test_a_practitioner_sees_their_own_work_then_their_teams(
    signed_in, worker, manager, team, aisha, cara
):
    dev = register("D400", "Dev", "Patel", date(2018, 5, 4))
    services.allocate(dev, team, manager, date(2025, 3, 11))
    services.record_referral(dev, received_on=date(2025, 3, 11), source_code="1A", team=team)
    page = text(signed_in(worker).get(reverse("web:my-work")))
    own, rest = page.split("The rest of Safeguarding 1")
    assert "Aisha Khan" in own and "Dev Patel" not in own
    assert "Dev Patel" in rest and "Morgan Example" in rest
    assert "Cara Lee" not in page


def test_a_team_manager_sees_the_teams_work_worker_by_worker(signed_in, manager, aisha, ben):
    page = text(signed_in(manager).get(reverse("web:my-work")))
    assert "In Safeguarding 1 : 2 overdue, 1 due soon." in page
    assert "Sam Example 2 1" in page  # the worker's overdue and due-soon counts
    assert "Aisha Khan" in page and "Ben Jones" in page


def test_a_senior_leader_sees_each_team_with_links(
    signed_in, senior_leader, team, other_team, aisha, ben, cara
):
    response = signed_in(senior_leader).get(reverse("web:my-work"))
    page = text(response)
    # Team, service, overdue, due soon: team 1 has Aisha's visit and oversight overdue and
    # Ben's referral decision due; team 2 has nothing.
    assert "Safeguarding 1 Safeguarding 2 1 Safeguarding 2 Safeguarding 0 0" in page
    assert reverse("web:team", args=[team.pk]) in response.content.decode()
    assert reverse("web:team", args=[other_team.pk]) in response.content.decode()


def test_a_service_manager_opens_a_team_page(signed_in, service_manager, team, worker, aisha):
    page = text(signed_in(service_manager).get(reverse("web:team", args=[team.pk])))
    assert "Caseloads Worker Role Children allocated Sam Example Practitioner 1" in page
    assert "Child in need visit 0" not in page
    assert "Child in need visit 1 0" in page


def test_a_team_manager_cannot_open_another_teams_page(signed_in, manager, other_team):
    assert signed_in(manager).get(reverse("web:team", args=[other_team.pk])).status_code == 404


def test_a_practitioner_has_no_team_pages(signed_in, worker, team):
    client = signed_in(worker)
    assert client.get(reverse("web:teams")).status_code == 403
    assert client.get(reverse("web:team", args=[team.pk])).status_code == 404


def test_an_iro_sees_the_reviews_due_for_the_children_they_chair(signed_in, aisha, ben):
    services.start_care_episode(
        aisha, started_on=date(2025, 2, 3), legal_status="C2", placement_type="U1"
    )
    page = text(signed_in(person("ira", Role.IRO)).get(reverse("web:my-work")))
    # Looked after from 3 February: the first review was due 20 working days later, 3 March.
    assert (
        "Aisha Khan A100 First child in care review 3 March 2025 Overdue by 7 working days" in page
    )
    assert "Ben Jones" not in page  # not on a plan an IRO chairs


def test_a_qa_officer_is_pointed_to_the_children(signed_in, aisha):
    page = text(signed_in(person("quinn", Role.QA_OFFICER)).get(reverse("web:my-work")))
    assert "Your role does not record work on them" in page
