from uuid import UUID

from django.urls import URLPattern, reverse
from django.urls.converters import UUIDConverter

from oversight.accounts.second_factor import current_code
from oversight.accounts.testing import authenticator
from oversight.web import urls
from oversight.web.tests.conftest import PASSWORD
from oversight.web.tests.helpers import error_summary, text, title

OPEN_PAGES = {"sign-in"}
ARGUMENTS = {
    "pk": 1, "contact_pk": 1, "referral_pk": 1, "id": "rereferrals", "table": "trend", "fmt": "csv",
    "finding_pk": 1, "action_pk": 1, "year": "2025-26", "area": "leaders",
    "urn": "80474", "case_pk": 1, "sample": 1, "n": 1, "escalation": 1, "episode_pk": 1,
}  # fmt: skip
A_UUID = UUID(int=1)  # a job's address


def every_page() -> list[str]:
    pages = []
    for pattern in urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        if pattern.name not in OPEN_PAGES:
            kwargs = {
                name: A_UUID if isinstance(converter, UUIDConverter) else ARGUMENTS[name]
                for name, converter in pattern.pattern.converters.items()
            }
            pages.append(reverse(f"web:{pattern.name}", kwargs=kwargs))
    return pages


def test_every_page_sends_a_visitor_who_is_not_signed_in_to_sign_in(client, db):
    for page in every_page():
        for method in (client.get, client.post):
            response = method(page)
            assert response.status_code == 302, page
            assert response["Location"].startswith(reverse("web:sign-in")), page


def test_the_sign_in_page_is_open_and_titled_in_the_house_style(client, db):
    response = client.get(reverse("web:sign-in"))
    assert response.status_code == 200
    assert title(response) == "Sign in — Oversight"


def test_signing_in_asks_for_the_security_code_then_goes_to_my_work(client, worker):
    worker.set_password(PASSWORD)
    worker.save()
    device = authenticator(worker)
    response = client.post(reverse("web:sign-in"), {"username": "sam", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/code/?next=%2F"
    response = client.post(response["Location"], {"code": current_code(device)})
    assert response.status_code == 302
    assert response["Location"] == reverse("web:my-work")


def test_a_wrong_password_is_shown_in_the_error_summary(client, worker):
    response = client.post(reverse("web:sign-in"), {"username": "sam", "password": "wrong"})
    assert title(response) == "Error: Sign in — Oversight"
    assert error_summary(response) == [("#id_username", "Enter a correct username and password")]


def test_signing_out_needs_a_post_and_ends_the_session(signed_in, worker):
    client = signed_in(worker)
    assert client.get(reverse("web:sign-out")).status_code == 405
    response = client.post(reverse("web:sign-out"), follow=True)
    assert "You have signed out" in text(response)
    assert client.get(reverse("web:my-work")).status_code == 302
