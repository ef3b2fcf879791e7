"""An administrator gives a social worker their Social Work England number when adding or
changing them; a number that is not "SW" and digits is refused against its field."""

import pytest
from django.urls import reverse

from oversight.accounts.models import User
from oversight.web.tests.helpers import error_summary, text

pytestmark = pytest.mark.django_db
ADD = reverse("web:add-user")


def new_user(team, **answers: str) -> dict[str, str]:
    form = {"username": "jo", "first_name": "Jo", "last_name": "Example",
            "role": "practitioner", "team": str(team.pk)}  # fmt: skip
    return {**form, **answers}


def test_a_new_social_worker_is_added_with_their_number(signed_in, administrator, team):
    response = signed_in(administrator).post(ADD, new_user(team, swe_number="SW123456"))
    assert response.status_code == 200
    assert User.objects.get(username="jo").swe_number == "SW123456"


def test_a_number_that_is_not_sw_and_digits_is_refused_against_it(signed_in, administrator, team):
    response = signed_in(administrator).post(ADD, new_user(team, swe_number="12345"))
    assert error_summary(response) == [
        ("#id_swe_number", "'12345' is not a Social Work England number: enter SW and its "
         "digits, like SW123456, or leave it blank"),
    ]  # fmt: skip
    assert not User.objects.filter(username="jo").exists()


def test_the_change_page_shows_the_number_and_saves_a_new_one(signed_in, administrator, worker):
    worker.swe_number = "SW111111"
    worker.save()
    page = reverse("web:change-user", args=[worker.pk])
    client = signed_in(administrator)
    assert 'value="SW111111"' in client.get(page).content.decode()
    answers = {"role": "practitioner", "team": str(worker.team_id), "swe_number": "SW222222"}
    response = client.post(page, answers)
    assert response.status_code == 302
    worker.refresh_from_db()
    assert worker.swe_number == "SW222222"
    assert "SWE number SW111111 to SW222222" in text(client.get(reverse("web:users")))
