"""An administrator adds a user (whose one-time password is shown once and signs them in),
changes what a user does, and ends the account of someone who has left: they are signed
out everywhere and cannot sign in again. Nobody else opens these pages."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from oversight.accounts.models import AccessEvent, User
from oversight.accounts.testing import sign_in
from oversight.web.tests.conftest import TODAY
from oversight.web.tests.helpers import error_summary, text

ADD = reverse("web:add-user")
REASON = "Left the council on 11 March, ticket 4471"


def change_page(user: User) -> str:
    return reverse("web:change-user", args=[user.pk])


def end_page(user: User) -> str:
    return reverse("web:end-account", args=[user.pk])


def new_user(**answers: str) -> dict[str, str]:
    form = {
        "username": "jo",
        "first_name": "Jo",
        "last_name": "Example",
        "email": "jo@example.gov.uk",
        "role": "practitioner",
    }
    return {**form, **answers}


def test_the_users_page_offers_to_add_change_and_end(signed_in, administrator, worker):
    page = text(signed_in(administrator).get(reverse("web:users")))
    assert "Add a user" in page
    assert "Change what Sam Example does" in page
    assert "End account of Sam Example" in page
    assert "End account of Alex Example" not in page  # not their own


def test_an_added_user_is_shown_their_password_once_and_it_signs_them_in(
    signed_in, administrator, team
):
    response = signed_in(administrator).post(
        ADD, new_user(team=str(team.pk)), REMOTE_ADDR="10.1.2.3"
    )
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    page = text(response)
    assert "Jo Example is added Practitioner in Safeguarding 1" in page
    password = re.search(r"One-time password ([2-9a-z]{4}(?:-[2-9a-z]{4}){3})", page).group(1)
    jo = User.objects.get(username="jo")
    assert (jo.team, jo.service, jo.email) == (team, team.service, "jo@example.gov.uk")
    event = AccessEvent.objects.get(action="add-user")
    assert (event.user, event.address) == (administrator, "10.1.2.3")
    assert password not in text(signed_in(administrator).get(reverse("web:users")))
    client = Client()
    signed = client.post(reverse("web:sign-in"), {"username": "jo", "password": password})
    assert signed["Location"].startswith(reverse("web:second-step"))
    response = client.get(reverse("web:second-step"))
    assert response["Location"].startswith(reverse("web:set-up-authenticator"))


def test_a_practitioner_without_a_team_is_refused_against_the_team(signed_in, administrator):
    response = signed_in(administrator).post(ADD, new_user())
    assert error_summary(response) == [
        ("#id_team", "A user with the role Practitioner works in a team: choose their team")
    ]
    assert not User.objects.filter(username="jo").exists()


def test_a_half_given_window_and_a_missing_name_are_refused(signed_in, administrator):
    answers = new_user(
        role="inspector",
        first_name="",
        window_from_day="17",
        window_from_month="3",
        window_from_year="2025",
    )
    response = signed_in(administrator).post(ADD, answers)
    assert error_summary(response) == [
        ("#id_first_name", "Enter first name"),
        ("#id_window_to_day", "Enter both days of the inspection window, or neither"),
    ]


def test_a_change_of_team_is_saved_and_logged(signed_in, administrator, worker, other_team):
    response = signed_in(administrator).post(
        change_page(worker), {"role": "practitioner", "team": str(other_team.pk)}
    )
    assert response["Location"] == reverse("web:users")
    worker.refresh_from_db()
    assert worker.team == other_team
    event = AccessEvent.objects.get(action="change-user")
    assert event.detail == (
        f"changed sam (user {worker.pk}): team Safeguarding 1 to "
        "Safeguarding 2; service none to Safeguarding"
    )


def test_the_change_page_opens_with_what_they_do_now(signed_in, administrator, manager, team):
    html = signed_in(administrator).get(change_page(manager)).content.decode()
    assert re.search(r'value="team_manager"[^>]*checked', html)
    assert re.search(rf'<option value="{team.pk}" selected>Safeguarding 1 \(Safeguarding\)', html)


def test_a_team_for_a_senior_leader_is_refused(signed_in, administrator, senior_leader, team):
    response = signed_in(administrator).post(
        change_page(senior_leader), {"role": "senior_leader", "team": str(team.pk)}
    )
    assert error_summary(response) == [
        (
            "#id_team",
            "A user with the role Senior leader is in no "
            "team or service: leave the team and service out",
        )
    ]


def test_ending_an_account_signs_them_out_and_stops_them_signing_in(
    signed_in, administrator, worker
):
    worker.set_password("correct horse battery staple")
    worker.save()
    elsewhere = sign_in(Client(), worker)
    response = signed_in(administrator).post(end_page(worker), {"reason": REASON})
    assert response["Location"] == reverse("web:users")
    worker.refresh_from_db()
    assert (worker.is_active, worker.left_on) == (False, TODAY)
    assert elsewhere.get(reverse("web:children"))["Location"].startswith(reverse("web:sign-in"))
    again = Client().post(
        reverse("web:sign-in"), {"username": "sam", "password": "correct horse battery staple"}
    )
    assert "Enter a correct username and password" in text(again)
    assert AccessEvent.objects.get(action="end-account").reason == REASON
    listed = text(signed_in(administrator).get(reverse("web:users")))
    assert "Sam Example's account has ended" in listed  # the banner
    assert "Change what Sam Example does" not in listed
    assert signed_in(administrator).get(end_page(worker)).status_code == 404


def test_ending_needs_a_reason(signed_in, administrator, worker):
    response = signed_in(administrator).post(end_page(worker), {"reason": "left"})
    assert error_summary(response) == [("#id_reason", "Enter a reason of at least 10 characters")]
    worker.refresh_from_db()
    assert worker.is_active


def test_an_administrator_cannot_end_their_own_account(signed_in, administrator):
    response = signed_in(administrator).post(end_page(administrator), {"reason": REASON})
    assert error_summary(response) == [
        ("#id_reason", "You cannot end your own account: ask another administrator")
    ]


@pytest.mark.parametrize(
    "who", ["worker", "manager", "service_manager", "senior_leader", "analyst", "inspector"]
)
def test_no_one_but_an_administrator_may_add_change_or_end(request, signed_in, who, other_worker):
    client = signed_in(request.getfixturevalue(who))
    for page in (ADD, change_page(other_worker), end_page(other_worker)):
        assert client.get(page).status_code == 403
    assert client.post(ADD, new_user(role="senior_leader")).status_code == 403
    assert client.post(change_page(other_worker), {"role": "qa_officer"}).status_code == 403
    assert client.post(end_page(other_worker), {"reason": REASON}).status_code == 403
    other_worker.refresh_from_db()
    assert (other_worker.role, other_worker.is_active) == ("practitioner", True)
    assert not User.objects.filter(username="jo").exists()
    assert not AccessEvent.objects.filter(
        action__in=["add-user", "change-user", "end-account"]
    ).exists()
